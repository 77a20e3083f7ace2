import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

/** Query keys of the staff council checks, one per project. */
export const staffCouncilKeys = {
  all: ['staffCouncil'] as const,
  detail: (projectId: string) => ['staffCouncil', 'detail', projectId] as const,
};

export type StaffCouncilCheck = z.infer<typeof C.staffCouncilCheck>;
export type StaffCouncilSave = z.input<typeof C.staffCouncilSave>;

const url = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/staff-council`;

export const staffCouncilQuery = (projectId: string) =>
  queryOptions({
    queryKey: staffCouncilKeys.detail(projectId),
    queryFn: () => api<StaffCouncilCheck>(url(projectId)),
  });

/** Saves the whole check; the answer (with the fresh version and result) replaces the cached one. */
export function useSaveStaffCouncil(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffCouncilSave) => api<StaffCouncilCheck>(url(projectId), { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(staffCouncilKeys.detail(projectId), saved),
  });
}
