import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { publicationQuery } from './queries';

/** On the project page: publication state, the original if adopted, and the ways into the exchange. */
export function ProjectExchange({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const q = useQuery(publicationQuery(projectId));
  const s = q.data;
  return (
    <p className="btn-row">
      <Link className="btn" to={`/projekte/${projectId}/beschlussvorlage`}>
        {t('paperPath.start')}
      </Link>
      <Link className="btn secondary" to={`/projekte/${projectId}/finanzen`}>
        {t('projects.toFinance')}
      </Link>
      <Link className="btn secondary" to={`/projekte/${projectId}/veroeffentlichen`}>
        {s?.status === 'published' ? t('exchange.publishedShort') : t('exchange.publishLink')}
      </Link>
      <Link className="btn secondary" to={`/austausch/partner?projekt=${projectId}`}>
        {t('exchange.findPartners')}
      </Link>
      {s?.origin && (
        <span>
          {t('exchange.originIs')} <Link to={`/austausch/projekte/${s.origin.publicationId}`}>{s.origin.title}</Link> (
          {s.origin.municipality})
        </span>
      )}
    </p>
  );
}
