import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './Checklist.css';

export interface ChecklistItem {
  key: string;
  done: boolean;
  title: string;
  hint: string;
  /** What the data says now ("2 Personen, 1 Einladung offen"). */
  detail?: ReactNode;
  /** Where to do it; shown while the step is open. */
  action?: { to: string; label: string };
}

/**
 * Steps that tick themselves from real data: a numbered list, each step's state in words ("erledigt"/"offen")
 * besides the mark, so nothing depends on colour; the progress is told in words and shown as a bar.
 */
export function Checklist({ id, items }: { id: string; items: ChecklistItem[] }) {
  const { t } = useTranslation();
  const done = items.filter((i) => i.done).length;
  return (
    <>
      <p id={`${id}-progress`} className="checklist-progress">
        {t('checklist.progress', { done, total: items.length })}
        <progress value={done} max={items.length} aria-labelledby={`${id}-progress`} />
      </p>
      <ol className="checklist">
        {items.map((item, i) => (
          <li key={item.key} className={item.done ? 'done' : undefined}>
            <span className="mark" aria-hidden="true">
              {item.done ? '✓' : i + 1}
            </span>
            <div>
              <h3>
                {item.title}{' '}
                <span className={`state ${item.done ? 'state-done' : 'state-open'}`}>
                  ({item.done ? t('checklist.done') : t('checklist.open')})
                </span>
              </h3>
              {!item.done && <p className="hint">{item.hint}</p>}
              {item.detail && <p className="detail">{item.detail}</p>}
              {!item.done && item.action && <Link to={item.action.to}>{item.action.label}</Link>}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
