/**
 * The baseline: a bare Fastify JSON endpoint in its own process on the same machine.
 *
 * With BASELINE_DB=postgres (and DATABASE_URL) or BASELINE_DB=pglite it also answers /baseline/db with one
 * prepared statement through the driver — no session, no query builder, no response schema. That row is
 * the floor of every endpoint that reads the database once: what one round trip costs on this machine.
 */

import { pglitePreparedQuery } from '@dz/server/src/db/prepared.js';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';

type OneStatement = (n: number) => Promise<unknown[]>;

async function oneStatement(): Promise<OneStatement | null> {
  if (process.env.BASELINE_DB === 'postgres') {
    // the same pool size as the server's (src/db/database.ts)
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    return async (n) => (await pool.query({ name: 'baseline', text: 'SELECT $1::int AS n', values: [n] })).rows;
  }
  if (process.env.BASELINE_DB === 'pglite') {
    // named and prepared once, as the server sends its statements (PGlite's own query() parses every time)
    const query = pglitePreparedQuery(await PGlite.create());
    return async (n) => (await query('SELECT $1::int AS n', [n])).rows;
  }
  return null;
}

const app = Fastify({ logger: false });
app.get('/baseline', async () => ({ ok: true, items: [1, 2, 3] }));
const query = await oneStatement();
if (query) app.get('/baseline/db', async () => ({ ok: true, items: await query(1) }));
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`${(app.server.address() as { port: number }).port}\n`);
