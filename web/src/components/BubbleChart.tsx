import { useEffect, useRef } from 'react';

export interface Bubble {
  label: string;
  x: number;
  y: number;
  size: number;
}

/**
 * Bubble chart (ECharts, SVG, loaded lazily): x and y on a 0–5 scale, bubble area from `size` (0–5).
 * Decorative for assistive technology: the page shows the same numbers in a table beside it.
 */
export function BubbleChart({ points, xName, yName }: { points: Bubble[]; xName: string; yName: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([points, xName, yName]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw only when the numbers change (key)
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    void (async () => {
      const { init } = await import('../lib/echarts');
      if (disposed || !ref.current) return;
      const c = init(ref.current, undefined, { renderer: 'svg' });
      chart = c;
      const color = getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim() || '#1f4e8c';
      const axis = (name: string) => ({
        type: 'value' as const,
        min: 0,
        max: 5,
        interval: 1,
        name,
        nameLocation: 'middle' as const,
        nameGap: 28,
      });
      c.setOption({
        animation: false,
        aria: { enabled: false },
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
      });
      window.addEventListener('resize', onResize);
    })();
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [key]);
  return <div ref={ref} className="chart" aria-hidden="true" style={{ height: '420px' }} />;
}
