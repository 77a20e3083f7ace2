import { assignmentCreate, PARTICIPATION_STATUSES } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { Alert, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDate } from '../../lib/format';
import { validate } from '../../lib/validate';
import { useDepartments } from '../projects/shared';
import {
  type Assignment,
  type AssignmentInput,
  planQuery,
  trainingsQuery,
  useAssignTraining,
  useDeleteAssignment,
  useUpdateAssignment,
} from './queries';

export type Notice = { kind: 'success' | 'error' | 'warning'; text: string };

/** Assign a training to one person or one department, with a due date. */
export function AssignForm({ trainingId, onDone }: { trainingId: string; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const trainings = useQuery(trainingsQuery);
  const plan = useQuery(planQuery);
  const departments = useDepartments();
  const assign = useAssignTraining();
  const [target, setTarget] = useState<'department' | 'person'>('department');
  const [form, setForm] = useState<AssignmentInput>({ trainingId, userId: null, departmentId: null, dueOn: null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const labels = {
    trainingId: t('competences.plan.training'),
    departmentId: t('competences.plan.department'),
    userId: t('competences.plan.person'),
    dueOn: t('competences.plan.dueOn'),
  };
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const invalid = validate(assignmentCreate, form, t);
    if (target === 'department' && !form.departmentId) invalid.departmentId = t('competences.plan.chooseDepartment');
    if (target === 'person' && !form.userId) invalid.userId = t('competences.plan.choosePerson');
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      await assign.mutateAsync(form);
      onDone({ kind: 'success', text: t('competences.plan.assigned') });
    } catch (err) {
      const fields = fieldMessages(err, t);
      setErrors(Object.keys(fields).length ? fields : { trainingId: errorMessage(err, t) });
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <SelectField
        name="trainingId"
        label={labels.trainingId}
        value={form.trainingId}
        onChange={(v) => setForm({ ...form, trainingId: v })}
        error={errors.trainingId}
        required
        options={[
          { value: '', label: t('competences.plan.chooseTraining') },
          ...(trainings.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.title} (${x.provider})` })),
        ]}
      />
      <SelectField
        name="target"
        label={t('competences.plan.for')}
        value={target}
        onChange={(v) => {
          setTarget(v as 'department' | 'person');
          setForm({ ...form, userId: null, departmentId: null });
        }}
        options={[
          { value: 'department', label: t('competences.plan.forDepartment') },
          { value: 'person', label: t('competences.plan.forPerson') },
        ]}
      />
      {target === 'department' ? (
        <SelectField
          name="departmentId"
          label={labels.departmentId}
          value={form.departmentId ?? ''}
          onChange={(v) => setForm({ ...form, departmentId: v || null })}
          error={errors.departmentId}
          required
          options={[
            { value: '', label: t('competences.plan.chooseDepartment') },
            ...(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
      ) : (
        <SelectField
          name="userId"
          label={labels.userId}
          value={form.userId ?? ''}
          onChange={(v) => setForm({ ...form, userId: v || null })}
          error={errors.userId}
          required
          options={[
            { value: '', label: t('competences.plan.choosePerson') },
            ...(plan.data?.people ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
      )}
      <TextField
        name="dueOn"
        type="date"
        label={labels.dueOn}
        value={form.dueOn ?? ''}
        onChange={(v) => setForm({ ...form, dueOn: v || null })}
        error={errors.dueOn}
      />
      <Button type="submit" isDisabled={assign.isPending}>
        {t('competences.plan.assign')}
      </Button>
    </form>
  );
}

/** The training plan: who takes part in what by when, and how far it got. */
export function TrainingPlanPanel({ onNotice }: { onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const plan = useQuery(planQuery);
  const update = useUpdateAssignment();
  const remove = useDeleteAssignment();
  const manage = plan.data?.can.manage ?? false;
  const columns: Column<Assignment>[] = [
    { header: t('competences.plan.training'), cell: (a) => `${a.training} (${a.provider})`, rowHeader: true },
    { header: t('competences.plan.for'), cell: (a) => a.person ?? a.department ?? '–' },
    { header: t('competences.plan.dueOn'), cell: (a) => (a.dueOn ? fmtDate(a.dueOn) : '–') },
    {
      header: t('competences.plan.status'),
      cell: (a) =>
        manage ? (
          // a compact select in the row, named by the training and who takes part (the column header says what)
          <select
            name={`status-${a.id}`}
            aria-label={t('competences.plan.statusOf', { training: a.training, who: a.person ?? a.department ?? '' })}
            value={a.status}
            onChange={async (e) => {
              try {
                await update.mutateAsync({
                  id: a.id,
                  body: { version: a.version, dueOn: a.dueOn, status: e.target.value as Assignment['status'] },
                });
              } catch (err) {
                onNotice({ kind: 'error', text: errorMessage(err, t) });
              }
            }}
          >
            {PARTICIPATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`competences.statuses.${s}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`competences.statuses.${a.status}`)
        ),
    },
  ];
  if (manage)
    columns.push({
      header: t('common.actions'),
      cell: (a) => (
        <ConfirmDeleteButton
          label={t('common.delete')}
          ariaLabel={t('competences.plan.deleteItem', { training: a.training })}
          title={t('competences.plan.deleteTitle')}
          body={t('competences.plan.deleteConfirm', { training: a.training })}
          onConfirm={async () => {
            try {
              await remove.mutateAsync(a.id);
              onNotice({ kind: 'success', text: t('competences.plan.deleted') });
            } catch (err) {
              onNotice({ kind: 'error', text: errorMessage(err, t) });
            }
          }}
        />
      ),
    });
  return (
    <Panel title={t('competences.plan.title')} id="h-plan">
      {!manage && plan.data && <Alert kind="info">{t('competences.plan.ownOnly')}</Alert>}
      {!plan.data ? (
        <Pending query={plan} />
      ) : (
        <DataTable
          label={t('competences.plan.title')}
          columns={columns}
          rows={plan.data.items}
          rowKey={(a) => a.id}
          empty={t('competences.plan.empty')}
        />
      )}
    </Panel>
  );
}
