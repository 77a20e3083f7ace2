import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../lib/api';
import { errorMessage } from '../lib/errors';
import { Button } from './Button';
import { HelpLink } from './HelpLink';

/** Page frame: breadcrumb, the one h1, document title, and the link to the guides for the page's module. */
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
      <div className="page-head">
        <h1>{title}</h1>
        {actions}
        <HelpLink />
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

type QueryState = { error: unknown; refetch: () => unknown; isFetching?: boolean };

/** Whether asking again can help: the connection, a timeout, rate limiting or the server failed. */
function retryable(err: unknown): boolean {
  if (!(err instanceof ApiError)) return true;
  return err.status === 0 || err.status === 408 || err.status === 429 || err.status >= 500;
}

/**
 * The one loading/error frame of every page and panel that loads data: "Wird geladen …" while the requests run,
 * and when one failed, its error with "Erneut versuchen" (for failures a retry can cure) — never an endless
 * spinner. Pass the page's query, or all queries the content needs.
 */
export function Pending({
  query,
  queries = query ? [query] : [],
  preferField = false,
}: {
  query?: QueryState;
  queries?: QueryState[];
  preferField?: boolean;
}) {
  const { t } = useTranslation();
  const failed = queries.filter((q) => q.error);
  const first = failed[0];
  if (!first) return <Loading />;
  return (
    <Alert kind="error">
      {errorMessage(first.error, t, preferField)}{' '}
      {retryable(first.error) && (
        <Button
          variant="secondary"
          small
          isDisabled={failed.some((q) => q.isFetching)}
          onPress={() => {
            for (const q of failed) void q.refetch();
          }}
        >
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
