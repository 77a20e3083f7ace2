import { milestoneCreate, TASK_STATUSES, taskCreate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { SelectField, TextField } from '../../components/Field';
import { Empty } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { TableWrap } from '../../components/TableWrap';
import { fmtDate, todayIso } from '../../lib/format';
import { validate } from '../../lib/validate';
import { communicationQuery } from '../communication/queries';
import { type Notify, useProjectOutcome } from './project-change';
import {
  type MilestoneInput,
  type Project,
  type TaskForm,
  type TaskInput,
  useAddMilestone,
  useAddTask,
  useDeleteMilestone,
  useUpdateMilestone,
  useUpdateTask,
} from './queries';
import { useColleagues } from './shared';

/** The project's schedule: milestones and tasks. */
export function Milestones({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const run = useProjectOutcome(p.id, notify);
  const addMilestone = useAddMilestone(p.id);
  const updateMilestone = useUpdateMilestone(p.id);
  const deleteMilestone = useDeleteMilestone(p.id);
  const [form, setForm] = useState<MilestoneInput>({ title: '', dueOn: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function add(e: React.FormEvent) {
    e.preventDefault();
    const errs = validate(milestoneCreate, form, t);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (await run(() => addMilestone.mutateAsync(form), setErrors)) setForm({ title: '', dueOn: '' });
  }
  return (
    <Panel title={t('projects.milestones.title')} id="h-milestones">
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
                          void run(() =>
                            updateMilestone.mutateAsync({
                              milestoneId: m.id,
                              version: m.version,
                              title: m.title,
                              dueOn: m.dueOn,
                              reachedOn: m.reachedOn ? null : todayIso(),
                            }),
                          )
                        }
                      >
                        {m.reachedOn ? t('projects.milestones.reopenShort') : t('projects.milestones.reachShort')}
                      </Button>
                      <ConfirmDeleteButton
                        label={t('common.delete')}
                        ariaLabel={t('projects.milestones.remove', { title: m.title })}
                        title={t('projects.milestones.removeTitle')}
                        body={t('projects.removeBody', { title: m.title })}
                        onConfirm={() => run(() => deleteMilestone.mutateAsync(m.id))}
                      />
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
    </Panel>
  );
}

export function Tasks({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const run = useProjectOutcome(p.id, notify);
  const addTask = useAddTask(p.id);
  const updateTask = useUpdateTask(p.id);
  const people = useColleagues();
  const [form, setForm] = useState<TaskForm>({ title: '', assigneeId: '', dueOn: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const personOptions = [
    { value: '', label: t('projects.tasks.nobody') },
    ...(people.data?.items ?? []).map((x) => ({ value: x.id, label: x.name })),
  ];
  async function add(e: React.FormEvent) {
    e.preventDefault();
    const body: TaskInput = { title: form.title, assigneeId: form.assigneeId || null, dueOn: form.dueOn || null };
    const invalid = validate(taskCreate, body, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    const ok = await run(() => addTask.mutateAsync(body), setErrors);
    if (ok) {
      setForm({ title: '', assigneeId: '', dueOn: '' });
      setErrors({});
    }
  }
  // the communication plan's items for this project are tasks too (kept on the plan, shown here with their dates)
  const comm = useQuery(communicationQuery(p.id)).data?.items ?? [];
  return (
    <Panel title={t('projects.tasks.title')} id="h-tasks">
      {p.tasks.length === 0 && comm.length === 0 ? (
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
                          void run(() =>
                            updateTask.mutateAsync({
                              taskId: task.id,
                              version: task.version,
                              title: task.title,
                              assigneeId: task.assignee?.id ?? null,
                              dueOn: task.dueOn,
                              status: e.target.value as TaskInput['status'],
                            }),
                          )
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
              {comm.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/kommunikation?projekt=${p.id}`}>
                      {t('projects.tasks.communication', { message: c.message })}
                    </Link>
                  </td>
                  <td>{c.owner ?? '–'}</td>
                  <td>{fmtDate(c.dueOn)}</td>
                  <td>{t(`communication.statuses.${c.status}`)}</td>
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
            error={errors.dueOn}
          />
          <Button type="submit">{t('projects.tasks.add')}</Button>
        </form>
      )}
    </Panel>
  );
}
