import { allQuestions, QUESTION_TYPES, type Question, type QuestionType, type SurveyDefinition } from '@dz/core/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { choicesToLines, labelsToLines, linesToChoices, linesToLabels } from './definition-lines';

/* The survey's questions in the editor: sections, questions, their options and conditions. */

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

export function DefinitionEditor({
  def,
  onChange,
}: {
  def: SurveyDefinition;
  onChange: (d: SurveyDefinition) => void;
}) {
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
        <Panel
          key={s.id}
          level={3}
          id={`h-sec-${s.id}`}
          title={
            <>
              {t('surveys.section')} {si + 1}: {s.title.de}
            </>
          }
        >
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
        </Panel>
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
