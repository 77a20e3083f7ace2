import type { auditList, auditQuery, mailFailureList } from '@dz/core';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type AuditList = z.infer<typeof auditList>;
export type AuditEntry = AuditList['items'][number];
export type MailFailureList = z.infer<typeof mailFailureList>;
/** The audit filter as the form holds it (empty strings for "all"); page and size are added by the query. */
export type AuditFilter = { [K in keyof Omit<z.input<typeof auditQuery>, 'page' | 'pageSize'>]-?: string };

/** Query keys of the audit trail: everything under `audit`. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (filter: AuditFilter, page: number) => ['audit', 'list', filter, page] as const,
  mailFailures: ['audit', 'mail-failures'] as const,
};

/** The filter as query string (empty fields left out) — also the CSV export's address. */
export const auditParams = (filter: AuditFilter) =>
  new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);

export const auditQueryOptions = (filter: AuditFilter, page: number) =>
  queryOptions({
    queryKey: auditKeys.list(filter, page),
    queryFn: () => api<AuditList>(`/audit?${auditParams(filter)}&page=${page}&pageSize=25`),
    placeholderData: keepPreviousData,
  });

export const mailFailuresQuery = queryOptions({
  queryKey: auditKeys.mailFailures,
  queryFn: () => api<MailFailureList>('/audit/mail-failures'),
});

/** Sends an undelivered mail again; the answer is the remaining list. */
export function useRetryMail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<MailFailureList>(`/audit/mail-failures/${id}/retry`, { method: 'POST' }),
    onSuccess: (data) => qc.setQueryData(auditKeys.mailFailures, data),
  });
}
