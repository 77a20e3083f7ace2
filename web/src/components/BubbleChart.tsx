import { fmtNumber } from '../lib/format';
import { EChart } from './EChart';

export interface Bubble {
  label: string;
  x: number;
  y: number;
  size: number;
}

/** Bubble chart: x and y on a 0–5 scale, bubble area from `size` (0–5); beside a table with the numbers. */
export function BubbleChart({ points, xName, yName }: { points: Bubble[]; xName: string; yName: string }) {
  const axis = (name: string) => ({
    type: 'value' as const,
    min: 0,
    max: 5,
    interval: 1,
    name,
    nameLocation: 'middle' as const,
    nameGap: 28,
    axisLabel: { formatter: (v: number) => fmtNumber(v) },
  });
  return (
    <EChart
      height={420}
      option={(color) => ({
        grid: { left: 48, right: 24, top: 16, bottom: 48 },
        xAxis: axis(xName),
        yAxis: axis(yName),
        series: [
          {
            type: 'scatter',
            data: points.map((p) => ({ value: [p.x, p.y], name: p.label, symbolSize: 14 + p.size * 9 })),
            itemStyle: { color, opacity: 0.6, borderColor: '#1a1a1a', borderWidth: 1 },
            label: { show: true, position: 'top', formatter: '{b}', color: '#1a1a1a', fontSize: 12 },
          },
        ],
      })}
    />
  );
}
