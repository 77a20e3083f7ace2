import { EChart, PALETTE } from './EChart';

/** Vertical stacked bars (e.g. costs per year and category) with a legend; beside a table with the numbers. */
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
      height={320}
      option={() => ({
        color: PALETTE,
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
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
      option={(color) => ({
        grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatX(v) } },
        yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatY(v) } },
        series: [{ type: 'line', data: points, showSymbol: false, lineStyle: { color, width: 3 } }],
      })}
    />
  );
}
