import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { Alert, Empty, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage } from '../../lib/errors';
import { fmtDate } from '../../lib/format';
import { type NetworkMembership as Membership, membershipsQuery, useChangeMembership } from './queries';

/**
 * The member municipality's side of network membership: open invitations to accept (with or without consent
 * to staff surveys) or decline, and the consent to staff surveys for each current membership.
 */
export function NetworkInvitations() {
  const { t } = useTranslation();
  const q = useQuery(membershipsQuery());
  const change = useChangeMembership();
  const [consent, setConsent] = useState<Record<string, boolean>>({});
  const [declining, setDeclining] = useState<Membership | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string }>();
  if (!q.data) return <Pending query={q} />;
  const invited = q.data.items.filter((m) => m.status === 'invited');
  const accepted = q.data.items.filter((m) => m.status === 'accepted');
  const canAnswer = q.data.can.answer;

  async function run(what: Parameters<typeof change.mutateAsync>[0], success: string) {
    try {
      await change.mutateAsync(what);
      setNotice({ kind: 'success', text: success });
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err, t, true) });
      await q.refetch();
    }
  }

  return (
    <Panel id="h-invitations" title={t('networks.invitationsTitle')}>
      <p>{t('networks.invitationsIntro')}</p>
      {!canAnswer && <p className="hint">{t('networks.onlyAdmins')}</p>}
      <div aria-live="polite">{notice && <Alert kind={notice.kind}>{notice.text}</Alert>}</div>
      {invited.length === 0 ? (
        <Empty>{t('networks.noInvitations')}</Empty>
      ) : (
        <ul className="plain">
          {invited.map((m) => (
            <li key={m.networkId}>
              <h3>{m.name}</h3>
              <p>
                <span className="badge">{t(`networkTypes.${m.type}`)}</span> {m.description}
              </p>
              <p>
                {t('networks.invitedBy', { name: m.invitedBy ?? '–', date: fmtDate(m.invitedAt.slice(0, 10)) })} ·{' '}
                {t('networks.memberCount', { count: m.memberCount })} ·{' '}
                {t('networks.proposedJoin', { date: fmtDate(m.joinedOn) })}
              </p>
              {canAnswer && (
                <>
                  <label className="choice">
                    <input
                      type="checkbox"
                      name={`staffSurveys-${m.networkId}`}
                      checked={consent[m.networkId] ?? false}
                      onChange={(e) => setConsent({ ...consent, [m.networkId]: e.target.checked })}
                      aria-describedby={`staff-hint-${m.networkId}`}
                    />{' '}
                    {t('networks.staffSurveys')}
                  </label>
                  <p className="hint" id={`staff-hint-${m.networkId}`}>
                    {t('networks.staffSurveysHint')}
                  </p>
                  <div className="btn-row">
                    <Button
                      aria-label={t('networks.acceptNamed', { name: m.name })}
                      onPress={() =>
                        void run(
                          {
                            action: 'accept',
                            networkId: m.networkId,
                            body: { version: m.version, staffSurveys: consent[m.networkId] ?? false },
                          },
                          t('networks.acceptedMsg', { name: m.name }),
                        )
                      }
                    >
                      {t('networks.accept')}
                    </Button>
                    <Button
                      variant="secondary"
                      aria-label={t('networks.declineNamed', { name: m.name })}
                      onPress={() => setDeclining(m)}
                    >
                      {t('networks.decline')}
                    </Button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {accepted.length > 0 && (
        <>
          <h3>{t('networks.consentTitle')}</h3>
          <p>{t('networks.consentIntro')}</p>
          <DataTable
            label={t('networks.consentTitle')}
            rows={accepted}
            rowKey={(m) => m.networkId}
            empty={null}
            columns={[
              { header: t('networks.name'), cell: (m) => m.name },
              { header: t('networks.joinedOn'), cell: (m) => fmtDate(m.joinedOn) },
              {
                header: t('networks.staffSurveysColumn'),
                cell: (m) =>
                  canAnswer ? (
                    <label className="choice">
                      <input
                        type="checkbox"
                        name={`consent-${m.networkId}`}
                        checked={m.staffSurveys}
                        aria-label={t('networks.staffSurveysNamed', { name: m.name })}
                        onChange={(e) =>
                          void run(
                            {
                              action: 'consent',
                              networkId: m.networkId,
                              body: { version: m.version, staffSurveys: e.target.checked },
                            },
                            t('networks.consentSaved', { name: m.name }),
                          )
                        }
                      />{' '}
                      {m.staffSurveys ? t('networks.yes') : t('networks.no')}
                    </label>
                  ) : m.staffSurveys ? (
                    t('networks.yes')
                  ) : (
                    t('networks.no')
                  ),
              },
            ]}
          />
        </>
      )}
      <ConfirmDialog
        isOpen={declining !== null}
        title={t('networks.confirmDeclineTitle')}
        body={t('networks.confirmDeclineBody', { name: declining?.name ?? '' })}
        confirmLabel={t('networks.decline')}
        onCancel={() => setDeclining(null)}
        onConfirm={() => {
          const m = declining!;
          setDeclining(null);
          void run(
            { action: 'decline', networkId: m.networkId, body: { version: m.version } },
            t('networks.declinedMsg', { name: m.name }),
          );
        }}
      />
    </Panel>
  );
}
