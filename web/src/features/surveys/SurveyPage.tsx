import type { surveyDetail, surveyParticipation } from '@dz/core';
import { allQuestions } from '@dz/core/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { fmtDateTime, periodText } from '../../lib/format';
import { AudienceNote, ReachWarning, SendSurvey, WorkshopFromSurvey } from './SurveyShortcuts';
import { StatusBadge } from './SurveysPage';

export type Survey = z.infer<typeof surveyDetail>;

export function useSurvey(id: string) {
  return useQuery({ queryKey: ['survey', id], queryFn: () => api<Survey>(`/surveys/${id}`) });
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
  const q = useQuery({
    queryKey: ['survey', id, 'participation'],
    queryFn: () => api<z.infer<typeof surveyParticipation>>(`/surveys/${id}/participation`),
  });
  if (!q.data) return <Pending query={q} />;
  // one row per target (municipality surveys, named person surveys): a status; else counts per municipality
  const single = q.data.items.every((p) => p.invited === 1);
  const status = (p: { started: number; submitted: number }) =>
    t(`surveys.response.${p.submitted ? 'submitted' : p.started ? 'draft' : 'none'}`);
  return (
    <section className="panel" aria-labelledby="h-part">
      <h2 id="h-part">{t('surveys.participation')}</h2>
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
      {q.data.items.length === 0 ? (
        <Empty>{t('surveys.noTargets')}</Empty>
      ) : (
        <TableWrap label={t('surveys.participation')}>
          <table className="data">
            <caption className="visually-hidden">{t('surveys.participation')}</caption>
            <thead>
              <tr>
                {q.data.byPerson && <th scope="col">{t('surveys.respondent')}</th>}
                <th scope="col">{t('municipality.name')}</th>
                <th scope="col">{t('surveys.network')}</th>
                {single ? (
                  <th scope="col">{t('surveys.statusLabel')}</th>
                ) : (
                  <>
                    <th scope="col" className="num">
                      {t('surveys.invitedCount')}
                    </th>
                    <th scope="col" className="num">
                      {t('surveys.startedCount')}
                    </th>
                    <th scope="col" className="num">
                      {t('surveys.submittedCount')}
                    </th>
                  </>
                )}
                <th scope="col">{t('surveys.remindedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id (privacy), order is stable
                <tr key={i}>
                  {q.data.byPerson && <td>{p.name}</td>}
                  <td>{p.municipality}</td>
                  <td>{p.network ?? '–'}</td>
                  {single ? (
                    <td>{status(p)}</td>
                  ) : (
                    <>
                      <td className="num">{p.invited}</td>
                      <td className="num">{p.started}</td>
                      <td className="num">{p.submitted}</td>
                    </>
                  )}
                  <td>{fmtDateTime(p.remindedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

type PendingAction = 'close' | 'delete' | null;

export function SurveyPage() {
  const { t } = useTranslation();
  const { surveyId = '' } = useParams();
  const q = useSurvey(surveyId);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
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
  const refresh = () => qc.invalidateQueries({ queryKey: ['survey', surveyId] });

  async function act(kind: Exclude<PendingAction, null> | 'remind' | 'duplicate') {
    setPending(null);
    try {
      if (kind === 'close') {
        await api(`/surveys/${s.id}/close`, { method: 'POST', body: { version: s.version } });
        setMsg({ kind: 'success', text: t('surveys.closed') });
      } else if (kind === 'remind') {
        const r = await api<{ reminded: number }>(`/surveys/${s.id}/remind`, { method: 'POST' });
        setMsg({ kind: 'success', text: t('surveys.reminded', { count: r.reminded }) });
      } else if (kind === 'duplicate') {
        const r = await api<{ id: string }>(`/surveys/${s.id}/duplicate`, { method: 'POST' });
        await qc.invalidateQueries({ queryKey: ['surveys'] });
        navigate(`/umfragen/${r.id}/bearbeiten`);
        return;
      } else {
        await api(`/surveys/${s.id}`, { method: 'DELETE' });
        await qc.invalidateQueries({ queryKey: ['surveys'] });
        navigate('/umfragen');
        return;
      }
      await refresh();
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
        <section className="panel" aria-labelledby="h-manage">
          <h2 id="h-manage">{t('surveys.manage')}</h2>
          {s.status === 'draft' && <AudienceNote surveyId={s.id} threshold={s.threshold} mode={s.mode} />}
          <div className="btn-row">
            {s.status === 'draft' && (
              <SendSurvey
                s={s}
                onSent={(sent) => {
                  qc.setQueryData(['survey', s.id], sent);
                  setMsg({ kind: 'success', text: t('surveys.opened') });
                  void refresh();
                }}
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
        </section>
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
