import { MUNICIPALITY_ROLES } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { type Column, DataTable } from '../../components/DataTable';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage } from '../../lib/errors';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { departmentsQuery } from '../municipality/queries';
import { InviteForm } from './InviteForm';
import {
  type Invitation,
  invitationsQuery,
  type Member,
  membersQuery,
  useChangeRole,
  useRemoveMember,
  useRevokeInvitation,
} from './queries';

/** A member's role and department, changed together with one save (one version of the membership). */
function RoleCell({
  m,
  canChange,
  departments,
  onError,
}: {
  m: Member;
  canChange: boolean;
  departments: { id: string; name: string }[];
  onError: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const changeRole = useChangeRole();
  const [role, setRole] = useState<Member['role']>(m.role);
  const [departmentId, setDepartmentId] = useState(m.departmentId ?? '');
  const departmentName = departments.find((d) => d.id === m.departmentId)?.name;
  if (!canChange)
    return (
      <>
        {t(`roles.${m.role}`)}
        {departmentName && `, ${departmentName}`}
      </>
    );
  return (
    <form
      style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await changeRole.mutateAsync({
            userId: m.userId,
            role,
            departmentId: departmentId || null,
            version: m.version,
          });
          onError(t('members.roleChanged', { name: m.name, role: t(`roles.${role}`) }));
        } catch (err) {
          setRole(m.role);
          setDepartmentId(m.departmentId ?? '');
          onError(errorMessage(err, t, true));
        }
      }}
    >
      <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
        {t('members.roleOf', { name: m.name })}
      </label>
      <select id={`role-${m.userId}`} value={role} onChange={(e) => setRole(e.target.value as Member['role'])}>
        {MUNICIPALITY_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`department-${m.userId}`}>
        {t('members.departmentOf', { name: m.name })}
      </label>
      <select id={`department-${m.userId}`} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
        <option value="">{t('members.noDepartment')}</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      <Button
        type="submit"
        variant="secondary"
        small
        isDisabled={role === m.role && departmentId === (m.departmentId ?? '')}
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
  const members = useQuery(membersQuery());
  const departments = useQuery(departmentsQuery());
  const invitations = useQuery(invitationsQuery(session.can.invite ?? false));
  const removeMember = useRemoveMember();
  const revokeInvitation = useRevokeInvitation();
  const [notice, setNotice] = useState<string>();
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
  // admins are managed by admins only, and nobody changes or removes themselves
  const manageable = (m: Member) => m.userId !== session.user.id && (can.invite_admin || m.role !== 'admin');
  const listTitle = t('members.list', { count: members.data.items.length });

  const memberColumns: Column<Member>[] = [
    { header: t('members.name'), cell: (m) => m.name },
    { header: t('login.email'), cell: (m) => m.email },
    {
      header: t('members.roleAndDepartment'),
      cell: (m) => (
        <RoleCell
          m={m}
          canChange={(can.change_roles ?? false) && manageable(m)}
          departments={departments.data?.items ?? []}
          onError={setNotice}
        />
      ),
    },
    { header: t('members.since'), cell: (m) => fmtDate(m.since) },
  ];
  if (can.remove_members)
    memberColumns.push({
      header: t('common.actions'),
      cell: (m) =>
        manageable(m) && (
          <ConfirmDeleteButton
            label={t('members.remove')}
            ariaLabel={t('members.removeNamed', { name: m.name })}
            title={t('members.confirmRemoveTitle')}
            body={t('members.confirmRemoveBody', { name: m.name })}
            onConfirm={async () => {
              try {
                await removeMember.mutateAsync(m.userId);
                setNotice(t('members.removed', { name: m.name }));
              } catch (err) {
                setNotice(errorMessage(err, t));
              }
            }}
          />
        ),
    });
  const invitationColumns: Column<Invitation>[] = [
    { header: t('login.email'), cell: (i) => i.email },
    { header: t('members.role'), cell: (i) => t(`roles.${i.role}`) },
    { header: t('members.expires'), cell: (i) => fmtDateTime(i.expiresAt) },
    {
      header: t('common.actions'),
      cell: (i) => (
        <ConfirmDeleteButton
          label={t('members.revoke')}
          ariaLabel={t('members.revokeNamed', { email: i.email })}
          title={t('members.confirmRevokeTitle')}
          body={t('members.confirmRevokeBody', { email: i.email })}
          onConfirm={async () => {
            try {
              await revokeInvitation.mutateAsync(i.id);
              setNotice(t('members.revoked', { email: i.email }));
            } catch (err) {
              setNotice(errorMessage(err, t));
            }
          }}
        />
      ),
    },
  ];

  return (
    <Page title={t('members.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <div aria-live="polite">{notice && <Alert kind="info">{notice}</Alert>}</div>
      <Panel title={listTitle}>
        <DataTable
          label={listTitle}
          columns={memberColumns}
          rows={members.data.items}
          rowKey={(m) => m.userId}
          empty={listTitle}
        />
      </Panel>
      {can.invite && (
        <Panel title={t('members.invite')}>
          <InviteForm endpoint="/invitations" canInviteAdmin={can.invite_admin ?? false} />
        </Panel>
      )}
      {can.invite && (
        <Panel title={t('members.openInvitations')}>
          {!invitations.data ? (
            <Pending query={invitations} />
          ) : (
            <DataTable
              label={t('members.openInvitations')}
              columns={invitationColumns}
              rows={open}
              rowKey={(i) => i.id}
              empty={t('members.noOpenInvitations')}
            />
          )}
        </Panel>
      )}
    </Page>
  );
}
