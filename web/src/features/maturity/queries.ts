import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { useFeatureChanged } from '../../lib/query-cache';
import { type ContactRequestInput, useSendContactRequest } from '../exchange/queries';

/**
 * Query keys of the maturity self-assessment: everything under `maturity`, so one invalidation refreshes the
 * overview with its history, an assessment, the model and the recommendations.
 */
export const maturityKeys = {
  all: ['maturity'] as const,
  overview: ['maturity', 'overview'] as const,
  model: ['maturity', 'model'] as const,
  assessment: (id: string) => ['maturity', 'assessment', id] as const,
  recommendations: ['maturity', 'recommendations'] as const,
};

export type MaturityOverview = z.infer<typeof C.maturityOverview>;
export type AssessmentSummary = MaturityOverview['assessments'][number];
export type MaturityModel = z.infer<typeof C.maturityModel>;
export type ModelDimension = MaturityModel['dimensions'][number];
export type ModelCriterion = ModelDimension['criteria'][number];
export type MaturityModelInput = z.input<typeof C.maturityModelInput>;
export type MaturityAssessment = z.infer<typeof C.maturityAssessment>;
export type MaturityAnswer = z.infer<typeof C.maturityAnswer>;
export type NetworkCriterion = z.infer<typeof C.networkCriterion>;
export type MaturityAnswerInput = z.input<typeof C.maturityAnswerInput>;
export type MaturitySettings = MaturityOverview['settings'];
export type Recommendations = z.infer<typeof C.recommendations>;
export type RecommendedDimension = Recommendations['dimensions'][number];
export type Peer = RecommendedDimension['peers'][number];
export type { ContactRequestInput };

/** The municipality's assessments (newest first) with their profile, the contact consent and what the user may do. */
export const maturityOverviewQuery = () =>
  queryOptions({ queryKey: maturityKeys.overview, queryFn: () => api<MaturityOverview>('/maturity') });

/** The current model: dimensions, criteria with their five level texts, the published versions. */
export const maturityModelQuery = () =>
  queryOptions({ queryKey: maturityKeys.model, queryFn: () => api<MaturityModel>('/maturity/model') });

/** One assessment with every answer, its pre-fill and the networks' own criteria. */
export const assessmentQuery = (id: string) =>
  queryOptions({
    queryKey: maturityKeys.assessment(id),
    queryFn: () => api<MaturityAssessment>(`/maturity/assessments/${encodeURIComponent(id)}`),
  });

/** Lighthouse projects, guides and contactable peers for the three weakest dimensions. */
export const recommendationsQuery = () =>
  queryOptions({
    queryKey: maturityKeys.recommendations,
    queryFn: () => api<Recommendations>('/maturity/recommendations'),
  });

/** The council's PDF (radar, benchmark, top three recommendations). */
export const MATURITY_REPORT_URL = '/api/v1/maturity/report.pdf';

/** After a write: the answered resource in the cache, every other maturity query fetched again. */
const useChanged = () => useFeatureChanged(maturityKeys.all);

/** A new draft, pre-filled from what the platform knows (409 `conflict` while a draft exists). */
export function useStartAssessment() {
  const changed = useChanged();
  return useMutation({
    mutationFn: () => api<MaturityAssessment>('/maturity/assessments', { method: 'POST' }),
    onSuccess: (a) => changed({ put: [maturityKeys.assessment(a.id), a] }),
  });
}

/**
 * Saves one criterion's answer (level and evidence) with the answer's version as read; a stale version answers
 * 409 `version_conflict`, and then the assessment is fetched again so that the current answer shows.
 */
export function useSaveAnswer(assessmentId: string) {
  const qc = useQueryClient();
  const key = maturityKeys.assessment(assessmentId);
  return useMutation({
    mutationFn: ({ criterionKey, body }: { criterionKey: string; body: MaturityAnswerInput }) =>
      api<MaturityAssessment>(
        `/maturity/assessments/${encodeURIComponent(assessmentId)}/answers/${encodeURIComponent(criterionKey)}`,
        { method: 'PUT', body },
      ),
    // several criteria saved at once may answer out of order: no answer goes back to an older version, and the
    // assessment is read again (its counts and levels) after each save — the last read wins
    onSuccess: (a) => {
      qc.setQueryData<MaturityAssessment>(key, (prev) => newerAnswers(prev, a));
      return qc.invalidateQueries({ queryKey: maturityKeys.all });
    },
    onError: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** `next`, keeping any answer the cache already holds in a newer version (a save answered out of order). */
function newerAnswers(prev: MaturityAssessment | undefined, next: MaturityAssessment): MaturityAssessment {
  if (!prev || prev.id !== next.id) return next;
  const held = new Map(prev.answers.map((a) => [a.criterionKey, a]));
  return {
    ...next,
    answers: next.answers.map((a) => {
      const h = held.get(a.criterionKey);
      return h && h.version > a.version ? h : a;
    }),
  };
}

/** Recomputes the platform's suggestions; answers nobody overrode follow them. */
export function useRefreshPrefill(assessmentId: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: () =>
      api<MaturityAssessment>(`/maturity/assessments/${encodeURIComponent(assessmentId)}/prefill`, {
        method: 'POST',
      }),
    onSuccess: (a) => changed({ put: [maturityKeys.assessment(a.id), a] }),
  });
}

/** Completes the draft: from then on it is read-only and counts as the municipality's level. */
export function useCompleteAssessment(assessmentId: string) {
  const qc = useQueryClient();
  const changed = useChanged();
  return useMutation({
    mutationFn: () =>
      api<MaturityAssessment>(`/maturity/assessments/${encodeURIComponent(assessmentId)}/complete`, {
        method: 'POST',
      }),
    // the overview (not shown while the draft is open) is read again before the user is sent there: its history
    // must already list the completed assessment, not the draft's earlier state
    onSuccess: async (a) => {
      await changed({ put: [maturityKeys.assessment(a.id), a] });
      await qc.refetchQueries({ queryKey: maturityKeys.overview });
    },
  });
}

/** Discards a draft (completed assessments stay). */
export function useDeleteAssessment() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ ok: true }>(`/maturity/assessments/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_r, id) => changed({ drop: maturityKeys.assessment(id) }),
  });
}

/** Whether peers may see the municipality as a contact (versioned: 409 `version_conflict` on a stale version). */
export function useSaveMaturitySettings() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: z.input<typeof C.maturitySettingsInput>) =>
      api<MaturitySettings>('/maturity/settings', { method: 'PUT', body }),
    onSettled: () => changed(),
  });
}

/** Publishes a new model version (409 `version_conflict`/`conflict` when `basedOn` is no longer current). */
export function usePublishModel() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: MaturityModelInput) => api<MaturityModel>('/maturity/model', { method: 'PUT', body }),
    onSuccess: (m) => changed({ put: [maturityKeys.model, m] }),
    onError: () => changed(),
  });
}

/**
 * A contact request to a peer through the exchange's own request (contact details only after it is accepted);
 * the recommendations then show its state ("Anfrage gesendet").
 */
export function useRequestPeerContact() {
  const send = useSendContactRequest();
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: ContactRequestInput) => send.mutateAsync(body),
    onSuccess: () => changed(),
  });
}
