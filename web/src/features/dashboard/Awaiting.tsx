import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { fmtDate } from '../../lib/format';
import { awaitingMembershipsQuery, awaitingSurveysQuery } from './queries';

/**
 * What waits for this person or their municipality, with a direct link: open surveys not sent yet (for those who
 * may fill them in) and network invitations not answered yet. The same queries as the survey and network pages, so
 * an answer given there shows here at once. Nothing waiting: no section at all.
 */
export function Awaiting() {
  const { t } = useTranslation();
  const session = useSession();
  // the start page loaded it a moment ago (DashboardPage): no second request when this section mounts
  const surveys = useQuery({ ...awaitingSurveysQuery, refetchOnMount: false });
  const memberships = useQuery({ ...awaitingMembershipsQuery, refetchOnMount: false });
  const toAnswer = (surveys.data?.items ?? []).filter(
    (s) =>
      s.status === 'open' &&
      (s.myResponse === 'none' || s.myResponse === 'draft') &&
      // a municipality's answer is filled in by those who may draft it; a person survey by the person asked
      (s.mode === 'person' || session.can.draft_responses),
  );
  const invited = (memberships.data?.items ?? []).filter((m) => m.status === 'invited');
  if (toAnswer.length === 0 && invited.length === 0) return null;
  return (
    <section aria-labelledby="h-awaiting">
      <h2 id="h-awaiting">{t('awaiting.title')}</h2>
      <div className="card-grid">
        {toAnswer.length > 0 && (
          <section className="card" aria-labelledby="c-surveys">
            <h3 id="c-surveys">{t('awaiting.surveys', { count: toAnswer.length })}</h3>
            <ul className="plain">
              {toAnswer.map((s) => (
                <li key={s.id}>
                  <Link to={`/umfragen/${s.id}/antworten`}>{s.title}</Link>{' '}
                  <span className="muted">
                    ({s.owner}
                    {s.closesOn ? ` · ${t('awaiting.until', { date: fmtDate(s.closesOn) })}` : ''}
                    {s.myResponse === 'draft' ? ` · ${t('awaiting.draftSaved')}` : ''})
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {invited.length > 0 && (
          <section className="card" aria-labelledby="c-net-invitations">
            <h3 id="c-net-invitations">{t('awaiting.networkInvitations', { count: invited.length })}</h3>
            <ul className="plain">
              {invited.map((m) => (
                <li key={m.networkId}>
                  {m.name}{' '}
                  <span className="muted">
                    ({t('networks.invitedBy', { name: m.invitedBy ?? '–', date: fmtDate(m.invitedAt.slice(0, 10)) })})
                  </span>
                </li>
              ))}
            </ul>
            {memberships.data?.can.answer ? (
              <Link to="/verbuende">{t('awaiting.answerInvitations', { count: invited.length })}</Link>
            ) : (
              <p className="muted">{t('awaiting.othersAnswer')}</p>
            )}
          </section>
        )}
      </div>
    </section>
  );
}
