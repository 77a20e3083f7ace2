import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../components/Panel';
import { modelsOfProjectQuery } from './queries';

/** The project page's section: the process models the project was made from (nothing when there are none). */
export function ProjectProcesses({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const list = useQuery(modelsOfProjectQuery(projectId));
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Panel title={t('processes.projectTitle')} id="h-processes">
      <p>{t('processes.projectIntro')}</p>
      <ul>
        {items.map((m) => (
          <li key={m.id}>
            <Link to={`/prozesse/modelle/${m.id}`}>{m.name}</Link> ({t(`processes.models.kinds.${m.kind}`)}) –{' '}
            {t('processes.projectService')} <Link to={`/prozesse/leistungen/${m.serviceId}`}>{m.service}</Link>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
