import type { importJob, importList } from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, upload } from '../../lib/api';

export type ImportJob = z.infer<typeof importJob>;
export type ImportList = z.infer<typeof importList>;

/** Query keys of the directory import: everything under `imports`. */
export const importKeys = {
  all: ['imports'] as const,
  list: ['imports', 'list'] as const,
  job: (id: string | null) => ['imports', 'job', id] as const,
};

export const importsQuery = queryOptions({ queryKey: importKeys.list, queryFn: () => api<ImportList>('/imports') });

const finished = (job: ImportJob | undefined) => job?.status === 'done' || job?.status === 'failed';

/** One import job, polled every half second until it is done or failed. */
export const importJobQuery = (id: string | null) =>
  queryOptions({
    queryKey: importKeys.job(id),
    queryFn: () => api<ImportJob>(`/imports/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => (finished(q.state.data) ? false : 500),
  });

/** Uploads a directory file (with upload progress); the job then runs on the server. */
export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) =>
      upload<ImportJob>('/imports', file, onProgress),
    onSuccess: () => qc.invalidateQueries({ queryKey: importKeys.list }),
  });
}
