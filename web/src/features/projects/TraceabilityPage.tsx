import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable';
import { Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { TableWrap } from '../../components/TableWrap';
import { type Traceability, traceabilityQuery } from './queries';

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
  const q = useQuery(traceabilityQuery);
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
  const needColumns: Column<Traceability['needs'][number]>[] = [
    { header: t('projects.need'), cell: (n) => <Link to={need(n.id)}>{n.title}</Link> },
    { header: t('projects.trace.goals'), cell: (n) => <Refs items={n.goals} to={() => '/zielbild'} /> },
    { header: t('projects.trace.projects'), cell: (n) => <Refs items={n.projects} to={project} /> },
    {
      header: t('projects.trace.state'),
      cell: (n) =>
        n.addressed ? (
          t('projects.trace.addressed')
        ) : (
          <StartProject gap={t('projects.trace.notAddressed')} param="bedarf" item={n} />
        ),
    },
  ];
  const goalColumns: Column<Traceability['goals'][number]>[] = [
    {
      header: t('projects.goal'),
      cell: (g) => (
        <>
          {g.title}
          <div className="muted">{g.field}</div>
        </>
      ),
    },
    { header: t('projects.trace.needs'), cell: (g) => <Refs items={g.needs} to={need} /> },
    {
      header: t('projects.trace.projects'),
      cell: (g) =>
        g.projects.length ? (
          <Refs items={g.projects} to={project} />
        ) : (
          <StartProject gap={t('projects.trace.noProject')} param="ziel" item={g} />
        ),
    },
  ];
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
      <Panel title={t('projects.trace.needs')} id="h-trace-needs">
        <DataTable
          label={t('projects.trace.needs')}
          rows={needs}
          rowKey={(n) => n.id}
          empty={t('projects.trace.noNeeds')}
          columns={needColumns}
        />
      </Panel>
      <Panel title={t('projects.trace.goals')} id="h-trace-goals">
        <DataTable
          label={t('projects.trace.goals')}
          rows={goals}
          rowKey={(g) => g.id}
          empty={t('projects.trace.noGoals')}
          columns={goalColumns}
        />
      </Panel>
      <Panel title={t('projects.trace.projects')} id="h-trace-projects">
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
      </Panel>
    </Page>
  );
}
