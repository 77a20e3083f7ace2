import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField, TextField } from '../../components/Field';
import { Empty } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { fmtDate, todayIso } from '../../lib/format';
import { type Notify, type Project, useProjectChange } from './project-change';
import { useColleagues } from './shared';

/** The project's schedule: milestones and tasks. */
export function Milestones({ p, notify }: { p: Project; notify: Notify }) {
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

export function Tasks({ p, notify }: { p: Project; notify: Notify }) {
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
