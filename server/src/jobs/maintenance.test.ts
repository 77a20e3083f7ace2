import { PGlite } from '@electric-sql/pglite';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kyselyOverPglite } from '../db/database.js';
import { scheduleMaintenance } from './maintenance.js';

let pgl: PGlite | undefined;
afterEach(async () => {
  if (pgl && !pgl.closed) await pgl.close();
  pgl = undefined;
});

function fakeLog() {
  return { info: vi.fn(), error: vi.fn() } as unknown as FastifyBaseLogger & {
    info: ReturnType<typeof vi.fn>;
    error: ReturnType<typeof vi.fn>;
  };
}

async function embedded() {
  pgl = new PGlite();
  await pgl.waitReady;
  const { db } = kyselyOverPglite(pgl);
  await sql`create table upkeep (id int primary key, v int)`.execute(db);
  await sql`insert into upkeep select g, 0 from generate_series(1, 2000) g`.execute(db);
  await sql`update upkeep set v = 1`.execute(db); // 2,000 dead row versions
  return db;
}

const tableStats = async (p: PGlite) =>
  (
    await p.query<{ vacuumed: boolean; analyzed: boolean; tuples: number }>(
      `select s.last_vacuum is not null as vacuumed, s.last_analyze is not null as analyzed, c.reltuples::int as tuples
       from pg_stat_user_tables s join pg_class c on c.oid = s.relid where s.relname = 'upkeep'`,
    )
  ).rows[0];

describe('database upkeep of the embedded PGlite (no autovacuum there)', () => {
  it('vacuums and analyzes on schedule, one run at a time, and waits for it when stopped', async () => {
    const db = await embedded();
    expect(await tableStats(pgl!)).toEqual({ vacuumed: false, analyzed: false, tuples: -1 });
    const log = fakeLog();
    const upkeep = scheduleMaintenance(db, log, { firstRunMs: 5, intervalMs: 3_600_000 });
    await vi.waitFor(() => expect(log.info).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(log.info.mock.calls[0]![1]).toBe('database maintenance (VACUUM ANALYZE) done');
    expect(await tableStats(pgl!)).toEqual({ vacuumed: true, analyzed: true, tuples: 2000 });
    // a run asked for while one is going joins it instead of starting a second VACUUM
    const [a, b] = [upkeep.run(), upkeep.run()];
    expect(a).toBe(b);
    await a;
    expect(log.info).toHaveBeenCalledTimes(2);
    const third = upkeep.run();
    await upkeep.stop();
    await expect(third).resolves.toBeUndefined();
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs a failed run and keeps the server going', async () => {
    const db = await embedded();
    await pgl!.close();
    const log = fakeLog();
    const upkeep = scheduleMaintenance(db, log, { firstRunMs: 3_600_000 });
    await expect(upkeep.run()).resolves.toBeUndefined();
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]![1]).toBe('database maintenance failed');
    await upkeep.stop();
  });
});
