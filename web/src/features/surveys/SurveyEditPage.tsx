import type { networkList } from '@dz/core';
import {
  type Answers,
  allQuestions,
  englishTitleFor,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
  type SurveyDefinition,
} from '@dz/core/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { ApiError, api } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { choicesToLines, labelsToLines, linesToChoices, linesToLabels } from './definition-lines';
import { SurveyForm } from './SurveyForm';
import { type Survey, type SurveyNotice, useSurvey } from './SurveyPage';
import { AudienceNote, SendSurvey } from './SurveyShortcuts';

function newQuestion(def: SurveyDefinition, type: QuestionType): Question {
  const ids = new Set(allQuestions(def).map((q) => q.id));
  let n = ids.size + 1;
  while (ids.has(`frage_${n}`)) n++;
  const q: Question = { id: `frage_${n}`, type, text: { de: 'Neue Frage' }, required: false };
  if (type === 'single' || type === 'multiple' || type === 'ranking')
    q.options = [
      { id: 'a', label: { de: 'Antwort A' } },
      { id: 'b', label: { de: 'Antwort B' } },
    ];
  if (type === 'matrix') q.items = [{ id: 'zeile_1', label: { de: 'Zeile 1' } }];
  return q;
}

function QuestionEditor({
  q,
  earlier,
  onChange,
  onMove,
  onDelete,
  index,
  count,
}: {
  q: Question;
  earlier: Question[];
  onChange: (q: Question) => void;
  onMove: (d: -1 | 1) => void;
  onDelete: () => void;
  index: number;
  count: number;
}) {
  const { t } = useTranslation();
  const [optText, setOptText] = useState(choicesToLines(q.options));
  const [itemText, setItemText] = useState(choicesToLines(q.items));
  const [scaleText, setScaleText] = useState(labelsToLines(q.scaleLabels));
  const needsOptions = q.type === 'single' || q.type === 'multiple' || q.type === 'ranking';
  return (
    <details className="question-editor">
      <summary>
        {index + 1}. {q.text.de} <span className="hint">({t(`surveys.types.${q.type}`)})</span>
      </summary>
      <TextArea
        name={`text-${q.id}`}
        label={t('surveys.questionText')}
        value={q.text.de}
        rows={2}
        onChange={(v) => onChange({ ...q, text: { ...q.text, de: v } })}
        required
      />
      <TextField
        name={`text-en-${q.id}`}
        label={t('surveys.questionTextEn')}
        value={q.text.en ?? ''}
        onChange={(v) => onChange({ ...q, text: { ...q.text, en: v || undefined } })}
      />
      <TextField
        name={`help-${q.id}`}
        label={t('surveys.help')}
        value={q.help?.de ?? ''}
        onChange={(v) => onChange({ ...q, help: v ? { de: v, en: q.help?.en } : undefined })}
      />
      <SelectField
        name={`type-${q.id}`}
        label={t('surveys.type')}
        value={q.type}
        onChange={(v) =>
          onChange({
            ...newQuestion({ sections: [] }, v as QuestionType),
            id: q.id,
            text: q.text,
            required: q.required,
          })
        }
        options={QUESTION_TYPES.map((x) => ({ value: x, label: t(`surveys.types.${x}`) }))}
      />
      <label className="choice">
        <input type="checkbox" checked={q.required} onChange={(e) => onChange({ ...q, required: e.target.checked })} />
        {t('surveys.requiredQuestion')}
      </label>
      {needsOptions && (
        <TextArea
          name={`options-${q.id}`}
          label={t('surveys.options')}
          hint={t('surveys.linesHint')}
          value={optText}
          onChange={(v) => {
            setOptText(v);
            onChange({ ...q, options: linesToChoices(v, q.options) });
          }}
        />
      )}
      {q.type === 'matrix' && (
        <TextArea
          name={`items-${q.id}`}
          label={t('surveys.items')}
          hint={t('surveys.linesHint')}
          value={itemText}
          onChange={(v) => {
            setItemText(v);
            onChange({ ...q, items: linesToChoices(v, q.items) });
          }}
        />
      )}
      {(q.type === 'scale' || q.type === 'matrix') && (
        <TextArea
          name={`scale-${q.id}`}
          label={t('surveys.scaleLabels')}
          hint={t('surveys.scaleLabelsHint')}
          value={scaleText}
          rows={5}
          onChange={(v) => {
            setScaleText(v);
            const l = linesToLabels(v);
            onChange({ ...q, scaleLabels: l?.length === 5 ? l : undefined });
          }}
        />
      )}
      {q.type === 'number' && (
        <div className="filters">
          <TextField
            name={`min-${q.id}`}
            type="number"
            label={t('surveys.min')}
            value={q.min === undefined ? '' : String(q.min)}
            onChange={(v) => onChange({ ...q, min: v === '' ? undefined : Number(v) })}
          />
          <TextField
            name={`max-${q.id}`}
            type="number"
            label={t('surveys.max')}
            value={q.max === undefined ? '' : String(q.max)}
            onChange={(v) => onChange({ ...q, max: v === '' ? undefined : Number(v) })}
          />
        </div>
      )}
      {earlier.length > 0 && (
        <div className="filters">
          <SelectField
            name={`showif-${q.id}`}
            label={t('surveys.showIf')}
            value={q.showIf?.questionId ?? ''}
            onChange={(v) =>
              onChange({
                ...q,
                showIf: v ? { questionId: v, op: q.showIf?.op ?? 'equals', value: q.showIf?.value ?? '' } : undefined,
              })
            }
            options={[
              { value: '', label: t('surveys.always') },
              ...earlier.map((e) => ({ value: e.id, label: e.text.de })),
            ]}
          />
          {q.showIf && (
            <>
              <SelectField
                name={`showif-op-${q.id}`}
                label={t('surveys.condition')}
                value={q.showIf.op}
                onChange={(v) => q.showIf && onChange({ ...q, showIf: { ...q.showIf, op: v as 'equals' } })}
                options={(['equals', 'includes', 'gte', 'lte'] as const).map((o) => ({
                  value: o,
                  label: t(`surveys.ops.${o}`),
                }))}
              />
              <TextField
                name={`showif-value-${q.id}`}
                label={t('surveys.conditionValue')}
                hint={t('surveys.conditionValueHint')}
                value={String(q.showIf.value)}
                onChange={(v) =>
                  q.showIf &&
                  onChange({
                    ...q,
                    showIf: { ...q.showIf, value: v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v },
                  })
                }
              />
            </>
          )}
        </div>
      )}
      <div className="btn-row">
        <Button small variant="secondary" isDisabled={index === 0} onPress={() => onMove(-1)}>
          {t('surveys.moveUpShort')}
        </Button>
        <Button small variant="secondary" isDisabled={index === count - 1} onPress={() => onMove(1)}>
          {t('surveys.moveDownShort')}
        </Button>
        <Button small variant="danger" onPress={onDelete}>
          {t('surveys.deleteQuestion')}
        </Button>
      </div>
    </details>
  );
}

function DefinitionEditor({ def, onChange }: { def: SurveyDefinition; onChange: (d: SurveyDefinition) => void }) {
  const { t } = useTranslation();
  const [addType, setAddType] = useState<QuestionType>('scale');
  const all = allQuestions(def);
  const setSection = (si: number, patch: Partial<SurveyDefinition['sections'][number]>) =>
    onChange({ sections: def.sections.map((x, i) => (i === si ? { ...x, ...patch } : x)) });
  const update = (si: number, fn: (qs: Question[]) => Question[]) =>
    onChange({ sections: def.sections.map((s, i) => (i === si ? { ...s, questions: fn(s.questions) } : s)) });
  return (
    <>
      {def.sections.map((s, si) => (
        <section key={s.id} className="panel" aria-labelledby={`h-sec-${s.id}`}>
          <h3 id={`h-sec-${s.id}`}>
            {t('surveys.section')} {si + 1}: {s.title.de}
          </h3>
          <div className="filters">
            <TextField
              name={`section-${s.id}`}
              label={t('surveys.sectionTitle')}
              value={s.title.de}
              onChange={(v) => setSection(si, { title: { ...s.title, de: v } })}
            />
            <TextField
              name={`section-en-${s.id}`}
              label={t('surveys.sectionTitleEn')}
              value={s.title.en ?? ''}
              onChange={(v) => setSection(si, { title: { ...s.title, en: v || undefined } })}
            />
          </div>
          <TextField
            name={`section-intro-${s.id}`}
            label={t('surveys.sectionIntro')}
            value={s.description?.de ?? ''}
            onChange={(v) => setSection(si, { description: v ? { de: v, en: s.description?.en } : undefined })}
          />
          {s.questions.map((q, qi) => (
            <QuestionEditor
              key={q.id}
              q={q}
              index={qi}
              count={s.questions.length}
              earlier={all.slice(0, all.indexOf(q))}
              onChange={(nq) => update(si, (qs) => qs.map((x, i) => (i === qi ? nq : x)))}
              onMove={(d) =>
                update(si, (qs) => {
                  const next = [...qs];
                  const [x] = next.splice(qi, 1);
                  next.splice(qi + d, 0, x as Question);
                  return next;
                })
              }
              onDelete={() => update(si, (qs) => qs.filter((_, i) => i !== qi))}
            />
          ))}
          <div className="filters">
            <SelectField
              name={`add-type-${s.id}`}
              label={t('surveys.newQuestionType')}
              value={addType}
              onChange={(v) => setAddType(v as QuestionType)}
              options={QUESTION_TYPES.map((x) => ({ value: x, label: t(`surveys.types.${x}`) }))}
            />
            <Button variant="secondary" onPress={() => update(si, (qs) => [...qs, newQuestion(def, addType)])}>
              {t('surveys.addQuestion')}
            </Button>
            {def.sections.length > 1 && s.questions.length === 0 && (
              <Button variant="danger" onPress={() => onChange({ sections: def.sections.filter((_, i) => i !== si) })}>
                {t('surveys.deleteSection')}
              </Button>
            )}
          </div>
        </section>
      ))}
      <Button
        variant="secondary"
        onPress={() =>
          onChange({
            sections: [
              ...def.sections,
              {
                id: `abschnitt_${def.sections.length + 1}_${Date.now() % 1000}`,
                title: { de: `Abschnitt ${def.sections.length + 1}` },
                questions: [],
              },
            ],
          })
        }
      >
        {t('surveys.addSection')}
      </Button>
    </>
  );
}

function Editor({ s }: { s: Survey }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const nets = useQuery({ queryKey: ['networks'], queryFn: () => api<z.infer<typeof networkList>>('/networks') });
  const [form, setForm] = useState({
    title: s.title,
    titleEn: s.titleEn,
    intro: s.intro,
    opensOn: s.opensOn ?? '',
    closesOn: s.closesOn ?? '',
    threshold: String(s.threshold),
    anonymous: s.anonymous,
    networkIds: s.networkIds,
  });
  const [def, setDef] = useState<SurveyDefinition>(s.definition);
  const [version, setVersion] = useState(s.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ kind: 'success' | 'error' | 'warning'; text: string }>();
  const [preview, setPreview] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [previewAnswers, setPreviewAnswers] = useState<Answers>({});
  useEffect(() => setVersion(s.version), [s.version]);

  const threshold = Number(form.threshold);
  const validThreshold = Number.isInteger(threshold) && threshold >= 3;
  /** Saves the form; the saved survey, or null when something is wrong (then the errors are shown). */
  async function persist(): Promise<Survey | null> {
    if (!validThreshold) {
      setErrors({ threshold: t('surveys.thresholdMin') });
      return null;
    }
    try {
      const res = await api<Survey>(`/surveys/${s.id}`, {
        method: 'PATCH',
        body: {
          ...form,
          opensOn: form.opensOn || null,
          closesOn: form.closesOn || null,
          threshold,
          mode: s.mode,
          version,
          definition: def,
        },
      });
      setVersion(res.version);
      setErrors({});
      setMsg({ kind: 'success', text: t('common.saved') });
      qc.setQueryData(['survey', s.id], res);
      void qc.invalidateQueries({ queryKey: ['survey', s.id, 'audience'] });
      return res;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setVersion(Number(err.body.currentVersion));
        setMsg({ kind: 'warning', text: t('errors.version_conflict') });
        return null;
      }
      const fe = fieldMessages(err, t);
      setErrors(fe);
      // field errors are shown in the summary and at the fields (like the form's own checks)
      setMsg(
        fe.definition && err instanceof ApiError
          ? { kind: 'error', text: `${t('surveys.definitionInvalid')} ${err.errors.map((x) => x.message).join(', ')}` }
          : Object.keys(fe).length && Object.keys(fe).every((k) => formRef.current?.querySelector(`[name="${k}"]`))
            ? undefined
            : { kind: 'error', text: errorMessage(err, t, true) },
      );
      return null;
    }
  }
  const moderated = nets.data?.items.filter((n) => n.isModerator && n.id !== s.networkId) ?? [];
  return (
    <form
      ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        void persist();
      }}
      noValidate
    >
      <ErrorSummary
        errors={errors}
        labels={{
          title: t('surveys.titleLabel'),
          closesOn: t('surveys.closesOn'),
          threshold: t('surveys.threshold'),
          networkIds: t('surveys.extraNetworks'),
        }}
      />
      <section className="panel" aria-labelledby="h-settings">
        <h2 id="h-settings">{t('surveys.settings')}</h2>
        <TextField
          name="title"
          label={t('surveys.titleLabel')}
          value={form.title}
          onChange={(v) => setForm({ ...form, title: v, titleEn: englishTitleFor(v, form.titleEn) })}
          error={errors.title}
          required
        />
        <TextField
          name="titleEn"
          label={t('surveys.titleEn')}
          hint={t('surveys.titleEnHint')}
          value={form.titleEn}
          onChange={(v) => setForm({ ...form, titleEn: v })}
        />
        <TextArea
          name="intro"
          label={t('surveys.introLabel')}
          value={form.intro}
          onChange={(v) => setForm({ ...form, intro: v })}
        />
        <div className="filters">
          <TextField
            name="opensOn"
            type="date"
            label={t('surveys.opensOn')}
            value={form.opensOn}
            onChange={(v) => setForm({ ...form, opensOn: v })}
          />
          <TextField
            name="closesOn"
            type="date"
            label={t('surveys.closesOn')}
            value={form.closesOn}
            onChange={(v) => setForm({ ...form, closesOn: v })}
            error={errors.closesOn}
          />
          <TextField
            name="threshold"
            type="number"
            inputMode="numeric"
            label={t('surveys.threshold')}
            hint={t(s.status === 'closed' ? 'surveys.thresholdFinal' : 'surveys.thresholdHint')}
            readOnly={s.status === 'closed'}
            value={form.threshold}
            onChange={(v) => setForm({ ...form, threshold: v })}
            error={errors.threshold}
          />
        </div>
        {s.mode === 'person' && (
          <fieldset>
            <legend>{t('surveys.anonymity')}</legend>
            <p className="hint">{t(s.can.edit ? 'surveys.anonymityHint' : 'surveys.anonymityLocked')}</p>
            {[true, false].map((v) => (
              <label key={String(v)} className="choice">
                <input
                  type="radio"
                  name="anonymous"
                  checked={form.anonymous === v}
                  disabled={!s.can.edit}
                  onChange={() => setForm({ ...form, anonymous: v })}
                />
                {t(v ? 'surveys.anonymousYes' : 'surveys.anonymousNo')}
              </label>
            ))}
          </fieldset>
        )}
        {moderated.length > 0 && (
          <fieldset>
            <legend>{t('surveys.extraNetworks')}</legend>
            {moderated.map((n) => (
              <label key={n.id} className="choice">
                <input
                  type="checkbox"
                  name="networkIds"
                  checked={form.networkIds.includes(n.id)}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      networkIds: e.target.checked
                        ? [...form.networkIds, n.id]
                        : form.networkIds.filter((x) => x !== n.id),
                    })
                  }
                />
                {n.name}
              </label>
            ))}
          </fieldset>
        )}
      </section>
      <section className="panel" aria-labelledby="h-send">
        <h2 id="h-send">{t('surveys.sending')}</h2>
        <AudienceNote
          surveyId={s.id}
          threshold={validThreshold ? threshold : s.threshold}
          mode={s.mode}
          warn={s.status !== 'closed'}
        />
        {s.status === 'draft' && <p className="hint">{t('surveys.sendHint')}</p>}
        {s.status === 'draft' && (
          <SendSurvey
            s={s}
            label={t('surveys.saveAndOpen')}
            prepare={persist}
            onSent={() => navigate(`/umfragen/${s.id}`, { state: { surveyNotice: 'opened' } satisfies SurveyNotice })}
            onError={(text) => setMsg({ kind: 'error', text })}
          />
        )}
      </section>
      <fieldset className="btn-row plain">
        <legend className="visually-hidden">{t('surveys.view')}</legend>
        <Button variant={preview ? 'secondary' : 'primary'} onPress={() => setPreview(false)} aria-pressed={!preview}>
          {t('surveys.questions')}
        </Button>
        <Button variant={preview ? 'primary' : 'secondary'} onPress={() => setPreview(true)} aria-pressed={preview}>
          {t('surveys.preview')}
        </Button>
      </fieldset>
      {preview ? (
        <>
          <Alert kind="info">{t('surveys.previewHint')}</Alert>
          <SurveyForm definition={def} answers={previewAnswers} onChange={setPreviewAnswers} />
        </>
      ) : s.can.edit ? (
        <DefinitionEditor def={def} onChange={setDef} />
      ) : (
        <Alert kind="info">{t('surveys.lockedHint')}</Alert>
      )}
      <div className="btn-row sticky-actions">
        <Button type="submit">{t('common.save')}</Button>
        {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      </div>
    </form>
  );
}

export function SurveyEditPage() {
  const { t } = useTranslation();
  const { surveyId = '' } = useParams();
  const q = useSurvey(surveyId);
  if (!q.data)
    return (
      <Page title={t('surveys.edit')}>
        <Pending query={q} />
      </Page>
    );
  return (
    <Page
      title={t('surveys.editTitle', { title: q.data.title })}
      crumbs={[
        { to: '/umfragen', label: t('surveys.title') },
        { to: `/umfragen/${surveyId}`, label: q.data.title },
      ]}
    >
      <Editor s={q.data} />
    </Page>
  );
}
