import type { traceability } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';

type Ref = { id: string; title: string };
const Refs = ({ items, to }: { items: Ref[]; to: (id: string) => string }) =>
  items.length ? (
    <ul className="plain">
      {items.map((r) => (
        <li key={r.id}>
          <Link to={to(r.id)}>{r.title}</Link>
        </li>
      ))}
    </ul>
  ) : (
    <>–</>
  );

function Gap({ text }: { text: string }) {
  return (
    <span className="light light-yellow">
      <span aria-hidden="true">▲</span> {text}
    </span>
  );
}

/** A gap flag and the link that starts a project prefilled from the need or goal. */
function StartProject({ gap, param, item }: { gap: string; param: 'bedarf' | 'ziel'; item: Ref }) {
  const { t } = useTranslation();
  return (
    <>
      <Gap text={gap} />{' '}
      <Link to={`/projekte/neu?${param}=${item.id}&titel=${encodeURIComponent(item.title)}`}>
        {t('projects.trace.startProject')}
        <span className="visually-hidden">: {item.title}</span>
      </Link>
    </>
  );
}

/** Need → goal → project in both directions; gaps (needs nobody addresses, projects without a why) stand out. */
export function TraceabilityPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['traceability'], queryFn: () => api<z.infer<typeof traceability>>('/traceability') });
  if (!q.data)
    return (
      <Page title={t('projects.trace.title')}>
        <Pending query={q} />
      </Page>
    );
  const { needs, goals, projects } = q.data;
  const openNeeds = needs.filter((n) => !n.addressed);
  const loose = projects.filter((p) => !p.linked);
  const need = (id: string) => `/bedarfe/${id}`;
  const project = (id: string) => `/projekte/${id}`;
  return (
    <Page title={t('projects.trace.title')} crumbs={[{ to: '/zielbild', label: t('nav.targetPicture') }]}>
      <p>{t('projects.trace.intro')}</p>
      <ul className="card-grid summary-cards">
        <li className="card">
          <strong>{openNeeds.length}</strong> {t('projects.trace.openNeeds', { count: openNeeds.length })}
        </li>
        <li className="card">
          <strong>{loose.length}</strong> {t('projects.trace.looseProjects', { count: loose.length })}
        </li>
        <li className="card">
          <strong>{goals.filter((g) => g.projects.length === 0).length}</strong> {t('projects.trace.goalsWithout')}
        </li>
      </ul>
      <section className="panel" aria-labelledby="h-trace-needs">
        <h2 id="h-trace-needs">{t('projects.trace.needs')}</h2>
        {needs.length === 0 ? (
          <Empty>{t('projects.trace.noNeeds')}</Empty>
        ) : (
          <TableWrap label={t('projects.trace.needs')}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('projects.need')}</th>
                  <th scope="col">{t('projects.trace.goals')}</th>
                  <th scope="col">{t('projects.trace.projects')}</th>
                  <th scope="col">{t('projects.trace.state')}</th>
                </tr>
              </thead>
              <tbody>
                {needs.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <Link to={need(n.id)}>{n.title}</Link>
                    </td>
                    <td>
                      <Refs items={n.goals} to={() => '/zielbild'} />
                    </td>
                    <td>
                      <Refs items={n.projects} to={project} />
                    </td>
                    <td>
                      {n.addressed ? (
                        t('projects.trace.addressed')
                      ) : (
                        <StartProject gap={t('projects.trace.notAddressed')} param="bedarf" item={n} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section className="panel" aria-labelledby="h-trace-goals">
        <h2 id="h-trace-goals">{t('projects.trace.goals')}</h2>
        {goals.length === 0 ? (
          <Empty>{t('projects.trace.noGoals')}</Empty>
        ) : (
          <TableWrap label={t('projects.trace.goals')}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('projects.goal')}</th>
                  <th scope="col">{t('projects.trace.needs')}</th>
                  <th scope="col">{t('projects.trace.projects')}</th>
                </tr>
              </thead>
              <tbody>
                {goals.map((g) => (
                  <tr key={g.id}>
                    <td>
                      {g.title}
                      <div className="muted">{g.field}</div>
                    </td>
                    <td>
                      <Refs items={g.needs} to={need} />
                    </td>
                    <td>
                      {g.projects.length ? (
                        <Refs items={g.projects} to={project} />
                      ) : (
                        <StartProject gap={t('projects.trace.noProject')} param="ziel" item={g} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section className="panel" aria-labelledby="h-trace-projects">
        <h2 id="h-trace-projects">{t('projects.trace.projects')}</h2>
        {projects.length === 0 ? (
          <Empty>{t('projects.empty')}</Empty>
        ) : (
          <TableWrap label={t('projects.trace.projects')}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('projects.trace.project')}</th>
                  <th scope="col">{t('projects.trace.needs')}</th>
                  <th scope="col">{t('projects.trace.goals')}</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={project(p.id)}>{p.title}</Link>
                      <div className="muted">{t(`projects.phases.${p.phase}`)}</div>
                    </td>
                    {p.linked ? (
                      <>
                        <td>
                          <Refs items={p.needs} to={need} />
                        </td>
                        <td>
                          <Refs items={p.goals} to={() => '/zielbild'} />
                        </td>
                      </>
                    ) : (
                      <td colSpan={2}>
                        <Gap text={t('projects.trace.noWhy')} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </Page>
  );
}
