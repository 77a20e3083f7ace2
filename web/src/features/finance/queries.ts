import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import type { Project } from '../projects/project-change';

export type Risks = z.infer<typeof C.riskList>;
export type Risk = Risks['items'][number];
export type Papers = z.infer<typeof C.decisionPaperList>;
export type Paper = Papers['items'][number];
export type { Project };

/** Query keys of costs and risks: everything under `finance`, so one invalidation refreshes the feature. */
export const financeKeys = {
  all: ['finance'] as const,
  project: (projectId: string) => ['finance', 'project', projectId] as const,
  risks: (projectId: string) => ['finance', 'risks', projectId] as const,
  papers: (projectId: string) => ['finance', 'papers', projectId] as const,
  draft: (projectId: string) => ['finance', 'paper-draft', projectId] as const,
  suggestions: (projectId: string, type: string) => ['finance', 'suggestions', projectId, type] as const,
  settings: ['finance', 'settings'] as const,
  council: ['finance', 'council'] as const,
  portfolio: ['finance', 'portfolio'] as const,
};

/** The project itself (title, dates): the project pages' query. */
export { projectQuery } from '../projects/queries';

export type Finance = z.infer<typeof C.projectFinance>;
export const financeQuery = (projectId: string) =>
  queryOptions({
    queryKey: financeKeys.project(projectId),
    queryFn: () => api<Finance>(`/projects/${projectId}/finance`),
  });

export const risksQuery = (projectId: string) =>
  queryOptions({ queryKey: financeKeys.risks(projectId), queryFn: () => api<Risks>(`/projects/${projectId}/risks`) });

export const papersQuery = (projectId: string) =>
  queryOptions({
    queryKey: financeKeys.papers(projectId),
    queryFn: () => api<Papers>(`/projects/${projectId}/decision-papers`),
  });

export type Draft = z.infer<typeof C.decisionPaperDraft>;
/** A paper prepared from the current plan: always fetched fresh, never kept (the figures follow every save). */
export const paperDraftQuery = (projectId: string) =>
  queryOptions({
    queryKey: financeKeys.draft(projectId),
    queryFn: () => api<Draft>(`/projects/${projectId}/decision-papers/draft`),
    gcTime: 0,
    staleTime: 0,
  });

export type Suggestions = z.infer<typeof C.paperSuggestions>;
export const suggestionsQuery = (projectId: string, type?: C.ProjectType) =>
  queryOptions({
    queryKey: financeKeys.suggestions(projectId, type ?? ''),
    queryFn: () => api<Suggestions>(`/projects/${projectId}/paper-suggestions${type ? `?type=${type}` : ''}`),
  });

export type Settings = z.infer<typeof C.financeSettings>;
export const settingsQuery = () =>
  queryOptions({ queryKey: financeKeys.settings, queryFn: () => api<Settings>('/finance/settings') });

export type Council = z.infer<typeof C.councilSettings>;
export const councilQuery = () =>
  queryOptions({ queryKey: financeKeys.council, queryFn: () => api<Council>('/finance/council') });

export type PortfolioFinance = z.infer<typeof C.portfolioFinance>;
export const portfolioFinanceQuery = () =>
  queryOptions({ queryKey: financeKeys.portfolio, queryFn: () => api<PortfolioFinance>('/finance/portfolio') });

/** Prepares a paper from the current plan (the draft is fetched on demand, not on page load). */
export function useFetchDraft(projectId: string) {
  const qc = useQueryClient();
  return () => qc.fetchQuery(paperDraftQuery(projectId));
}

export type FinanceSave = z.input<typeof C.financeSave>;
/** The saved cost plan comes back with its figures; the portfolio's budget follows it. */
export function useSaveFinance(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FinanceSave) => api<Finance>(`/projects/${projectId}/finance`, { method: 'PUT', body }),
    onSuccess: async (finance) => {
      qc.setQueryData(financeKeys.project(projectId), finance);
      await qc.invalidateQueries({ queryKey: financeKeys.portfolio });
    },
  });
}

export function useRefreshFinance(projectId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: financeKeys.project(projectId) });
}

/** Every change of a risk answers the whole register. */
function useRisksChanged(projectId: string) {
  const qc = useQueryClient();
  return async (risks: Risks) => {
    qc.setQueryData(financeKeys.risks(projectId), risks);
    await qc.invalidateQueries({ queryKey: financeKeys.portfolio });
  };
}

export type RiskCreate = z.input<typeof C.riskCreate>;
export function useAddRisk(projectId: string) {
  const changed = useRisksChanged(projectId);
  return useMutation({
    mutationFn: (body: RiskCreate) => api<Risks>(`/projects/${projectId}/risks`, { method: 'POST', body }),
    onSuccess: changed,
  });
}

export type RiskUpdate = z.input<typeof C.riskUpdate>;
export function useUpdateRisk(projectId: string) {
  const changed = useRisksChanged(projectId);
  return useMutation({
    mutationFn: ({ id, ...body }: RiskUpdate & { id: string }) =>
      api<Risks>(`/projects/${projectId}/risks/${id}`, { method: 'PATCH', body }),
    onSuccess: changed,
  });
}

export function useDeleteRisk(projectId: string) {
  const changed = useRisksChanged(projectId);
  return useMutation({
    mutationFn: (id: string) => api<Risks>(`/projects/${projectId}/risks/${id}`, { method: 'DELETE' }),
    onSuccess: changed,
  });
}

export function useRefreshRisks(projectId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: financeKeys.risks(projectId) });
}

export type PaperInput = z.input<typeof C.decisionPaperInput>;
export function useCreatePaper(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PaperInput) =>
      api<{ id: string; versionNo: number }>(`/projects/${projectId}/decision-papers`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: financeKeys.papers(projectId) }),
  });
}

export type SettingsSave = z.input<typeof C.financeSettingsSave>;
/** New settings change every project's figures: all finance data except the settings just answered is refetched. */
export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsSave) => api<Settings>('/finance/settings', { method: 'PUT', body }),
    onSuccess: async (settings) => {
      qc.setQueryData(financeKeys.settings, settings);
      await qc.invalidateQueries({ queryKey: financeKeys.all, predicate: (q) => q.queryKey[1] !== 'settings' });
    },
  });
}

export type CouncilSave = z.input<typeof C.councilSettingsSave>;
export function useSaveCouncil() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CouncilSave) => api<Council>('/finance/council', { method: 'PUT', body }),
    onSuccess: (council) => qc.setQueryData(financeKeys.council, council),
  });
}

/** Fetches settings or council again (after a version conflict). */
export function useRefreshSettings() {
  const qc = useQueryClient();
  return (which: 'settings' | 'council') => qc.invalidateQueries({ queryKey: financeKeys[which] });
}
