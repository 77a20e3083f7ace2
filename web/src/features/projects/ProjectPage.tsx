import type { priorities } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { ApiError, api, upload } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate, fmtDateTime, fmtNumber, fmtPercent, periodText, todayIso } from '../../lib/format';
import { ProjectExchange } from '../exchange/ProjectExchange';
import { EffortPlan } from './EffortPlan';
import { ProjectFields, type ProjectForm, projectBody } from './ProjectFields';
import { fieldLabels } from './ProjectNewPage';
import { type Notify, type Project, useProjectChange } from './project-change';
import { type Light, TrafficLight, useColleagues } from './shared';

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

function Milestones({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const change = useProjectChange(p.id, notify);
  const [form, setForm] = useState({ title: '', dueOn: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [remove, setRemove] = useState<{ id: string; title: string } | null>(null);
  async function add(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (form.title.trim().length < 2) errs.title = t('projects.milestones.titleMissing');
    if (!form.dueOn) errs.dueOn = t('projects.milestones.dateMissing');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (await change('/milestones', 'POST', form, setErrors)) setForm({ title: '', dueOn: '' });
  }
  return (
    <section className="panel" aria-labelledby="h-milestones">
      <h2 id="h-milestones">{t('projects.milestones.title')}</h2>
      {p.milestones.length === 0 ? (
        <Empty>{t('projects.milestones.empty')}</Empty>
      ) : (
        <TableWrap label={t('projects.milestones.title')}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('projects.milestones.name')}</th>
                <th scope="col">{t('projects.milestones.dueOn')}</th>
                <th scope="col">{t('projects.milestones.reachedOn')}</th>
                {p.can.edit && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {p.milestones.map((m) => (
                <tr key={m.id}>
                  <td>{m.title}</td>
                  <td>{fmtDate(m.dueOn)}</td>
                  <td>
                    {m.reachedOn ? (
                      <span className="light light-green">
                        <span aria-hidden="true">✓</span> {fmtDate(m.reachedOn)}
                      </span>
                    ) : m.dueOn < todayIso() ? (
                      <span className="light light-red">
                        <span aria-hidden="true">!</span> {t('projects.milestones.overdue')}
                      </span>
                    ) : (
                      t('projects.milestones.open')
                    )}
                  </td>
                  {p.can.edit && (
                    <td className="btn-row">
                      <Button
                        small
                        variant="secondary"
                        aria-label={
                          m.reachedOn
                            ? t('projects.milestones.reopen', { title: m.title })
                            : t('projects.milestones.reach', { title: m.title })
                        }
                        onPress={() =>
                          void change(`/milestones/${m.id}`, 'PATCH', {
                            version: m.version,
                            title: m.title,
                            dueOn: m.dueOn,
                            reachedOn: m.reachedOn ? null : todayIso(),
                          })
                        }
                      >
                        {m.reachedOn ? t('projects.milestones.reopenShort') : t('projects.milestones.reachShort')}
                      </Button>
                      <Button
                        small
                        variant="danger"
                        aria-label={t('projects.milestones.remove', { title: m.title })}
                        onPress={() => setRemove(m)}
                      >
                        {t('common.delete')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {p.can.edit && (
        <form onSubmit={add} noValidate className="filters">
          <TextField
            name="milestoneTitle"
            label={t('projects.milestones.name')}
            value={form.title}
            onChange={(v) => setForm({ ...form, title: v })}
            error={errors.title}
          />
          <TextField
            name="milestoneDue"
            type="date"
            label={t('projects.milestones.dueOn')}
            value={form.dueOn}
            onChange={(v) => setForm({ ...form, dueOn: v })}
            error={errors.dueOn}
          />
          <Button type="submit">{t('projects.milestones.add')}</Button>
        </form>
      )}
      <ConfirmDialog
        isOpen={remove !== null}
        title={t('projects.milestones.removeTitle')}
        body={t('projects.removeBody', { title: remove?.title ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => {
          if (remove) void change(`/milestones/${remove.id}`, 'DELETE', undefined);
          setRemove(null);
        }}
        onCancel={() => setRemove(null)}
      />
    </section>
  );
}

const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;

function Tasks({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const change = useProjectChange(p.id, notify);
  const people = useColleagues();
  const [form, setForm] = useState({ title: '', assigneeId: '', dueOn: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const personOptions = [
    { value: '', label: t('projects.tasks.nobody') },
    ...(people.data?.items ?? []).map((x) => ({ value: x.id, label: x.name })),
  ];
  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (form.title.trim().length < 2) return setErrors({ title: t('projects.tasks.titleMissing') });
    const ok = await change(
      '/tasks',
      'POST',
      { title: form.title, assigneeId: form.assigneeId || null, dueOn: form.dueOn || null },
      setErrors,
    );
    if (ok) {
      setForm({ title: '', assigneeId: '', dueOn: '' });
      setErrors({});
    }
  }
  return (
    <section className="panel" aria-labelledby="h-tasks">
      <h2 id="h-tasks">{t('projects.tasks.title')}</h2>
      {p.tasks.length === 0 ? (
        <Empty>{t('projects.tasks.empty')}</Empty>
      ) : (
        <TableWrap label={t('projects.tasks.title')}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('projects.tasks.name')}</th>
                <th scope="col">{t('projects.tasks.assignee')}</th>
                <th scope="col">{t('projects.tasks.dueOn')}</th>
                <th scope="col">{t('projects.tasks.status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.tasks.map((task) => (
                <tr key={task.id}>
                  <td>{task.title}</td>
                  <td>{task.assignee?.name ?? '–'}</td>
                  <td>{fmtDate(task.dueOn)}</td>
                  <td>
                    {p.can.edit ? (
                      <select
                        aria-label={t('projects.tasks.statusOf', { title: task.title })}
                        value={task.status}
                        onChange={(e) =>
                          void change(`/tasks/${task.id}`, 'PATCH', {
                            version: task.version,
                            title: task.title,
                            assigneeId: task.assignee?.id ?? null,
                            dueOn: task.dueOn,
                            status: e.target.value,
                          })
                        }
                      >
                        {TASK_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`projects.tasks.statuses.${s}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`projects.tasks.statuses.${task.status}`)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {p.can.edit && (
        <form onSubmit={add} noValidate className="filters">
          <TextField
            name="taskTitle"
            label={t('projects.tasks.name')}
            value={form.title}
            onChange={(v) => setForm({ ...form, title: v })}
            error={errors.title}
          />
          <SelectField
            name="taskAssignee"
            label={t('projects.tasks.assignee')}
            value={form.assigneeId}
            onChange={(v) => setForm({ ...form, assigneeId: v })}
            options={personOptions}
            error={errors.assigneeId}
          />
          <TextField
            name="taskDue"
            type="date"
            label={t('projects.tasks.dueOn')}
            value={form.dueOn}
            onChange={(v) => setForm({ ...form, dueOn: v })}
          />
          <Button type="submit">{t('projects.tasks.add')}</Button>
        </form>
      )}
    </section>
  );
}

const LIGHTS: Light[] = ['green', 'yellow', 'red'];
const DIMENSIONS = ['scope', 'schedule', 'budget', 'overall'] as const;

function Reports({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const change = useProjectChange(p.id, notify);
  const [form, setForm] = useState({
    reportedOn: todayIso(),
    scope: 'green',
    schedule: 'green',
    budget: 'green',
    overall: 'green',
    summary: '',
  });
  const [open, setOpen] = useState(false);
  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (await change('/reports', 'POST', form, undefined, t('projects.reports.saved'))) {
      setOpen(false);
      setForm({ ...form, summary: '' });
    }
  }
  return (
    <section className="panel" aria-labelledby="h-reports">
      <h2 id="h-reports">{t('projects.reports.title')}</h2>
      {p.reports.length === 0 ? (
        <Empty>{t('projects.reports.empty')}</Empty>
      ) : (
        <TableWrap label={t('projects.reports.title')}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('projects.reports.date')}</th>
                {DIMENSIONS.map((d) => (
                  <th scope="col" key={d}>
                    {t(`projects.reports.${d}`)}
                  </th>
                ))}
                <th scope="col">{t('projects.reports.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {p.reports.map((r) => (
                <tr key={r.id}>
                  <td>
                    {fmtDate(r.reportedOn)}
                    {r.author && <div className="muted">{r.author}</div>}
                  </td>
                  {DIMENSIONS.map((d) => (
                    <td key={d}>
                      <TrafficLight value={r[d] as Light} />
                    </td>
                  ))}
                  <td className="texts">{r.summary || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {p.can.edit &&
        (open ? (
          <form onSubmit={add} noValidate>
            <div className="form-grid">
              <TextField
                name="reportedOn"
                type="date"
                label={t('projects.reports.date')}
                value={form.reportedOn}
                onChange={(v) => setForm({ ...form, reportedOn: v })}
              />
              {DIMENSIONS.map((d) => (
                <SelectField
                  key={d}
                  name={d}
                  label={t(`projects.reports.${d}`)}
                  value={form[d]}
                  onChange={(v) => setForm({ ...form, [d]: v })}
                  options={LIGHTS.map((l) => ({ value: l, label: t(`projects.lights.${l}`) }))}
                />
              ))}
            </div>
            <TextArea
              name="summary"
              label={t('projects.reports.summary')}
              hint={t('projects.reports.summaryHint')}
              value={form.summary}
              onChange={(v) => setForm({ ...form, summary: v })}
            />
            <div className="btn-row">
              <Button type="submit">{t('projects.reports.submit')}</Button>
              <Button variant="secondary" onPress={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          <Button onPress={() => setOpen(true)}>{t('projects.reports.add')}</Button>
        ))}
    </section>
  );
}

function LinksAndFiles({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const change = useProjectChange(p.id, notify);
  const [link, setLink] = useState({ title: '', url: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [remove, setRemove] = useState<{ path: string; title: string } | null>(null);
  async function addLink(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (link.title.trim().length < 2) errs.title = t('projects.files.linkTitleMissing');
    if (!/^https?:\/\/\S+\.\S+/.test(link.url.trim())) errs.url = t('projects.files.urlInvalid');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (await change('/links', 'POST', { title: link.title, url: link.url.trim() }, setErrors))
      setLink({ title: '', url: '' });
  }
  async function onFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) return notify('error', t('projects.files.tooLarge'));
    setProgress(0);
    try {
      const res = await upload<Project>(`/projects/${p.id}/files`, file, setProgress);
      qc.setQueryData(['project', p.id], res);
      notify('success', t('projects.files.uploaded', { name: file.name }));
    } catch (err) {
      notify('error', errorMessage(err, t, true));
    } finally {
      setProgress(null);
    }
  }
  return (
    <section className="panel" aria-labelledby="h-files">
      <h2 id="h-files">{t('projects.files.title')}</h2>
      {p.links.length + p.files.length === 0 && <Empty>{t('projects.files.empty')}</Empty>}
      <ul className="file-list">
        {p.links.map((l) => (
          <li key={l.id}>
            <a href={l.url} rel="noopener noreferrer" target="_blank">
              {l.title}
              <span className="visually-hidden"> ({t('projects.files.newWindow')})</span>
            </a>{' '}
            <span className="muted">{new URL(l.url).host}</span>{' '}
            {p.can.edit && (
              <Button
                small
                variant="secondary"
                aria-label={t('projects.files.remove', { title: l.title })}
                onPress={() => setRemove({ path: `/links/${l.id}`, title: l.title })}
              >
                {t('common.delete')}
              </Button>
            )}
          </li>
        ))}
        {p.files.map((f) => (
          <li key={f.id}>
            <a href={`/api/v1/projects/${p.id}/files/${f.id}`} download={f.fileName}>
              {f.fileName}
            </a>{' '}
            <span className="muted">
              {fmtNumber(Math.max(1, Math.round(f.sizeBytes / 1024)))} KB · {f.uploadedBy ?? '–'} ·{' '}
              {fmtDate(f.createdAt)}
            </span>{' '}
            {p.can.edit && (
              <Button
                small
                variant="secondary"
                aria-label={t('projects.files.remove', { title: f.fileName })}
                onPress={() => setRemove({ path: `/files/${f.id}`, title: f.fileName })}
              >
                {t('common.delete')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {p.can.edit && (
        <>
          <form onSubmit={addLink} noValidate className="filters">
            <TextField
              name="linkTitle"
              label={t('projects.files.linkTitle')}
              value={link.title}
              onChange={(v) => setLink({ ...link, title: v })}
              error={errors.title}
            />
            <TextField
              name="linkUrl"
              type="url"
              label={t('projects.files.url')}
              hint={t('projects.files.urlHint')}
              value={link.url}
              onChange={(v) => setLink({ ...link, url: v })}
              error={errors.url}
            />
            <Button type="submit">{t('projects.files.addLink')}</Button>
          </form>
          <div className="field">
            <label htmlFor="project-file">{t('projects.files.upload')}</label>
            <span className="hint" id="project-file-hint">
              {t('projects.files.uploadHint')}
            </span>
            <input id="project-file" type="file" aria-describedby="project-file-hint" onChange={onFile} />
            {progress !== null && (
              <progress value={progress} max={1} aria-label={t('projects.files.progress')}>
                {fmtPercent(progress, 0)}
              </progress>
            )}
          </div>
        </>
      )}
      <ConfirmDialog
        isOpen={remove !== null}
        title={t('projects.files.removeTitle')}
        body={t('projects.removeBody', { title: remove?.title ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => {
          if (remove) void change(remove.path, 'DELETE', undefined);
          setRemove(null);
        }}
        onCancel={() => setRemove(null)}
      />
    </section>
  );
}

function Scores({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const change = useProjectChange(p.id, notify);
  const prio = useQuery({ queryKey: ['priorities'], queryFn: () => api<z.infer<typeof priorities>>('/priorities') });
  const [scores, setScores] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(p.scores).map(([k, v]) => [k, String(v)])),
  );
  const criteria = prio.data?.criteria ?? [];
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body = Object.fromEntries(
      Object.entries(scores)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    await change('/scores', 'PUT', { version: p.version, scores: body });
  }
  return (
    <section className="panel" aria-labelledby="h-scores">
      <h2 id="h-scores">{t('projects.scoring.title')}</h2>
      <p>
        {t('projects.scoring.current')}: <strong>{p.score === null ? '–' : fmtNumber(p.score, 1)}</strong>{' '}
        {t('projects.scoring.ofHundred')} · <Link to="/priorisierung">{t('projects.scoring.toRanking')}</Link>
      </p>
      {p.can.edit ? (
        <form onSubmit={save} noValidate>
          <p className="hint">{t('projects.scoring.hint')}</p>
          <div className="form-grid">
            {criteria.map((c) => (
              <SelectField
                key={c.key}
                name={`score-${c.key}`}
                label={`${c.name} (${t(`projects.scoring.direction.${c.direction}`)})`}
                value={scores[c.key] ?? ''}
                onChange={(v) => setScores({ ...scores, [c.key]: v })}
                options={[
                  { value: '', label: t('projects.scoring.none') },
                  ...[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`projects.scoring.levels.${n}`) })),
                ]}
              />
            ))}
          </div>
          <Button type="submit">{t('projects.scoring.save')}</Button>
        </form>
      ) : (
        <dl className="facts">
          {criteria.map((c) => (
            <div key={c.key}>
              <dt>{c.name}</dt>
              <dd>{p.scores[c.key] === undefined ? '–' : t(`projects.scoring.levels.${p.scores[c.key]}`)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function Comments({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const change = useProjectChange(p.id, notify);
  const people = useColleagues();
  const [body, setBody] = useState('');
  const [mention, setMention] = useState('');
  const [error, setError] = useState('');
  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (!body.trim()) return setError(t('projects.comments.empty'));
    setError('');
    if (await change('/comments', 'POST', { body }, undefined, t('projects.comments.saved'))) setBody('');
  }
  return (
    <section className="panel" aria-labelledby="h-comments">
      <h2 id="h-comments">{t('projects.comments.title')}</h2>
      {p.comments.length === 0 ? (
        <Empty>{t('projects.comments.none')}</Empty>
      ) : (
        <ol className="comments">
          {p.comments.map((c) => (
            <li key={c.id}>
              <p className="muted">
                {c.author ?? '–'} · {fmtDateTime(c.createdAt)}
              </p>
              <p className="texts">{c.body}</p>
              {c.mentions.length > 0 && (
                <p className="muted">{t('projects.comments.notified', { names: c.mentions.join(', ') })}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      {p.can.comment && (
        <form onSubmit={add} noValidate>
          <TextArea
            name="comment"
            label={t('projects.comments.new')}
            hint={t('projects.comments.hint')}
            value={body}
            onChange={setBody}
            error={error}
          />
          <div className="filters">
            <SelectField
              name="mention"
              label={t('projects.comments.mention')}
              value={mention}
              onChange={setMention}
              options={[
                { value: '', label: t('projects.comments.choosePerson') },
                ...(people.data?.items ?? []).map((x) => ({ value: x.name, label: x.name })),
              ]}
            />
            <Button
              variant="secondary"
              isDisabled={!mention}
              onPress={() => {
                setBody(`${body}${body && !body.endsWith(' ') ? ' ' : ''}@${mention} `);
                setMention('');
              }}
            >
              {t('projects.comments.insertMention')}
            </Button>
          </div>
          <Button type="submit">{t('projects.comments.submit')}</Button>
        </form>
      )}
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
