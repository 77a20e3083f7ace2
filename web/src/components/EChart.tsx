import { useEffect, useRef } from 'react';

/**
 * An ECharts chart (SVG renderer), loaded on first use so it never weighs on the initial bundle.
 * Charts are decorative for assistive technology: every chart stands beside a table with the same
 * numbers (DESIGN.md), so the drawing is aria-hidden. `option` gets the primary colour from the tokens.
 */
export function EChart({ option, height }: { option: (primary: string) => object; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const built = option('#1f4e8c');
  const key = JSON.stringify(built);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw only when the chart's content changes (key)
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    void (async () => {
      const { init } = await import('../lib/echarts');
      if (disposed || !ref.current) return;
      const c = init(ref.current, undefined, { renderer: 'svg' });
      chart = c;
      const primary =
        getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim() || '#1f4e8c';
      c.setOption({ animation: false, aria: { enabled: false }, ...option(primary) });
      window.addEventListener('resize', onResize);
    })();
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [key]);
  return <div ref={ref} className="chart" aria-hidden="true" style={{ height: `${height}px` }} />;
}

/** Colour-blind-safe palette (Okabe–Ito) shared by all charts. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  '#999999',
];
