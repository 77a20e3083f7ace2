import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

/**
 * Query keys of the key-figure ring (issue 22): everything under `key-figures`, so one invalidation refreshes the
 * own values, the benchmark, a network's ring and a network's own figures and criteria.
 */
export const keyFigureKeys = {
  all: ['key-figures'] as const,
  list: (year: number) => ['key-figures', 'list', year] as const,
  benchmark: (year: number) => ['key-figures', 'benchmark', year] as const,
  ring: (networkId: string, year: number) => ['key-figures', 'ring', networkId, year] as const,
  network: (networkId: string) => ['key-figures', 'network', networkId] as const,
};

/**
 * The self-assessment of the maturity feature shows a network's own criteria and the council report the
 * benchmark: both are fetched again after a change here (its keys live under `maturity`).
 */
const maturityPrefix = ['maturity'] as const;

export type KeyFigureList = z.infer<typeof C.keyFigureList>;
export type KeyFigure = z.infer<typeof C.keyFigure>;
export type KeyFigureValue = KeyFigure['values'][number];
export type KeyFigureValueInput = z.input<typeof C.keyFigureValueInput>;
export type KeyFigureInput = z.input<typeof C.keyFigureInput>;
export type Benchmark = z.infer<typeof C.benchmark>;
export type BenchmarkFigure = z.infer<typeof C.benchmarkFigure>;
export type PeerGroup = z.infer<typeof C.peerGroup>;
export type RingView = z.infer<typeof C.ringView>;
export type RingFigure = RingView['figures'][number];
export type NetworkMaturity = z.infer<typeof C.networkMaturity>;
export type NetworkCriterion = z.infer<typeof C.networkCriterion>;
export type NetworkCriterionInput = z.input<typeof C.networkCriterionInput>;

/** The municipality's own key figures with their values (all years) and what the platform computes today. */
export const keyFiguresQuery = (year: number) =>
  queryOptions({
    queryKey: keyFigureKeys.list(year),
    queryFn: () => api<KeyFigureList>(`/maturity/key-figures?year=${year}`),
  });

/** The own position against the peer groups, per figure, with the trend over the years. */
export const benchmarkQuery = (year: number) =>
  queryOptions({
    queryKey: keyFigureKeys.benchmark(year),
    queryFn: () => api<Benchmark>(`/maturity/benchmark?year=${year}`),
  });

/** A network's ring: distributions without names; named values only for members of the open ring. */
export const ringQuery = (networkId: string, year: number) =>
  queryOptions({
    queryKey: keyFigureKeys.ring(networkId, year),
    queryFn: () => api<RingView>(`/maturity/networks/${encodeURIComponent(networkId)}/ring?year=${year}`),
  });

/** A network's own key figures and criteria (`can.manage` for its moderation). */
export const networkMaturityQuery = (networkId: string) =>
  queryOptions({
    queryKey: keyFigureKeys.network(networkId),
    queryFn: () => api<NetworkMaturity>(`/maturity/networks/${encodeURIComponent(networkId)}`),
  });

/** Where the own values (all figures × years) are downloaded as a German CSV or an XLSX workbook. */
export const keyFiguresExportUrl = (format: 'csv' | 'xlsx', year: number) =>
  `/api/v1/maturity/key-figures/export.${format}?year=${year}`;

/**
 * After a write: the answer goes into the cache under its key, every other query of the key figures (and of the
 * maturity feature) is fetched again.
 */
function useChanged() {
  const qc = useQueryClient();
  return async (put?: [readonly unknown[], unknown]) => {
    const keep = put ? JSON.stringify(put[0]) : null;
    if (put) qc.setQueryData(put[0], put[1]);
    await Promise.all([
      qc.invalidateQueries({ queryKey: keyFigureKeys.all, predicate: (q) => JSON.stringify(q.queryKey) !== keep }),
      qc.invalidateQueries({ queryKey: maturityPrefix }),
    ]);
  };
}

/** Enters, changes (`value`) or removes (`value: null`) a year's value; a stale `version` answers 409. */
export function useSaveKeyFigureValue() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ figureId, year, body }: { figureId: string; year: number; body: KeyFigureValueInput }) =>
      api<KeyFigureList>(`/maturity/key-figures/${encodeURIComponent(figureId)}/values/${year}`, {
        method: 'PUT',
        body,
      }),
    onSuccess: (list) => changed([keyFigureKeys.list(list.year), list]),
    // a stale version: the current values are fetched, so that the next attempt can save
    onError: () => changed(),
  });
}

/** Stores what the platform computes for `year` (origin "berechnet"); entered values stay. */
export function useComputeKeyFigures() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (year: number) =>
      api<KeyFigureList>('/maturity/key-figures/compute', { method: 'POST', body: { year } }),
    onSuccess: (list) => changed([keyFigureKeys.list(list.year), list]),
  });
}

/** Joins (`open: true`) or leaves the network's open ring: names are shown only among its members. */
export function useJoinRing(networkId: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (open: boolean) =>
      api<RingView>(`/maturity/networks/${encodeURIComponent(networkId)}/ring`, { method: 'PUT', body: { open } }),
    onSuccess: (ring) => changed([keyFigureKeys.ring(networkId, ring.year), ring]),
  });
}

/** A network's own key figure (moderation). */
export function useCreateNetworkFigure(networkId: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: KeyFigureInput) =>
      api<NetworkMaturity>(`/maturity/networks/${encodeURIComponent(networkId)}/key-figures`, {
        method: 'POST',
        body,
      }),
    onSuccess: (n) => changed([keyFigureKeys.network(networkId), n]),
  });
}

/** Changes a network's own key figure; a stale `version` answers 409. */
export function useUpdateNetworkFigure(networkId: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ figureId, version, figure }: { figureId: string; version: number; figure: KeyFigureInput }) =>
      api<NetworkMaturity>(
        `/maturity/networks/${encodeURIComponent(networkId)}/key-figures/${encodeURIComponent(figureId)}`,
        { method: 'PUT', body: { version, figure } },
      ),
    onSuccess: (n) => changed([keyFigureKeys.network(networkId), n]),
    onError: () => changed(),
  });
}

/** Archives a network's own key figure (its values stay stored, the figure is no longer asked for). */
export function useArchiveNetworkFigure(networkId: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (figureId: string) =>
      api<NetworkMaturity>(
        `/maturity/networks/${encodeURIComponent(networkId)}/key-figures/${encodeURIComponent(figureId)}`,
        { method: 'DELETE' },
      ),
    onSuccess: (n) => changed([keyFigureKeys.network(networkId), n]),
  });
}

/** A network's own criterion of the self-assessment (moderation). */
export function useAddNetworkCriterion(networkId: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: NetworkCriterionInput) =>
      api<NetworkMaturity>(`/maturity/networks/${encodeURIComponent(networkId)}/criteria`, {
        method: 'POST',
        body,
      }),
    onSuccess: (n) => changed([keyFigureKeys.network(networkId), n]),
  });
}

export function useRemoveNetworkCriterion(networkId: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (criterionId: string) =>
      api<NetworkMaturity>(
        `/maturity/networks/${encodeURIComponent(networkId)}/criteria/${encodeURIComponent(criterionId)}`,
        { method: 'DELETE' },
      ),
    onSuccess: (n) => changed([keyFigureKeys.network(networkId), n]),
  });
}
