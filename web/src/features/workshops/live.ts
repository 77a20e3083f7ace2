import type { workshopDetail } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type Workshop = z.infer<typeof workshopDetail>;

/** Re-runs `onUpdate` on every server-sent "update" event; EventSource reconnects by itself. */
export function useEventStream(url: string | null, onUpdate: () => void) {
  useEffect(() => {
    if (!url) return;
    const es = new EventSource(url);
    es.addEventListener('update', onUpdate);
    return () => es.close();
  }, [url, onUpdate]);
}

/** A workshop, kept current by its event stream (other moderators, participants' ideas and dots). */
export function useWorkshop(id: string) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['workshop', id], queryFn: () => api<Workshop>(`/workshops/${id}`) });
  useEventStream(
    q.data ? `/api/v1/workshops/${id}/events` : null,
    // stable per id, so the stream is opened once
    useCallback(() => void qc.invalidateQueries({ queryKey: ['workshop', id] }), [qc, id]),
  );
  return q;
}

export async function saveWorkshop(id: string, path: string, method: string, body?: unknown): Promise<Workshop> {
  return api<Workshop>(`/workshops/${id}${path}`, { method, ...(body === undefined ? {} : { body }) });
}

/** Whether an agenda item's kind adds anything next to its title ("Impuls" next to "Impuls: …" does not). */
export function kindAddsToTitle(title: string, kindLabel: string): boolean {
  return !title.trim().toLocaleLowerCase('de').startsWith(kindLabel.toLocaleLowerCase('de'));
}
