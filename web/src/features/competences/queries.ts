import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

/** Query keys of the competences: one invalidation refreshes the framework, assessments, overview and plan. */
export const competenceKeys = {
  all: ['competences'] as const,
  framework: ['competences', 'framework'] as const,
  mine: ['competences', 'me'] as const,
  overview: ['competences', 'overview'] as const,
  shared: ['competences', 'shared'] as const,
  trainings: ['competences', 'trainings'] as const,
  plan: ['competences', 'plan'] as const,
};

export type Framework = z.infer<typeof C.competenceFramework>;
export type Competence = Framework['items'][number];
export type MyCompetences = z.infer<typeof C.myCompetences>;
export type MyCompetencesInput = z.input<typeof C.myCompetencesUpdate>;
export type Overview = z.infer<typeof C.competenceOverview>;
export type SharedAssessments = z.infer<typeof C.sharedAssessments>;
export type TrainingList = z.infer<typeof C.trainingList>;
export type Training = z.infer<typeof C.trainingItem>;
export type TrainingInput = z.input<typeof C.trainingCreate>;
export type TrainingPlan = z.infer<typeof C.trainingPlan>;
export type Assignment = z.infer<typeof C.assignmentItem>;
export type AssignmentInput = z.input<typeof C.assignmentCreate>;
export type CompetenceRename = z.input<typeof C.competenceUpdate>;

export const frameworkQuery = queryOptions({
  queryKey: competenceKeys.framework,
  queryFn: () => api<Framework>('/competences/framework'),
});
export const myCompetencesQuery = queryOptions({
  queryKey: competenceKeys.mine,
  queryFn: () => api<MyCompetences>('/competences/me'),
});
export const overviewQuery = queryOptions({
  queryKey: competenceKeys.overview,
  queryFn: () => api<Overview>('/competences/overview'),
});
export const sharedQuery = queryOptions({
  queryKey: competenceKeys.shared,
  queryFn: () => api<SharedAssessments>('/competences/shared'),
});
export const trainingsQuery = queryOptions({
  queryKey: competenceKeys.trainings,
  queryFn: () => api<TrainingList>('/competences/trainings'),
});
export const planQuery = queryOptions({
  queryKey: competenceKeys.plan,
  queryFn: () => api<TrainingPlan>('/competences/plan'),
});

function useChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: competenceKeys.all });
}

export function useSaveMine() {
  const qc = useQueryClient();
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: MyCompetencesInput) => api<MyCompetences>('/competences/me', { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData(competenceKeys.mine, data),
    onSettled: changed,
  });
}

export function useRenameCompetence() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: CompetenceRename) => api<Framework>('/competences/framework', { method: 'PUT', body }),
    onSettled: changed,
  });
}

export function useAddCompetence() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: { area: number; name: string }) =>
      api<Framework>('/competences/framework', { method: 'POST', body }),
    onSettled: changed,
  });
}

export function useSaveTraining() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: TrainingInput }) =>
      id
        ? api<Training>(`/competences/trainings/${id}`, { method: 'PUT', body: { ...body, version } })
        : api<Training>('/competences/trainings', { method: 'POST', body }),
    onSettled: changed,
  });
}

export function useDeleteTraining() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/competences/trainings/${id}`, { method: 'DELETE' }),
    onSettled: changed,
  });
}

export function useAddStarterTrainings() {
  const changed = useChanged();
  return useMutation({
    mutationFn: () => api<{ created: number }>('/competences/trainings/starter', { method: 'POST' }),
    onSettled: changed,
  });
}

export function useAssignTraining() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: AssignmentInput) => api<Assignment>('/competences/plan', { method: 'POST', body }),
    onSettled: changed,
  });
}

export function useUpdateAssignment() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof C.assignmentUpdate> }) =>
      api<Assignment>(`/competences/plan/${id}`, { method: 'PUT', body }),
    onSettled: changed,
  });
}

export function useDeleteAssignment() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/competences/plan/${id}`, { method: 'DELETE' }),
    onSettled: changed,
  });
}
