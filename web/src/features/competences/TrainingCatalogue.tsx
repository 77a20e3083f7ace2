import { TRAINING_FORMATS, trainingCreate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { centsToInput, fmtEuro, fmtNumber, inputToCents, numberToInput, parseGermanNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import { CheckboxGroup } from '../projects/shared';
import {
  frameworkQuery,
  type Training,
  trainingsQuery,
  useAddStarterTrainings,
  useDeleteTraining,
  useSaveTraining,
} from './queries';
import type { Notice } from './TrainingPlanPanel';

type Form = {
  title: string;
  provider: string;
  format: Training['format'];
  hours: string;
  cost: string;
  competences: string[];
  url: string;
};

const formOf = (x: Training | null): Form => ({
  title: x?.title ?? '',
  provider: x?.provider ?? '',
  format: x?.format ?? 'online',
  hours: numberToInput(x?.hours, 1),
  cost: centsToInput(x?.costCents),
  competences: x?.competences ?? [],
  url: x?.url ?? '',
});

/** Add or edit one training of the catalogue; hours and cost may stay empty until known. */
function TrainingForm({ training, onDone }: { training: Training | null; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const framework = useQuery(frameworkQuery);
  const save = useSaveTraining();
  const [form, setForm] = useState<Form>(formOf(training));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const labels = {
    title: t('competences.catalogue.fields.title'),
    provider: t('competences.catalogue.fields.provider'),
    hours: t('competences.catalogue.fields.hours'),
    costCents: t('competences.catalogue.fields.cost'),
    url: t('competences.catalogue.fields.url'),
  };
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = {
      title: form.title,
      provider: form.provider,
      format: form.format,
      hours: parseGermanNumber(form.hours),
      costCents: inputToCents(form.cost),
      competences: form.competences,
      url: form.url.trim() || null,
    };
    const invalid = validate(trainingCreate, body, t);
    if (body.hours !== null && Number.isNaN(body.hours)) invalid.hours = t('competences.catalogue.notANumber');
    if (body.costCents !== null && Number.isNaN(body.costCents))
      invalid.costCents = t('competences.catalogue.notANumber');
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      await save.mutateAsync({ id: training?.id, version: training?.version, body });
      onDone({ kind: 'success', text: t('competences.catalogue.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict')
        return onDone({ kind: 'warning', text: t('errors.version_conflict') });
      const fields = fieldMessages(err, t);
      setErrors(Object.keys(fields).length ? fields : { title: errorMessage(err, t) });
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <TextField
        name="title"
        label={labels.title}
        value={form.title}
        onChange={(v) => set({ title: v })}
        error={errors.title}
        required
      />
      <TextField
        name="provider"
        label={labels.provider}
        hint={t('competences.catalogue.providerHint')}
        value={form.provider}
        onChange={(v) => set({ provider: v })}
        error={errors.provider}
        required
      />
      <div className="filters">
        <SelectField
          name="format"
          label={t('competences.catalogue.fields.format')}
          value={form.format}
          onChange={(v) => set({ format: v as Form['format'] })}
          options={TRAINING_FORMATS.map((f) => ({ value: f, label: t(`competences.formats.${f}`) }))}
        />
        <TextField
          name="hours"
          label={labels.hours}
          inputMode="decimal"
          value={form.hours}
          onChange={(v) => set({ hours: v })}
          error={errors.hours}
        />
        <TextField
          name="costCents"
          label={labels.costCents}
          hint={t('competences.catalogue.costHint')}
          inputMode="decimal"
          value={form.cost}
          onChange={(v) => set({ cost: v })}
          error={errors.costCents}
        />
      </div>
      <TextField
        name="url"
        type="url"
        label={labels.url}
        value={form.url}
        onChange={(v) => set({ url: v })}
        error={errors.url}
      />
      <CheckboxGroup
        name="competences"
        legend={t('competences.catalogue.fields.competences')}
        options={(framework.data?.items ?? [])
          .filter((c) => !c.hidden)
          .map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
        value={form.competences}
        onChange={(v) => set({ competences: v })}
      />
      <Button type="submit" isDisabled={save.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}

/** The training catalogue: everyone reads it; the coordination keeps it (starter list, add, edit, delete). */
export function TrainingCatalogue({ onNotice }: { onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const list = useQuery(trainingsQuery);
  const starter = useAddStarterTrainings();
  const remove = useDeleteTraining();
  const [dialog, setDialog] = useState<{ training: Training | null } | null>(null);
  const manage = list.data?.can.manage ?? false;
  const columns: Column<Training>[] = [
    {
      header: t('competences.catalogue.fields.title'),
      rowHeader: true,
      cell: (x) => (x.url ? <a href={x.url}>{x.title}</a> : x.title),
    },
    { header: t('competences.catalogue.fields.provider'), cell: (x) => x.provider },
    { header: t('competences.catalogue.fields.format'), cell: (x) => t(`competences.formats.${x.format}`) },
    {
      header: t('competences.catalogue.fields.hours'),
      numeric: true,
      cell: (x) => (x.hours === null ? '–' : fmtNumber(x.hours, 1)),
    },
    {
      header: t('competences.catalogue.fields.cost'),
      numeric: true,
      cell: (x) => (x.costCents === null ? '–' : fmtEuro(x.costCents)),
    },
    { header: t('competences.catalogue.fields.competences'), cell: (x) => x.competences.join(', ') || '–' },
  ];
  if (manage)
    columns.push({
      header: t('common.actions'),
      cell: (x) => (
        <div className="btn-row">
          <Button
            small
            variant="secondary"
            aria-label={t('competences.catalogue.edit', { title: x.title })}
            onPress={() => setDialog({ training: x })}
          >
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            label={t('common.delete')}
            ariaLabel={t('competences.catalogue.deleteItem', { title: x.title })}
            title={t('competences.catalogue.deleteTitle')}
            body={t('competences.catalogue.deleteConfirm', { title: x.title })}
            onConfirm={async () => {
              try {
                await remove.mutateAsync(x.id);
                onNotice({ kind: 'success', text: t('competences.catalogue.deleted') });
              } catch (err) {
                onNotice({ kind: 'error', text: errorMessage(err, t) });
              }
            }}
          />
        </div>
      ),
    });
  return (
    <Panel
      title={t('competences.catalogue.title')}
      id="h-catalogue"
      actions={
        manage && (
          <div className="btn-row">
            <Button onPress={() => setDialog({ training: null })}>{t('competences.catalogue.add')}</Button>
            <Button
              variant="secondary"
              isDisabled={starter.isPending}
              onPress={async () => {
                try {
                  const r = await starter.mutateAsync();
                  onNotice({ kind: 'success', text: t('competences.catalogue.starterAdded', { count: r.created }) });
                } catch (err) {
                  onNotice({ kind: 'error', text: errorMessage(err, t) });
                }
              }}
            >
              {t('competences.catalogue.starter')}
            </Button>
          </div>
        )
      }
    >
      {!list.data ? (
        <Pending query={list} />
      ) : (
        <DataTable
          label={t('competences.catalogue.title')}
          columns={columns}
          rows={list.data.items}
          rowKey={(x) => x.id}
          empty={t('competences.catalogue.empty')}
        />
      )}
      <FormDialog
        isOpen={dialog !== null}
        title={dialog?.training ? t('competences.catalogue.editTitle') : t('competences.catalogue.addTitle')}
        onClose={() => setDialog(null)}
      >
        {dialog && (
          <TrainingForm
            key={dialog.training?.id ?? 'new'}
            training={dialog.training}
            onDone={(n) => {
              onNotice(n);
              setDialog(null);
            }}
          />
        )}
      </FormDialog>
    </Panel>
  );
}
