import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import { runRetention } from '../modules/privacy/retention.service.js';
import { scheduleJob } from './schedule.js';

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
  return scheduleJob(
    log,
    {
      failed: 'retention job failed',
      task: async () => {
        const r = await runRetention(db);
        if (r.surveys || r.workshops) log.info(r, 'retention: raw survey answers and participant names removed');
      },
    },
    {
      firstRunMs: opts.firstRunMs ?? RETENTION_FIRST_RUN_MS,
      intervalMs: opts.intervalMs ?? RETENTION_INTERVAL_MS,
    },
  );
}
