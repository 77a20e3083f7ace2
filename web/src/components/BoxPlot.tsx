import { useTranslation } from 'react-i18next';
import { fmtNumber } from '../lib/format';
import { type Column, DataTable } from './DataTable';
import { EChart, isNarrow } from './EChart';
import './BoxPlot.css';

/** One box: a group's distribution (10 % and 90 % percentiles as whiskers, quartiles as box, the median). */
export interface BoxPlotGroup {
  key: string;
  label: string;
  /** Null where too few values lie behind it (no whisker then). */
  p10: number | null;
  q1: number;
  median: number;
  q3: number;
  p90: number | null;
  /** How many values the distribution rests on (shown in the table when given). */
  n?: number;
}

/** Average character width of the chart font (12 px) for laying out labels before they are drawn. */
const CHAR_PX = 6.6;
const LINE = 16;
/** The own value's marker: Okabe–Ito vermilion, a diamond (shape and colour differ from the boxes). */
const OWN_COLOUR = '#D55E00';

/**
 * Horizontal box plots of several groups on one scale, with the own value as a marked point on each group's row.
 * The drawing is decorative for assistive technology; the figure is named by `label`, and a table below carries
 * the same numbers (DESIGN.md). `format` writes the table's cells, `axisFormat` the ticks (default the same; German
 * formatters).
 */
export function BoxPlot({
  label,
  groups,
  own,
  format,
  axisFormat = format,
  min,
  max,
}: {
  /** What is shown ("Anteil der Leistungen online"): names the figure and the table. */
  label: string;
  groups: BoxPlotGroup[];
  /** The own value and how it is called in the legend ("Ihr Wert: 38,5 %"). */
  own?: { value: number; label: string } | null;
  format: (v: number) => string;
  axisFormat?: (v: number) => string;
  /** Fixed ends of the value axis (e.g. 0 and 100 for percentages); otherwise from the data. */
  min?: number;
  max?: number;
}) {
  const { t } = useTranslation();
  const labelWidth = (width: number) => (isNarrow(width) ? width - 24 : 200);
  const lines = (width: number) =>
    Math.min(3, Math.max(1, ...groups.map((g) => Math.ceil((g.label.length * CHAR_PX) / labelWidth(width)))));
  const box = (width: number) => (isNarrow(width) ? 18 : 24);
  const band = (width: number) =>
    isNarrow(width) ? box(width) + lines(width) * LINE + 22 : Math.max(44, lines(width) * LINE + 16);
  const columns: Column<BoxPlotGroup>[] = [
    { header: t('boxPlot.group'), cell: (g) => g.label, rowHeader: true },
    { header: t('boxPlot.p10'), cell: (g) => (g.p10 === null ? '–' : format(g.p10)), numeric: true },
    { header: t('boxPlot.q1'), cell: (g) => format(g.q1), numeric: true },
    { header: t('boxPlot.median'), cell: (g) => format(g.median), numeric: true },
    { header: t('boxPlot.q3'), cell: (g) => format(g.q3), numeric: true },
    { header: t('boxPlot.p90'), cell: (g) => (g.p90 === null ? '–' : format(g.p90)), numeric: true },
  ];
  if (groups.some((g) => g.n !== undefined))
    columns.push({ header: t('boxPlot.n'), cell: (g) => fmtNumber(g.n), numeric: true });
  return (
    <figure className="box-plot" aria-label={t('boxPlot.aria', { label })}>
      <EChart
        height={(width) => groups.length * band(width) + 40}
        option={(color, width) => {
          const narrow = isNarrow(width);
          return {
            grid: narrow
              ? { left: 12, right: 16, top: 8, bottom: 28, containLabel: false }
              : { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
            xAxis: {
              type: 'value',
              min,
              max,
              scale: min === undefined,
              splitNumber: narrow ? 3 : 5,
              axisLabel: { formatter: (v: number) => axisFormat(v), hideOverlap: true },
            },
            yAxis: {
              type: 'category',
              data: groups.map((g) => g.label),
              inverse: true,
              axisTick: { show: !narrow },
              axisLabel: narrow
                ? {
                    inside: true,
                    verticalAlign: 'bottom',
                    padding: [0, 0, box(width) / 2 + 6, 0],
                    width: labelWidth(width),
                    overflow: 'break',
                    lineHeight: LINE,
                    color: '#1a1a1a',
                  }
                : { width: labelWidth(width), overflow: 'break', lineHeight: LINE },
            },
            series: [
              {
                type: 'boxplot',
                data: groups.map((g) => [g.p10 ?? g.q1, g.q1, g.median, g.q3, g.p90 ?? g.q3]),
                boxWidth: [box(width), box(width)],
                itemStyle: { color: '#e6eef8', borderColor: color, borderWidth: 2 },
              },
              ...(own
                ? [
                    {
                      type: 'scatter',
                      data: groups.map((_, i) => [own.value, i]),
                      symbol: 'diamond',
                      symbolSize: 16,
                      z: 5,
                      itemStyle: { color: OWN_COLOUR, borderColor: '#1a1a1a', borderWidth: 1 },
                    },
                  ]
                : []),
            ],
          };
        }}
      />
      <figcaption className="muted box-plot-legend">
        <span>{t('boxPlot.legend')}</span>
        {own && (
          <span>
            <span className="own-marker" aria-hidden="true" /> {own.label}
          </span>
        )}
      </figcaption>
      <DataTable
        label={t('boxPlot.table', { label })}
        caption={t('boxPlot.caption')}
        columns={columns}
        rows={groups}
        rowKey={(g) => g.key}
        empty={t('boxPlot.empty')}
      />
    </figure>
  );
}
