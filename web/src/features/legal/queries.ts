import type * as C from '@dz/core';
import type { metaInfo } from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type MetaInfo = z.infer<typeof metaInfo>;

export const legalKeys = {
  all: ['legal'] as const,
  meta: ['legal', 'meta'] as const,
};

/** Public facts of the installation (the accessibility contact). */
export const metaQuery = queryOptions({ queryKey: legalKeys.meta, queryFn: () => api<MetaInfo>('/meta') });

export type LegalPageView = z.infer<typeof C.legalPageView>;
export type LegalPageName = C.LegalPage;

export const legalPageKey = (page: LegalPageName) => ['legal', 'page', page] as const;

/** A legal page (public, no sign-in): the Markdown and its HTML. */
export const legalPageQuery = (page: LegalPageName) =>
  queryOptions({ queryKey: legalPageKey(page), queryFn: () => api<LegalPageView>(`/legal/${page}`) });

export function useSaveLegalPage(page: LegalPageName) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; markdown: string }) =>
      api<LegalPageView>(`/legal/${page}`, { method: 'PUT', body }),
    onSuccess: (r) => qc.setQueryData(legalPageKey(page), r),
    onError: () => qc.invalidateQueries({ queryKey: legalPageKey(page) }),
  });
}

/** The records of processing (Art. 30 GDPR) for the operator. */
export const RECORDS_URL = { pdf: '/api/v1/privacy/records.pdf', xlsx: '/api/v1/privacy/records.xlsx' };
