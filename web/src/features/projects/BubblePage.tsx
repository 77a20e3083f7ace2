import { benefitEffort } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BubbleChart } from '../../components/BubbleChart';
import { type Column, DataTable } from '../../components/DataTable';
import { Empty, Page, Pending } from '../../components/Page';
import { fmtNumber } from '../../lib/format';
import { prioritiesQuery } from './queries';
import { PortfolioViews } from './shared';

/** Benefit (citizens and staff) against effort, bubble size = cost score; from the prioritisation scores. */
export function BubblePage() {
  const { t } = useTranslation();
  const q = useQuery(prioritiesQuery);
  const rows = (q.data?.projects ?? []).map((p) => ({ ...p, ...benefitEffort(p.scores) }));
  const placed = rows.filter((r) => r.benefit !== null && r.effort !== null);
  const missing = rows.filter((r) => r.benefit === null || r.effort === null);
  const columns: Column<(typeof rows)[number]>[] = [
    { header: t('projects.fields.title'), cell: (r) => <Link to={`/projekte/${r.id}`}>{r.title}</Link> },
    { header: t('projects.bubble.benefit'), cell: (r) => fmtNumber(r.benefit, 1) },
    { header: t('projects.bubble.effort'), cell: (r) => fmtNumber(r.effort) },
    { header: t('projects.bubble.cost'), cell: (r) => (r.cost === null ? '–' : fmtNumber(r.cost)) },
    {
      header: t('projects.bubble.quadrant'),
      cell: (r) =>
        t(
          `projects.bubble.quadrants.${(r.benefit ?? 0) >= 2.5 ? 'high' : 'low'}${(r.effort ?? 0) >= 2.5 ? 'High' : 'Low'}`,
        ),
    },
  ];
  return (
    <Page title={t('projects.bubble.title')} crumbs={[{ to: '/projekte', label: t('projects.title') }]}>
      <PortfolioViews />
      <p>{t('projects.bubble.intro')}</p>
      {!q.data ? (
        <Pending query={q} />
      ) : placed.length === 0 ? (
        <Empty>{t('projects.bubble.empty')}</Empty>
      ) : (
        <div className="chart-pair">
          <BubbleChart
            xName={t('projects.bubble.effort')}
            yName={t('projects.bubble.benefit')}
            points={placed.map((r) => ({ label: r.title, x: r.effort ?? 0, y: r.benefit ?? 0, size: r.cost ?? 0 }))}
          />
          <DataTable
            label={t('projects.bubble.table')}
            caption={t('projects.bubble.table')}
            rows={placed}
            rowKey={(r) => r.id}
            empty={null}
            columns={columns}
          />
        </div>
      )}
      {missing.length > 0 && (
        <p className="muted">
          {t('projects.bubble.missing', { count: missing.length })}{' '}
          {missing.map((m, i) => (
            <span key={m.id}>
              {i > 0 && ', '}
              <Link to={`/projekte/${m.id}`}>{m.title}</Link>
            </span>
          ))}
        </p>
      )}
    </Page>
  );
}
