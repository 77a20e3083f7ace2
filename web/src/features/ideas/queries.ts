import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { useResourceChanged } from '../../lib/query-cache';

/** Query keys of the idea box: everything under `ideas`, so one invalidation refreshes lists and details. */
export const ideaKeys = {
  all: ['ideas'] as const,
  list: (mine: boolean) => ['ideas', 'list', mine] as const,
  detail: (id: string) => ['ideas', 'detail', id] as const,
};

export type IdeaList = z.infer<typeof C.ideaList>;
export const ideasQuery = (mine: boolean) =>
  queryOptions({ queryKey: ideaKeys.list(mine), queryFn: () => api<IdeaList>(`/ideas${mine ? '?mine=true' : ''}`) });

export type Idea = z.infer<typeof C.ideaDetail>;
export const ideaQuery = (id: string) =>
  queryOptions({ queryKey: ideaKeys.detail(id), queryFn: () => api<Idea>(`/ideas/${id}`) });

const useIdeaChanged = () => useResourceChanged<Idea>(ideaKeys);

export type IdeaSubmit = z.input<typeof C.ideaSubmit>;
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

export type IdeaStatusChange = z.input<typeof C.ideaStatusChange>;
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
