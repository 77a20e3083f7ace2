import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, upload } from '../../lib/api';
import { needKeys } from '../needs/queries';

/** Query keys of the exchange: everything under `exchange`, so one invalidation refreshes the whole feature. */
export const exchangeKeys = {
  all: ['exchange'] as const,
  list: (qs: string) => ['exchange', 'list', qs] as const,
  entry: (id: string) => ['exchange', 'entry', id] as const,
  adoption: (id: string) => ['exchange', 'adoption', id] as const,
  publication: (projectId: string) => ['exchange', 'publication', projectId] as const,
  partners: (path: string) => ['exchange', 'partners', path] as const,
  contactRequests: ['exchange', 'contact-requests'] as const,
  joints: ['exchange', 'joint'] as const,
  joint: (id: string) => ['exchange', 'joint', id] as const,
};

/**
 * Resources of other features this one reads or changes (their pages use the same keys): the need whose partner
 * search is switched here, the own municipality's master data, the portfolio a project is adopted into.
 */
const municipalityKey = (id: string) => ['municipality', id] as const;
const projectsKey = ['projects'] as const;

export type ExchangeList = z.infer<typeof C.exchangeList>;
export const exchangeListQuery = (qs: string) =>
  queryOptions({ queryKey: exchangeKeys.list(qs), queryFn: () => api<ExchangeList>(`/exchange?${qs}`) });

export type EntryDetail = z.infer<typeof C.exchangeDetail>;
export const entryQuery = (id: string) =>
  queryOptions({ queryKey: exchangeKeys.entry(id), queryFn: () => api<EntryDetail>(`/exchange/${id}`) });

export type AdoptionPreview = z.infer<typeof C.adoptionPreview>;
export const adoptionQuery = (id: string) =>
  queryOptions({
    queryKey: exchangeKeys.adoption(id),
    queryFn: () => api<AdoptionPreview>(`/exchange/${id}/adoption`),
  });

export type PublicationState = z.infer<typeof C.publicationState>;
export const publicationQuery = (projectId: string) =>
  queryOptions({
    queryKey: exchangeKeys.publication(projectId),
    queryFn: () => api<PublicationState>(`/projects/${projectId}/publication`),
  });

export type PartnerSuggestions = z.infer<typeof C.partnerSuggestions>;
/** Partner suggestions for a need or a project. */
export const partnersQuery = (source: { needId: string } | { projectId: string }) => {
  const path = 'needId' in source ? `/needs/${source.needId}/partners` : `/projects/${source.projectId}/partners`;
  return queryOptions({ queryKey: exchangeKeys.partners(path), queryFn: () => api<PartnerSuggestions>(path) });
};

export type ContactRequests = z.infer<typeof C.contactRequestList>;
export const contactRequestsQuery = () =>
  queryOptions({
    queryKey: exchangeKeys.contactRequests,
    queryFn: () => api<ContactRequests>('/contact-requests'),
  });

export type JointList = z.infer<typeof C.jointList>;
export const jointsQuery = () =>
  queryOptions({ queryKey: exchangeKeys.joints, queryFn: () => api<JointList>('/joint-projects') });

export type JointDetail = z.infer<typeof C.jointDetail>;
export const jointQuery = (id: string) =>
  queryOptions({ queryKey: exchangeKeys.joint(id), queryFn: () => api<JointDetail>(`/joint-projects/${id}`) });

export { needQuery } from '../needs/queries';

/** The population of a municipality (the own one joins a joint project with it). */
export const municipalityQuery = (id: string) =>
  queryOptions({ queryKey: municipalityKey(id), queryFn: () => api<C.Municipality>(`/municipalities/${id}`) });

// ---- published entries ----

function useSetEntry(id: string) {
  const qc = useQueryClient();
  return (entry: EntryDetail) => qc.setQueryData(exchangeKeys.entry(id), entry);
}

export type PostInput = z.input<typeof C.postInput>;
export function useAddPost(id: string) {
  const setEntry = useSetEntry(id);
  return useMutation({
    mutationFn: (body: PostInput) => api<EntryDetail>(`/exchange/${id}/posts`, { method: 'POST', body }),
    onSuccess: setEntry,
  });
}

/** Sets or removes a network's lighthouse mark; the lists show the mark too. */
export function useLighthouse(id: string) {
  const qc = useQueryClient();
  const setEntry = useSetEntry(id);
  return useMutation({
    mutationFn: ({ networkId, on }: { networkId: string; on: boolean }) =>
      api<EntryDetail>(`/exchange/${id}/lighthouse/${networkId}`, { method: on ? 'PUT' : 'DELETE' }),
    onSuccess: async (entry) => {
      setEntry(entry);
      await qc.invalidateQueries({ queryKey: [...exchangeKeys.all, 'list'] });
    },
  });
}

export type AdoptionInput = z.input<typeof C.adoptionInput>;
/** Adopts a published project into the own portfolio; the entry then names the new project. */
export function useAdopt(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AdoptionInput) => api<{ id: string }>(`/exchange/${id}/adoption`, { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: exchangeKeys.entry(id) }),
        qc.invalidateQueries({ queryKey: projectsKey }),
      ]),
  });
}

// ---- publishing a project ----

export type Entry = z.infer<typeof C.exchangeEntry>;
export type PublicationInput = z.input<typeof C.publicationInput>;
export function usePublicationPreview(projectId: string) {
  return useMutation({
    mutationFn: (body: PublicationInput) =>
      api<Entry>(`/projects/${projectId}/publication/preview`, { method: 'POST', body }),
  });
}

/** Publishing or withdrawing answers the new state; the exchange lists change with it. */
function usePublicationChanged(projectId: string) {
  const qc = useQueryClient();
  return async (state: PublicationState) => {
    qc.setQueryData(exchangeKeys.publication(projectId), state);
    await qc.invalidateQueries({
      queryKey: exchangeKeys.all,
      predicate: (q) => q.queryKey[1] === 'list' || q.queryKey[1] === 'entry',
    });
  };
}

export function usePublish(projectId: string) {
  const changed = usePublicationChanged(projectId);
  return useMutation({
    mutationFn: (body: PublicationInput) =>
      api<PublicationState>(`/projects/${projectId}/publication`, { method: 'PUT', body }),
    onSuccess: changed,
  });
}

export function useWithdrawPublication(projectId: string) {
  const changed = usePublicationChanged(projectId);
  return useMutation({
    mutationFn: (version: number) =>
      api<PublicationState>(`/projects/${projectId}/publication/withdraw`, { method: 'POST', body: { version } }),
    onSuccess: changed,
  });
}

/** Fetches the publication state again (after a version conflict). */
export function useRefreshPublication(projectId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: exchangeKeys.publication(projectId) });
}

// ---- partners and contact requests ----

export function useNeedPartnerSearch(needId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; seekingPartners: boolean }) =>
      api(`/needs/${needId}/partner-search`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: needKeys.detail(needId) }),
  });
}

export type ContactRequestInput = z.input<typeof C.contactRequestInput>;
/** A sent request shows on the suggestion it was sent from and in the list of requests. */
export function useSendContactRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactRequestInput) => api<{ id: string }>('/contact-requests', { method: 'POST', body }),
    onSuccess: () =>
      qc.invalidateQueries({
        queryKey: exchangeKeys.all,
        predicate: (q) => q.queryKey[1] === 'partners' || q.queryKey[1] === 'contact-requests',
      }),
  });
}

export function useAnswerContactRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      api<ContactRequests>(`/contact-requests/${id}/answer`, { method: 'POST', body: { accept } }),
    onSuccess: (list) => qc.setQueryData(exchangeKeys.contactRequests, list),
  });
}

// ---- joint projects ----

function useJointChanged() {
  const qc = useQueryClient();
  return async (joint?: JointDetail) => {
    if (joint) qc.setQueryData(exchangeKeys.joint(joint.id), joint);
    // the list (here and in the portfolio) shows titles, totals and shares
    await qc.invalidateQueries({ queryKey: exchangeKeys.joints, exact: true });
  };
}

export type JointCreate = z.input<typeof C.jointCreate>;
export function useCreateJoint() {
  const changed = useJointChanged();
  return useMutation({
    mutationFn: (body: JointCreate) => api<{ id: string }>('/joint-projects', { method: 'POST', body }),
    onSuccess: () => changed(),
  });
}

export type JointUpdate = z.input<typeof C.jointUpdate>;
export function useUpdateJoint(id: string) {
  const changed = useJointChanged();
  return useMutation({
    mutationFn: (body: JointUpdate) => api<JointDetail>(`/joint-projects/${id}`, { method: 'PUT', body }),
    onSuccess: changed,
  });
}

/** Accepts or declines the invitation to a joint project (the list drops a declined one). */
export function useAnswerJoint(id: string) {
  const qc = useQueryClient();
  const changed = useJointChanged();
  return useMutation({
    mutationFn: (accept: boolean) =>
      api<{ ok: true; declined: boolean }>(`/joint-projects/${id}/answer`, { method: 'POST', body: { accept } }),
    onSuccess: async (res) => {
      if (!res.declined) await qc.invalidateQueries({ queryKey: exchangeKeys.joint(id) });
      await changed();
    },
  });
}

/** Proposes a new split (lead) or accepts the pending one (partner). */
export function useJointShares(id: string) {
  const changed = useJointChanged();
  return useMutation({
    mutationFn: ({ action, version }: { action: 'propose' | 'accept'; version: number }) =>
      api<JointDetail>(`/joint-projects/${id}/shares/${action}`, { method: 'POST', body: { version } }),
    onSuccess: changed,
  });
}

export type JointEntryInput = z.input<typeof C.jointEntryInput>;
export function useAddJointEntry(id: string) {
  const changed = useJointChanged();
  return useMutation({
    mutationFn: (body: JointEntryInput) => api<JointDetail>(`/joint-projects/${id}/entries`, { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useDeleteJointEntry(id: string) {
  const changed = useJointChanged();
  return useMutation({
    mutationFn: (entryId: string) => api<JointDetail>(`/joint-projects/${id}/entries/${entryId}`, { method: 'DELETE' }),
    onSuccess: changed,
  });
}

export function useUploadJointDocument(id: string) {
  const changed = useJointChanged();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) =>
      upload<JointDetail>(`/joint-projects/${id}/documents`, file, onProgress),
    onSuccess: changed,
  });
}

/** Fetches a joint project again (after a version conflict). */
export function useRefreshJoint(id: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: exchangeKeys.joint(id) });
}
