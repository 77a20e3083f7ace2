import { resultsReach } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Alert, Pending } from '../../components/Page';
import { errorMessage } from '../../lib/errors';
import { audienceQuery, type Survey, useOpenSurvey, useWorkshopFromSurvey } from './queries';

/* Moderator shortcuts around a survey: who it reaches, sending it, and the workshop that discusses it. */
type Mode = 'municipality' | 'person';

export function useAudience(surveyId: string) {
  return useQuery(audienceQuery(surveyId));
}

/**
 * Says when the anonymity threshold leaves nothing to show (fewer invitees than the threshold) or no
 * group comparison (fewer than two groups' worth) — whatever the answers will be.
 */
export function ReachWarning({ invitees, threshold, mode }: { invitees: number; threshold: number; mode: Mode }) {
  const { t } = useTranslation();
  const reach = resultsReach(invitees, threshold);
  if (reach === 'groups') return null;
  return (
    <Alert kind="warning">
      {t(`surveys.reach.${reach}.${mode}`, { count: invitees, threshold, groups: 2 * threshold })}
    </Alert>
  );
}

/** Who the survey reaches — before sending, who would be invited; once sent, the answers so far — and the threshold warning. */
export function AudienceNote({
  surveyId,
  threshold,
  mode,
  warn = true,
}: {
  surveyId: string;
  threshold: number;
  mode: Mode;
  /** false once the threshold is final (closed surveys): nothing left to change */
  warn?: boolean;
}) {
  const { t } = useTranslation();
  const q = useAudience(surveyId);
  if (!q.data) return <Pending query={q} />;
  const a = q.data;
  return (
    <div className="audience">
      <p>
        {a.sent
          ? t('surveys.answersSoFar', { submitted: a.submitted, total: a.invitees })
          : t(`surveys.audience.${mode}`, { count: a.invitees })}
      </p>
      {warn && <ReachWarning invitees={a.invitees} threshold={threshold} mode={mode} />}
    </div>
  );
}

/**
 * "Versenden und öffnen" with its confirmation, which names who is asked, the anonymity and what the
 * threshold leaves to show. `prepare` runs first (the editor saves its changes) and returns the survey to send.
 */
export function SendSurvey({
  s,
  label,
  prepare,
  onSent,
  onError,
}: {
  s: Survey;
  label?: string;
  prepare?: () => Promise<Survey | null>;
  onSent: (sent: Survey) => void;
  onError: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [ready, setReady] = useState<Survey | null>(null);
  const open = useOpenSurvey();
  async function start() {
    const next = prepare ? await prepare() : s;
    if (next) setReady(next);
  }
  async function send() {
    if (!ready) return;
    setReady(null);
    try {
      onSent(await open.mutateAsync({ id: ready.id, version: ready.version }));
    } catch (err) {
      onError(errorMessage(err, t, true));
    }
  }
  return (
    <>
      <Button onPress={() => void start()}>{label ?? t('surveys.open')}</Button>
      <ConfirmDialog
        isOpen={ready !== null}
        title={t('surveys.confirm.open.title')}
        body={
          ready?.mode === 'person'
            ? `${t('surveys.confirm.open.body')} ${t(ready.anonymous ? 'surveys.confirm.open.anonymous' : 'surveys.confirm.open.named')}`
            : t('surveys.confirm.open.body')
        }
        extra={ready && <AudienceNote surveyId={ready.id} threshold={ready.threshold} mode={ready.mode} />}
        confirmLabel={t('surveys.confirm.open.action')}
        onConfirm={() => void send()}
        onCancel={() => setReady(null)}
      />
    </>
  );
}

/** "Workshop aus dieser Umfrage": creates the network's workshop prefilled from the survey and opens it. */
export function WorkshopFromSurvey({ surveyId, onError }: { surveyId: string; onError: (text: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fromSurvey = useWorkshopFromSurvey(surveyId);
  const [busy, setBusy] = useState(false);
  async function create() {
    setBusy(true);
    try {
      const res = await fromSurvey.mutateAsync();
      navigate(`/workshops/${res.id}`);
    } catch (err) {
      setBusy(false);
      onError(errorMessage(err, t));
    }
  }
  return (
    <Button variant="secondary" isDisabled={busy} onPress={() => void create()}>
      {t('surveys.workshopFromSurvey')}
    </Button>
  );
}
