import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Listen, pgliteListen, postgresListen } from '../lib/realtime.js';
import { pglitePreparedQuery, usePreparedStatements } from './prepared.js';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;

/** snake_case columns ↔ camelCase fields; keys inside JSON values (answers, definitions) stay as stored. */
const CAMEL_CASE = { maintainNestedObjectKeys: true };

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** Raw PGlite instance (only for the embedded database; used by backup and tests). */
  pglite?: PGlite;
  /** Connection figures for /metrics. */
  poolStats(): { total: number; idle: number; waiting: number };
  /** Statements sent since the database was opened (for /metrics; the bench derives statements per request). */
  statements(): number;
  /** LISTEN for notifications (live updates). */
  listen: Listen;
}

// DATE columns stay ISO strings ('2025-11-30') in both drivers, never local-midnight Dates.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v)); // int8 (count) as number; ids are UUIDs

/**
 * A one-connection "pool" over PGlite for Kysely's PostgresDialect. connect() waits until the
 * previous connection is released, so a transaction never interleaves with other requests.
 */
export function pglitePool(pgl: PGlite) {
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  const query = pglitePreparedQuery(pgl);
  const client = {
    async query(sqlText: string, params: unknown[] = []) {
      const r = await query(sqlText, params);
      const command = sqlText.trimStart().split(/\s+/, 1)[0]?.toUpperCase() ?? '';
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length, command };
    },
    release() {},
  };
  return {
    async connect() {
      let release!: () => void;
      const prev = tail;
      pending++;
      tail = new Promise<void>((r) => {
        release = r;
      });
      await prev;
      return {
        ...client,
        release: () => {
          pending--;
          release();
        },
      };
    },
    /** Connections held or waited for (1 = in use, more = queued). */
    waiting: () => pending,
    async end() {},
  };
}

/**
 * Kysely over a pool (pg's, or the one-connection PGlite pool) with the project's plugins, counting the
 * statements it executes through Kysely's log hook (called once per statement, successful or failed).
 */
function kyselyOver(pool: unknown): { db: Database; statements: () => number } {
  let statements = 0;
  const db = new Kysely<DB>({
    // biome-ignore lint/suspicious/noExplicitAny: the PGlite pool implements the subset PostgresDialect uses
    dialect: new PostgresDialect({ pool: pool as any }),
    plugins: [new CamelCasePlugin(CAMEL_CASE)],
    log: () => {
      statements++;
    },
  });
  return { db, statements: () => statements };
}

/** Kysely over an existing PGlite instance, with its statement count. */
export function kyselyOverPglite(pgl: PGlite) {
  return kyselyOver(pglitePool(pgl));
}

/**
 * shared_buffers for a one-off batch process on PGlite (the directory import CLI). PGlite touches all of
 * its shared buffers at start, so the default 128 MB is resident from the first moment; a batch that writes
 * each page about once gains little from them (opening the bench data: 366 → 197 MB RSS). Given on the
 * command line, never written to the data dir's postgresql.conf, so the server keeps its 128 MB.
 */
export const BATCH_SHARED_BUFFERS = '16MB';

/** Opens PGlite with the same type handling as the pg pool. */
export async function openPglite(dataDir?: string, opts: { sharedBuffers?: string } = {}): Promise<PGlite> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pgl = new PGlite(dataDir, {
    parsers: { [DATE_OID]: (v: string) => v, 20: (v: string) => Number(v) },
    ...(opts.sharedBuffers
      ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${opts.sharedBuffers}`] }
      : {}),
  });
  await pgl.waitReady;
  return pgl;
}

/**
 * The embedded database belongs to one process at a time (server, backup, restore, import):
 * a lock file with the owner's pid; a stale lock of a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'digitalzirkel.lock');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `Das Datenverzeichnis ${dataDir} wird gerade von Prozess ${pid} benutzt (läuft der Server noch?).`,
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (Number(fs.readFileSync(file, 'utf8')) === process.pid) fs.rmSync(file);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Connects to PostgreSQL when a URL is given, otherwise to PGlite persisted in DATA_DIR/pgdata. */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  searchPath?: string;
  /** PGlite only: see BATCH_SHARED_BUFFERS. */
  sharedBuffers?: string;
}): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
    });
    usePreparedStatements(pool);
    const { db, statements } = kyselyOver(pool);
    return {
      db,
      kind: 'postgres',
      close: () => db.destroy(),
      listen: postgresListen(opts.databaseUrl),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      statements,
    };
  }
  const releaseLock = lockDataDir(opts.dataDir);
  const pgl = await openPglite(path.join(opts.dataDir, 'pgdata'), { sharedBuffers: opts.sharedBuffers }).catch(
    (err) => {
      releaseLock();
      throw err;
    },
  );
  const pool = pglitePool(pgl);
  const { db, statements } = kyselyOver(pool);
  return {
    db,
    kind: 'pglite',
    pglite: pgl,
    listen: pgliteListen(pgl),
    poolStats: () => ({ total: 1, idle: pool.waiting() === 0 ? 1 : 0, waiting: Math.max(0, pool.waiting() - 1) }),
    statements,
    async close() {
      await db.destroy();
      await pgl.close();
      releaseLock();
    },
  };
}
