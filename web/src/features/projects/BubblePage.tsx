import { benefitEffort, type priorities } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { BubbleChart } from '../../components/BubbleChart';
import { Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { fmtNumber } from '../../lib/format';
import { PortfolioViews } from './shared';

/** Benefit (citizens and staff) against effort, bubble size = cost score; from the prioritisation scores. */
export function BubblePage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['priorities'], queryFn: () => api<z.infer<typeof priorities>>('/priorities') });
  const rows = (q.data?.projects ?? []).map((p) => ({ ...p, ...benefitEffort(p.scores) }));
  const placed = rows.filter((r) => r.benefit !== null && r.effort !== null);
  const missing = rows.filter((r) => r.benefit === null || r.effort === null);
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
          <TableWrap label={t('projects.bubble.table')}>
            <table className="data">
              <caption>{t('projects.bubble.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.fields.title')}</th>
                  <th scope="col">{t('projects.bubble.benefit')}</th>
                  <th scope="col">{t('projects.bubble.effort')}</th>
                  <th scope="col">{t('projects.bubble.cost')}</th>
                  <th scope="col">{t('projects.bubble.quadrant')}</th>
                </tr>
              </thead>
              <tbody>
                {placed.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/projekte/${r.id}`}>{r.title}</Link>
                    </td>
                    <td>{fmtNumber(r.benefit, 1)}</td>
                    <td>{fmtNumber(r.effort)}</td>
                    <td>{r.cost === null ? '–' : fmtNumber(r.cost)}</td>
                    <td>
                      {t(
                        `projects.bubble.quadrants.${(r.benefit ?? 0) >= 2.5 ? 'high' : 'low'}${(r.effort ?? 0) >= 2.5 ? 'High' : 'Low'}`,
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
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
