import { type Answers, allQuestions, localText, validateAnswers } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Alert, Page, Pending } from '../../components/Page';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { type SurveyResponse as Resp, responseQuery, type Survey, useResponseAction } from './queries';
import { SurveyForm } from './SurveyForm';
import { useSurvey } from './SurveyPage';

const AUTOSAVE_MS = 1200;

/** Field errors of a rejected save, keyed by question id. */
function toQuestionErrors(err: ApiError) {
  const out: Record<string, string> = {};
  for (const e of err.errors) {
    const qid = e.path.split('.').pop() ?? '';
    out[qid] ??= e.message;
  }
  return out;
}

function Answering({ s, initial }: { s: Survey; initial: Resp }) {
  const { t, i18n } = useTranslation();
  const [resp, setResp] = useState(initial);
  const [answers, setAnswers] = useState<Answers>(initial.answers as Answers);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(initial.updatedAt);
  const [conflict, setConflict] = useState<{ answers: Answers; version: number } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const version = useRef(initial.version);
  const dirty = useRef(false);
  const readOnly = !resp.can.edit;
  const { mutateAsync: respond } = useResponseAction(s.id);

  const save = useCallback(
    async (a: Answers) => {
      setSaveState('saving');
      try {
        const r = await respond({ action: 'save', body: { version: version.current, answers: a } });
        version.current = r.version;
        dirty.current = false;
        setResp(r);
        setSavedAt(r.updatedAt);
        setSaveState('saved');
      } catch (err) {
        setSaveState('error');
        if (err instanceof ApiError && err.code === 'version_conflict') {
          const cur = err.body.current as { answers: Answers; version: number };
          setConflict(cur);
          return;
        }
        if (err instanceof ApiError && err.status === 400) setErrors(toQuestionErrors(err));
        else setMsg(errorMessage(err, t));
      }
    },
    [respond, t],
  );

  // save what is pending before leaving the page
  useEffect(() => () => clearTimeout(timer.current), []);

  function change(a: Answers) {
    setAnswers(a);
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(a), AUTOSAVE_MS);
  }

  async function submit() {
    clearTimeout(timer.current);
    const local = validateAnswers(s.definition, answers, true).problems;
    if (local.length) {
      setErrors(Object.fromEntries(local.map((p) => [p.questionId, p.message])));
      return;
    }
    try {
      const r = await respond({ action: 'submit', body: { version: version.current, answers } });
      version.current = r.version;
      setResp(r);
      setErrors({});
      setMsg(undefined);
      document.getElementById('submitted')?.focus();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setConflict(err.body.current as { answers: Answers; version: number });
        return;
      }
      if (err instanceof ApiError && err.status === 400) setErrors(toQuestionErrors(err));
      else setMsg(errorMessage(err, t));
    }
  }

  async function reopen() {
    try {
      const r = await respond({ action: 'reopen' });
      version.current = r.version;
      setResp(r);
    } catch (err) {
      setMsg(errorMessage(err, t));
    }
  }

  const labels = Object.fromEntries(allQuestions(s.definition).map((q) => [q.id, localText(q.text, i18n.language)]));
  if (resp.status === 'submitted') {
    return (
      <section className="panel" aria-labelledby="submitted">
        {/* the heading takes focus after submitting, so this panel keeps its own markup */}
        <h2 id="submitted" tabIndex={-1}>
          {t('surveys.thanks')}
        </h2>
        <Alert kind="success">{t('surveys.submittedAt', { at: fmtDateTime(resp.submittedAt) })}</Alert>
        {msg && <Alert kind="error">{msg}</Alert>}
        {resp.can.reopen && (
          <>
            <p>{t('surveys.reopenHint', { date: fmtDate(s.closesOn) })}</p>
            <Button variant="secondary" onPress={() => void reopen()}>
              {t('surveys.reopen')}
            </Button>
          </>
        )}
        <details>
          <summary>{t('surveys.showMyAnswers')}</summary>
          <SurveyForm definition={s.definition} answers={answers} onChange={() => {}} readOnly />
        </details>
      </section>
    );
  }
  return (
    <>
      {s.intro && <p>{s.intro}</p>}
      <p className="hint">
        {t(
          s.mode === 'municipality'
            ? 'surveys.municipalityHint'
            : s.anonymous
              ? 'surveys.personPrivacy'
              : 'surveys.personNamed',
        )}{' '}
        {s.closesOn && t('surveys.until', { date: fmtDate(s.closesOn) })}
      </p>
      {!resp.can.submit && resp.can.edit && <Alert kind="info">{t('surveys.draftOnlyHint')}</Alert>}
      {readOnly && <Alert kind="info">{t('surveys.readOnlyHint')}</Alert>}
      {conflict && (
        <Alert kind="warning">
          {t('surveys.conflict')}
          <span className="btn-row">
            <Button
              small
              onPress={() => {
                version.current = conflict.version;
                setAnswers(conflict.answers);
                setConflict(null);
                setSaveState('idle');
              }}
            >
              {t('surveys.loadCurrent')}
            </Button>
            <Button
              small
              variant="secondary"
              onPress={() => {
                version.current = conflict.version;
                setConflict(null);
                void save(answers);
              }}
            >
              {t('surveys.keepMine')}
            </Button>
          </span>
        </Alert>
      )}
      {msg && <Alert kind="error">{msg}</Alert>}
      <ErrorSummary errors={errors} labels={labels} />
      <SurveyForm definition={s.definition} answers={answers} onChange={change} errors={errors} readOnly={readOnly} />
      <div className="btn-row sticky-actions">
        <p className="save-state" aria-live="polite">
          {saveState === 'saving'
            ? t('surveys.saving')
            : saveState === 'error'
              ? t('surveys.saveFailed')
              : savedAt
                ? t('surveys.draftSaved', { at: fmtDateTime(savedAt) })
                : t('surveys.autosaveHint')}
        </p>
        {resp.can.edit && (
          <Button variant="secondary" onPress={() => void save(answers)}>
            {t('surveys.saveDraft')}
          </Button>
        )}
        {resp.can.submit && <Button onPress={() => void submit()}>{t('surveys.submit')}</Button>}
      </div>
    </>
  );
}

export function SurveyAnswerPage() {
  const { t } = useTranslation();
  const { surveyId = '' } = useParams();
  const s = useSurvey(surveyId);
  const r = useQuery(responseQuery(surveyId));
  if (!s.data || !r.data)
    return (
      <Page title={t('surveys.answer')}>
        <Pending queries={[s, r]} />
      </Page>
    );
  return (
    <Page
      title={t('surveys.answerTitle', { title: s.data.title })}
      crumbs={[
        { to: '/umfragen', label: t('surveys.title') },
        { to: `/umfragen/${surveyId}`, label: s.data.title },
      ]}
    >
      <Answering s={s.data} initial={r.data} />
    </Page>
  );
}
