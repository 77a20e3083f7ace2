import type { invitationList, memberList } from '@dz/core';
import { MUNICIPALITY_ROLES } from '@dz/core/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { InviteForm } from './InviteForm';

type Member = z.infer<typeof memberList>['items'][number];
type Invitation = z.infer<typeof invitationList>['items'][number];

function RoleCell({ m, canChange, onError }: { m: Member; canChange: boolean; onError: (msg: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [role, setRole] = useState<string>(m.role);
  if (!canChange) return <>{t(`roles.${m.role}`)}</>;
  return (
    <form
      style={{ display: 'flex', gap: 8, alignItems: 'center' }}
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await api(`/members/${m.userId}`, { method: 'PATCH', body: { role, version: m.version } });
          await qc.invalidateQueries({ queryKey: ['members'] });
          onError(t('members.roleChanged', { name: m.name, role: t(`roles.${role}`) }));
        } catch (err) {
          setRole(m.role);
          onError(errorMessage(err, t, true));
        }
      }}
    >
      <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
        {t('members.roleOf', { name: m.name })}
      </label>
      <select id={`role-${m.userId}`} value={role} onChange={(e) => setRole(e.target.value)}>
        {MUNICIPALITY_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <Button
        type="submit"
        variant="secondary"
        small
        isDisabled={role === m.role}
        aria-label={t('members.saveRoleOf', { name: m.name })}
      >
        {t('common.save')}
      </Button>
    </form>
  );
}

export function MembersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const members = useQuery({ queryKey: ['members'], queryFn: () => api<z.infer<typeof memberList>>('/members') });
  const invitations = useQuery({
    queryKey: ['invitations'],
    queryFn: () => api<z.infer<typeof invitationList>>('/invitations'),
    enabled: session.can.invite ?? false,
  });
  const [notice, setNotice] = useState<string>();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  if (!members.data)
    return (
      <Page title={t('members.title')}>
        <Pending query={members} />
      </Page>
    );
  const can = members.data.can;
  const open = (invitations.data?.items ?? []).filter(
    (i) => !i.acceptedAt && !i.revokedAt && new Date(i.expiresAt) > new Date(),
  );

  return (
    <Page title={t('members.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <div aria-live="polite">{notice && <Alert kind="info">{notice}</Alert>}</div>
      <section className="panel" aria-labelledby="h-members">
        <h2 id="h-members">{t('members.list', { count: members.data.items.length })}</h2>
        <TableWrap label={t('members.list', { count: members.data.items.length })}>
          <table className="data">
            <caption className="visually-hidden">{t('members.list', { count: members.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('login.email')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.since')}</th>
                {can.remove_members && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((m) => (
                <tr key={m.userId}>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>
                    <RoleCell
                      m={m}
                      canChange={
                        (can.change_roles ?? false) &&
                        m.userId !== session.user.id &&
                        (can.invite_admin || m.role !== 'admin')
                      }
                      onError={setNotice}
                    />
                  </td>
                  <td>{fmtDate(m.since)}</td>
                  {can.remove_members && (
                    <td>
                      {m.userId !== session.user.id && (can.invite_admin || m.role !== 'admin') && (
                        <Button
                          variant="secondary"
                          small
                          onPress={() => setRemoving(m)}
                          aria-label={t('members.removeNamed', { name: m.name })}
                        >
                          {t('members.remove')}
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
      {can.invite && (
        <section className="panel" aria-labelledby="h-invite">
          <h2 id="h-invite">{t('members.invite')}</h2>
          <InviteForm endpoint="/invitations" canInviteAdmin={can.invite_admin ?? false} />
        </section>
      )}
      {can.invite && (
        <section className="panel" aria-labelledby="h-open">
          <h2 id="h-open">{t('members.openInvitations')}</h2>
          {open.length === 0 ? (
            <Empty>{t('members.noOpenInvitations')}</Empty>
          ) : (
            <table className="data">
              <caption className="visually-hidden">{t('members.openInvitations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('login.email')}</th>
                  <th scope="col">{t('members.role')}</th>
                  <th scope="col">{t('members.expires')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {open.map((i) => (
                  <tr key={i.id}>
                    <td>{i.email}</td>
                    <td>{t(`roles.${i.role}`)}</td>
                    <td>{fmtDateTime(i.expiresAt)}</td>
                    <td>
                      <Button
                        variant="secondary"
                        small
                        onPress={() => setRevoking(i)}
                        aria-label={t('members.revokeNamed', { email: i.email })}
                      >
                        {t('members.revoke')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <ConfirmDialog
        isOpen={removing !== null}
        title={t('members.confirmRemoveTitle')}
        body={t('members.confirmRemoveBody', { name: removing?.name ?? '' })}
        confirmLabel={t('members.remove')}
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          const m = removing!;
          setRemoving(null);
          try {
            await api(`/members/${m.userId}`, { method: 'DELETE' });
            setNotice(t('members.removed', { name: m.name }));
          } catch (err) {
            setNotice(errorMessage(err, t));
          }
          await qc.invalidateQueries({ queryKey: ['members'] });
        }}
      />
      <ConfirmDialog
        isOpen={revoking !== null}
        title={t('members.confirmRevokeTitle')}
        body={t('members.confirmRevokeBody', { email: revoking?.email ?? '' })}
        confirmLabel={t('members.revoke')}
        onCancel={() => setRevoking(null)}
        onConfirm={async () => {
          const i = revoking!;
          setRevoking(null);
          await api(`/invitations/${i.id}`, { method: 'DELETE' });
          setNotice(t('members.revoked', { email: i.email }));
          await qc.invalidateQueries({ queryKey: ['invitations'] });
        }}
      />
    </Page>
  );
}
