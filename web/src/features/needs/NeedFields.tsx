import type { department } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { api } from '../../lib/api';

export const URGENCIES = ['low', 'medium', 'high', 'critical'] as const;
export const SOURCES = ['department', 'employee', 'citizen', 'workshop'] as const;
export const STATUSES = ['open', 'in_review', 'planned', 'in_progress', 'done', 'rejected'] as const;

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => api<{ items: z.infer<typeof department>[] }>('/departments'),
  });
}

export interface NeedFormBase {
  title: string;
  description: string;
  service: string;
  departmentId: string;
  urgency: string;
}

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
  const depts = useDepartments();
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
          value={form.departmentId}
          onChange={(v) => onChange({ ...form, departmentId: v })}
          options={[
            { value: '', label: '–' },
            ...(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <SelectField
          name="urgency"
          label={t('needs.urgency')}
          value={form.urgency}
          onChange={(v) => onChange({ ...form, urgency: v })}
          options={URGENCIES.map((u) => ({ value: u, label: t(`needs.urgencies.${u}`) }))}
        />
        {children}
      </div>
    </>
  );
}
