import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PREPARED_PER_CONNECTION, pglitePreparedQuery, usePreparedStatements } from './prepared.js';

/**
 * Named prepared statements (prepared.ts), the same behaviour on both engines: the embedded PGlite always,
 * a PostgreSQL server wherever one is configured (in CI in both passes).
 */
const url = process.env.TEST_DATABASE_URL;
if (!url && process.env.CI) throw new Error('CI must set TEST_DATABASE_URL');

type Run = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
interface Engine {
  run: Run;
  close(): Promise<void>;
}

/** PGlite in memory, queried the way pglitePool queries it. */
async function pglite(): Promise<Engine> {
  const pgl = new PGlite();
  await pgl.waitReady;
  const query = pglitePreparedQuery(pgl);
  return {
    run: async (text, params = []) => (await query(text, params)).rows as Record<string, unknown>[],
    close: () => pgl.close(),
  };
}

/** One pooled connection, queried the way Kysely queries it (connect, then query). */
async function postgres(): Promise<Engine> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  usePreparedStatements(pool);
  const client = await pool.connect();
  return {
    run: async (text, params = []) => (await client.query(text, params)).rows,
    async close() {
      client.release();
      await pool.end();
    },
  };
}

const engines: [string, () => Promise<Engine>][] = [['PGlite', pglite]];
if (url) engines.push(['PostgreSQL', postgres]);

let open: Engine | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe.each(engines)('prepared statements on %s', (_name, connect) => {
  const start = async () => {
    open = await connect();
    return open.run;
  };
  const preparedTexts = async (run: Run) =>
    (await run('select statement from pg_prepared_statements order by statement')).map((r) => r.statement);

  it('plans each parameterised data statement once per connection and answers like before', async () => {
    const run = await start();
    for (const n of [1, 2, 3]) expect(await run('select $1::int + 1 as n', [n])).toEqual([{ n: n + 1 }]);
    expect(await run('select 1 as one')).toEqual([{ one: 1 }]);
    expect(await run('with x as (select $1::text as v) select v from x', ['Bürgerbüro'])).toEqual([
      { v: 'Bürgerbüro' },
    ]);
    expect(await run('select $1::int as a, $2::text as b', [null, 'x'])).toEqual([{ a: null, b: 'x' }]);
    expect(await preparedTexts(run)).toEqual([
      'select $1::int + 1 as n',
      'select $1::int as a, $2::text as b',
      'with x as (select $1::text as v) select v from x',
    ]);
  });

  it('never prepares DDL or text without parameters, keeps errors, and goes on after one', async () => {
    const run = await start();
    await run('create temp table prep_ddl (id int primary key, at timestamptz, tags text[], doc jsonb)');
    const at = new Date('2026-11-27T10:00:00Z');
    await run('insert into prep_ddl values ($1, $2, $3, $4)', [1, at, ['a', 'b'], { k: 'ä' }]);
    await expect(run('insert into prep_ddl values ($1, $2, $3, $4)', [1, at, [], {}])).rejects.toMatchObject({
      code: '23505',
    });
    await expect(run('select * from prep_missing where id = $1', [1])).rejects.toMatchObject({ code: '42P01' });
    expect(await run('select * from prep_ddl where id = $1', [1])).toEqual([
      { id: 1, at, tags: ['a', 'b'], doc: { k: 'ä' } },
    ]);
    expect(await preparedTexts(run)).toEqual([
      'insert into prep_ddl values ($1, $2, $3, $4)',
      'select * from prep_ddl where id = $1',
    ]);
  });

  it('prepares at most the cap per connection and sends the rest unnamed', async () => {
    const run = await start();
    for (let i = 0; i < MAX_PREPARED_PER_CONNECTION + 5; i++) {
      expect(await run(`select $1::int as v${i}`, [i])).toEqual([{ [`v${i}`]: i }]);
    }
    expect((await preparedTexts(run)).length).toBe(MAX_PREPARED_PER_CONNECTION);
  });

  it('answers with the new columns after a schema change instead of failing', async () => {
    const run = await start();
    await run('create temp table prep_change (id int)');
    await run('insert into prep_change values ($1)', [7]);
    expect(await run('select * from prep_change where id = $1', [7])).toEqual([{ id: 7 }]);
    await run(`alter table prep_change add column label text default 'neu'`);
    expect(await run('select * from prep_change where id = $1', [7])).toEqual([{ id: 7, label: 'neu' }]);
    expect(await run('select * from prep_change where id = $1', [7])).toEqual([{ id: 7, label: 'neu' }]);
  });

  it('keeps transactions: a rolled back prepared write is gone, a committed one stays', async () => {
    const run = await start();
    await run('create temp table prep_tx (id int)');
    await run('begin');
    await run('insert into prep_tx values ($1)', [1]);
    await run('rollback');
    await run('begin');
    await run('insert into prep_tx values ($1)', [2]);
    await run('commit');
    expect(await run('select id from prep_tx where id > $1', [0])).toEqual([{ id: 2 }]);
  });
});
