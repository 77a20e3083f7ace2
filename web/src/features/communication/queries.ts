import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

/** Query keys of the communication plan: one invalidation refreshes the plan and every project's part of it. */
export const communicationKeys = {
  all: ['communication'] as const,
  list: (projectId: string) => ['communication', 'list', projectId] as const,
};

export type CommunicationList = z.infer<typeof C.communicationList>;
export type CommunicationItem = z.infer<typeof C.communicationItem>;
export type CommunicationInput = z.input<typeof C.communicationCreate>;
export type CommunicationApply = z.input<typeof C.communicationApply>;

/** The plan, or one project's part of it (`projectId` empty: all items). */
export const communicationQuery = (projectId: string) =>
  queryOptions({
    queryKey: communicationKeys.list(projectId),
    queryFn: () =>
      api<CommunicationList>(`/communication${projectId ? `?projectId=${encodeURIComponent(projectId)}` : ''}`),
  });

function useChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: communicationKeys.all });
}

export function useSaveCommunication() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: CommunicationInput }) =>
      id
        ? api<CommunicationItem>(`/communication/${id}`, { method: 'PUT', body: { ...body, version } })
        : api<CommunicationItem>('/communication', { method: 'POST', body }),
    onSettled: changed,
  });
}

export function useDeleteCommunication() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/communication/${id}`, { method: 'DELETE' }),
    onSettled: changed,
  });
}

export function useApplyTemplate() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: CommunicationApply) =>
      api<{ created: number }>('/communication/templates/apply', { method: 'POST', body }),
    onSuccess: changed,
  });
}
