import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Error summary at the top of a form, with links to the fields; takes focus when it appears. */
export function ErrorSummary({
  errors,
  labels,
  message,
}: {
  errors: Record<string, string>;
  labels: Record<string, string>;
  message?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter(([k]) => k in labels);
  const visible = entries.length > 0 || Boolean(message);
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible]);
  if (!visible) return null;
  return (
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
                  document.querySelector<HTMLElement>(`[name="${k}"]`)?.focus();
                }}
              >
                {labels[k]}: {v}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
