import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { sessionKey } from '../../app/session';
import { api } from '../../lib/api';

export type Network = z.infer<typeof C.networkDetail>;
export type NetworkMember = Network['members'][number];
export type NetworkMemberships = z.infer<typeof C.networkMembershipList>;
export type NetworkMembership = NetworkMemberships['items'][number];

/** Query keys of the networks: everything under `networks`, so one invalidation refreshes lists and details. */
export const networkKeys = {
  all: ['networks'] as const,
  list: ['networks', 'list'] as const,
  detail: (id: string) => ['networks', 'detail', id] as const,
  /** The active municipality's memberships and invitations. */
  memberships: ['networks', 'memberships'] as const,
};

export type NetworkList = z.infer<typeof C.networkList>;
export const networksQuery = () =>
  queryOptions({ queryKey: networkKeys.list, queryFn: () => api<NetworkList>('/networks') });

export const networkQuery = (id: string) =>
  queryOptions({ queryKey: networkKeys.detail(id), queryFn: () => api<Network>(`/networks/${id}`) });

export const membershipsQuery = () =>
  queryOptions({ queryKey: networkKeys.memberships, queryFn: () => api<NetworkMemberships>('/network-memberships') });

/**
 * After a change of one network: its answered state goes into the cache (or, when the answer is empty because
 * the change ended one's access, it is fetched again), the lists are refreshed.
 */
function useNetworkChanged(id: string) {
  const qc = useQueryClient();
  return async (network?: Network | null) => {
    if (network) qc.setQueryData(networkKeys.detail(id), network);
    await qc.invalidateQueries({
      queryKey: networkKeys.all,
      predicate: (q) => !network || q.queryKey[1] !== 'detail' || q.queryKey[2] !== id,
    });
  };
}

export type NetworkCreate = z.input<typeof C.networkCreate>;
export function useCreateNetwork() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NetworkCreate) => api<{ id: string }>('/networks', { method: 'POST', body }),
    // the founder becomes its moderator: the session's networks change too
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: networkKeys.all }),
        qc.invalidateQueries({ queryKey: sessionKey }),
      ]),
  });
}

export type NetworkUpdate = z.input<typeof C.networkUpdate>;
export function useUpdateNetwork(id: string) {
  const changed = useNetworkChanged(id);
  return useMutation({
    mutationFn: (body: NetworkUpdate) => api<Network>(`/networks/${id}`, { method: 'PATCH', body }),
    onSuccess: (network) => changed(network),
  });
}

export type NetworkMemberAdd = z.input<typeof C.networkMemberAdd>;
export function useAddNetworkMember(id: string) {
  const changed = useNetworkChanged(id);
  return useMutation({
    mutationFn: (body: NetworkMemberAdd) => api<Network>(`/networks/${id}/members`, { method: 'POST', body }),
    onSuccess: (network) => changed(network),
  });
}

export type NetworkMemberLeave = z.input<typeof C.networkMemberLeave>;
/** Records a leaving (or withdraws an open invitation, which is a leaving before joining). */
export function useLeaveNetwork(id: string) {
  const changed = useNetworkChanged(id);
  return useMutation({
    mutationFn: ({ municipalityId, ...body }: NetworkMemberLeave & { municipalityId: string }) =>
      api<Network | null>(`/networks/${id}/members/${municipalityId}/leave`, { method: 'POST', body }),
    onSuccess: (network) => changed(network),
  });
}

export type ModeratorAdd = z.input<typeof C.moderatorAdd>;
export function useAddModerator(id: string) {
  const changed = useNetworkChanged(id);
  return useMutation({
    mutationFn: (body: ModeratorAdd) => api<{ ok: true }>(`/networks/${id}/moderators`, { method: 'POST', body }),
    onSuccess: () => changed(),
  });
}

export function useRemoveModerator(id: string) {
  const changed = useNetworkChanged(id);
  return useMutation({
    mutationFn: (userId: string) => api<Network>(`/networks/${id}/moderators/${userId}`, { method: 'DELETE' }),
    onSuccess: (network) => changed(network),
  });
}

type MembershipChange =
  | { action: 'accept'; networkId: string; body: z.input<typeof C.networkInvitationAccept> }
  | { action: 'decline'; networkId: string; body: { version: number } }
  | { action: 'consent'; networkId: string; body: z.input<typeof C.networkMembershipUpdate> };

/**
 * Answers an invitation or changes the consent to staff surveys. The answer is the new list of memberships;
 * the networks and the session (which lists one's networks) are fetched again.
 */
export function useChangeMembership() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, networkId, body }: MembershipChange) =>
      action === 'consent'
        ? api<NetworkMemberships>(`/network-memberships/${networkId}`, { method: 'PATCH', body })
        : api<NetworkMemberships>(`/network-memberships/${networkId}/${action}`, { method: 'POST', body }),
    onSuccess: async (list) => {
      qc.setQueryData(networkKeys.memberships, list);
      await Promise.all([
        qc.invalidateQueries({ queryKey: networkKeys.all, predicate: (q) => q.queryKey[1] !== 'memberships' }),
        qc.invalidateQueries({ queryKey: sessionKey }),
      ]);
    },
  });
}

/** Fetches the memberships again (after a failed answer, the current state is shown). */
export function useRefreshMemberships() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: networkKeys.memberships });
}
