import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import { runRetention } from '../modules/privacy/retention.service.js';

/** Every six hours (periods are months and days); the first run ten minutes after start. */
export const RETENTION_INTERVAL_MS = 6 * 3600_000;
export const RETENTION_FIRST_RUN_MS = 10 * 60_000;

/**
 * The retention job: deletes what the municipalities' retention periods say is due (modules/privacy/
 * retention.service.ts), each deletion logged in `retention_log` and the audit trail. Several instances may run it
 * at once: every deletion claims its rows in its own transaction.
 */
export function scheduleRetention(
  db: Database,
  log: FastifyBaseLogger,
  opts: { firstRunMs?: number; intervalMs?: number } = {},
) {
  let current: Promise<void> | null = null;
  const run = () => {
    current ??= (async () => {
      try {
        const r = await runRetention(db);
        if (r.surveys || r.workshops) log.info(r, 'retention: raw survey answers and participant names removed');
      } catch (err) {
        log.error({ err }, 'retention job failed');
      } finally {
        current = null;
      }
    })();
    return current;
  };
  const first = setTimeout(run, opts.firstRunMs ?? RETENTION_FIRST_RUN_MS);
  const every = setInterval(run, opts.intervalMs ?? RETENTION_INTERVAL_MS);
  first.unref();
  every.unref();
  return {
    run,
    /** Stops the schedule and waits for a run in progress (before the database is closed). */
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await current;
    },
  };
}
