import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel, publishFieldErrors } from './field-errors';

/**
 * Error summary at the top of a form, with links to the fields; takes focus whenever new errors appear
 * (client-side checks and the server's field errors alike). Every error whose field is on the page is
 * listed — `labels` names fields where the visible label would not do — and the fields in the same part
 * of the page (the summary's parent element) are marked with their message.
 */
export function ErrorSummary({
  errors,
  labels = {},
  message,
}: {
  errors: Record<string, string>;
  labels?: Record<string, string>;
  message?: string;
}) {
  const { t } = useTranslation();
  const slot = useRef<HTMLDivElement>(null);
  const scope = useRef<Element | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const [found, setFound] = useState<Record<string, string>>({});
  const key = JSON.stringify([errors, message ?? '']);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the errors' content (callers build new objects)
  useLayoutEffect(() => {
    const s = slot.current?.parentElement ?? null;
    scope.current = s;
    if (!s) return;
    publishFieldErrors(s, errors);
    const more: Record<string, string> = {};
    for (const k of Object.keys(errors)) {
      const l = k in labels ? undefined : fieldLabel(s, k);
      if (l) more[k] = l;
    }
    setFound(more);
  }, [key]);
  useEffect(
    () => () => {
      if (scope.current) publishFieldErrors(scope.current, {});
    },
    [],
  );
  const names = { ...found, ...labels };
  const entries = Object.entries(errors).filter(([k]) => k in names);
  const visible = entries.length > 0 || Boolean(message);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again for every new set of errors
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, key]);
  return (
    <div ref={slot} className="error-summary-slot">
      {visible && (
        <div className="alert error" role="alert" tabIndex={-1} ref={ref}>
          <h2>{message ?? t('form.errorSummary')}</h2>
          {entries.length > 0 && (
            <ul>
              {entries.map(([k, v]) => (
                <li key={k}>
                  <a
                    href={`#${k}`}
                    onClick={(e) => {
                      e.preventDefault();
                      (scope.current ?? document).querySelector<HTMLElement>(`[name="${CSS.escape(k)}"]`)?.focus();
                    }}
                  >
                    {names[k]}: {v}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
