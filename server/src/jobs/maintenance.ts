import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { scheduleJob } from './schedule.js';

/** Every six hours; the first run a few minutes after start, once demo data and first requests are through. */
export const MAINTENANCE_INTERVAL_MS = 6 * 3600_000;
export const MAINTENANCE_FIRST_RUN_MS = 5 * 60_000;

/** Removes dead rows and refreshes the planner's statistics of every table. */
export async function vacuumAnalyze(db: Database) {
  await sql`VACUUM (ANALYZE)`.execute(db);
}

/**
 * Database upkeep for the embedded PGlite. It runs PostgreSQL as a single-user backend, where autovacuum never
 * starts: without this job, dead row versions (every edit, every session touch) would pile up and the planner
 * would never get statistics. Runs through the one connection, so requests wait for it; on one municipality's
 * data it takes well under a second. A PostgreSQL server runs its own autovacuum and needs none of this.
 */
export function scheduleMaintenance(
  db: Database,
  log: FastifyBaseLogger,
  opts: { firstRunMs?: number; intervalMs?: number } = {},
) {
  return scheduleJob(
    log,
    {
      failed: 'database maintenance failed',
      task: async () => {
        const started = Date.now();
        await vacuumAnalyze(db);
        log.info({ ms: Date.now() - started }, 'database maintenance (VACUUM ANALYZE) done');
      },
    },
    {
      firstRunMs: opts.firstRunMs ?? MAINTENANCE_FIRST_RUN_MS,
      intervalMs: opts.intervalMs ?? MAINTENANCE_INTERVAL_MS,
    },
  );
}
