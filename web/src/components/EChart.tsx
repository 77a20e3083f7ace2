import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * An ECharts chart (SVG renderer), loaded on first use so it never weighs on the initial bundle.
 * Charts are decorative for assistive technology: every chart stands beside a table with the same
 * numbers (DESIGN.md), so the drawing is aria-hidden. `option` gets the primary colour from the tokens and the
 * width the chart has, so that labels and axes can adapt to a phone; `height` may depend on the width too.
 */
export function EChart({
  option,
  height,
}: {
  option: (primary: string, width: number) => object;
  height: number | ((width: number) => number);
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<{ dispose(): void; resize(): void }>(undefined);
  const [width, setWidth] = useState(0);
  // the width of the frame, followed on every resize (menu, rotation, window)
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.round(el.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // ECharts (about 180 KB) is fetched once the chart comes near the screen: a chart further down the page does not
  // weigh on its first load (the table beside it has the same numbers)
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return setNear(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        setNear(true);
        observer.disconnect();
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const built = width > 0 ? option('#1f4e8c', width) : null;
  const key = near ? JSON.stringify(built) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw only when the chart's content changes (key)
  useEffect(() => {
    if (width === 0 || !near) return;
    let disposed = false;
    void (async () => {
      const { init } = await import('../lib/echarts');
      if (disposed || !ref.current) return;
      const c = init(ref.current, undefined, { renderer: 'svg' });
      chartRef.current = c;
      const primary =
        getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim() || '#1f4e8c';
      c.setOption({ animation: false, aria: { enabled: false }, ...option(primary, width) });
    })();
    return () => {
      disposed = true;
      chartRef.current?.dispose();
      chartRef.current = undefined;
    };
  }, [key]);
  const px = typeof height === 'function' ? height(width || 600) : height;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new size of the frame is the reason to resize
  useEffect(() => {
    chartRef.current?.resize();
  }, [width, px]);
  return <div ref={ref} className="chart" aria-hidden="true" style={{ height: `${px}px` }} />;
}

/** Whether a chart is as narrow as on a phone: labels move, wrap or thin out. */
export const isNarrow = (width: number) => width < 520;

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
