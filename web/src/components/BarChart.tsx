import { useEffect, useRef } from 'react';

/**
 * Horizontal bar chart drawn by ECharts (SVG renderer), loaded on first use so that it never
 * weighs on the initial bundle. The chart is decorative for assistive technology: every chart
 * stands beside a data table with the same numbers (DESIGN.md), so it is aria-hidden.
 */
export function BarChart({ labels, values, max }: { labels: string[]; values: number[]; max?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([labels, values, max]);
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
      const css = getComputedStyle(document.documentElement);
      const color = css.getPropertyValue('--color-primary').trim() || '#1f5f8b';
      c.setOption({
        animation: false,
        aria: { enabled: false },
        grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max, minInterval: 1 },
        yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
        series: [{ type: 'bar', data: values, itemStyle: { color }, label: { show: true, position: 'right' } }],
      });
      window.addEventListener('resize', onResize);
    })();
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [key]);
  return (
    <div
      ref={ref}
      className="chart"
      aria-hidden="true"
      style={{ height: `${Math.max(120, labels.length * 34 + 24)}px` }}
    />
  );
}
