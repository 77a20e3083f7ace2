import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../lib/errors';
import { Button } from './Button';

/** Page frame: breadcrumb, the one h1, document title. */
export function Page({
  title,
  crumbs = [],
  actions,
  children,
}: {
  title: string;
  crumbs?: { to: string; label: string }[];
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – Digitalzirkel`;
  }, [title]);
  return (
    <>
      {crumbs.length > 0 && (
        <nav className="breadcrumb" aria-label={t('shell.breadcrumb')}>
          <ol>
            {crumbs.map((c) => (
              <li key={c.to}>
                <Link to={c.to}>{c.label}</Link>
              </li>
            ))}
            <li aria-current="page">{title}</li>
          </ol>
        </nav>
      )}
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'flex-start',
          gap: 16,
          flexWrap: 'wrap',
        }}
      >
        <h1>{title}</h1>
        {actions}
      </div>
      {children}
    </>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/**
 * A message box. Errors and confirmations are the answer to something the user just did: when one
 * appears or changes outside the visible part of the page, it is scrolled into view (no message out of view).
 */
export function Alert({ kind, children }: { kind: 'error' | 'success' | 'info' | 'warning'; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || (kind !== 'error' && kind !== 'success')) return;
    const text = el.textContent ?? '';
    if (text === shown.current) return;
    shown.current = text;
    const box = el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) el.scrollIntoView?.({ block: 'nearest' });
  });
  return (
    <div ref={ref} className={`alert ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <p aria-live="polite">{t('common.loading')}</p>;
}

/** A request still loading — or, when it failed, its error with a retry: never an endless spinner. */
export function Pending({ query }: { query: { error: unknown; refetch: () => unknown } }) {
  const { t } = useTranslation();
  if (!query.error) return <Loading />;
  return (
    <Alert kind="error">
      {errorMessage(query.error, t)}{' '}
      <Button variant="secondary" small onPress={() => void query.refetch()}>
        {t('common.reload')}
      </Button>
    </Alert>
  );
}
