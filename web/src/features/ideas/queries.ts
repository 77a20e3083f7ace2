import type { ideaDetail, ideaList, ideaStatusChange, ideaSubmit } from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type IdeaList = z.infer<typeof ideaList>;
export type Idea = z.infer<typeof ideaDetail>;
export type IdeaSubmit = z.input<typeof ideaSubmit>;
export type IdeaStatusChange = z.input<typeof ideaStatusChange>;

/** Query keys of the idea box: everything under `ideas`, so one invalidation refreshes lists and details. */
export const ideaKeys = {
  all: ['ideas'] as const,
  list: (mine: boolean) => ['ideas', 'list', mine] as const,
  detail: (id: string) => ['ideas', 'detail', id] as const,
};

export const ideasQuery = (mine: boolean) =>
  queryOptions({ queryKey: ideaKeys.list(mine), queryFn: () => api<IdeaList>(`/ideas${mine ? '?mine=true' : ''}`) });

export const ideaQuery = (id: string) =>
  queryOptions({ queryKey: ideaKeys.detail(id), queryFn: () => api<Idea>(`/ideas/${id}`) });

/** After a change: the answered idea goes into the cache, the lists are fetched again. */
function useIdeaChanged() {
  const qc = useQueryClient();
  return async (idea?: Idea) => {
    if (idea) qc.setQueryData(ideaKeys.detail(idea.id), idea);
    await qc.invalidateQueries({ queryKey: ideaKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
  };
}

export function useSubmitIdea() {
  const changed = useIdeaChanged();
  return useMutation({
    mutationFn: (body: IdeaSubmit) => api<{ id: string }>('/ideas', { method: 'POST', body }),
    onSuccess: () => changed(),
  });
}

export function useSupportIdea() {
  const changed = useIdeaChanged();
  return useMutation({
    mutationFn: ({ id, support }: { id: string; support: boolean }) =>
      api<Idea>(`/ideas/${id}/support`, { method: support ? 'POST' : 'DELETE' }),
    onSuccess: (idea) => changed(idea),
  });
}

export function useChangeIdeaStatus(id: string) {
  const changed = useIdeaChanged();
  return useMutation({
    mutationFn: (body: IdeaStatusChange) => api<Idea>(`/ideas/${id}/status`, { method: 'POST', body }),
    onSuccess: (idea) => changed(idea),
  });
}

export function useIdeaToNeed(id: string) {
  const changed = useIdeaChanged();
  return useMutation({
    mutationFn: (version: number) => api<Idea>(`/ideas/${id}/need`, { method: 'POST', body: { version } }),
    onSuccess: (idea) => changed(idea),
  });
}

/** Fetches the idea again (after a version conflict, the newer state is shown). */
export function useRefreshIdea(id: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ideaKeys.detail(id) });
}
