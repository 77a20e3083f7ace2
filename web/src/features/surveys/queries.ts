import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { workshopKeys } from '../workshops/queries';

export type { SurveyResults } from '@dz/core';
export type SurveyList = z.infer<typeof C.surveyList>;
export type SurveyItem = SurveyList['items'][number];

/**
 * Query keys of the surveys: everything under `surveys`; a survey's audience, participation, own response and
 * results sit under its detail key, so invalidating the detail refreshes them too.
 */
export const surveyKeys = {
  all: ['surveys'] as const,
  list: ['surveys', 'list'] as const,
  detail: (id: string) => ['surveys', 'detail', id] as const,
  audience: (id: string) => ['surveys', 'detail', id, 'audience'] as const,
  participation: (id: string) => ['surveys', 'detail', id, 'participation'] as const,
  response: (id: string) => ['surveys', 'detail', id, 'response'] as const,
  results: (id: string, qs: string) => ['surveys', 'detail', id, 'results', qs] as const,
};

export const surveysQuery = () =>
  queryOptions({ queryKey: surveyKeys.list, queryFn: () => api<SurveyList>('/surveys') });

export type Survey = z.infer<typeof C.surveyDetail>;
export const surveyQuery = (id: string) =>
  queryOptions({ queryKey: surveyKeys.detail(id), queryFn: () => api<Survey>(`/surveys/${id}`) });

export type SurveyAudience = z.infer<typeof C.surveyAudience>;
export const audienceQuery = (id: string) =>
  queryOptions({ queryKey: surveyKeys.audience(id), queryFn: () => api<SurveyAudience>(`/surveys/${id}/audience`) });

export type SurveyParticipation = z.infer<typeof C.surveyParticipation>;
export const participationQuery = (id: string) =>
  queryOptions({
    queryKey: surveyKeys.participation(id),
    queryFn: () => api<SurveyParticipation>(`/surveys/${id}/participation`),
  });

export type SurveyResponse = z.infer<typeof C.responseDetail>;
/** One's own answer; never kept after leaving the page (a shared computer shows no one else's draft). */
export const responseQuery = (id: string) =>
  queryOptions({
    queryKey: surveyKeys.response(id),
    queryFn: () => api<SurveyResponse>(`/surveys/${id}/response`),
    gcTime: 0,
  });

export const resultsQuery = (id: string, qs: string) =>
  queryOptions({
    queryKey: surveyKeys.results(id, qs),
    queryFn: () => api<C.SurveyResults>(`/surveys/${id}/results?${qs}`),
  });

const notDetail = {
  queryKey: surveyKeys.all,
  predicate: (q: { queryKey: readonly unknown[] }) => q.queryKey[1] !== 'detail',
};

/** After a change of a survey: the answered survey goes into the cache, its parts and the lists are refreshed. */
function useSurveyChanged() {
  const qc = useQueryClient();
  return async (id: string, survey?: Survey) => {
    if (survey) qc.setQueryData(surveyKeys.detail(id), survey);
    await Promise.all([
      qc.invalidateQueries({
        queryKey: surveyKeys.detail(id),
        predicate: (q) => !survey || q.queryKey.length > 3,
      }),
      qc.invalidateQueries(notDetail),
    ]);
  };
}

export type SurveyCreate = z.input<typeof C.surveyCreate>;
export function useCreateSurvey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyCreate) => api<{ id: string }>('/surveys', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries(notDetail),
  });
}

export type SurveyUpdate = z.input<typeof C.surveyUpdate>;
export function useUpdateSurvey(id: string) {
  const changed = useSurveyChanged();
  return useMutation({
    mutationFn: (body: SurveyUpdate) => api<Survey>(`/surveys/${id}`, { method: 'PATCH', body }),
    onSuccess: (survey) => changed(id, survey),
  });
}

/** Sends the survey (invitations go out) — the version is the one just shown or saved. */
export function useOpenSurvey() {
  const changed = useSurveyChanged();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<Survey>(`/surveys/${id}/open`, { method: 'POST', body: { version } }),
    onSuccess: (survey) => changed(survey.id, survey),
  });
}

export function useCloseSurvey(id: string) {
  const changed = useSurveyChanged();
  return useMutation({
    mutationFn: (version: number) => api<Survey>(`/surveys/${id}/close`, { method: 'POST', body: { version } }),
    onSuccess: (survey) => changed(id, survey),
  });
}

export function useRemindSurvey(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ reminded: number }>(`/surveys/${id}/remind`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: surveyKeys.participation(id) }),
  });
}

export function useDuplicateSurvey(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ id: string }>(`/surveys/${id}/duplicate`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries(notDetail),
  });
}

export function useDeleteSurvey(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>(`/surveys/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries(notDetail),
  });
}

/** Creates the network's workshop prefilled from the survey. */
export function useWorkshopFromSurvey(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ id: string }>(`/surveys/${id}/workshop`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: workshopKeys.all }),
  });
}

export type ResponseSave = z.input<typeof C.responseSave>;
/**
 * Saving, submitting or reopening one's answer: the answer goes into the cache, the lists (which show one's
 * response status) are refreshed.
 */
export function useResponseAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'save' | 'submit' | 'reopen'; body?: ResponseSave }) =>
      action === 'save'
        ? api<SurveyResponse>(`/surveys/${id}/response`, { method: 'PUT', body })
        : api<SurveyResponse>(`/surveys/${id}/response/${action}`, { method: 'POST', ...(body ? { body } : {}) }),
    onSuccess: async (response) => {
      qc.setQueryData(surveyKeys.response(id), response);
      await qc.invalidateQueries(notDetail);
    },
  });
}
