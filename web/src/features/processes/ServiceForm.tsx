import { isLeikaKey, OZG_LEVELS, OZG_SUBJECT_AREAS, serviceCreate } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { numberToInput, parseGermanNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import { useDepartments } from '../projects/shared';
import { ozgLevelLabel } from './ozg';
import { type ServiceDetail, type ServiceInput, useCreateService, useUpdateService } from './queries';

export type Notice = { kind: 'success' | 'error' | 'warning'; text: string };

/** The form's state: what the inputs hold (numbers as German text, '' for "keine Angabe"). */
type Form = {
  name: string;
  subjectArea: string;
  lifeSituation: string;
  leikaKey: string;
  departmentId: string;
  casesPerYear: string;
  minutesPerCase: string;
  ozgLevel: string;
  ozgTarget: string;
  onlineChannel: string;
  mediaBreaks: string;
};

const EMPTY: Form = {
  name: '',
  subjectArea: '',
  lifeSituation: '',
  leikaKey: '',
  departmentId: '',
  casesPerYear: '',
  minutesPerCase: '',
  ozgLevel: '0',
  ozgTarget: '3',
  onlineChannel: '',
  mediaBreaks: '0',
};

const formOf = (s: ServiceDetail): Form => ({
  name: s.name,
  subjectArea: s.subjectArea ?? '',
  lifeSituation: s.lifeSituation ?? '',
  leikaKey: s.leikaKey ?? '',
  departmentId: s.departmentId ?? '',
  casesPerYear: numberToInput(s.casesPerYear, 0),
  minutesPerCase: numberToInput(s.minutesPerCase, 2),
  ozgLevel: String(s.ozgLevel),
  ozgTarget: String(s.ozgTarget),
  onlineChannel: s.onlineChannel ?? '',
  mediaBreaks: String(s.mediaBreaks),
});

const NUMBERS = ['casesPerYear', 'minutesPerCase', 'mediaBreaks'] as const;

/** The request body of the form; a number that is none stays NaN so that the contract refuses it. */
function bodyOf(f: Form): ServiceInput {
  const num = (s: string) => parseGermanNumber(s) ?? Number.NaN;
  return {
    name: f.name,
    subjectArea: (f.subjectArea || null) as ServiceInput['subjectArea'],
    lifeSituation: f.lifeSituation,
    leikaKey: f.leikaKey,
    departmentId: f.departmentId || null,
    casesPerYear: num(f.casesPerYear),
    minutesPerCase: num(f.minutesPerCase),
    ozgLevel: Number(f.ozgLevel),
    ozgTarget: Number(f.ozgTarget),
    onlineChannel: f.onlineChannel,
    mediaBreaks: f.mediaBreaks.trim() === '' ? 0 : num(f.mediaBreaks),
  };
}

/**
 * Add a service (no `service`) or edit one: the contract checks the input, the server's field errors show at the
 * fields, a stale version keeps the input and says so.
 */
export function ServiceForm({ service, onDone }: { service?: ServiceDetail; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const create = useCreateService();
  const update = useUpdateService();
  const [form, setForm] = useState<Form>(service ? formOf(service) : EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof Form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const labels = {
    name: t('processes.fields.name'),
    subjectArea: t('processes.fields.subjectArea'),
    lifeSituation: t('processes.fields.lifeSituation'),
    leikaKey: t('processes.fields.leikaKey'),
    departmentId: t('processes.fields.department'),
    casesPerYear: t('processes.fields.casesPerYear'),
    minutesPerCase: t('processes.fields.minutesPerCase'),
    ozgLevel: t('processes.fields.ozgLevel'),
    ozgTarget: t('processes.fields.ozgTarget'),
    onlineChannel: t('processes.fields.onlineChannel'),
    mediaBreaks: t('processes.fields.mediaBreaks'),
  };
  const pending = create.isPending || update.isPending;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = bodyOf(form);
    // the limits come from the contract; what is no number at all, or no LeiKa key, is told as such
    const invalid = validate(serviceCreate, body, t);
    for (const k of NUMBERS) {
      const n = parseGermanNumber(form[k]);
      if (n !== null && Number.isNaN(n)) invalid[k] = t('errors.number_invalid');
      else if (n !== null && k !== 'minutesPerCase' && !Number.isInteger(n))
        invalid[k] = t('processes.form.wholeNumber');
    }
    const leika = form.leikaKey.replace(/\s+/g, '');
    if (leika && !isLeikaKey(leika)) invalid.leikaKey = t('processes.form.leikaInvalid');
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      if (service) await update.mutateAsync({ id: service.id, body: { ...body, version: service.version } });
      else await create.mutateAsync(body);
      onDone({ kind: 'success', text: t(service ? 'processes.serviceSaved' : 'processes.serviceCreated') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict')
        return onDone({ kind: 'warning', text: t('errors.version_conflict') });
      const fields = fieldMessages(err, t);
      if (fields.leikaKey) fields.leikaKey = t('processes.form.leikaInvalid');
      setErrors(Object.keys(fields).length ? fields : { name: errorMessage(err, t) });
    }
  }

  const levels = OZG_LEVELS.map((l) => ({ value: String(l), label: ozgLevelLabel(t, l) }));
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <TextField
        name="name"
        label={labels.name}
        value={form.name}
        onChange={set('name')}
        error={errors.name}
        required
      />
      <div className="filters">
        <SelectField
          name="subjectArea"
          label={labels.subjectArea}
          value={form.subjectArea}
          onChange={set('subjectArea')}
          error={errors.subjectArea}
          options={[
            { value: '', label: t('processes.form.noInformation') },
            ...OZG_SUBJECT_AREAS.map((a) => ({ value: a, label: a })),
          ]}
        />
        <TextField
          name="lifeSituation"
          label={labels.lifeSituation}
          hint={t('processes.form.lifeSituationHint')}
          value={form.lifeSituation}
          onChange={set('lifeSituation')}
          error={errors.lifeSituation}
        />
      </div>
      <div className="filters">
        <TextField
          name="leikaKey"
          label={labels.leikaKey}
          hint={t('processes.form.leikaHint')}
          inputMode="numeric"
          value={form.leikaKey}
          onChange={set('leikaKey')}
          error={errors.leikaKey}
        />
        <SelectField
          name="departmentId"
          label={labels.departmentId}
          value={form.departmentId}
          onChange={set('departmentId')}
          error={errors.departmentId}
          options={[
            { value: '', label: t('processes.form.noInformation') },
            ...(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
      </div>
      <div className="filters">
        <TextField
          name="casesPerYear"
          label={labels.casesPerYear}
          hint={t('processes.form.casesHint')}
          inputMode="numeric"
          value={form.casesPerYear}
          onChange={set('casesPerYear')}
          error={errors.casesPerYear}
          required
        />
        <TextField
          name="minutesPerCase"
          label={labels.minutesPerCase}
          hint={t('processes.form.minutesHint')}
          inputMode="decimal"
          value={form.minutesPerCase}
          onChange={set('minutesPerCase')}
          error={errors.minutesPerCase}
          required
        />
      </div>
      <div className="filters">
        <SelectField
          name="ozgLevel"
          label={labels.ozgLevel}
          value={form.ozgLevel}
          onChange={set('ozgLevel')}
          error={errors.ozgLevel}
          options={levels}
        />
        <SelectField
          name="ozgTarget"
          label={labels.ozgTarget}
          value={form.ozgTarget}
          onChange={set('ozgTarget')}
          error={errors.ozgTarget}
          options={levels}
        />
      </div>
      <div className="filters">
        <TextField
          name="onlineChannel"
          label={labels.onlineChannel}
          hint={t('processes.form.onlineChannelHint')}
          value={form.onlineChannel}
          onChange={set('onlineChannel')}
          error={errors.onlineChannel}
        />
        <TextField
          name="mediaBreaks"
          label={labels.mediaBreaks}
          hint={t('processes.form.mediaBreaksHint')}
          inputMode="numeric"
          value={form.mediaBreaks}
          onChange={set('mediaBreaks')}
          error={errors.mediaBreaks}
        />
      </div>
      <Button type="submit" isDisabled={pending}>
        {service ? t('common.save') : t('processes.addService')}
      </Button>
    </form>
  );
}
