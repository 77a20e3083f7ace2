import { EChart, isNarrow, PALETTE } from './EChart';

/**
 * Vertical stacked bars (e.g. costs per year and category) with a legend; beside a table with the numbers.
 * `format` writes the axis ticks (German formatters); on a phone the legend scrolls instead of covering the bars.
 */
export function StackedBars({
  labels,
  series,
  format,
}: {
  labels: string[];
  series: { name: string; values: number[] }[];
  format: (v: number) => string;
}) {
  return (
    <EChart
      height={(width) => (isNarrow(width) ? 300 : 320)}
      option={(_, width) => ({
        color: PALETTE,
        legend: { bottom: 0, type: isNarrow(width) ? 'scroll' : 'plain' },
        grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
        xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
        yAxis: {
          type: 'value',
          splitNumber: isNarrow(width) ? 3 : 5,
          axisLabel: { formatter: (v: number) => format(v), hideOverlap: true },
        },
        series: series.map((s) => ({ type: 'bar', stack: 'total', name: s.name, data: s.values })),
      })}
    />
  );
}

/** A line (e.g. the S-curve of a simulation) over numeric x values; beside a table with the numbers. */
export function LineChart({
  points,
  formatX,
  formatY,
}: {
  points: [number, number][];
  formatX: (v: number) => string;
  formatY: (v: number) => string;
}) {
  return (
    <EChart
      height={280}
      option={(color, width) => ({
        grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
        xAxis: {
          type: 'value',
          scale: true,
          splitNumber: isNarrow(width) ? 2 : 5,
          axisLabel: { formatter: (v: number) => formatX(v), hideOverlap: true },
        },
        yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatY(v) } },
        series: [{ type: 'line', data: points, showSymbol: false, lineStyle: { color, width: 3 } }],
      })}
    />
  );
}
