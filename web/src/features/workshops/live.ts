import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useRefreshWorkshop, workshopQuery } from './queries';

export type { Workshop } from './queries';

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
  const q = useQuery(workshopQuery(id));
  // stable per id, so the stream is opened once
  useEventStream(q.data ? `/api/v1/workshops/${id}/events` : null, useRefreshWorkshop(id));
  return q;
}

/** Whether an agenda item's kind adds anything next to its title ("Impuls" next to "Impuls: …" does not). */
export function kindAddsToTitle(title: string, kindLabel: string): boolean {
  return !title.trim().toLocaleLowerCase('de').startsWith(kindLabel.toLocaleLowerCase('de'));
}
