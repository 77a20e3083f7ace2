import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { api } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { ProjectFields, type ProjectForm, projectBody } from './ProjectFields';

export function fieldLabels(t: (k: string) => string) {
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

/** "Projekt anlegen": free, or from a need (?bedarf=) or a goal (?ziel=) which are then linked. */
export function ProjectNewPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const need = params.get('bedarf');
  const goal = params.get('ziel');
  const [form, setForm] = useState<ProjectForm>({
    title: params.get('titel') ?? '',
    description: '',
    ownerId: '',
    phase: 'idea',
    startsOn: '',
    endsOn: '',
    teamIds: [],
    departmentIds: [],
    needIds: need ? [need] : [],
    goalIds: goal ? [goal] : [],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (form.title.trim().length < 3) return setErrors({ title: t('projects.titleMissing') });
    if (form.startsOn && form.endsOn && form.endsOn < form.startsOn)
      return setErrors({ endsOn: t('projects.endBeforeStart') });
    try {
      const res = await api<{ id: string }>('/projects', { method: 'POST', body: projectBody(form) });
      await qc.invalidateQueries({ queryKey: ['projects'] });
      await qc.invalidateQueries({ queryKey: ['needs'] });
      navigate(`/projekte/${res.id}`);
    } catch (err) {
      setErrors(fieldMessages(err, t));
    }
  }
  return (
    <Page title={t('projects.create')} crumbs={[{ to: '/projekte', label: t('projects.title') }]}>
      <p>{t('projects.createIntro')}</p>
      <ErrorSummary errors={errors} labels={fieldLabels(t)} />
      <form onSubmit={submit} noValidate className="panel">
        <ProjectFields form={form} onChange={setForm} errors={errors} />
        <div className="btn-row">
          <Button type="submit">{t('projects.createSubmit')}</Button>
          <Button variant="secondary" onPress={() => navigate(-1)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
