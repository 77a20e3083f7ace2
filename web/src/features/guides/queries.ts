import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, upload } from '../../lib/api';
import { useResourceChanged } from '../../lib/query-cache';

/** Query keys of the method library: everything under `guides`. */
export const guideKeys = {
  all: ['guides'] as const,
  list: (filter: GuideFilter) => ['guides', 'list', filter] as const,
  detail: (id: string) => ['guides', 'detail', id] as const,
  ticks: (id: string, projectId: string | null) => ['guides', 'detail', id, projectId ?? 'municipality'] as const,
  versions: (id: string) => ['guides', 'versions', id] as const,
  version: (id: string, v: number) => ['guides', 'versions', id, v] as const,
};

export interface GuideFilter {
  q?: string;
  module?: string;
  phase?: string;
  kind?: string;
  starter?: string;
}
export type GuideList = z.infer<typeof C.guideList>;
export type Guide = z.infer<typeof C.guideDetail>;
export type GuideVersions = z.infer<typeof C.guideVersionList>;
export type GuideVersion = z.infer<typeof C.guideVersion>;
export type GuideCreate = z.input<typeof C.guideCreate>;
export type GuideUpdate = z.input<typeof C.guideUpdate>;

export const guidesQuery = (filter: GuideFilter) =>
  queryOptions({
    queryKey: guideKeys.list(filter),
    queryFn: () => {
      const params = new URLSearchParams(
        Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])),
      ).toString();
      return api<GuideList>(`/guides${params ? `?${params}` : ''}`);
    },
  });

/** A guide with the ticks of the municipality (projectId null) or of one of its projects. */
export const guideQuery = (id: string, projectId: string | null = null) =>
  queryOptions({
    queryKey: projectId ? guideKeys.ticks(id, projectId) : guideKeys.detail(id),
    queryFn: () => api<Guide>(`/guides/${id}${projectId ? `?projectId=${projectId}` : ''}`),
  });

export const guideVersionsQuery = (id: string) =>
  queryOptions({ queryKey: guideKeys.versions(id), queryFn: () => api<GuideVersions>(`/guides/${id}/versions`) });

export const guideVersionQuery = (id: string, version: number) =>
  queryOptions({
    queryKey: guideKeys.version(id, version),
    queryFn: () => api<GuideVersion>(`/guides/${id}/versions/${version}`),
  });

/** Where a guide's file is downloaded (a plain link: the browser saves it). */
export const guideFileUrl = (id: string, fileId: string) => `/api/v1/guides/${id}/files/${fileId}`;

const useGuideChanged = () => useResourceChanged<Guide>(guideKeys);

export function useCreateGuide() {
  const changed = useGuideChanged();
  return useMutation({
    mutationFn: (body: GuideCreate) => api<Guide>('/guides', { method: 'POST', body }),
    onSuccess: (g) => changed(g),
  });
}

export function useUpdateGuide(id: string) {
  const changed = useGuideChanged();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GuideUpdate) => api<Guide>(`/guides/${id}`, { method: 'PUT', body }),
    onSuccess: async (g) => {
      await changed(g);
      await qc.invalidateQueries({ queryKey: guideKeys.detail(id) });
    },
  });
}

export function useArchiveGuide(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>(`/guides/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: guideKeys.all }),
  });
}

export function useTick(id: string, projectId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemKey, done }: { itemKey: string; done: boolean }) =>
      api<Guide>(`/guides/${id}/ticks/${itemKey}`, { method: 'PUT', body: { done, projectId } }),
    onSuccess: (g) => qc.setQueryData(guideQuery(id, projectId).queryKey, g),
  });
}

export function useUploadGuideFile(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (f: number) => void }) =>
      upload<Guide>(`/guides/${id}/files`, file, onProgress),
    onSuccess: async (g) => {
      qc.setQueryData(guideKeys.detail(id), g);
      await qc.invalidateQueries({ queryKey: guideKeys.versions(id) });
    },
  });
}

export function useRemoveGuideFile(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => api<Guide>(`/guides/${id}/files/${fileId}`, { method: 'DELETE' }),
    onSuccess: async (g) => {
      qc.setQueryData(guideKeys.detail(id), g);
      await qc.invalidateQueries({ queryKey: guideKeys.versions(id) });
    },
  });
}
