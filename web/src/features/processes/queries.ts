import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, upload } from '../../lib/api';
import { useFeatureChanged } from '../../lib/query-cache';
import { projectKeys } from '../projects/queries';

/**
 * Query keys of the processes: everything under `processes`, so one invalidation refreshes the inventory, a
 * service's page with its models, the starter list and a project's models.
 */
export const processesKeys = {
  all: ['processes'] as const,
  services: (sort: ServiceSort, notOnline: boolean) => ['processes', 'services', sort, notOnline] as const,
  service: (id: string) => ['processes', 'service', id] as const,
  starter: ['processes', 'starter'] as const,
  projectModels: (projectId: string) => ['processes', 'project-models', projectId] as const,
  model: (id: string) => ['processes', 'model', id] as const,
};

export type ServiceSort = z.infer<typeof C.serviceListQuery>['sort'];
export type ServiceList = z.infer<typeof C.serviceList>;
export type ServiceItem = z.infer<typeof C.serviceItem>;
export type ServiceDetail = z.infer<typeof C.serviceDetail>;
export type ServiceInput = z.input<typeof C.serviceCreate>;
export type ServiceUpdate = z.input<typeof C.serviceUpdate>;
export type StarterList = z.infer<typeof C.starterList>;
export type StarterService = z.infer<typeof C.starterService>;
export type ServiceImportReport = z.infer<typeof C.serviceImportReport>;
export type ImportMode = ServiceImportReport['mode'];
export type ProcessModelKind = C.ProcessModelKind;
export type ProcessModelSummary = z.infer<typeof C.processModelSummary>;
export type ModelDetail = z.infer<typeof C.modelDetail>;
export type ModelAnalysis = z.infer<typeof C.modelAnalysis>;
export type ModelCreate = z.input<typeof C.modelCreate>;
export type ModelImport = z.input<typeof C.modelImportQuery>;
export type ModelSave = z.input<typeof C.modelSave>;
export type ProjectModels = z.infer<typeof C.projectModels>;

/** The inventory with its totals; `sort` as the contract's, `notOnline` only services below OZG level 3. */
export const servicesQuery = (sort: ServiceSort, notOnline: boolean) =>
  queryOptions({
    queryKey: processesKeys.services(sort, notOnline),
    queryFn: () => api<ServiceList>(`/processes/services?sort=${sort}${notOnline ? '&notOnline=true' : ''}`),
  });

/** One service with its models. */
export const serviceQuery = (id: string) =>
  queryOptions({
    queryKey: processesKeys.service(id),
    queryFn: () => api<ServiceDetail>(`/processes/services/${id}`),
  });

/** The starter list of common municipal services, case numbers scaled to the municipality's population. */
export const starterQuery = queryOptions({
  queryKey: processesKeys.starter,
  queryFn: () => api<StarterList>('/processes/services/starter'),
});

/** The process models a project was made from (empty for most projects). */
export const modelsOfProjectQuery = (projectId: string) =>
  queryOptions({
    queryKey: processesKeys.projectModels(projectId),
    queryFn: () => api<ProjectModels>(`/processes/projects/${encodeURIComponent(projectId)}/models`),
  });

/** One process model with its BPMN XML, the analysis of the last save and the pay groups. */
export const modelQuery = (id: string) =>
  queryOptions({
    queryKey: processesKeys.model(id),
    queryFn: () => api<ModelDetail>(`/processes/models/${id}`),
  });

/** Where the inventory is downloaded as a German CSV (also the import's template). */
export const SERVICES_CSV_URL = '/api/v1/processes/services.csv';
/** Where a model's BPMN file is downloaded. */
export const modelBpmnUrl = (id: string) => `/api/v1/processes/models/${id}/bpmn`;

/** After a write: the answered resource in the cache, every other process query fetched again. */
const useChanged = () => useFeatureChanged(processesKeys.all);

export function useCreateService() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: ServiceInput) => api<ServiceDetail>('/processes/services', { method: 'POST', body }),
    onSuccess: (s) => changed({ put: [processesKeys.service(s.id), s] }),
  });
}

/** Saves a service's facts; a stale `version` answers 409 `version_conflict`. */
export function useUpdateService() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ServiceUpdate }) =>
      api<ServiceDetail>(`/processes/services/${id}`, { method: 'PUT', body }),
    onSuccess: (s) => changed({ put: [processesKeys.service(s.id), s] }),
    // a stale version: the current one is fetched, so that the next attempt can save
    onError: () => changed(),
  });
}

/** Deletes a service with its models (projects made from them stay). */
export function useDeleteService() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/processes/services/${id}`, { method: 'DELETE' }),
    onSuccess: (_r, id) => changed({ drop: processesKeys.service(id) }),
  });
}

/** Adds services of the starter list by their keys. */
export function useAddStarters() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (keys: string[]) =>
      api<{ created: number }>('/processes/services/starter', { method: 'POST', body: { keys } }),
    onSuccess: () => changed(),
  });
}

/** Checks (`preview`: nothing stored) or imports (`commit`) a CSV/XLSX inventory; the answer reports each line. */
export function useImportServices() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: ImportMode }) =>
      upload<ServiceImportReport>(`/processes/services/import?mode=${mode}`, file, () => {}),
    onSuccess: (r) => (r.mode === 'commit' ? changed() : undefined),
  });
}

/** A new model: empty, or a copy of `copyOf` (e.g. the as-is model as a to-be variant). */
export function useCreateModel() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: ModelCreate) => api<ModelDetail>('/processes/models', { method: 'POST', body }),
    onSuccess: (m) => changed({ put: [processesKeys.model(m.id), m] }),
  });
}

/** A model from a BPMN file (field errors at `file`, `serviceId`, `kind`, `name`). */
export function useImportModel() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ file, serviceId, ...q }: ModelImport & { serviceId: string; file: File }) => {
      const qs = new URLSearchParams({ kind: q.kind ?? 'to_be', ...(q.name ? { name: q.name } : {}) });
      return upload<ModelDetail>(`/processes/services/${serviceId}/models/import?${qs}`, file, () => {});
    },
    onSuccess: (m) => changed({ put: [processesKeys.model(m.id), m] }),
  });
}

/** Saves the editor's XML and name; a stale `version` answers 409 `version_conflict`, refused XML field errors at `xml`. */
export function useSaveModel() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ModelSave }) =>
      api<ModelDetail>(`/processes/models/${id}`, { method: 'PUT', body }),
    onSuccess: (m) => changed({ put: [processesKeys.model(m.id), m] }),
  });
}

/** Checks unsaved XML (lint findings, effort, savings); stores nothing. */
export function useCheckModel() {
  return useMutation({
    mutationFn: ({ id, xml }: { id: string; xml: string }) =>
      api<ModelAnalysis>(`/processes/models/${id}/check`, { method: 'POST', body: { xml } }),
  });
}

export function useDeleteModel() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/processes/models/${id}`, { method: 'DELETE' }),
    onSuccess: (_r, id) => changed({ drop: processesKeys.model(id) }),
  });
}

/**
 * A project from a to-be model, its saved hours as benefits (409 `conflict` with `projectId` in the body when the
 * model already has one); the portfolio is fetched again too.
 */
export function useCreateProjectFromModel() {
  const changed = useChanged();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title?: string }) =>
      api<{ projectId: string }>(`/processes/models/${id}/project`, {
        method: 'POST',
        body: title ? { title } : {},
      }),
    onSuccess: () => Promise.all([changed(), qc.invalidateQueries({ queryKey: projectKeys.all })]),
  });
}
