import { allQuestions } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage } from '../../lib/errors';
import { fmtDateTime, periodText } from '../../lib/format';
import {
  participationQuery,
  type SurveyParticipation,
  surveyQuery,
  useCloseSurvey,
  useDeleteSurvey,
  useDuplicateSurvey,
  useRemindSurvey,
} from './queries';
import { AudienceNote, ReachWarning, SendSurvey, WorkshopFromSurvey } from './SurveyShortcuts';
import { StatusBadge } from './SurveysPage';

export type { Survey } from './queries';

export function useSurvey(id: string) {
  return useQuery(surveyQuery(id));
}

/** Shown by the survey page after the editor sent the survey (navigation state). */
export interface SurveyNotice {
  surveyNotice: 'opened';
}

function Participation({
  id,
  threshold,
  countsOnly,
  mode,
  open,
}: {
  id: string;
  threshold: number;
  countsOnly: boolean;
  mode: 'municipality' | 'person';
  open: boolean;
}) {
  const { t } = useTranslation();
  const q = useQuery(participationQuery(id));
  if (!q.data) return <Pending query={q} />;
  // one row per target (municipality surveys, named person surveys): a status; else counts per municipality
  const single = q.data.items.every((p) => p.invited === 1);
  const status = (p: { started: number; submitted: number }) =>
    t(`surveys.response.${p.submitted ? 'submitted' : p.started ? 'draft' : 'none'}`);
  type Row = SurveyParticipation['items'][number];
  const columns: Column<Row>[] = [
    ...(q.data.byPerson ? [{ header: t('surveys.respondent'), cell: (p: Row) => p.name }] : []),
    { header: t('municipality.name'), cell: (p) => p.municipality },
    { header: t('surveys.network'), cell: (p) => p.network ?? '–' },
    ...(single
      ? [{ header: t('surveys.statusLabel'), cell: status }]
      : [
          { header: t('surveys.invitedCount'), cell: (p: Row) => p.invited, numeric: true },
          { header: t('surveys.startedCount'), cell: (p: Row) => p.started, numeric: true },
          { header: t('surveys.submittedCount'), cell: (p: Row) => p.submitted, numeric: true },
        ]),
    { header: t('surveys.remindedAt'), cell: (p) => fmtDateTime(p.remindedAt) },
  ];
  // rows have no id (privacy); the order is stable
  const rows = q.data.items.map((p, i) => ({ ...p, key: String(i) }));
  return (
    <Panel id="h-part" title={t('surveys.participation')}>
      <p>
        {t('surveys.submittedOf', { submitted: q.data.submitted, total: q.data.total })} ·{' '}
        {t(
          q.data.byPerson
            ? 'surveys.participationNamed'
            : countsOnly
              ? 'surveys.participationCounts'
              : 'surveys.participationPrivacy',
        )}
      </p>
      {/* while open the threshold can still be lowered; once closed the results page explains what is hidden */}
      {open && <ReachWarning invitees={q.data.total} threshold={threshold} mode={mode} />}
      {q.data.withoutStaffConsent > 0 && (
        <Alert kind="info">{t('surveys.withoutStaffConsent', { count: q.data.withoutStaffConsent })}</Alert>
      )}
      <DataTable
        label={t('surveys.participation')}
        rows={rows}
        rowKey={(p) => p.key}
        empty={t('surveys.noTargets')}
        columns={columns}
      />
    </Panel>
  );
}

type PendingAction = 'close' | 'delete' | null;

export function SurveyPage() {
  const { t } = useTranslation();
  const { surveyId = '' } = useParams();
  const q = useSurvey(surveyId);
  const navigate = useNavigate();
  const location = useLocation();
  const close = useCloseSurvey(surveyId);
  const remind = useRemindSurvey(surveyId);
  const duplicate = useDuplicateSurvey(surveyId);
  const remove = useDeleteSurvey(surveyId);
  const notice = (location.state as SurveyNotice | null)?.surveyNotice;
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | undefined>(
    notice === 'opened' ? { kind: 'success', text: t('surveys.opened') } : undefined,
  );
  const [pending, setPending] = useState<PendingAction>(null);
  // the notice is shown once: a reload does not repeat it
  useEffect(() => {
    if (notice) navigate(location.pathname, { replace: true, state: null });
  }, [notice, navigate, location.pathname]);
  if (!q.data)
    return (
      <Page title={t('surveys.title')}>
        <Pending query={q} />
      </Page>
    );
  const s = q.data;

  async function act(kind: Exclude<PendingAction, null> | 'remind' | 'duplicate') {
    setPending(null);
    try {
      if (kind === 'close') {
        await close.mutateAsync(s.version);
        setMsg({ kind: 'success', text: t('surveys.closed') });
      } else if (kind === 'remind') {
        const r = await remind.mutateAsync();
        setMsg({ kind: 'success', text: t('surveys.reminded', { count: r.reminded }) });
      } else if (kind === 'duplicate') {
        const r = await duplicate.mutateAsync();
        navigate(`/umfragen/${r.id}/bearbeiten`);
      } else {
        await remove.mutateAsync();
        navigate('/umfragen');
      }
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(err, t, true) });
    }
  }

  const questions = allQuestions(s.definition).length;
  return (
    <Page
      title={s.title}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: '/umfragen', label: t('surveys.title') },
      ]}
    >
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <dl className="facts">
        <dt>{t('surveys.statusLabel')}</dt>
        <dd>
          <StatusBadge status={s.status} />
        </dd>
        <dt>{t('surveys.owner')}</dt>
        <dd>{s.owner}</dd>
        <dt>{t('surveys.mode')}</dt>
        <dd>
          {t(
            s.mode === 'municipality'
              ? 'surveys.modeMunicipality'
              : s.anonymous
                ? 'surveys.modePerson'
                : 'surveys.modePersonNamed',
          )}
        </dd>
        <dt>{t('surveys.period')}</dt>
        <dd>{periodText(t, s.opensOn, s.closesOn)}</dd>
        <dt>{t('surveys.questions')}</dt>
        <dd>{t('surveys.questionCount', { count: questions, sections: s.definition.sections.length })}</dd>
        <dt>{t('surveys.threshold')}</dt>
        <dd>{t('surveys.thresholdValue', { count: s.threshold })}</dd>
      </dl>
      {s.intro && <p>{s.intro}</p>}
      {s.status !== 'closed' && (
        <Alert kind="info">{t(s.can.manage ? 'surveys.resultsAfterClose' : 'surveys.resultsAfterCloseMember')}</Alert>
      )}
      <div className="btn-row">
        {s.can.answer && s.status === 'open' && (
          <Link className="btn" to={`/umfragen/${s.id}/antworten`}>
            {t('surveys.answer')}
          </Link>
        )}
        {s.can.results && (
          <Link className="btn secondary" to={`/umfragen/${s.id}/ergebnisse`}>
            {t('surveys.results')}
          </Link>
        )}
        {s.can.manage && (
          <Link className="btn secondary" to={`/umfragen/${s.id}/bearbeiten`}>
            {s.can.edit ? t('surveys.edit') : t('surveys.settings')}
          </Link>
        )}
        {s.can.workshop && <WorkshopFromSurvey surveyId={s.id} onError={(text) => setMsg({ kind: 'error', text })} />}
      </div>
      {s.can.manage && (
        <Panel id="h-manage" title={t('surveys.manage')}>
          {s.status === 'draft' && <AudienceNote surveyId={s.id} threshold={s.threshold} mode={s.mode} />}
          <div className="btn-row">
            {s.status === 'draft' && (
              <SendSurvey
                s={s}
                onSent={() => setMsg({ kind: 'success', text: t('surveys.opened') })}
                onError={(text) => setMsg({ kind: 'error', text })}
              />
            )}
            {s.status === 'open' && (
              <>
                <Button variant="secondary" onPress={() => void act('remind')}>
                  {t('surveys.remind')}
                </Button>
                <Button variant="secondary" onPress={() => setPending('close')}>
                  {t('surveys.close')}
                </Button>
              </>
            )}
            <Button variant="secondary" onPress={() => void act('duplicate')}>
              {t('surveys.duplicate')}
            </Button>
            <a className="btn secondary" href={`/api/v1/surveys/${s.id}/definition.json`} download>
              {t('surveys.exportDefinition')}
            </a>
            {s.status === 'draft' && (
              <Button variant="danger" onPress={() => setPending('delete')}>
                {t('common.delete')}
              </Button>
            )}
          </div>
        </Panel>
      )}
      {s.can.manage && s.status !== 'draft' && (
        <Participation
          id={s.id}
          threshold={s.threshold}
          countsOnly={s.mode === 'person' && s.anonymous}
          mode={s.mode}
          open={s.status === 'open'}
        />
      )}
      <ConfirmDialog
        isOpen={pending !== null}
        title={pending ? t(`surveys.confirm.${pending}.title`) : ''}
        body={pending ? t(`surveys.confirm.${pending}.body`) : ''}
        // before closing: how many have answered
        extra={pending === 'close' && <AudienceNote surveyId={s.id} threshold={s.threshold} mode={s.mode} />}
        confirmLabel={pending ? t(`surveys.confirm.${pending}.action`) : ''}
        onConfirm={() => pending && void act(pending)}
        onCancel={() => setPending(null)}
      />
    </Page>
  );
}
