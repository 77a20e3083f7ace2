import { type Column, DataTable } from './DataTable';
import { EChart, isNarrow, PALETTE } from './EChart';

export interface RadarSeries {
  name: string;
  /** A shorter name for the table's column header (e.g. the date only); `name` when not given. */
  short?: string;
  /** One value per axis; null where there is none (drawn at the centre, written as `missing` in the table). */
  values: (number | null)[];
}

/** Breaks an axis name into lines of at most `max` characters at spaces and after hyphens, for a narrow chart. */
function wrap(name: string, max: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(' ')) {
    // a compound with a hyphen may break after it ("Projekt-" / "und"), its parts glued without a space
    word.split(/(?<=-)(?=.)/).forEach((part, i) => {
      const glue = line === '' || i > 0 ? '' : ' ';
      if (line !== '' && (line + glue + part).length > max) {
        lines.push(line);
        line = part;
      } else line += glue + part;
    });
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/**
 * A radar (spider) chart of levels on a common scale, e.g. the maturity of each dimension from 1 to `max`, with an
 * optional second series drawn dashed (a previous state). The drawing is decorative for assistive technology: the
 * same values stand below it in a table (axis × series, each axis with its number), named by `label`. On a phone
 * the axes carry their numbers only, so that the drawing keeps its size; the table names them.
 */
export function RadarChart({
  label,
  axes,
  series,
  max = 5,
  axisHeader,
  format = (v) => String(v),
  missing,
}: {
  /** Names the figure and the table (e.g. "Reifegrad je Dimension"). */
  label: string;
  /** The axis names (dimensions), in order. */
  axes: string[];
  /** One or two series; the first is the main one. */
  series: RadarSeries[];
  max?: number;
  /** The header of the table's column of axis names (e.g. "Dimension"). */
  axisHeader: string;
  format?: (v: number) => string;
  /** What the table shows for a missing value (e.g. "noch offen"). */
  missing: string;
}) {
  const rows = axes.map((name, i) => ({ name, i }));
  const columns: Column<{ name: string; i: number }>[] = [
    {
      header: axisHeader,
      rowHeader: true,
      cell: (r) => (
        <>
          <span className="axis-number" aria-hidden="true">
            {r.i + 1}
          </span>{' '}
          {r.name}
        </>
      ),
    },
    ...series.map((s) => ({
      header: s.short ?? s.name,
      numeric: true,
      cell: (r: { i: number }) => {
        const v = s.values[r.i];
        return v === null || v === undefined ? missing : format(v);
      },
    })),
  ];
  return (
    <figure className="radar-figure" aria-label={label}>
      <EChart
        height={(width) =>
          (isNarrow(width) ? Math.max(260, Math.round(width * 0.9)) : 440) + (series.length > 1 ? 48 : 0)
        }
        option={(primary, width) => {
          const narrow = isNarrow(width);
          return {
            legend:
              series.length > 1
                ? { top: 0, data: series.map((s) => s.name), textStyle: { color: '#1a1a1a' } }
                : undefined,
            radar: {
              indicator: axes.map((name, i) => ({
                name: narrow ? String(i + 1) : `${i + 1} ${wrap(name, 16)}`,
                max,
                min: 0,
              })),
              shape: 'polygon',
              splitNumber: max,
              radius: narrow ? '70%' : '66%',
              center: ['50%', series.length > 1 ? (narrow ? '59%' : '54%') : '50%'],
              axisName: {
                color: '#1a1a1a',
                fontSize: narrow ? 13 : 12,
                fontWeight: narrow ? 'bold' : 'normal',
                lineHeight: 15,
              },
              splitLine: { lineStyle: { color: '#d5d9e0' } },
              splitArea: { show: false },
              axisLine: { lineStyle: { color: '#d5d9e0' } },
            },
            series: [
              {
                type: 'radar',
                symbolSize: 6,
                data: series.map((s, i) => ({
                  name: s.name,
                  value: s.values.map((v) => v ?? 0),
                  lineStyle: { color: i === 0 ? primary : PALETTE[1], width: 2, type: i === 0 ? 'solid' : 'dashed' },
                  itemStyle: { color: i === 0 ? primary : PALETTE[1] },
                  areaStyle: i === 0 ? { color: primary, opacity: 0.15 } : undefined,
                  symbol: i === 0 ? 'circle' : 'rect',
                })),
              },
            ],
          };
        }}
      />
      <DataTable label={label} columns={columns} rows={rows} rowKey={(r) => String(r.i)} empty={missing} />
    </figure>
  );
}
