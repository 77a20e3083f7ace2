import {
  assessStaffCouncil,
  STAFF_COUNCIL_ANSWERS,
  STAFF_COUNCIL_DATE_FIELDS,
  STAFF_COUNCIL_LEGAL_NOTE,
  STAFF_COUNCIL_QUESTIONS,
  STAFF_COUNCIL_STATUSES,
  type StaffCouncilAnswer,
  type StaffCouncilAnswers,
  type StaffCouncilDateField,
  type StaffCouncilStatus,
  staffCouncilDateIssues,
  staffCouncilSave,
} from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { fmtDate } from '../../lib/format';
import { validate } from '../../lib/validate';
import { TaskGuideLink } from '../guides/TaskGuideLink';
import { type StaffCouncilCheck as Check, staffCouncilQuery, useSaveStaffCouncil } from './queries';

/** The project page's section: the co-determination check with its result and the procedure's steps. */
export function StaffCouncilCheck({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const check = useQuery(staffCouncilQuery(projectId));
  // outside the form: a save gives a new version, which starts the form afresh from the saved check
  const [saved, setSaved] = useState(false);
  return (
    <Panel title={t('staffCouncil.title')} id="h-staff-council">
      <TaskGuideLink starter="staff-council-checklist" projectId={projectId} />
      {!check.data ? (
        <Pending query={check} />
      ) : (
        <CheckForm
          key={check.data.version}
          projectId={projectId}
          check={check.data}
          saved={saved}
          setSaved={setSaved}
        />
      )}
    </Panel>
  );
}

type Dates = Record<StaffCouncilDateField, string>;

function CheckForm({
  projectId,
  check,
  saved,
  setSaved,
}: {
  projectId: string;
  check: Check;
  saved: boolean;
  setSaved: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveStaffCouncil(projectId);
  const editable = check.can.edit;
  const [answers, setAnswers] = useState<StaffCouncilAnswers>(check.answers);
  const [status, setStatus] = useState<StaffCouncilStatus>(check.status);
  const [dates, setDates] = useState<Dates>({
    informedOn: check.informedOn ?? '',
    consultedOn: check.consultedOn ?? '',
    agreedOn: check.agreedOn ?? '',
    concludedOn: check.concludedOn ?? '',
  });
  const [note, setNote] = useState(check.note);
  const [version, setVersion] = useState(check.version);
  const [conflict, setConflict] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const reached = STAFF_COUNCIL_STATUSES.indexOf(status);
  // a step not reached yet has no date: the fields of later steps are hidden and sent empty
  const shownDates = STAFF_COUNCIL_DATE_FIELDS.filter((_, i) => i < reached);
  const assessment = assessStaffCouncil(answers);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    const sent = Object.fromEntries(
      STAFF_COUNCIL_DATE_FIELDS.map((f, i) => [f, i < reached && dates[f] ? dates[f] : null]),
    ) as Record<StaffCouncilDateField, string | null>;
    const body = { version, answers, status, ...sent, note };
    const invalid = validate(staffCouncilSave, body, t);
    for (const issue of staffCouncilDateIssues(status, sent)) invalid[issue.field] ??= t(`errors.${issue.code}`);
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      await save.mutateAsync(body);
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setVersion(Number(err.body.currentVersion));
        setConflict(true);
        return;
      }
      setErrors(fieldMessages(err, t));
    }
  }

  const setAnswer = (id: keyof StaffCouncilAnswers, a: StaffCouncilAnswer) => {
    setAnswers((x) => ({ ...x, [id]: a }));
    setSaved(false);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="h-staff-council">
      <p>{t('staffCouncil.intro')}</p>
      <p className="muted">{STAFF_COUNCIL_LEGAL_NOTE}</p>
      {check.version === 0 && <Alert kind="info">{t('staffCouncil.notMade')}</Alert>}
      {conflict && <Alert kind="warning">{t('staffCouncil.conflict')}</Alert>}
      {saved && <Alert kind="success">{t('staffCouncil.saved')}</Alert>}
      <ErrorSummary errors={errors} />
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <h3>{t('staffCouncil.questions')}</h3>
        {STAFF_COUNCIL_QUESTIONS.map((q) => (
          <fieldset key={q.id} className="field" aria-describedby={`sc-${q.id}-hint`}>
            <legend>{q.text}</legend>
            <span className="hint" id={`sc-${q.id}-hint`}>
              {q.hint} {t('staffCouncil.basis', { basis: q.basis })}
            </span>
            <div className="segmented">
              {STAFF_COUNCIL_ANSWERS.map((a) => (
                <label key={a} className="choice">
                  <input
                    type="radio"
                    name={`answers.${q.id}`}
                    value={a}
                    checked={answers[q.id] === a}
                    onChange={() => setAnswer(q.id, a)}
                  />{' '}
                  {t(`staffCouncil.answers.${a}`)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <section aria-labelledby="h-staff-council-result" className="alert info">
          <h3 id="h-staff-council-result">{t('staffCouncil.result')}</h3>
          <p>
            <strong>{assessment.label}</strong>
          </p>
          {assessment.reasons.length > 0 ? (
            <ul>
              {assessment.reasons.map((r) => (
                <li key={r.questionId}>
                  {r.text} – {t(`staffCouncil.answers.${r.answer}`)} ({r.basis})
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('staffCouncil.noReasons')}</p>
          )}
          <p>{assessment.advice}</p>
        </section>
        <h3>{t('staffCouncil.procedure')}</h3>
        <div className="form-grid">
          <SelectField
            name="status"
            label={t('staffCouncil.status')}
            value={status}
            error={errors.status}
            options={STAFF_COUNCIL_STATUSES.map((s) => ({ value: s, label: t(`staffCouncil.statuses.${s}`) }))}
            onChange={(v) => {
              setStatus(v as StaffCouncilStatus);
              setSaved(false);
            }}
          />
          {shownDates.map((f, i) => (
            <TextField
              key={f}
              name={f}
              type="date"
              label={t(`staffCouncil.dates.${f}`)}
              required={i === reached - 1}
              value={dates[f]}
              error={errors[f]}
              onChange={(v) => setDates((d) => ({ ...d, [f]: v }))}
            />
          ))}
        </div>
        <TextArea name="note" label={t('staffCouncil.note')} value={note} rows={3} onChange={setNote} />
      </fieldset>
      {check.updatedAt && (
        <p className="muted">
          {t('staffCouncil.lastSaved', {
            date: fmtDate(check.updatedAt.slice(0, 10)),
            name: check.updatedBy ?? t('staffCouncil.someone'),
          })}
        </p>
      )}
      {editable ? (
        <Button type="submit" isDisabled={save.isPending}>
          {t('staffCouncil.save')}
        </Button>
      ) : (
        <p className="muted">{t('staffCouncil.readOnly')}</p>
      )}
    </form>
  );
}
