import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

/** Query keys of shared services: everything under `shared-services`. */
export const sharedServiceKeys = {
  all: ['shared-services'] as const,
  studies: ['shared-services', 'studies'] as const,
  study: (id: string) => ['shared-services', 'studies', id] as const,
};

/** The portfolio (projects feature) gets the project a council paper is prepared in. */
const projectsKey = ['projects'] as const;

export type StudyList = z.infer<typeof C.studyList>;
export const studiesQuery = () =>
  queryOptions({ queryKey: sharedServiceKeys.studies, queryFn: () => api<StudyList>('/shared-services/studies') });

export type StudyDetail = z.infer<typeof C.studyDetail>;
export const studyQuery = (id: string) =>
  queryOptions({
    queryKey: sharedServiceKeys.study(id),
    queryFn: () => api<StudyDetail>(`/shared-services/studies/${id}`),
  });

/** After a write: the answer is the study's new state; the list shows titles and states. */
function useStudyChanged() {
  const qc = useQueryClient();
  return async (study?: StudyDetail) => {
    if (study) qc.setQueryData(sharedServiceKeys.study(study.id), study);
    await qc.invalidateQueries({ queryKey: sharedServiceKeys.studies, exact: true });
  };
}

export type StudyCreate = z.input<typeof C.studyCreate>;
export function useCreateStudy() {
  const changed = useStudyChanged();
  return useMutation({
    mutationFn: (body: StudyCreate) => api<{ id: string }>('/shared-services/studies', { method: 'POST', body }),
    onSuccess: () => changed(),
  });
}

export type StudyUpdate = z.input<typeof C.studyUpdate>;
export function useUpdateStudy(id: string) {
  const changed = useStudyChanged();
  return useMutation({
    mutationFn: (body: StudyUpdate) => api<StudyDetail>(`/shared-services/studies/${id}`, { method: 'PUT', body }),
    onSuccess: changed,
  });
}

export type StatusQuoInput = z.input<typeof C.statusQuoInput>;
export function useSaveStatusQuo(id: string) {
  const changed = useStudyChanged();
  return useMutation({
    mutationFn: (body: StatusQuoInput) =>
      api<StudyDetail>(`/shared-services/studies/${id}/status-quo`, { method: 'PUT', body }),
    onSuccess: changed,
  });
}

/** Accepts or declines the invitation (a declined study disappears from the list). */
export function useAnswerStudy(id: string) {
  const qc = useQueryClient();
  const changed = useStudyChanged();
  return useMutation({
    mutationFn: (accept: boolean) =>
      api<{ ok: true }>(`/shared-services/studies/${id}/answer`, { method: 'POST', body: { accept } }),
    onSuccess: async (_, accept) => {
      if (accept) await qc.invalidateQueries({ queryKey: sharedServiceKeys.study(id) });
      await changed();
    },
  });
}

/** Makes (once) my municipality's project for its council decision, its finances from my share. */
export function usePrepareCouncilPaper(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ projectId: string }>(`/shared-services/studies/${id}/council-paper`, { method: 'POST', body: {} }),
    // a new project in the portfolio
    onSuccess: () => qc.invalidateQueries({ queryKey: projectsKey }),
  });
}

/** Fetches a study again (after a version conflict). */
export function useRefreshStudy(id: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: sharedServiceKeys.study(id) });
}

export type ServiceCatalogue = z.infer<typeof C.serviceCatalogue>;
const catalogueKey = ['shared-services', 'catalogue'] as const;
export const catalogueQuery = () =>
  queryOptions({ queryKey: catalogueKey, queryFn: () => api<ServiceCatalogue>('/shared-services/catalogue') });

export type ServiceTypeInput = z.input<typeof C.serviceTypeInput>;
/** Adds (no id), changes or removes (body null) a network's own service type. */
export function useSaveServiceType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ServiceTypeInput | null }) =>
      body === null
        ? api(`/shared-services/catalogue/${id}`, { method: 'DELETE' })
        : id
          ? api(`/shared-services/catalogue/${id}`, { method: 'PUT', body })
          : api('/shared-services/catalogue', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: catalogueKey }),
  });
}
