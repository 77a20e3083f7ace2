import { projectUpdate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtNumber, periodText } from '../../lib/format';
import { validate } from '../../lib/validate';
import { ProjectCommunication } from '../communication/CommunicationPage';
import { ProjectExchange } from '../exchange/ProjectExchange';
import { ProjectProcesses } from '../processes/ProjectProcesses';
import { StaffCouncilCheck } from '../staff-council/StaffCouncilCheck';
import { EffortPlan } from './EffortPlan';
import { fieldLabels, ProjectFields, projectBody } from './ProjectFields';
import { Milestones, Tasks } from './ProjectPlan';
import { Comments, LinksAndFiles } from './ProjectResources';
import { Reports, Scores } from './ProjectStatus';
import type { Notify } from './project-change';
import {
  type Project,
  type ProjectForm,
  projectQuery,
  useDeleteProject,
  useRefreshProject,
  useUpdateProject,
} from './queries';
import { type Light, TrafficLight } from './shared';

function EditProject({ p, notify, onDone }: { p: Project; notify: Notify; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateProject(p.id);
  const refresh = useRefreshProject(p.id);
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
    const body = { ...projectBody(form), version };
    const invalid = validate(projectUpdate, body, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    try {
      await update.mutateAsync(body);
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
    <Panel title={t('projects.edit')} id="h-edit">
      {conflict && (
        <Alert kind="warning">
          <p>{t('errors.version_conflict')}</p>
          <div className="btn-row">
            <Button
              variant="secondary"
              small
              onPress={() => {
                void refresh();
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
    </Panel>
  );
}

export function ProjectPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const navigate = useNavigate();
  const q = useQuery(projectQuery(projectId));
  const remove = useDeleteProject(projectId);
  const [msg, setMsg] = useState<{ kind: 'success' | 'warning' | 'error'; text: string }>();
  const [editing, setEditing] = useState(false);
  const notify: Notify = (kind, text) => setMsg({ kind, text });
  if (!q.data)
    return (
      <Page title={t('projects.title')}>
        <Pending query={q} />
      </Page>
    );
  const p = q.data;
  const overall = (p.reports[0]?.overall as Light | undefined) ?? null;
  async function del() {
    try {
      await remove.mutateAsync();
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
          <Panel title={t('projects.why')} id="h-why">
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
          </Panel>
        </>
      )}
      {/* where the project came from: the process models it was made from, next to its needs and goals */}
      <ProjectProcesses projectId={p.id} />
      <ProjectExchange projectId={p.id} />
      <nav aria-label={t('projects.onThisPage')} className="view-switch">
        <ul>
          {[
            ['h-milestones', 'projects.milestones.title'],
            ['h-tasks', 'projects.tasks.title'],
            ['h-communication', 'communication.projectTitle'],
            ['h-staff-council', 'staffCouncil.title'],
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
      <ProjectCommunication projectId={p.id} />
      <StaffCouncilCheck projectId={p.id} />
      <Reports p={p} notify={notify} />
      <Scores p={p} key={`s${p.version}`} notify={notify} />
      <EffortPlan p={p} key={`e${p.version}`} notify={notify} />
      <LinksAndFiles p={p} notify={notify} />
      <Comments p={p} notify={notify} />
      {p.can.delete && (
        <Panel title={t('projects.deleteTitle')} id="h-danger">
          <p>{t('projects.deleteIntro')}</p>
          <ConfirmDeleteButton
            small={false}
            label={t('projects.delete')}
            title={t('projects.deleteTitle')}
            body={t('projects.deleteConfirm', { title: p.title })}
            onConfirm={del}
          />
        </Panel>
      )}
    </Page>
  );
}
