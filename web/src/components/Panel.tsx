import { type ReactNode, useId } from 'react';

/**
 * A titled part of a page: a `<section>` named by its heading (a landmark screen readers list). `actions`
 * sit beside the heading; `className` adds modifiers (e.g. `panel wide`).
 */
export function Panel({
  title,
  level = 2,
  actions,
  className,
  id,
  children,
}: {
  title: ReactNode;
  level?: 2 | 3;
  actions?: ReactNode;
  className?: string;
  /** A stable id for the heading (deep links, tests); generated when omitted. */
  id?: string;
  children: ReactNode;
}) {
  const generated = useId();
  const headingId = id ?? `h${generated.replace(/:/g, '')}`;
  const H = level === 2 ? 'h2' : 'h3';
  const heading = <H id={headingId}>{title}</H>;
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={headingId}>
      {actions ? (
        <div className="panel-head">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
