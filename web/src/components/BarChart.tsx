import { fmtNumber } from '../lib/format';
import { EChart, isNarrow } from './EChart';

/** Average character width of the chart font (12 px) for laying out labels before they are drawn. */
const CHAR_PX = 6.6;

/**
 * Horizontal bar chart (beside a data table with the same numbers). Values, data labels and axis ticks are written
 * with the German formatters (`format`, e.g. euros; `axisFormat` for the ticks, default the same). On a phone the
 * category labels take at most 40 % of the width and wrap onto more lines instead of squeezing the bars away.
 */
export function BarChart({
  labels,
  values,
  max,
  format = (v: number) => fmtNumber(v),
  axisFormat = format,
}: {
  labels: string[];
  values: number[];
  max?: number;
  format?: (v: number) => string;
  axisFormat?: (v: number) => string;
}) {
  const labelWidth = (width: number) => (isNarrow(width) ? Math.max(90, Math.round(width * 0.4)) : 220);
  const lines = (width: number) =>
    Math.min(4, Math.max(1, ...labels.map((l) => Math.ceil((l.length * CHAR_PX) / labelWidth(width)))));
  const valueWidth = Math.max(...values.map((v) => format(v).length), 1) * CHAR_PX + 12;
  return (
    <EChart
      height={(width) => Math.max(120, labels.length * Math.max(34, lines(width) * 16 + 10) + 32)}
      option={(color, width) => ({
        grid: { left: 8, right: Math.ceil(valueWidth), top: 8, bottom: 8, containLabel: true },
        xAxis: {
          type: 'value',
          max,
          minInterval: 1,
          splitNumber: isNarrow(width) ? 2 : 5,
          axisLabel: { formatter: (v: number) => axisFormat(v), hideOverlap: true },
        },
        yAxis: {
          type: 'category',
          data: labels,
          inverse: true,
          axisLabel: { width: labelWidth(width), overflow: 'break', lineHeight: 16 },
        },
        series: [
          {
            type: 'bar',
            data: values,
            itemStyle: { color },
            barMaxWidth: 28,
            label: { show: true, position: 'right', formatter: (p: { value: number }) => format(p.value) },
          },
        ],
      })}
    />
  );
}
