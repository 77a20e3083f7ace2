import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../components/Panel';
import { fmtDate } from '../../lib/format';
import { newsQuery } from './queries';

/** On the start page: the newest posts for me and, for the coordination, the drafts waiting. */
export function StartNews() {
  const { t } = useTranslation();
  const q = useQuery(newsQuery('published'));
  const editor = q.data?.can.edit ?? false;
  const drafts = useQuery(newsQuery('draft', editor));
  if (!q.data) return null;
  const waiting = drafts.data?.items.length ?? 0;
  if (!q.data.items.length && !waiting) return null;
  return (
    <Panel id="h-start-news" title={t('news.startTitle')}>
      {waiting > 0 && (
        <p>
          <Link to="/neuigkeiten/redaktion">{t('news.startDrafts', { count: waiting })}</Link>
        </p>
      )}
      <ul>
        {q.data.items.slice(0, 3).map((p) => (
          <li key={p.id}>
            <Link to={`/neuigkeiten#${p.id}`}>{p.title}</Link>{' '}
            <span className="muted">({fmtDate((p.publishOn ?? p.publishedAt ?? p.createdAt).slice(0, 10))})</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/neuigkeiten">{t('news.all')}</Link>
      </p>
    </Panel>
  );
}
