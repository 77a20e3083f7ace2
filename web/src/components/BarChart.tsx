import { fmtNumber } from '../lib/format';
import { EChart, isNarrow } from './EChart';

/** Average character width of the chart font (12 px) for laying out labels before they are drawn. */
const CHAR_PX = 6.6;
/** Line height of wrapped category labels. */
const LINE = 16;

/**
 * Horizontal bar chart (beside a data table with the same numbers). Values, data labels and axis ticks are written
 * with the German formatters (`format`, e.g. euros; `axisFormat` for the ticks, default the same). On a phone each
 * category label stands above its bar across the whole width (wrapping onto more lines), so the bars keep the full
 * width instead of being squeezed away by the labels.
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
  const labelWidth = (width: number) => (isNarrow(width) ? width - 24 : 220);
  const lines = (width: number) =>
    Math.min(4, Math.max(1, ...labels.map((l) => Math.ceil((l.length * CHAR_PX) / labelWidth(width)))));
  const valueWidth = Math.max(...values.map((v) => format(v).length), 1) * CHAR_PX + 12;
  const bar = (width: number) => (isNarrow(width) ? 20 : 28);
  // one band per category: the bar, and on a phone the label lines above it
  const band = (width: number) =>
    isNarrow(width) ? bar(width) + lines(width) * LINE + 18 : Math.max(34, lines(width) * LINE + 10);
  return (
    <EChart
      height={(width) => Math.max(120, labels.length * band(width) + 32)}
      option={(color, width) => {
        const narrow = isNarrow(width);
        return {
          // on a phone the labels are inside the plot: only the value labels and the ticks need room
          grid: narrow
            ? { left: 12, right: Math.ceil(valueWidth), top: 8, bottom: 28, containLabel: false }
            : { left: 8, right: Math.ceil(valueWidth), top: 8, bottom: 8, containLabel: true },
          xAxis: {
            type: 'value',
            max,
            minInterval: 1,
            splitNumber: narrow ? 2 : 5,
            axisLabel: { formatter: (v: number) => axisFormat(v), hideOverlap: true },
          },
          yAxis: {
            type: 'category',
            data: labels,
            inverse: true,
            axisTick: { show: !narrow },
            axisLabel: narrow
              ? {
                  inside: true,
                  verticalAlign: 'bottom',
                  padding: [0, 0, bar(width) / 2 + 4, 0],
                  width: labelWidth(width),
                  overflow: 'break',
                  lineHeight: LINE,
                  color: '#1a1a1a',
                }
              : { width: labelWidth(width), overflow: 'break', lineHeight: LINE },
          },
          series: [
            {
              type: 'bar',
              data: values,
              itemStyle: { color },
              barMaxWidth: bar(width),
              label: { show: true, position: 'right', formatter: (p: { value: number }) => format(p.value) },
            },
          ],
        };
      }}
    />
  );
}
