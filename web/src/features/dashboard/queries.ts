import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { membershipsQuery } from '../networks/queries';
import { surveysQuery } from '../surveys/queries';

export type Surveys = z.infer<typeof C.surveyList>;
export type Memberships = z.infer<typeof C.networkMembershipList>;

/**
 * Query keys of the start pages: everything under `dashboard` (the municipality page refreshes it after a change
 * of master data or departments, which also ticks first steps).
 */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: ['dashboard', 'summary'] as const,
  firstSteps: ['dashboard', 'first-steps'] as const,
  platformStart: ['dashboard', 'platform-start'] as const,
};

export type Dashboard = z.infer<typeof C.dashboard>;
export const dashboardQuery = queryOptions({
  queryKey: dashboardKeys.summary,
  queryFn: () => api<Dashboard>('/dashboard'),
});

export type FirstStepsView = z.infer<typeof C.firstStepsView>;
export const firstStepsQuery = queryOptions({
  queryKey: dashboardKeys.firstSteps,
  queryFn: () => api<FirstStepsView>('/first-steps'),
});

export type PlatformStart = z.infer<typeof C.platformStart>;
export const platformStartQuery = queryOptions({
  queryKey: dashboardKeys.platformStart,
  queryFn: () => api<PlatformStart>('/platform/start'),
});

/*
 * What waits for the person is read with the survey and network pages' own keys, so an answer given there
 * shows here at once.
 */
export const awaitingSurveysQuery = surveysQuery();
export const awaitingMembershipsQuery = membershipsQuery();

export type FirstStepsDismissal = z.input<typeof C.firstStepsDismissal>;
/** Hides or shows the first-steps checklist; the answer is the checklist. */
export function useDismissFirstSteps() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FirstStepsDismissal) => api<FirstStepsView>('/first-steps/dismissal', { method: 'PUT', body }),
    onSuccess: (view) => qc.setQueryData(dashboardKeys.firstSteps, view),
  });
}
