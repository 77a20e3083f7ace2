import { type FieldError, surveyUpdate } from '@dz/core';
import { type Answers, englishTitleFor, MIN_THRESHOLD, type SurveyDefinition } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea, TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError, fieldKey } from '../../lib/api';
import { errorMessage, fieldErrorText, fieldMessages } from '../../lib/errors';
import { contractErrors } from '../../lib/validate';
import { TaskGuideLink } from '../guides/TaskGuideLink';
import { networksQuery } from '../networks/queries';
import { DefinitionEditor } from './DefinitionEditor';
import { type Survey, type SurveyUpdate, useUpdateSurvey } from './queries';
import { SurveyForm } from './SurveyForm';
import { type SurveyNotice, useSurvey } from './SurveyPage';
import { AudienceNote, SendSurvey } from './SurveyShortcuts';

/** The settings form: the contract's fields, dates and threshold as typed (empty date = none). */
type SettingsForm = Required<Pick<SurveyUpdate, 'title' | 'titleEn' | 'intro' | 'anonymous' | 'networkIds'>> & {
  opensOn: string;
  closesOn: string;
  threshold: string;
};

/**
 * Field errors by form field, the definition's problems as one sentence (its questions have no single field):
 * the same for the form's own check and the server's answer.
 */
function splitErrors(errors: FieldError[], t: TFunction) {
  const fields: Record<string, string> = {};
  const definition: string[] = [];
  for (const e of errors) {
    const key = fieldKey(e.path);
    if (key === 'definition') definition.push(e.code === 'custom' ? e.message : fieldErrorText(e, t));
    else fields[key] ??= fieldErrorText(e, t);
  }
  return { fields, definition: definition.length ? `${t('surveys.definitionInvalid')} ${definition.join(', ')}` : '' };
}

function Editor({ s }: { s: Survey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const nets = useQuery(networksQuery());
  const update = useUpdateSurvey(s.id);
  const [form, setForm] = useState<SettingsForm>({
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
  const validThreshold = Number.isInteger(threshold) && threshold >= MIN_THRESHOLD;
  /** Shows field errors at the fields and in the summary, the definition's problems in the message. */
  function showErrors(found: FieldError[]) {
    const { fields, definition } = splitErrors(found, t);
    setErrors(fields);
    setMsg(definition ? { kind: 'error', text: definition } : undefined);
  }
  /** Saves the form; the saved survey, or null when something is wrong (then the errors are shown). */
  async function persist(): Promise<Survey | null> {
    const body: SurveyUpdate = {
      ...form,
      opensOn: form.opensOn || null,
      closesOn: form.closesOn || null,
      threshold,
      mode: s.mode,
      version,
      definition: def,
    };
    const invalid = contractErrors(surveyUpdate, body);
    if (invalid.length) {
      showErrors(invalid);
      return null;
    }
    try {
      const res = await update.mutateAsync(body);
      setVersion(res.version);
      setErrors({});
      setMsg({ kind: 'success', text: t('common.saved') });
      return res;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setVersion(Number(err.body.currentVersion));
        setMsg({ kind: 'warning', text: t('errors.version_conflict') });
        return null;
      }
      const fe = fieldMessages(err, t);
      // field errors are shown in the summary and at the fields (like the form's own checks)
      if (
        err instanceof ApiError &&
        (fe.definition || Object.keys(fe).every((k) => formRef.current?.querySelector(`[name="${k}"]`))) &&
        Object.keys(fe).length
      )
        showErrors(err.errors);
      else {
        setErrors(fe);
        setMsg({ kind: 'error', text: errorMessage(err, t, true) });
      }
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
      <Panel id="h-settings" title={t('surveys.settings')}>
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
      </Panel>
      <Panel id="h-send" title={t('surveys.sending')}>
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
      </Panel>
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
      <TaskGuideLink starter="pre-survey-checklist" />
      <Editor s={q.data} />
    </Page>
  );
}
