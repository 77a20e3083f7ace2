import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { goalsQuery, linkableNeedsQuery, type ProjectForm } from './queries';
import { CheckboxGroup, PHASES, useColleagues, useDepartments } from './shared';

/** The request body of a project form (empty strings become null). */
export const projectBody = (f: ProjectForm) => ({
  ...f,
  ownerId: f.ownerId || null,
  startsOn: f.startsOn || null,
  endsOn: f.endsOn || null,
});

/** Names of the fields the error summary cannot read from a visible label (checkbox groups, selects). */
export function fieldLabels(t: TFunction) {
  return {
    title: t('projects.fields.title'),
    ownerId: t('projects.fields.owner'),
    startsOn: t('projects.fields.startsOn'),
    endsOn: t('projects.fields.endsOn'),
    teamIds: t('projects.fields.team'),
    departmentIds: t('projects.fields.departments'),
    needIds: t('projects.fields.needs'),
    goalIds: t('projects.fields.goals'),
  };
}

/** Fields of a project, shared by "Projekt anlegen" and "Projekt bearbeiten". */
export function ProjectFields({
  form,
  onChange,
  errors,
}: {
  form: ProjectForm;
  onChange: (f: ProjectForm) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const people = useColleagues();
  const depts = useDepartments();
  const needs = useQuery(linkableNeedsQuery);
  const tp = useQuery(goalsQuery);
  const goals = (tp.data?.fields ?? []).flatMap((f) =>
    f.goals.map((g) => ({ value: g.id, label: `${f.name}: ${g.title}` })),
  );
  const set = (patch: Partial<ProjectForm>) => onChange({ ...form, ...patch });
  return (
    <>
      <TextField
        name="title"
        label={t('projects.fields.title')}
        required
        value={form.title}
        onChange={(v) => set({ title: v })}
        error={errors.title}
      />
      <TextArea
        name="description"
        label={t('projects.fields.description')}
        hint={t('projects.fields.descriptionHint')}
        value={form.description}
        onChange={(v) => set({ description: v })}
        error={errors.description}
      />
      <div className="form-grid">
        <SelectField
          name="ownerId"
          label={t('projects.fields.owner')}
          value={form.ownerId}
          onChange={(v) => set({ ownerId: v })}
          error={errors.ownerId}
          options={[
            { value: '', label: t('projects.fields.ownerMe') },
            ...(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <SelectField
          name="phase"
          label={t('projects.fields.phase')}
          value={form.phase}
          onChange={(v) => set({ phase: v as ProjectForm['phase'] })}
          options={PHASES.map((p) => ({ value: p, label: t(`projects.phases.${p}`) }))}
        />
        <TextField
          name="startsOn"
          type="date"
          label={t('projects.fields.startsOn')}
          value={form.startsOn}
          onChange={(v) => set({ startsOn: v })}
          error={errors.startsOn}
        />
        <TextField
          name="endsOn"
          type="date"
          label={t('projects.fields.endsOn')}
          value={form.endsOn}
          onChange={(v) => set({ endsOn: v })}
          error={errors.endsOn}
        />
      </div>
      <CheckboxGroup
        name="teamIds"
        legend={t('projects.fields.team')}
        hint={t('projects.fields.teamHint')}
        value={form.teamIds}
        onChange={(v) => set({ teamIds: v })}
        error={errors.teamIds}
        options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      <CheckboxGroup
        name="departmentIds"
        legend={t('projects.fields.departments')}
        value={form.departmentIds}
        onChange={(v) => set({ departmentIds: v })}
        error={errors.departmentIds}
        options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
      />
      <CheckboxGroup
        name="needIds"
        legend={t('projects.fields.needs')}
        hint={t('projects.fields.needsHint')}
        value={form.needIds}
        onChange={(v) => set({ needIds: v })}
        error={errors.needIds}
        options={(needs.data?.items ?? []).map((n) => ({ value: n.id, label: n.title }))}
      />
      <CheckboxGroup
        name="goalIds"
        legend={t('projects.fields.goals')}
        hint={t('projects.fields.goalsHint')}
        value={form.goalIds}
        onChange={(v) => set({ goalIds: v })}
        error={errors.goalIds}
        options={goals}
      />
    </>
  );
}
