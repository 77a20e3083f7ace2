import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty, Page, Pending } from '../../components/Page';
import { fmtDate, fmtNumber } from '../../lib/format';
import { SizeClassBadge } from '../municipality/SizeClassBadge';
import { StartNews } from '../newsroom/StartNews';
import { attentionQuery } from '../projects/queries';
import { Awaiting } from './Awaiting';
import { FirstSteps } from './FirstSteps';
import { awaitingMembershipsQuery, awaitingSurveysQuery, dashboardQuery, firstStepsQuery } from './queries';

/**
 * Cockpit cards of the portfolio: what needs attention first, each linking to the place to act. A card with nothing
 * to watch yet says so — it never reports "all well" about projects, milestones or plans that do not exist.
 */
function PortfolioAttention() {
  const { t, i18n } = useTranslation();
  // the start page loaded it a moment ago (DashboardPage): no second request when this section mounts
  const q = useQuery({ ...attentionQuery, refetchOnMount: false });
  if (!q.data) return null;
  const a = q.data;
  const b = a.basis;
  const month = (m: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${m}-01T00:00:00Z`));
  return (
    <section aria-labelledby="h-attention">
      <h2 id="h-attention">{t('dashboard.attention.title')}</h2>
      <div className="card-grid">
        <section className="card" aria-labelledby="c-ms">
          <h3 id="c-ms">{t('dashboard.attention.milestones')}</h3>
          {a.milestones.length === 0 ? (
            <p>
              {b.openMilestones === 0
                ? t('dashboard.attention.noMilestonesYet')
                : t('dashboard.attention.noMilestones')}
            </p>
          ) : (
            <ul className="plain">
              {a.milestones.map((m) => (
                <li key={`${m.projectId}${m.title}`}>
                  {m.overdue && (
                    <span className="light light-red">
                      <span aria-hidden="true">!</span> {t('projects.milestones.overdue')}
                    </span>
                  )}{' '}
                  {fmtDate(m.dueOn)}: <Link to={`/projekte/${m.projectId}`}>{m.title}</Link>{' '}
                  <span className="muted">({m.project})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="c-risk">
          <h3 id="c-risk">{t('dashboard.attention.atRisk')}</h3>
          {a.atRisk.length === 0 ? (
            <p>
              {b.activeProjects === 0
                ? t('dashboard.attention.noProjectsYet')
                : b.reportedProjects === 0
                  ? t('dashboard.attention.noReportsYet')
                  : t('dashboard.attention.allGreen', { count: b.reportedProjects })}
              {b.reportedProjects > 0 && b.activeProjects > b.reportedProjects && (
                <> {t('dashboard.attention.unreported', { count: b.activeProjects - b.reportedProjects })}</>
              )}
            </p>
          ) : (
            <ul className="plain">
              {a.atRisk.map((p) => (
                <li key={p.id}>
                  <span className={`light light-${p.overall}`}>
                    <span aria-hidden="true">{p.overall === 'red' ? '■' : '▲'}</span>{' '}
                    {t(`projects.lights.${p.overall}`)}
                  </span>{' '}
                  <Link to={`/projekte/${p.id}`}>{p.title}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="c-cap">
          <h3 id="c-cap">{t('dashboard.attention.capacity')}</h3>
          {a.overloads.length === 0 ? (
            <p>{b.plannedHours === 0 ? t('dashboard.attention.noPlanYet') : t('dashboard.attention.noOverload')}</p>
          ) : (
            <ul className="plain">
              {a.overloads.map((o) => (
                <li key={`${o.name}${o.month}`}>
                  <span aria-hidden="true">▲</span>{' '}
                  {t('dashboard.attention.overload', { name: o.name, month: month(o.month), hours: fmtNumber(o.over) })}
                </li>
              ))}
            </ul>
          )}
          <Link to="/kapazitaet">{t('dashboard.attention.toCapacity')}</Link>
        </section>
        <section className="card" aria-labelledby="c-needs">
          <h3 id="c-needs">{t('dashboard.attention.needs')}</h3>
          {b.needs === 0 ? (
            <>
              <p>{t('dashboard.attention.noNeedsYet')}</p>
              <Link to="/bedarfe">{t('dashboard.attention.toNeeds')}</Link>
            </>
          ) : (
            <>
              <p className="figure">{fmtNumber(a.openNeeds)}</p>
              <Link to="/nachverfolgung">{t('dashboard.attention.toTrace')}</Link>
            </>
          )}
        </section>
      </div>
    </section>
  );
}

/** Start page: my municipality's key figures, size class and networks — each linking to where to act. */
export function DashboardPage() {
  const { t } = useTranslation();
  const q = useQuery(dashboardQuery);
  // the sections' queries start together with the page's (not one round trip later when the sections mount), and
  // the page shows once all have answered: sections appearing one by one pushed the cards down (layout shift)
  const sections = useQueries({
    queries: [firstStepsQuery, awaitingSurveysQuery, awaitingMembershipsQuery, attentionQuery],
  });
  if (!q.data || sections.some((s) => s.isPending))
    return (
      <Page title={t('dashboard.title')}>
        <Pending query={q} />
      </Page>
    );
  const d = q.data;
  const m = d.municipality;
  return (
    <Page title={t('dashboard.titleOf', { name: m.shortName })}>
      <p className="muted">
        {m.name} · {m.land} · {m.kreis}
      </p>
      <FirstSteps municipality={m.shortName} />
      <Awaiting />
      <StartNews />
      <PortfolioAttention />
      <h2>{t('dashboard.keyFigures')}</h2>
      <div className="card-grid">
        <section className="card" aria-labelledby="c-size">
          <h2 id="c-size">{t('dashboard.sizeClass')}</h2>
          <p className="figure">
            <SizeClassBadge sizeClass={m.sizeClass} />
          </p>
          <p>
            {t('dashboard.population', { count: m.population, n: fmtNumber(m.population) })}
            <br />
            <span className="muted">{t('dashboard.asOf', { date: fmtDate(m.populationDate) })}</span>
          </p>
        </section>
        <section className="card" aria-labelledby="c-members">
          <h2 id="c-members">{t('dashboard.members')}</h2>
          <p className="figure">{fmtNumber(d.members)}</p>
          <p>{t('dashboard.openInvitations', { count: d.openInvitations })}</p>
          {d.can.invite && <Link to="/benutzer">{t('dashboard.inviteColleagues')}</Link>}
        </section>
        <section className="card" aria-labelledby="c-dep">
          <h2 id="c-dep">{t('dashboard.departments')}</h2>
          <p className="figure">{fmtNumber(d.departments)}</p>
          <Link to="/kommune">{t('dashboard.toDepartments')}</Link>
        </section>
        <section className="card" aria-labelledby="c-peers">
          <h2 id="c-peers">{t('dashboard.peers')}</h2>
          <p>{t('dashboard.peersSameClass', { count: d.landPeers.sameSizeClass, land: m.land, gk: m.sizeClass })}</p>
          <p>{t('dashboard.peersKreis', { count: d.landPeers.inKreis })}</p>
          <Link to={`/kommunen?sizeClass=${m.sizeClass}&land=${m.ags.slice(0, 2)}`}>{t('dashboard.toDirectory')}</Link>
        </section>
      </div>
      <section aria-labelledby="h-networks">
        <h2 id="h-networks">{t('dashboard.networks')}</h2>
        {d.networks.length === 0 ? (
          <Empty>{t('dashboard.noNetworks')}</Empty>
        ) : (
          <ul className="card-grid" style={{ listStyle: 'none', padding: 0 }}>
            {d.networks.map((n) => (
              <li key={n.id} className="card">
                <h3>
                  <Link to={`/verbuende/${n.id}`}>{n.name}</Link>
                </h3>
                <p>
                  {t(`networkTypes.${n.type}`)} · {t('networks.memberCount', { count: n.memberCount })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="h-facts">
        <h2 id="h-facts">{t('dashboard.masterData')}</h2>
        <dl className="facts panel">
          <dt>{t('municipality.ags')}</dt>
          <dd>{m.ags}</dd>
          <dt>{t('municipality.ars')}</dt>
          <dd>{m.ars ?? '–'}</dd>
          <dt>{t('municipality.area')}</dt>
          <dd>{m.areaKm2 == null ? '–' : `${fmtNumber(m.areaKm2, 2)} km²`}</dd>
          <dt>{t('municipality.administeringBody')}</dt>
          <dd>
            {m.administeringBody
              ? `${t(`bodyTypes.${m.administeringBody.type}`)} ${m.administeringBody.name}`
              : t('municipality.noBody')}
          </dd>
        </dl>
      </section>
    </Page>
  );
}
