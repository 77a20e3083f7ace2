import type { indicatorValueAdd, targetPicture, targetPictureSave } from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type TargetPicture = z.infer<typeof targetPicture>;
export type TargetPictureSave = z.input<typeof targetPictureSave>;
export type IndicatorValueAdd = z.input<typeof indicatorValueAdd>;

/** Query keys of the target picture (one document per municipality; projects read it too). */
export const targetPictureKeys = {
  all: ['target-picture'] as const,
};

export const targetPictureQuery = () =>
  queryOptions({ queryKey: targetPictureKeys.all, queryFn: () => api<TargetPicture>('/target-picture') });

export function useSaveTargetPicture() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetPictureSave) => api<TargetPicture>('/target-picture', { method: 'PUT', body }),
    onSuccess: (tp) => qc.setQueryData(targetPictureKeys.all, tp),
  });
}

export function useAddIndicatorValue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ indicatorId, ...body }: IndicatorValueAdd & { indicatorId: string }) =>
      api<TargetPicture>(`/target-picture/indicators/${indicatorId}/values`, { method: 'POST', body }),
    onSuccess: (tp) => qc.setQueryData(targetPictureKeys.all, tp),
  });
}
