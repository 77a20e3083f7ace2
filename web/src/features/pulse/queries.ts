import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

/** Query keys of the pulse: one invalidation refreshes settings, rounds and the trend. */
export const pulseKeys = {
  all: ['pulse'] as const,
  overview: ['pulse', 'overview'] as const,
  trend: (groupBy: C.PulseGrouping) => ['pulse', 'trend', groupBy] as const,
};

export type PulseOverview = z.infer<typeof C.pulseOverview>;
export type PulseSettings = z.infer<typeof C.pulseSettings>;
export type PulseSettingsInput = z.input<typeof C.pulseSettingsUpdate>;
export type PulseTrend = z.infer<typeof C.pulseTrend>;

export const pulseQuery = () =>
  queryOptions({ queryKey: pulseKeys.overview, queryFn: () => api<PulseOverview>('/pulse') });

export const pulseTrendQuery = (groupBy: C.PulseGrouping) =>
  queryOptions({
    queryKey: pulseKeys.trend(groupBy),
    queryFn: () => api<PulseTrend>(`/pulse/trend?groupBy=${encodeURIComponent(groupBy)}`),
  });

function useChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: pulseKeys.all });
}

export function useSavePulseSettings() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: PulseSettingsInput) => api<PulseSettings>('/pulse/settings', { method: 'PUT', body }),
    onSettled: changed,
  });
}

export function useStartPulseRound() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (intro: string) =>
      api<{ id: string; surveyId: string }>('/pulse/rounds', { method: 'POST', body: { intro } }),
    onSettled: changed,
  });
}
