import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { dashboardKey } from '../municipality/queries';

export type MemberList = z.infer<typeof C.memberList>;
export type Member = MemberList['items'][number];
export type InvitationList = z.infer<typeof C.invitationList>;
export type Invitation = InvitationList['items'][number];

/** Query keys of people and invitations (`members` and `invitations` stay top-level: other pages read them too). */
export const memberKeys = {
  members: ['members'] as const,
  invitations: ['invitations'] as const,
};

export const membersQuery = () =>
  queryOptions({ queryKey: memberKeys.members, queryFn: () => api<MemberList>('/members') });

export const invitationsQuery = (enabled = true) =>
  queryOptions({
    queryKey: memberKeys.invitations,
    queryFn: () => api<InvitationList>('/invitations'),
    enabled,
  });

/** The start page counts members and open invitations: it is refreshed with the lists. */
function useRefresh() {
  const qc = useQueryClient();
  return (key: readonly string[]) =>
    Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: dashboardKey })]);
}

export type InvitationCreate = z.input<typeof C.invitationCreate>;
/** An invitation by e-mail and role; `endpoint` is the own municipality's or (platform onboarding) another's. */
export function useInvite(endpoint: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: InvitationCreate) => api<{ id: string }>(endpoint, { method: 'POST', body }),
    onSuccess: () => refresh(memberKeys.invitations),
  });
}

export function useRevokeInvitation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api(`/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: () => refresh(memberKeys.invitations),
  });
}

export type MemberUpdate = z.input<typeof C.memberUpdate>;
export function useChangeRole() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ userId, ...body }: MemberUpdate & { userId: string }) =>
      api(`/members/${userId}`, { method: 'PATCH', body }),
    onSuccess: () => refresh(memberKeys.members),
  });
}

/** Removes a person; the list is fetched again also after a refusal (someone else may have changed it). */
export function useRemoveMember() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (userId: string) => api(`/members/${userId}`, { method: 'DELETE' }),
    onSettled: () => refresh(memberKeys.members),
  });
}
