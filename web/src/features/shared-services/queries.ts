import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, upload } from '../../lib/api';

/** Query keys of shared services: everything under `shared-services`. */
export const sharedServiceKeys = {
  all: ['shared-services'] as const,
  studies: ['shared-services', 'studies'] as const,
  study: (id: string) => ['shared-services', 'studies', id] as const,
};

/** The portfolio (projects feature) gets the project a council paper is prepared in. */
const projectsKey = ['projects'] as const;

export type StudyList = z.infer<typeof C.studyList>;
export const studiesQuery = () =>
  queryOptions({ queryKey: sharedServiceKeys.studies, queryFn: () => api<StudyList>('/shared-services/studies') });

export type StudyDetail = z.infer<typeof C.studyDetail>;
export const studyQuery = (id: string) =>
  queryOptions({
    queryKey: sharedServiceKeys.study(id),
    queryFn: () => api<StudyDetail>(`/shared-services/studies/${id}`),
  });

/** After a write: the answer is the study's new state; the list shows titles and states. */
function useStudyChanged() {
  const qc = useQueryClient();
  return async (study?: StudyDetail) => {
    if (study) qc.setQueryData(sharedServiceKeys.study(study.id), study);
    await qc.invalidateQueries({ queryKey: sharedServiceKeys.studies, exact: true });
  };
}

export type StudyCreate = z.input<typeof C.studyCreate>;
export function useCreateStudy() {
  const changed = useStudyChanged();
  return useMutation({
    mutationFn: (body: StudyCreate) => api<{ id: string }>('/shared-services/studies', { method: 'POST', body }),
    onSuccess: () => changed(),
  });
}

export type StudyUpdate = z.input<typeof C.studyUpdate>;
export function useUpdateStudy(id: string) {
  const changed = useStudyChanged();
  return useMutation({
    mutationFn: (body: StudyUpdate) => api<StudyDetail>(`/shared-services/studies/${id}`, { method: 'PUT', body }),
    onSuccess: changed,
  });
}

export type StatusQuoInput = z.input<typeof C.statusQuoInput>;
export function useSaveStatusQuo(id: string) {
  const changed = useStudyChanged();
  return useMutation({
    mutationFn: (body: StatusQuoInput) =>
      api<StudyDetail>(`/shared-services/studies/${id}/status-quo`, { method: 'PUT', body }),
    onSuccess: changed,
  });
}

/** Accepts or declines the invitation (a declined study disappears from the list). */
export function useAnswerStudy(id: string) {
  const qc = useQueryClient();
  const changed = useStudyChanged();
  return useMutation({
    mutationFn: (accept: boolean) =>
      api<{ ok: true }>(`/shared-services/studies/${id}/answer`, { method: 'POST', body: { accept } }),
    onSuccess: async (_, accept) => {
      if (accept) await qc.invalidateQueries({ queryKey: sharedServiceKeys.study(id) });
      await changed();
    },
  });
}

/** Makes (once) my municipality's project for its council decision, its finances from my share. */
export function usePrepareCouncilPaper(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ projectId: string }>(`/shared-services/studies/${id}/council-paper`, { method: 'POST', body: {} }),
    // a new project in the portfolio
    onSuccess: () => qc.invalidateQueries({ queryKey: projectsKey }),
  });
}

/** Fetches a study again (after a version conflict). */
export function useRefreshStudy(id: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: sharedServiceKeys.study(id) });
}

// --- operation (issue 19): the way to live, the service team, work orders, monthly statements ---

export const operationKeys = {
  team: (id: string) => ['shared-services', 'studies', id, 'team'] as const,
  orders: (id: string) => ['shared-services', 'studies', id, 'orders'] as const,
  orderLists: (id: string) => ['shared-services', 'studies', id, 'orders', 'list'] as const,
  orderList: (id: string, status: string) => ['shared-services', 'studies', id, 'orders', 'list', status] as const,
  order: (id: string, orderId: string) => ['shared-services', 'studies', id, 'orders', orderId] as const,
  statements: (id: string) => ['shared-services', 'studies', id, 'statements'] as const,
  statement: (id: string, month: string) => ['shared-services', 'studies', id, 'statements', month] as const,
};
const base = (id: string) => `/shared-services/studies/${id}`;

export type StudyAdvance = z.input<typeof C.studyAdvance>;
/** The lead records the councils' decision (agreed) or starts the service (live from a month). */
export function useAdvanceStudy(id: string) {
  const changed = useStudyChanged();
  return useMutation({
    mutationFn: (body: StudyAdvance) => api<StudyDetail>(`${base(id)}/advance`, { method: 'POST', body }),
    onSuccess: changed,
  });
}

export type ServiceTeam = z.infer<typeof C.serviceTeam>;
export const teamQuery = (id: string) =>
  queryOptions({ queryKey: operationKeys.team(id), queryFn: () => api<ServiceTeam>(`${base(id)}/team`) });

/** Adds a colleague of my municipality to the service team, or removes one (the answer is the new team). */
export function useTeamChange(id: string) {
  const qc = useQueryClient();
  const done = (team: ServiceTeam) => {
    qc.setQueryData(operationKeys.team(id), team);
    // being on the team changes what the study and its orders allow
    return qc.invalidateQueries({ queryKey: sharedServiceKeys.study(id) });
  };
  return {
    add: useMutation({
      mutationFn: (body: z.input<typeof C.teamMemberAdd>) =>
        api<ServiceTeam>(`${base(id)}/team`, { method: 'POST', body }),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (userId: string) => api<ServiceTeam>(`${base(id)}/team/${userId}`, { method: 'DELETE' }),
      onSuccess: done,
    }),
  };
}

export type WorkOrderList = z.infer<typeof C.workOrderList>;
/** The queue: `status` is 'open', 'all' or one status. */
export const ordersQuery = (id: string, status: string) =>
  queryOptions({
    queryKey: operationKeys.orderList(id, status),
    queryFn: () => api<WorkOrderList>(`${base(id)}/orders${status === 'all' ? '' : `?status=${status}`}`),
  });

export type WorkOrderDetail = z.infer<typeof C.workOrderDetail>;
export const orderQuery = (id: string, orderId: string) =>
  queryOptions({
    queryKey: operationKeys.order(id, orderId),
    queryFn: () => api<WorkOrderDetail>(`${base(id)}/orders/${orderId}`),
  });

export type WorkOrderCreate = z.input<typeof C.workOrderCreate>;
export function useCreateOrder(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkOrderCreate) =>
      api<{ id: string; number: number }>(`${base(id)}/orders`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: operationKeys.orders(id) }),
  });
}

/** Writes on one order answer with the order's new state; the queue and the statements follow. */
function useOrderChanged(id: string, orderId: string) {
  const qc = useQueryClient();
  return async (order?: WorkOrderDetail) => {
    if (order) qc.setQueryData(operationKeys.order(id, orderId), order);
    await qc.invalidateQueries({ queryKey: operationKeys.orderLists(id) });
    await qc.invalidateQueries({ queryKey: operationKeys.statements(id) });
  };
}

export type WorkOrderUpdate = z.input<typeof C.workOrderUpdate>;
export function useUpdateOrder(id: string, orderId: string) {
  const changed = useOrderChanged(id, orderId);
  return useMutation({
    mutationFn: (body: WorkOrderUpdate) =>
      api<WorkOrderDetail>(`${base(id)}/orders/${orderId}`, { method: 'PUT', body }),
    onSuccess: changed,
  });
}

export type WorkEntryCreate = z.input<typeof C.workEntryCreate>;
export function useAddEntry(id: string, orderId: string) {
  const changed = useOrderChanged(id, orderId);
  return useMutation({
    mutationFn: (body: WorkEntryCreate) =>
      api<WorkOrderDetail>(`${base(id)}/orders/${orderId}/entries`, { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useDeleteEntry(id: string, orderId: string) {
  const changed = useOrderChanged(id, orderId);
  return useMutation({
    mutationFn: (entryId: string) =>
      api<WorkOrderDetail>(`${base(id)}/orders/${orderId}/entries/${entryId}`, { method: 'DELETE' }),
    onSuccess: changed,
  });
}

/** Uploads one photo or document to an order (multipart field "file") with progress. */
export function useAttach(id: string) {
  const qc = useQueryClient();
  return async (orderId: string, file: File, onProgress: (fraction: number) => void) => {
    const res = await upload<{ id: string }>(`${base(id)}/orders/${orderId}/attachments`, file, onProgress);
    await qc.invalidateQueries({ queryKey: operationKeys.order(id, orderId) });
    return res;
  };
}

/** The address of an attachment's file (thumbnails and links). */
export const attachmentUrl = (id: string, orderId: string, attachmentId: string) =>
  `/api/v1${base(id)}/orders/${orderId}/attachments/${attachmentId}`;

/** Refetches an order (after a version conflict). */
export function useRefreshOrder(id: string, orderId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: operationKeys.order(id, orderId) });
}

export type ServiceStatement = z.infer<typeof C.serviceStatement>;
/** A month's statement; without a month the server picks the current one. */
export const statementQuery = (id: string, month: string) =>
  queryOptions({
    queryKey: operationKeys.statement(id, month),
    queryFn: () => api<ServiceStatement>(`${base(id)}/statements${month ? `?month=${month}` : ''}`),
  });

export const statementExportUrl = (id: string, month: string, format: 'pdf' | 'xlsx' | 'csv') =>
  `/api/v1${base(id)}/statements/export?month=${month}&format=${format}`;

export function useCloseMonth(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (month: string) =>
      api<ServiceStatement>(`${base(id)}/statements/close`, { method: 'POST', body: { month } }),
    onSuccess: async (s) => {
      await qc.invalidateQueries({ queryKey: operationKeys.statements(id) });
      qc.setQueryData(operationKeys.statement(id, s.month), s);
    },
  });
}

export type ServiceCatalogue = z.infer<typeof C.serviceCatalogue>;
const catalogueKey = ['shared-services', 'catalogue'] as const;
export const catalogueQuery = () =>
  queryOptions({ queryKey: catalogueKey, queryFn: () => api<ServiceCatalogue>('/shared-services/catalogue') });

export type ServiceTypeInput = z.input<typeof C.serviceTypeInput>;
/** Adds (no id), changes or removes (body null) a network's own service type. */
export function useSaveServiceType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ServiceTypeInput | null }) =>
      body === null
        ? api(`/shared-services/catalogue/${id}`, { method: 'DELETE' })
        : id
          ? api(`/shared-services/catalogue/${id}`, { method: 'PUT', body })
          : api('/shared-services/catalogue', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: catalogueKey }),
  });
}

export type NetworkStudyList = z.infer<typeof C.networkStudyList>;
const networkStudiesKey = ['shared-services', 'network-studies'] as const;
export const networkStudiesQuery = () =>
  queryOptions({
    queryKey: networkStudiesKey,
    queryFn: () => api<NetworkStudyList>('/shared-services/network-studies'),
  });

export type NetworkStudyCreate = z.input<typeof C.networkStudyCreate>;
/** A network's moderation starts a study for members of its network. */
export function useCreateNetworkStudy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NetworkStudyCreate) =>
      api<{ id: string }>('/shared-services/network-studies', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: networkStudiesKey }),
  });
}
