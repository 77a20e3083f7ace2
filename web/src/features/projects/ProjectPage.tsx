import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Alert, Page, Pending } from '../../components/Page';
import { ApiError, api } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtNumber, periodText } from '../../lib/format';
import { ProjectExchange } from '../exchange/ProjectExchange';
import { EffortPlan } from './EffortPlan';
import { ProjectFields, type ProjectForm, projectBody } from './ProjectFields';
import { fieldLabels } from './ProjectNewPage';
import { Milestones, Tasks } from './ProjectPlan';
import { Comments, LinksAndFiles } from './ProjectResources';
import { Reports, Scores } from './ProjectStatus';
import type { Notify, Project } from './project-change';
import { type Light, TrafficLight } from './shared';

function EditProject({ p, notify, onDone }: { p: Project; notify: Notify; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState<ProjectForm>({
    title: p.title,
    description: p.description,
    ownerId: p.owner?.id ?? '',
    phase: p.phase,
    startsOn: p.startsOn ?? '',
    endsOn: p.endsOn ?? '',
    teamIds: p.team.map((x) => x.id),
    departmentIds: p.departments.map((x) => x.id),
    needIds: p.needs.map((x) => x.id),
    goalIds: p.goals.map((x) => x.id),
  });
  // the version this form is based on; after a conflict the user may keep their text and save over it
  const [version, setVersion] = useState(p.version);
  const [conflict, setConflict] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (form.title.trim().length < 3) return setErrors({ title: t('projects.titleMissing') });
    if (form.startsOn && form.endsOn && form.endsOn < form.startsOn)
      return setErrors({ endsOn: t('projects.endBeforeStart') });
    try {
      const res = await api<Project>(`/projects/${p.id}`, { method: 'PATCH', body: { ...projectBody(form), version } });
      qc.setQueryData(['project', p.id], res);
      void qc.invalidateQueries({ queryKey: ['projects'] });
      notify('success', t('common.saved'));
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setVersion(Number(err.body.currentVersion));
        setConflict(true);
        return;
      }
      setErrors(fieldMessages(err, t));
    }
  }
  return (
    <section className="panel" aria-labelledby="h-edit">
      <h2 id="h-edit">{t('projects.edit')}</h2>
      {conflict && (
        <Alert kind="warning">
          <p>{t('errors.version_conflict')}</p>
          <div className="btn-row">
            <Button
              variant="secondary"
              small
              onPress={() => {
                void qc.invalidateQueries({ queryKey: ['project', p.id] });
                onDone();
              }}
            >
              {t('common.reload')}
            </Button>
            <Button variant="secondary" small onPress={() => setConflict(false)}>
              {t('common.keepMine')}
            </Button>
          </div>
        </Alert>
      )}
      <ErrorSummary errors={errors} labels={fieldLabels(t)} />
      <form onSubmit={save} noValidate>
        <ProjectFields form={form} onChange={setForm} errors={errors} />
        <div className="btn-row">
          <Button type="submit">{t('common.save')}</Button>
          <Button variant="secondary" onPress={onDone}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export function ProjectPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['project', projectId], queryFn: () => api<Project>(`/projects/${projectId}`) });
  const [msg, setMsg] = useState<{ kind: 'success' | 'warning' | 'error'; text: string }>();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const notify: Notify = (kind, text) => setMsg({ kind, text });
  if (q.error)
    return (
      <Page title={t('projects.title')}>
        <Pending query={q} />
      </Page>
    );
  if (!q.data)
    return (
      <Page title={t('projects.title')}>
        <Pending query={q} />
      </Page>
    );
  const p = q.data;
  const overall = (p.reports[0]?.overall as Light | undefined) ?? null;
  async function del() {
    setConfirmDelete(false);
    try {
      await api(`/projects/${p.id}`, { method: 'DELETE' });
      await qc.invalidateQueries({ queryKey: ['projects'] });
      navigate('/projekte');
    } catch (err) {
      notify('error', errorMessage(err, t));
    }
  }
  return (
    <Page
      title={p.title}
      crumbs={[{ to: '/projekte', label: t('projects.title') }]}
      actions={
        p.can.edit && !editing ? <Button onPress={() => setEditing(true)}>{t('projects.edit')}</Button> : undefined
      }
    >
      <div aria-live="polite">{msg && <Alert kind={msg.kind}>{msg.text}</Alert>}</div>
      {editing ? (
        <EditProject p={p} notify={notify} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="facts">
            <dt>{t('projects.fields.phase')}</dt>
            <dd>{t(`projects.phases.${p.phase}`)}</dd>
            <dt>{t('projects.overall')}</dt>
            <dd>
              <TrafficLight value={overall} />
            </dd>
            <dt>{t('projects.fields.owner')}</dt>
            <dd>{p.owner?.name ?? '–'}</dd>
            <dt>{t('projects.period')}</dt>
            <dd>{periodText(t, p.startsOn, p.endsOn)}</dd>
            <dt>{t('projects.fields.team')}</dt>
            <dd>{p.team.map((x) => x.name).join(', ') || '–'}</dd>
            <dt>{t('projects.fields.departments')}</dt>
            <dd>{p.departments.map((x) => x.name).join(', ') || '–'}</dd>
            <dt>{t('projects.score')}</dt>
            <dd>{p.score === null ? '–' : fmtNumber(p.score, 1)}</dd>
          </dl>
          {p.description && <p className="texts">{p.description}</p>}
          <section className="panel" aria-labelledby="h-why">
            <h2 id="h-why">{t('projects.why')}</h2>
            {p.needs.length + p.goals.length === 0 ? (
              <Alert kind="warning">{t('projects.noNeedNoGoal')}</Alert>
            ) : (
              <ul>
                {p.needs.map((n) => (
                  <li key={n.id}>
                    {t('projects.need')}: <Link to={`/bedarfe/${n.id}`}>{n.title}</Link>
                  </li>
                ))}
                {p.goals.map((g) => (
                  <li key={g.id}>
                    {t('projects.goal')}: <Link to="/zielbild">{g.title}</Link> ({g.field})
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <ProjectExchange projectId={p.id} />
      <nav aria-label={t('projects.onThisPage')} className="view-switch">
        <ul>
          {[
            ['h-milestones', 'projects.milestones.title'],
            ['h-tasks', 'projects.tasks.title'],
            ['h-reports', 'projects.reports.title'],
            ['h-scores', 'projects.scoring.title'],
            ['h-effort', 'projects.effort.title'],
            ['h-files', 'projects.files.title'],
            ['h-comments', 'projects.comments.title'],
          ].map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key as string)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Milestones p={p} notify={notify} />
      <Tasks p={p} notify={notify} />
      <Reports p={p} notify={notify} />
      <Scores p={p} key={`s${p.version}`} notify={notify} />
      <EffortPlan p={p} key={`e${p.version}`} notify={notify} />
      <LinksAndFiles p={p} notify={notify} />
      <Comments p={p} notify={notify} />
      {p.can.delete && (
        <section className="panel" aria-labelledby="h-danger">
          <h2 id="h-danger">{t('projects.deleteTitle')}</h2>
          <p>{t('projects.deleteIntro')}</p>
          <Button variant="danger" onPress={() => setConfirmDelete(true)}>
            {t('projects.delete')}
          </Button>
          <ConfirmDialog
            isOpen={confirmDelete}
            title={t('projects.deleteTitle')}
            body={t('projects.deleteConfirm', { title: p.title })}
            confirmLabel={t('projects.delete')}
            onConfirm={() => void del()}
            onCancel={() => setConfirmDelete(false)}
          />
        </section>
      )}
    </Page>
  );
}
