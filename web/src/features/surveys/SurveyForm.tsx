import {
  type Answers,
  type AnswerValue,
  isVisible,
  localText,
  type Question,
  type SurveyDefinition,
} from '@dz/core/domain';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';

/**
 * The survey exactly as respondents see it (also the builder's preview): one fieldset per
 * question, native radios and checkboxes, a ranking list with move buttons, show-if applied live.
 */
export function SurveyForm({
  definition,
  answers,
  onChange,
  errors = {},
  readOnly = false,
}: {
  definition: SurveyDefinition;
  answers: Answers;
  onChange: (a: Answers) => void;
  errors?: Record<string, string>;
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const set = (id: string, v: AnswerValue | undefined) => {
    const next = { ...answers };
    if (v === undefined) delete next[id];
    else next[id] = v;
    onChange(next);
  };
  return (
    <div className="survey-form">
      {definition.sections.map((s) => {
        const visible = s.questions.filter((q) => isVisible(q, answers, definition));
        if (visible.length === 0) return null;
        return (
          <section key={s.id} className="panel" aria-labelledby={`sec-${s.id}`}>
            <h2 id={`sec-${s.id}`}>{localText(s.title, lang)}</h2>
            {s.description && <p>{localText(s.description, lang)}</p>}
            {visible.map((q) => (
              <QuestionField
                key={q.id}
                q={q}
                value={answers[q.id]}
                onChange={(v) => set(q.id, v)}
                error={errors[q.id]}
                readOnly={readOnly}
                lang={lang}
                requiredLabel={t('form.required')}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function QuestionField({
  q,
  value,
  onChange,
  error,
  readOnly,
  lang,
  requiredLabel,
}: {
  q: Question;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue | undefined) => void;
  error?: string | undefined;
  readOnly: boolean;
  lang: string;
  requiredLabel: string;
}) {
  const { t } = useTranslation();
  const id = `q-${q.id}`;
  const describedBy = [q.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const legend = (
    <legend>
      {localText(q.text, lang)} {q.required && <span className="required">({requiredLabel})</span>}
    </legend>
  );
  const help = q.help && (
    <span className="hint" id={`${id}-help`}>
      {localText(q.help, lang)}
    </span>
  );
  const err = error && (
    <span className="field-error" id={`${id}-error`}>
      {error}
    </span>
  );
  const scale = (name: string, current: number | undefined, set: (n: number | undefined) => void, label?: string) => (
    <div className="scale" role="radiogroup" aria-label={label}>
      {[1, 2, 3, 4, 5].map((n, i) => (
        <label key={n} className="scale-point">
          <input
            type="radio"
            name={name}
            value={n}
            checked={current === n}
            disabled={readOnly}
            onChange={() => set(n)}
            aria-describedby={describedBy}
          />
          <span>
            {n}
            {q.scaleLabels?.[i] ? ` – ${localText(q.scaleLabels[i], lang)}` : ''}
          </span>
        </label>
      ))}
    </div>
  );
  let body: React.ReactNode;
  switch (q.type) {
    case 'scale':
      body = scale(q.id, typeof value === 'number' ? value : undefined, (n) => onChange(n));
      break;
    case 'single':
      body = (q.options ?? []).map((o) => (
        <label key={o.id} className="choice">
          <input
            type="radio"
            name={q.id}
            checked={value === o.id}
            disabled={readOnly}
            onChange={() => onChange(o.id)}
            aria-describedby={describedBy}
          />
          {localText(o.label, lang)}
        </label>
      ));
      break;
    case 'multiple': {
      const cur = Array.isArray(value) ? value : [];
      body = (q.options ?? []).map((o) => (
        <label key={o.id} className="choice">
          <input
            type="checkbox"
            name={q.id}
            checked={cur.includes(o.id)}
            disabled={readOnly}
            onChange={(e) => {
              const next = e.target.checked ? [...cur, o.id] : cur.filter((x) => x !== o.id);
              onChange(next.length ? next : undefined);
            }}
            aria-describedby={describedBy}
          />
          {localText(o.label, lang)}
        </label>
      ));
      break;
    }
    case 'ranking': {
      const opts = q.options ?? [];
      const order = Array.isArray(value) && value.length === opts.length ? value : opts.map((o) => o.id);
      const move = (from: number, to: number) => {
        const next = [...order];
        const [x] = next.splice(from, 1);
        next.splice(to, 0, x as string);
        onChange(next);
      };
      body = (
        <>
          <p className="hint">{t('surveys.rankingHint')}</p>
          <ol className="ranking">
            {order.map((oid, i) => {
              const label = localText(opts.find((o) => o.id === oid)?.label, lang);
              return (
                <li key={oid}>
                  <span>{label}</span>
                  {!readOnly && (
                    <span className="ranking-actions">
                      <Button
                        small
                        variant="secondary"
                        isDisabled={i === 0}
                        onPress={() => move(i, i - 1)}
                        aria-label={t('surveys.moveUp', { label })}
                      >
                        ↑
                      </Button>
                      <Button
                        small
                        variant="secondary"
                        isDisabled={i === order.length - 1}
                        onPress={() => move(i, i + 1)}
                        aria-label={t('surveys.moveDown', { label })}
                      >
                        ↓
                      </Button>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          {!Array.isArray(value) && !readOnly && (
            <Button small variant="secondary" onPress={() => onChange(order)} name={q.id}>
              {t('surveys.rankingConfirm')}
            </Button>
          )}
          {Array.isArray(value) && <p className="hint">{t('surveys.rankingSaved')}</p>}
        </>
      );
      break;
    }
    case 'number':
      body = (
        <input
          type="number"
          name={q.id}
          inputMode="decimal"
          aria-labelledby={`${id}-legend`}
          min={q.min}
          max={q.max}
          value={typeof value === 'number' ? value : ''}
          disabled={readOnly}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      );
      break;
    case 'text':
      body = (
        <>
          <p className="hint">{t('surveys.textPrivacy')}</p>
          <textarea
            name={q.id}
            rows={4}
            aria-labelledby={`${id}-legend`}
            value={typeof value === 'string' ? value : ''}
            disabled={readOnly}
            maxLength={4000}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
        </>
      );
      break;
    case 'matrix': {
      const cur = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
      body = (q.items ?? []).map((it, i) => (
        <fieldset key={it.id} className="matrix-row">
          <legend>{localText(it.label, lang)}</legend>
          {scale(
            i === 0 ? q.id : `${q.id}-${it.id}`,
            cur[it.id],
            (n) => onChange({ ...cur, [it.id]: n as number }),
            localText(it.label, lang),
          )}
        </fieldset>
      ));
      break;
    }
  }
  return (
    <fieldset className={`question${error ? ' has-error' : ''}`} id={id}>
      <span id={`${id}-legend`} hidden>
        {localText(q.text, lang)}
      </span>
      {legend}
      {help}
      {err}
      {body}
    </fieldset>
  );
}
