import { EChart } from './EChart';

/** Horizontal bar chart (beside a data table with the same numbers). */
export function BarChart({ labels, values, max }: { labels: string[]; values: number[]; max?: number }) {
  return (
    <EChart
      height={Math.max(120, labels.length * 34 + 24)}
      option={(color) => ({
        grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max, minInterval: 1 },
        yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
        series: [{ type: 'bar', data: values, itemStyle: { color }, label: { show: true, position: 'right' } }],
      })}
    />
  );
}
