import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { memberKeys } from '../members/queries';

export type PersonalDataSummary = z.infer<typeof C.personalDataSummary>;
export type ErasureResult = z.infer<typeof C.erasureResult>;
export type RetentionView = z.infer<typeof C.retentionView>;
export type RetentionInput = z.input<typeof C.retentionSettingsInput>;

/** Query keys of data protection: one invalidation refreshes a person's summary and the retention page. */
export const privacyKeys = {
  all: ['privacy'] as const,
  person: (userId: string) => ['privacy', 'person', userId] as const,
  retention: ['privacy', 'retention'] as const,
};

/** The own export (profile page): plain downloads with the session cookie. */
export const OWN_EXPORT_URL = { pdf: '/api/v1/privacy/me/export.pdf', json: '/api/v1/privacy/me/export.json' };
/** An access request's answer about a colleague. */
export const colleagueExportUrl = (userId: string, format: 'pdf' | 'json') =>
  `/api/v1/privacy/people/${encodeURIComponent(userId)}/export.${format}`;

export const personQuery = (userId: string) =>
  queryOptions({
    queryKey: privacyKeys.person(userId),
    queryFn: () => api<PersonalDataSummary>(`/privacy/people/${encodeURIComponent(userId)}`),
    enabled: userId !== '',
  });

export const retentionQuery = () =>
  queryOptions({ queryKey: privacyKeys.retention, queryFn: () => api<RetentionView>('/privacy/retention') });

export function useErase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { userId: string; confirmEmail: string }) =>
      api<ErasureResult>(`/privacy/people/${encodeURIComponent(v.userId)}/erase`, {
        method: 'POST',
        body: { confirmEmail: v.confirmEmail },
      }),
    onSuccess: async (_r, v) => {
      qc.removeQueries({ queryKey: privacyKeys.person(v.userId) });
      await qc.invalidateQueries({ queryKey: memberKeys.members });
    },
  });
}

export function useSaveRetention() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RetentionInput) => api<RetentionView>('/privacy/retention', { method: 'PUT', body }),
    onSuccess: (r) => qc.setQueryData(privacyKeys.retention, r),
    onError: () => qc.invalidateQueries({ queryKey: privacyKeys.retention }),
  });
}
