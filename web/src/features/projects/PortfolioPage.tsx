import { TRAFFIC_LIGHTS } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField, TextField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { Panel } from '../../components/Panel';
import { TableWrap } from '../../components/TableWrap';
import { errorMessage } from '../../lib/errors';
import { fmtDate, fmtNumber } from '../../lib/format';
import { JointList } from '../exchange/JointPages';
import { calendarFeedQuery, projectsQuery, useCreateCalendarFeed, useRevokeCalendarFeed } from './queries';
import { PHASES, PortfolioViews, TrafficLight, useColleagues, useDepartments } from './shared';

const FILTERS = ['q', 'phase', 'ownerId', 'departmentId', 'overall', 'sort', 'dir'] as const;
const COLUMNS = [
  ['title', 'projects.fields.title'],
  ['phase', 'projects.fields.phase'],
  ['owner', 'projects.fields.owner'],
  ['startsOn', 'projects.fields.startsOn'],
  ['endsOn', 'projects.fields.endsOn'],
  ['score', 'projects.score'],
] as const;

interface SavedView {
  name: string;
  query: string;
}
/** Saved table views live in the browser, per municipality (filters and sorting only, no data). */
function useSavedViews(municipalityId: string) {
  const key = `dz.portfolio.views.${municipalityId}`;
  const [views, setViews] = useState<SavedView[]>(() => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? '[]') as SavedView[];
    } catch {
      return [];
    }
  });
  const store = (next: SavedView[]) => {
    setViews(next);
    localStorage.setItem(key, JSON.stringify(next));
  };
  return { views, store };
}

function CalendarFeed() {
  const { t } = useTranslation();
  const feed = useQuery(calendarFeedQuery);
  const createFeed = useCreateCalendarFeed();
  const revokeFeed = useRevokeCalendarFeed();
  const [url, setUrl] = useState('');
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);
  const [error, setError] = useState('');
  async function create() {
    setConfirm(null);
    try {
      const r = await createFeed.mutateAsync();
      setUrl(r.url ?? '');
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }
  async function revoke() {
    setConfirm(null);
    setUrl('');
    try {
      await revokeFeed.mutateAsync();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }
  if (!feed.data)
    return (
      <Panel title={t('projects.calendar.title')} id="h-calendar">
        <Pending query={feed} />
      </Panel>
    );
  return (
    <Panel title={t('projects.calendar.title')} id="h-calendar">
      <p>{t('projects.calendar.intro')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {url && (
        <Alert kind="success">
          {t('projects.calendar.created')}
          <br />
          <code className="secret-url">{url}</code>
        </Alert>
      )}
      <p>
        {feed.data.active
          ? t('projects.calendar.active', { date: fmtDate(feed.data.createdAt) })
          : t('projects.calendar.inactive')}
      </p>
      <div className="btn-row">
        {feed.data.active ? (
          <>
            <Button variant="secondary" onPress={() => setConfirm('rotate')}>
              {t('projects.calendar.rotate')}
            </Button>
            <Button variant="danger" onPress={() => setConfirm('revoke')}>
              {t('projects.calendar.revoke')}
            </Button>
          </>
        ) : (
          <Button onPress={() => void create()}>{t('projects.calendar.create')}</Button>
        )}
      </div>
      <ConfirmDialog
        isOpen={confirm !== null}
        title={t(confirm === 'revoke' ? 'projects.calendar.revoke' : 'projects.calendar.rotate')}
        body={t('projects.calendar.confirm')}
        confirmLabel={t(confirm === 'revoke' ? 'projects.calendar.revoke' : 'projects.calendar.rotate')}
        onConfirm={() => void (confirm === 'revoke' ? revoke() : create())}
        onCancel={() => setConfirm(null)}
      />
    </Panel>
  );
}

export function PortfolioPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [term, setTerm] = useState(params.get('q') ?? '');
  const [viewName, setViewName] = useState('');
  const people = useColleagues();
  const depts = useDepartments();
  const { views, store } = useSavedViews(session.activeMunicipalityId ?? '');
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? '']));
  const page = Number(params.get('page') ?? 1);
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString();
  const list = useQuery(projectsQuery(query, page));
  const set = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    if (!('page' in next)) p.delete('page');
    setParams(p);
  };
  const sortBy = (col: string) =>
    set({ sort: col, dir: filter.sort === col && filter.dir !== 'desc' ? 'desc' : 'asc' });
  const ariaSort = (col: string) =>
    (filter.sort || 'title') === col ? (filter.dir === 'desc' ? 'descending' : 'ascending') : undefined;
  const any = FILTERS.slice(0, 5).some((k) => filter[k]);
  return (
    <Page
      title={t('projects.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      actions={
        list.data?.can.create ? (
          <Link className="btn" to="/projekte/neu">
            {t('projects.create')}
          </Link>
        ) : undefined
      }
    >
      <PortfolioViews />
      <form
        className="filters panel"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: term.trim() });
        }}
      >
        <TextField name="q" label={t('projects.search')} value={term} onChange={setTerm} />
        <SelectField
          name="phase"
          label={t('projects.fields.phase')}
          value={filter.phase ?? ''}
          onChange={(v) => set({ phase: v })}
          options={[
            { value: '', label: t('projects.all') },
            ...PHASES.map((p) => ({ value: p, label: t(`projects.phases.${p}`) })),
          ]}
        />
        <SelectField
          name="ownerId"
          label={t('projects.fields.owner')}
          value={filter.ownerId ?? ''}
          onChange={(v) => set({ ownerId: v })}
          options={[
            { value: '', label: t('projects.all') },
            ...(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <SelectField
          name="departmentId"
          label={t('projects.fields.department')}
          value={filter.departmentId ?? ''}
          onChange={(v) => set({ departmentId: v })}
          options={[
            { value: '', label: t('projects.all') },
            ...(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <SelectField
          name="overall"
          label={t('projects.overall')}
          value={filter.overall ?? ''}
          onChange={(v) => set({ overall: v })}
          options={[
            { value: '', label: t('projects.all') },
            ...TRAFFIC_LIGHTS.map((l) => ({ value: l, label: t(`projects.lights.${l}`) })),
          ]}
        />
        <Button type="submit">{t('common.search')}</Button>
      </form>
      <details className="panel">
        <summary>{t('projects.savedViews.title', { count: views.length })}</summary>
        {views.length > 0 && (
          <ul className="inline-list">
            {views.map((v) => (
              <li key={v.name}>
                <Link to={`/projekte?${v.query}`}>{v.name}</Link>{' '}
                <Button
                  small
                  variant="secondary"
                  aria-label={t('projects.savedViews.remove', { name: v.name })}
                  onPress={() => store(views.filter((x) => x.name !== v.name))}
                >
                  {t('projects.savedViews.removeShort')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            if (!viewName.trim()) return;
            store([...views.filter((v) => v.name !== viewName.trim()), { name: viewName.trim(), query }]);
            setViewName('');
          }}
        >
          <TextField
            name="viewName"
            label={t('projects.savedViews.name')}
            hint={t('projects.savedViews.hint')}
            value={viewName}
            onChange={setViewName}
          />
          <Button type="submit" variant="secondary">
            {t('projects.savedViews.save')}
          </Button>
        </form>
      </details>
      {!list.data ? (
        <Pending query={list} />
      ) : list.data.items.length === 0 ? (
        <Empty>{any ? t('projects.noResults') : t('projects.empty')}</Empty>
      ) : (
        <>
          <p className="btn-row">
            <a className="btn secondary" href={`/api/v1/projects/export?format=csv&${query}`} download>
              {t('projects.exportCsv')}
            </a>
            <a className="btn secondary" href={`/api/v1/projects/export?format=xlsx&${query}`} download>
              {t('projects.exportXlsx')}
            </a>
          </p>
          <TableWrap label={t('projects.title')}>
            <table className="data">
              <caption>{t('projects.count', { count: list.data.total })}</caption>
              <thead>
                <tr>
                  {COLUMNS.map(([col, label]) => (
                    <th scope="col" key={col} aria-sort={ariaSort(col)}>
                      <button type="button" className="sort" onClick={() => sortBy(col)}>
                        {t(label)}
                        <span aria-hidden="true">
                          {ariaSort(col) === 'ascending' ? ' ▲' : ariaSort(col) === 'descending' ? ' ▼' : ''}
                        </span>
                      </button>
                    </th>
                  ))}
                  <th scope="col">{t('projects.overall')}</th>
                  <th scope="col">{t('projects.nextMilestone')}</th>
                  <th scope="col">{t('projects.links')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/projekte/${p.id}`}>{p.title}</Link>
                      {p.departments.length > 0 && <div className="muted">{p.departments.join(', ')}</div>}
                    </td>
                    <td>{t(`projects.phases.${p.phase}`)}</td>
                    <td>{p.owner?.name ?? '–'}</td>
                    <td>{fmtDate(p.startsOn)}</td>
                    <td>{fmtDate(p.endsOn)}</td>
                    <td>{fmtNumber(p.score, 1)}</td>
                    <td>
                      <TrafficLight value={p.overall} />
                    </td>
                    <td>{p.nextMilestone ? `${p.nextMilestone.title} (${fmtDate(p.nextMilestone.dueOn)})` : '–'}</td>
                    <td>
                      {t('projects.needCount', { count: p.needCount })},{' '}
                      {t('projects.goalCount', { count: p.goalCount })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager
            page={page}
            pages={Math.max(1, Math.ceil(list.data.total / list.data.pageSize))}
            onPage={(p) => set({ page: String(p) })}
          />
        </>
      )}
      <section aria-labelledby="h-joint">
        <h2 id="h-joint">{t('joint.title')}</h2>
        <JointList compact />
      </section>
      {list.data?.can.manage && <CalendarFeed />}
    </Page>
  );
}
