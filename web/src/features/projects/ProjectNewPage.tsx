import { projectCreate } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { fieldLabels, ProjectFields, projectBody } from './ProjectFields';
import { type ProjectForm, useCreateProject } from './queries';

/** "Projekt anlegen": free, or from a need (?bedarf=) or a goal (?ziel=) which are then linked. */
export function ProjectNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const need = params.get('bedarf');
  const goal = params.get('ziel');
  const create = useCreateProject();
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
    const body = projectBody(form);
    const invalid = validate(projectCreate, body, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    try {
      const res = await create.mutateAsync(body);
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
