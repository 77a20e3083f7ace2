import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import { api } from '../../lib/api';

/** Query keys of the workshops: everything under `workshops`, incl. a participant's live view. */
export const workshopKeys = {
  all: ['workshops'] as const,
  list: ['workshops', 'list'] as const,
  detail: (id: string) => ['workshops', 'detail', id] as const,
  /** A participant's view of the running workshop (by their token). */
  live: (token: string) => ['workshops', 'live', token] as const,
};

export type WorkshopList = z.infer<typeof C.workshopList>;
export const workshopsQuery = () =>
  queryOptions({ queryKey: workshopKeys.list, queryFn: () => api<WorkshopList>('/workshops') });

export type Workshop = z.infer<typeof C.workshopDetail>;
export const workshopQuery = (id: string) =>
  queryOptions({ queryKey: workshopKeys.detail(id), queryFn: () => api<Workshop>(`/workshops/${id}`) });

const participant = (token: string) => ({ 'x-participant-token': token });

export type LiveState = z.infer<typeof C.liveState>;
export const liveStateQuery = (token: string) =>
  queryOptions({
    queryKey: workshopKeys.live(token),
    queryFn: () => api<LiveState>('/live/state', { headers: participant(token) }),
    retry: false,
  });

export type WorkshopCreate = z.input<typeof C.workshopCreate>;
export function useCreateWorkshop() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkshopCreate) => api<{ id: string }>('/workshops', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: workshopKeys.all }),
  });
}

export type WorkshopUpdate = z.input<typeof C.workshopUpdate>;
export type AgendaItemUpdate = z.input<typeof C.agendaItemUpdate>;
export type ActionCreate = z.input<typeof C.actionCreate>;
export type ActionUpdate = z.input<typeof C.actionUpdate>;
/** Every change of a workshop (settings, agenda, ideas, next steps, live control) and the body it sends. */
export type WorkshopChange =
  | { path: ''; method: 'PATCH'; body: WorkshopUpdate }
  | { path: '/items'; method: 'POST'; body: z.input<typeof C.agendaItemCreate> }
  | { path: `/items/${string}/move`; method: 'POST'; body: z.input<typeof C.agendaItemMove> }
  | { path: `/items/${string}`; method: 'PATCH'; body: AgendaItemUpdate }
  | { path: `/items/${string}`; method: 'DELETE'; body?: undefined }
  | { path: '/live'; method: 'POST'; body: z.input<typeof C.liveControl> }
  | { path: '/ideas'; method: 'POST'; body: z.input<typeof C.ideaCreate> }
  | { path: `/ideas/${string}`; method: 'DELETE'; body?: undefined }
  | { path: '/actions'; method: 'POST'; body: ActionCreate }
  | { path: `/actions/${string}`; method: 'PATCH'; body: ActionUpdate }
  | { path: `/actions/${string}`; method: 'DELETE'; body?: undefined };

/**
 * Changes a workshop. Every write answers with the whole workshop, which goes into the cache; the list is
 * refreshed (title, date and status show there).
 */
export function useChangeWorkshop(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method, body }: WorkshopChange) =>
      api<Workshop>(`/workshops/${id}${path}`, { method, ...(body === undefined ? {} : { body }) }),
    onSuccess: async (workshop) => {
      qc.setQueryData(workshopKeys.detail(id), workshop);
      await qc.invalidateQueries({ queryKey: workshopKeys.list });
    },
  });
}

/** Fetches the workshop again — what its event stream triggers on every update (stable per id). */
export function useRefreshWorkshop(id: string) {
  const qc = useQueryClient();
  return useCallback(() => void qc.invalidateQueries({ queryKey: workshopKeys.detail(id) }), [qc, id]);
}

export type Joined = z.infer<typeof C.joined>;
export type JoinWorkshop = z.input<typeof C.joinWorkshop>;
export function useJoinWorkshop() {
  return useMutation({
    mutationFn: (body: JoinWorkshop) => api<Joined>('/live/join', { method: 'POST', body }),
  });
}

/** A participant's idea or dot: the answer is their new live view, which goes into the cache. */
export function useParticipantAction(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      what:
        | { path: '/live/ideas'; method: 'POST'; body: z.input<typeof C.ideaCreate> }
        | { path: '/live/votes'; method: 'POST'; body: z.input<typeof C.voteCast> }
        | { path: `/live/votes/${string}`; method: 'DELETE'; body?: undefined },
    ) =>
      api<LiveState>(what.path, {
        method: what.method,
        headers: participant(token),
        ...(what.body ? { body: what.body } : {}),
      }),
    onSuccess: (state) => qc.setQueryData(workshopKeys.live(token), state),
  });
}

/** Fetches the participant's view again — what the live event stream triggers (stable per token). */
export function useRefreshLive(token: string) {
  const qc = useQueryClient();
  return useCallback(() => void qc.invalidateQueries({ queryKey: workshopKeys.live(token) }), [qc, token]);
}
