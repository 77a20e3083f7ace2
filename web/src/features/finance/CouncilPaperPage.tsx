import { PROJECT_TYPES, type ProjectType } from '@dz/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { PaperForm, type PaperMade, PaperPdfLink } from './DecisionPaper';
import { PaperCostStep } from './PaperCostStep';
import { PaperRiskStep } from './PaperRiskStep';
import { financeQuery, paperDraftQuery, projectQuery, suggestionsQuery } from './queries';
import './finance.css';
import { TaskGuideLink } from '../guides/TaskGuideLink';

const STEPS = ['costs', 'risks', 'paper'] as const;
const isType = (v: string | null): v is ProjectType => PROJECT_TYPES.includes(v as ProjectType);

/** Step 3: the paper prepared from the saved plan and risks, generated with one click; then its PDF. */
function PaperStep({ projectId, onBack }: { projectId: string; onBack: () => void }) {
  const { t } = useTranslation();
  // always fresh: the figures follow the plan and the risks just saved
  const draft = useQuery(paperDraftQuery(projectId));
  const [made, setMade] = useState<PaperMade | null>(null);
  return (
    <>
      <div aria-live="polite">
        {made && (
          <>
            <Alert kind="success">
              <p>{made.message}</p>
              <p>
                <PaperPdfLink projectId={projectId} id={made.id} versionNo={made.versionNo} />
              </p>
            </Alert>
            <p className="btn-row">
              <Link className="btn secondary" to={`/projekte/${projectId}/finanzen`}>
                {t('paperPath.toFinance')}
              </Link>
              <Link className="btn secondary" to={`/projekte/${projectId}`}>
                {t('paperPath.toProject')}
              </Link>
            </p>
          </>
        )}
      </div>
      {made ? null : !draft.data ? (
        <Pending query={draft} />
      ) : (
        <>
          <p>{t('paperPath.paperIntro')}</p>
          <PaperForm draft={draft.data} projectId={projectId} onDone={setMade} />
          <Button variant="secondary" onPress={onBack}>
            {t('paperPath.back')}
          </Button>
        </>
      )}
    </>
  );
}

/**
 * "Beschlussvorlage vorbereiten": the guided path from a new project to its council paper — cost lines from a template
 * by project type or a comparable exchange project, risks taken with one click, the paper prefilled and generated.
 */
export function CouncilPaperPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const step = Math.min(3, Math.max(1, Number(params.get('schritt')) || 1));
  const chosen = params.get('art');
  const type = isType(chosen) ? chosen : undefined;
  const project = useQuery(projectQuery(projectId));
  const f = useQuery(financeQuery(projectId));
  // the step stays on screen while another type's suggestions load
  const s = useQuery({ ...suggestionsQuery(projectId, type), placeholderData: keepPreviousData });
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(step);
  useEffect(() => {
    // a new step is announced by moving focus to its heading (not on the first visit)
    if (shown.current !== step) heading.current?.focus();
    shown.current = step;
  }, [step]);
  const go = (n: number) => setParams({ schritt: String(n), ...(s.data ? { art: s.data.type } : {}) });
  const title = project.data ? t('paperPath.title', { title: project.data.title }) : t('paperPath.start');
  if (!project.data || !f.data || !s.data)
    return (
      <Page title={project.error || f.error || s.error ? t('paperPath.start') : title}>
        <Pending queries={[project, f, s]} />
      </Page>
    );
  const canEdit = Boolean(f.data.can.edit);
  return (
    <Page
      title={title}
      crumbs={[
        { to: '/projekte', label: t('projects.title') },
        { to: `/projekte/${projectId}`, label: project.data.title },
      ]}
    >
      <p>{t('paperPath.intro')}</p>
      <TaskGuideLink starter="council-paper-checklist" projectId={projectId} />
      <nav aria-label={t('paperPath.steps')}>
        <ol className="stepper">
          {STEPS.map((key, i) => (
            <li key={key} aria-current={step === i + 1 ? 'step' : undefined}>
              {i + 1 < step ? (
                <Link to={`?schritt=${i + 1}&art=${s.data.type}`}>{t(`paperPath.stepNames.${key}`)}</Link>
              ) : (
                t(`paperPath.stepNames.${key}`)
              )}
              {i + 1 < step && <span className="visually-hidden"> ({t('paperPath.stepDone')})</span>}
            </li>
          ))}
        </ol>
      </nav>
      <section className="panel" aria-labelledby="h-step">
        <h2 id="h-step" ref={heading} tabIndex={-1}>
          {t('paperPath.stepHeading', { n: step, name: t(`paperPath.stepNames.${STEPS[step - 1]}`) })}
        </h2>
        {!canEdit ? (
          <p className="muted">{t('finance.readOnly')}</p>
        ) : step === 1 ? (
          <>
            <SelectField
              name="projectType"
              label={t('paperPath.type')}
              hint={s.data.guessed ? t('paperPath.typeGuessed') : t('paperPath.typeHint')}
              value={s.data.type}
              onChange={(v) => setParams({ schritt: '1', art: v })}
              options={PROJECT_TYPES.map((x) => ({ value: x, label: t(`paperPath.types.${x}`) }))}
            />
            <PaperCostStep key={s.data.type} projectId={projectId} f={f.data} s={s.data} onSaved={() => go(2)} />
          </>
        ) : step === 2 ? (
          <>
            <PaperRiskStep projectId={projectId} s={s.data} />
            <div className="btn-row">
              <Button variant="secondary" onPress={() => go(1)}>
                {t('paperPath.back')}
              </Button>
              <Button onPress={() => go(3)}>{t('paperPath.toPaper')}</Button>
            </div>
          </>
        ) : (
          <PaperStep projectId={projectId} onBack={() => go(2)} />
        )}
      </section>
    </Page>
  );
}
