import { NEED_STATUSES, NEED_URGENCIES } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { departmentsQuery, type NeedCreate } from './queries';

/** The statuses one can set (a need becomes `merged` only by merging). */
export const STATUSES = NEED_STATUSES.filter((s) => s !== 'merged');

/** The fields a need has in both forms, typed from the contract (all given: the form shows every one). */
export type NeedFormBase = Required<Pick<NeedCreate, 'title' | 'description' | 'service' | 'departmentId' | 'urgency'>>;

/** The fields a need has in both the capture and the edit form; form-specific selects go in `children`. */
export function NeedFields<T extends NeedFormBase>({
  form,
  onChange,
  errors,
  afterTitle,
  children,
}: {
  form: T;
  onChange: (f: T) => void;
  errors: Record<string, string>;
  afterTitle?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const depts = useQuery(departmentsQuery());
  return (
    <>
      <TextField
        name="title"
        label={t('needs.titleLabel')}
        value={form.title}
        onChange={(v) => onChange({ ...form, title: v })}
        error={errors.title}
        required
      />
      {afterTitle}
      <TextArea
        name="description"
        label={t('needs.description')}
        value={form.description}
        onChange={(v) => onChange({ ...form, description: v })}
      />
      <div className="filters">
        <TextField
          name="service"
          label={t('needs.service')}
          hint={t('needs.serviceHint')}
          value={form.service}
          onChange={(v) => onChange({ ...form, service: v })}
        />
        <SelectField
          name="departmentId"
          label={t('needs.department')}
          value={form.departmentId ?? ''}
          onChange={(v) => onChange({ ...form, departmentId: v || null })}
          options={[
            { value: '', label: '–' },
            ...(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <SelectField
          name="urgency"
          label={t('needs.urgency')}
          value={form.urgency}
          onChange={(v) => onChange({ ...form, urgency: v as NeedFormBase['urgency'] })}
          options={NEED_URGENCIES.map((u) => ({ value: u, label: t(`needs.urgencies.${u}`) }))}
        />
        {children}
      </div>
    </>
  );
}
