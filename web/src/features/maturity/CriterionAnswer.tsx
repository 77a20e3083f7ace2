import { maturityAnswerInput } from '@dz/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { TextArea, TextField } from '../../components/Field';
import { Alert } from '../../components/Page';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDateTime } from '../../lib/format';
import { validate } from '../../lib/validate';
import { LEVELS, levelText } from './levels';
import { type MaturityAnswer, type MaturityAnswerInput, useSaveAnswer } from './queries';

/** What the page knows of a criterion: from the model, or a network's own criterion (`net:<id>`). */
export interface CriterionInfo {
  key: string;
  name: string;
  levels: readonly string[];
  /** The network whose own criterion this is (it does not count toward the comparable level). */
  network?: string;
}

/** A criterion never answered yet (the assessment lists no answer for it). */
export const emptyAnswer = (criterionKey: string): MaturityAnswer => ({
  criterionKey,
  level: null,
  prefill: null,
  overridden: false,
  evidenceUrl: '',
  evidenceNote: '',
  answeredBy: null,
  updatedAt: null,
  version: 0,
});

/** A change waiting to be saved: the level, the evidence, or both (the rest as the server last answered). */
type Change = { level?: number | null; evidence?: { url: string; note: string } };

/** A platform address opens in the app, anything else (a document) in a new window. */
function EvidenceLink({ url, children }: { url: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  if (url.startsWith('/')) return <Link to={url}>{children}</Link>;
  return (
    <a href={url} target="_blank" rel="noreferrer">
      {children} <span className="visually-hidden">{t('maturity.newWindow')}</span>
    </a>
  );
}

/** "Vorschlag aus der Plattform: Stufe 3 — Quelle: Zielbild — <note>" with the page that shows it. */
function Suggestion({ answer, id }: { answer: MaturityAnswer; id: string }) {
  const { t } = useTranslation();
  const p = answer.prefill;
  if (!p) return null;
  return (
    <p className="prefill" id={id}>
      <span>
        {p.source === 'previous_assessment'
          ? t('maturity.carriedOver', { level: levelText(t, p.level) })
          : t('maturity.suggestion', { level: levelText(t, p.level), source: p.sourceName })}
        {p.note && <> — {p.note}</>}
      </span>{' '}
      {p.link && <EvidenceLink url={p.link}>{t('maturity.suggestionLink', { source: p.sourceName })}</EvidenceLink>}
    </p>
  );
}

/** A completed (or not editable) answer: the level with its description, the suggestion and the evidence. */
function ReadOnlyAnswer({ c, answer }: { c: CriterionInfo; answer: MaturityAnswer }) {
  const { t } = useTranslation();
  const suggestionId = `s${useId().replace(/:/g, '')}`;
  return (
    <div className="criterion">
      <h3 className="criterion-name">
        {c.name} {answer.overridden && <span className="badge">{t('maturity.overridden')}</span>}
      </h3>
      {c.network && <p className="m-note">{t('maturity.networkCriterion', { network: c.network })}</p>}
      <p className="chosen-level">
        <strong>{levelText(t, answer.level)}</strong>
        {answer.level !== null && c.levels[answer.level - 1] && <> — {c.levels[answer.level - 1]}</>}
      </p>
      <Suggestion answer={answer} id={suggestionId} />
      {(answer.evidenceUrl || answer.evidenceNote) && (
        <p>
          {t('maturity.evidence')}:{' '}
          {answer.evidenceUrl && (
            <EvidenceLink url={answer.evidenceUrl}>{t('maturity.evidenceOpen', { name: c.name })}</EvidenceLink>
          )}{' '}
          {answer.evidenceNote}
        </p>
      )}
    </div>
  );
}

/**
 * One criterion of a draft: the five levels as radio cards, the platform's suggestion ("Vorschlag übernehmen"),
 * and the evidence. It saves on its own: a chosen level right away (one request at a time, each with the version
 * the previous one answered), the evidence with its button. A 409 says someone else changed it and shows theirs.
 */
export function CriterionAnswer({
  assessmentId,
  c,
  answer,
  onSaved,
}: {
  assessmentId: string;
  c: CriterionInfo;
  answer: MaturityAnswer;
  onSaved: (text: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveAnswer(assessmentId);
  const uid = useId().replace(/:/g, '');
  const [choice, setChoice] = useState<number | null>(answer.level);
  const [url, setUrl] = useState(answer.evidenceUrl);
  const [note, setNote] = useState(answer.evidenceNote);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<string>();
  // the evidence as stored: the fields differ from it while the user edits
  const [stored, setStored] = useState({ url: answer.evidenceUrl, note: answer.evidenceNote });
  const dirty = url !== stored.url || note !== stored.note;
  // the answer as the server last answered it, and its version: every request is built from them when it is sent
  const server = useRef({ level: answer.level, url: answer.evidenceUrl, note: answer.evidenceNote });
  const version = useRef(answer.version);
  // what waits to be saved (a level, the evidence, or both); one request at a time
  const queued = useRef<Change | null>(null);
  const running = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const reload = useRef(false);

  // the server's answer changed (an own save, new suggestions, or the current one after a conflict): follow it
  // where nothing of the user's is waiting to be saved
  // biome-ignore lint/correctness/useExhaustiveDependencies: the answer's version and values are what changes
  useEffect(() => {
    if (answer.version < version.current && !reload.current) return;
    version.current = answer.version;
    server.current = { level: answer.level, url: answer.evidenceUrl, note: answer.evidenceNote };
    const idle = !running.current && !queued.current;
    if (idle || reload.current) setChoice(answer.level);
    if (reload.current || !dirty) {
      setUrl(answer.evidenceUrl);
      setNote(answer.evidenceNote);
    }
    setStored({ url: answer.evidenceUrl, note: answer.evidenceNote });
    reload.current = false;
  }, [answer.version, answer.level, answer.evidenceUrl, answer.evidenceNote]);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function run() {
    if (running.current) return;
    running.current = true;
    try {
      while (queued.current) {
        const change = queued.current;
        queued.current = null;
        const body: MaturityAnswerInput = {
          level: change.level !== undefined ? change.level : server.current.level,
          evidenceUrl: change.evidence?.url ?? server.current.url,
          evidenceNote: change.evidence?.note ?? server.current.note,
          version: version.current,
        };
        try {
          const a = await save.mutateAsync({ criterionKey: c.key, body });
          const mine = a.answers.find((x) => x.criterionKey === c.key);
          if (mine) {
            version.current = mine.version;
            server.current = { level: mine.level, url: mine.evidenceUrl, note: mine.evidenceNote };
          }
          setConflict(false);
          setProblem(undefined);
          onSaved(
            change.evidence
              ? t('maturity.savedEvidence', { name: c.name })
              : t('maturity.savedCriterion', { name: c.name, level: levelText(t, body.level) }),
          );
        } catch (err) {
          queued.current = null;
          if (err instanceof ApiError && err.code === 'version_conflict') {
            // the assessment is fetched again (the hook); the answer then shows what the other person saved
            reload.current = true;
            setConflict(true);
          } else {
            const fields = fieldMessages(err, t);
            if (fields.evidenceUrl) fields.evidenceUrl = t('maturity.evidenceUrlInvalid');
            if (Object.keys(fields).length) setErrors(fields);
            else setProblem(errorMessage(err, t));
          }
        }
      }
    } finally {
      running.current = false;
    }
  }

  function enqueue(change: Change, wait: number) {
    queued.current = { ...queued.current, ...change };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), wait);
  }

  // arrow keys move through the radios: only the level the user stays on is saved
  function chooseLevel(level: number | null, wait = 400) {
    setChoice(level);
    enqueue({ level }, wait);
  }

  function saveEvidence(e: React.FormEvent) {
    e.preventDefault();
    const invalid = validate(
      maturityAnswerInput,
      { level: choice, evidenceUrl: url, evidenceNote: note, version: version.current },
      t,
    );
    if (invalid.evidenceUrl) invalid.evidenceUrl = t('maturity.evidenceUrlInvalid');
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    enqueue({ evidence: { url, note } }, 0);
  }

  const suggestionId = `s${uid}`;
  const p = answer.prefill;
  return (
    <div className={`criterion${conflict ? ' has-conflict' : ''}`}>
      <fieldset aria-describedby={p ? suggestionId : undefined}>
        <legend className="criterion-name">
          {c.name} {answer.overridden && <span className="badge">{t('maturity.overridden')}</span>}
        </legend>
        {c.network && <p className="m-note">{t('maturity.networkCriterion', { network: c.network })}</p>}
        {conflict && <Alert kind="warning">{t('maturity.answerConflict')}</Alert>}
        {problem && <Alert kind="error">{problem}</Alert>}
        {p && (
          <div className="prefill-row">
            <Suggestion answer={answer} id={suggestionId} />
            {choice !== p.level && (
              <Button
                small
                variant="secondary"
                aria-label={t('maturity.takeSuggestionNamed', { name: c.name })}
                onPress={() => chooseLevel(p.level, 0)}
              >
                {t('maturity.takeSuggestion')}
              </Button>
            )}
          </div>
        )}
        <div className="level-cards">
          {LEVELS.map((level) => (
            <label key={level} className={`level-card${choice === level ? ' chosen' : ''}`}>
              <input
                type="radio"
                name={`level-${uid}`}
                value={level}
                checked={choice === level}
                onChange={() => chooseLevel(level)}
                aria-labelledby={`t${uid}-${level}`}
                aria-describedby={`d${uid}-${level}`}
              />
              <span className="level-body">
                <span className="level-title" id={`t${uid}-${level}`}>
                  {levelText(t, level)}
                  {p?.level === level && <span className="badge">{t('maturity.suggested')}</span>}
                </span>
                <span className="level-text" id={`d${uid}-${level}`}>
                  {c.levels[level - 1]}
                </span>
              </span>
            </label>
          ))}
        </div>
        {choice !== null && (
          <button type="button" className="link clear-level" onClick={() => chooseLevel(null, 0)}>
            {t('maturity.clearLevel')}
            <span className="visually-hidden"> – {c.name}</span>
          </button>
        )}
      </fieldset>
      <details className="evidence" open={Boolean(answer.evidenceUrl || answer.evidenceNote) || dirty || undefined}>
        <summary>
          {answer.evidenceUrl || answer.evidenceNote ? t('maturity.evidenceGiven') : t('maturity.evidenceAdd')}
          <span className="visually-hidden"> – {c.name}</span>
        </summary>
        <form noValidate onSubmit={saveEvidence}>
          <TextField
            name="evidenceUrl"
            label={t('maturity.evidenceUrl')}
            hint={t('maturity.evidenceUrlHint')}
            value={url}
            onChange={setUrl}
            error={errors.evidenceUrl}
          />
          <TextArea
            name="evidenceNote"
            label={t('maturity.evidenceNote')}
            rows={2}
            value={note}
            onChange={setNote}
            error={errors.evidenceNote}
          />
          <div className="btn-row">
            <Button type="submit" small isDisabled={!dirty || save.isPending}>
              {t('maturity.evidenceSave')}
            </Button>
            {answer.evidenceUrl && (
              <EvidenceLink url={answer.evidenceUrl}>
                {t('maturity.evidenceOpenShort')}
                <span className="visually-hidden"> – {c.name}</span>
              </EvidenceLink>
            )}
          </div>
        </form>
      </details>
      {answer.updatedAt && (
        <p className="m-note criterion-meta">
          {answer.answeredBy
            ? t('maturity.changedBy', { name: answer.answeredBy, at: fmtDateTime(answer.updatedAt) })
            : t('maturity.changedAt', { at: fmtDateTime(answer.updatedAt) })}
        </p>
      )}
    </div>
  );
}

export { ReadOnlyAnswer };
