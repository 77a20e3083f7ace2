import { type Column, DataTable } from './DataTable';
import { EChart, isNarrow, PALETTE } from './EChart';

export interface RadarSeries {
  name: string;
  /** One value per axis; null where there is none (drawn at the centre, written as `missing` in the table). */
  values: (number | null)[];
}

/** Breaks an axis name into lines of at most `max` characters at spaces (and hyphens), for a narrow chart. */
function wrap(name: string, max: number): string {
  // a compound with a hyphen may break after it ("Online-Dienste")
  const words = name.split(' ').flatMap((w) => w.split(/(?<=-)/));
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const glue = line === '' || line.endsWith('-') ? '' : ' ';
    if (line !== '' && (line + glue + w).length > max) {
      lines.push(line);
      line = w;
    } else line += glue + w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/**
 * A radar (spider) chart of levels on a common scale, e.g. the maturity of each dimension from 1 to `max`, with an
 * optional second series drawn dashed (a previous state). The drawing is decorative for assistive technology: the
 * same values stand beside it in a table (dimension × series), named by `label`. On a phone the chart stands above
 * the table and the axis names wrap.
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
  /** The table's first column header (e.g. "Dimension"). */
  axisHeader: string;
  format?: (v: number) => string;
  /** What the table shows for a missing value (e.g. "noch offen"). */
  missing: string;
}) {
  const rows = axes.map((name, i) => ({ name, i }));
  const columns: Column<{ name: string; i: number }>[] = [
    { header: axisHeader, cell: (r) => r.name, rowHeader: true },
    ...series.map((s) => ({
      header: s.name,
      numeric: true,
      cell: (r: { i: number }) => {
        const v = s.values[r.i];
        return v === null || v === undefined ? missing : format(v);
      },
    })),
  ];
  return (
    <figure className="chart-pair radar-figure" aria-label={label}>
      <EChart
        height={(width) => (isNarrow(width) ? Math.max(280, Math.round(width * 0.95)) : 400)}
        option={(primary, width) => {
          const narrow = isNarrow(width);
          return {
            legend:
              series.length > 1
                ? { bottom: 0, data: series.map((s) => s.name), textStyle: { color: '#1a1a1a' } }
                : undefined,
            radar: {
              indicator: axes.map((name) => ({ name: wrap(name, narrow ? 12 : 18), max, min: 0 })),
              shape: 'polygon',
              splitNumber: max,
              radius: narrow ? '58%' : '66%',
              center: ['50%', series.length > 1 ? '46%' : '50%'],
              axisName: { color: '#1a1a1a', fontSize: narrow ? 11 : 12, lineHeight: narrow ? 13 : 15 },
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
