import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { useResourceChanged } from '../../lib/query-cache';

export type Department = z.infer<typeof C.department>;

/** Query keys of the needs register: everything under `needs`, so one invalidation refreshes lists and details. */
export const needKeys = {
  all: ['needs'] as const,
  list: (qs: string) => ['needs', 'list', qs] as const,
  mergeCandidates: ['needs', 'merge-candidates'] as const,
  similar: (q: string, exclude?: string) => ['needs', 'similar', q, exclude] as const,
  detail: (id: string) => ['needs', 'detail', id] as const,
};

/** The municipality's departments (kept by the municipality settings; the query is theirs). */
export { departmentsQuery } from '../municipality/queries';

export type NeedList = z.infer<typeof C.needList>;
export const needListQuery = (qs: string) =>
  queryOptions({ queryKey: needKeys.list(qs), queryFn: () => api<NeedList>(`/needs?${qs}`) });

/** All needs one may merge into (the register's largest page). */
export const mergeCandidatesQuery = () =>
  queryOptions({ queryKey: needKeys.mergeCandidates, queryFn: () => api<NeedList>('/needs?pageSize=200') });

export type NeedSimilar = z.infer<typeof C.needSimilar>;
export const similarNeedsQuery = (q: string, exclude?: string) =>
  queryOptions({
    queryKey: needKeys.similar(q, exclude),
    queryFn: () => api<NeedSimilar>(`/needs/similar?q=${encodeURIComponent(q)}${exclude ? `&exclude=${exclude}` : ''}`),
  });

export type Need = z.infer<typeof C.needDetail>;
export const needQuery = (id: string) =>
  queryOptions({ queryKey: needKeys.detail(id), queryFn: () => api<Need>(`/needs/${id}`) });

const useNeedChanged = () => useResourceChanged<Need>(needKeys);

export type NeedCreate = z.input<typeof C.needCreate>;
export function useCreateNeed() {
  const changed = useNeedChanged();
  return useMutation({
    mutationFn: (body: NeedCreate) => api<{ id: string }>('/needs', { method: 'POST', body }),
    onSuccess: () => changed(),
  });
}

export type NeedUpdate = z.input<typeof C.needUpdate>;
export function useUpdateNeed(id: string) {
  const changed = useNeedChanged();
  return useMutation({
    mutationFn: (body: NeedUpdate) => api<Need>(`/needs/${id}`, { method: 'PATCH', body }),
    onSuccess: (need) => changed(need),
  });
}

export type NeedMerge = z.input<typeof C.needMerge>;
/** Merging changes both needs: the answer is the target; the merged one is fetched again. */
export function useMergeNeed(id: string) {
  const qc = useQueryClient();
  const changed = useNeedChanged();
  return useMutation({
    mutationFn: (body: NeedMerge) => api<Need>(`/needs/${id}/merge`, { method: 'POST', body }),
    onSuccess: async (need) => {
      await changed(need);
      await qc.invalidateQueries({ queryKey: needKeys.detail(id) });
    },
  });
}
