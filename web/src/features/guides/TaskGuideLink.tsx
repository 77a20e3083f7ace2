import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { guidesQuery } from './queries';

/**
 * A task's own help: the link to the starter checklist or template that belongs to it (by its key), with the
 * project's ticks when a project is given. Nothing shows while it loads or when the operator archived the guide.
 */
export function TaskGuideLink({ starter, projectId }: { starter: string; projectId?: string }) {
  const { t } = useTranslation();
  const q = useQuery(guidesQuery({ starter }));
  const g = q.data?.items[0];
  if (!g) return null;
  return (
    <p className="task-guide">
      <Link className="help-link" to={`/hilfen/${g.id}${projectId ? `?projekt=${encodeURIComponent(projectId)}` : ''}`}>
        <span aria-hidden="true">?</span> {t(`help.taskGuide.${g.kind}`, { title: g.title })}
      </Link>
    </p>
  );
}
