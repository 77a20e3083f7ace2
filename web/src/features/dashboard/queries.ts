import type {
  dashboard,
  firstStepsDismissal,
  firstStepsView,
  networkMembershipList,
  platformStart,
  surveyList,
} from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { membershipsQuery } from '../networks/queries';
import { surveysQuery } from '../surveys/queries';

export type Dashboard = z.infer<typeof dashboard>;
export type FirstStepsView = z.infer<typeof firstStepsView>;
export type FirstStepsDismissal = z.input<typeof firstStepsDismissal>;
export type PlatformStart = z.infer<typeof platformStart>;
export type Surveys = z.infer<typeof surveyList>;
export type Memberships = z.infer<typeof networkMembershipList>;

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

export const dashboardQuery = queryOptions({
  queryKey: dashboardKeys.summary,
  queryFn: () => api<Dashboard>('/dashboard'),
});

export const firstStepsQuery = queryOptions({
  queryKey: dashboardKeys.firstSteps,
  queryFn: () => api<FirstStepsView>('/first-steps'),
});

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

/** Hides or shows the first-steps checklist; the answer is the checklist. */
export function useDismissFirstSteps() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FirstStepsDismissal) => api<FirstStepsView>('/first-steps/dismissal', { method: 'PUT', body }),
    onSuccess: (view) => qc.setQueryData(dashboardKeys.firstSteps, view),
  });
}
