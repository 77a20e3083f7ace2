import type { ReactNode } from 'react';

/**
 * Horizontally scrollable container for wide tables on small screens; focusable and named so that
 * keyboard users can scroll it (WCAG 2.1.1, axe "scrollable-region-focusable").
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
