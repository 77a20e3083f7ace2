import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import { type Database, kyselyOverPglite, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { type Listen, pgliteListen } from '../src/lib/realtime.js';

/** The PostgreSQL pass runs with DZ_TEST_DB=postgres; it fails loudly without TEST_DATABASE_URL. */
export function testDatabaseUrl(): string | undefined {
  if (process.env.DZ_TEST_DB !== 'postgres') return undefined;
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('DZ_TEST_DB=postgres needs TEST_DATABASE_URL');
  return url;
}

export interface TestContext {
  app: FastifyInstance;
  db: Database;
  config: Config;
  kind: 'pglite' | 'postgres';
  outbox: string;
  /** LISTEN on the same database (a second app instance in tests). */
  listen: Listen;
  /** Statements sent through `db` since it was opened. */
  statements(): number;
  /** Another app instance on the same database (own pool and listener on PostgreSQL); closed with this one. */
  secondInstance(overrides?: Partial<Config>): Promise<{ app: FastifyInstance; db: Database; statements(): number }>;
  close(): Promise<void>;
}

/**
 * A fresh application on its own database: a copy of the migrated PGlite template, or — when
 * TEST_DATABASE_URL is set — a new schema on the PostgreSQL server (same migrations).
 */
export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: 'false' } as NodeJS.ProcessEnv, {
    rateLimitMax: 100_000,
    authRateLimitMax: 100_000,
    ...overrides,
  });
  let db: Database;
  let closeDb: () => Promise<void>;
  let kind: TestContext['kind'];
  let listen: Listen;
  let statements: () => number;
  let openSecond: () => Promise<{ db: Database; listen: Listen; statements: () => number; close(): Promise<void> }>;
  const url = testDatabaseUrl();
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const handle = await openDatabase({ databaseUrl: url, dataDir, searchPath: schema });
    await migrateToLatest(handle.db, schema);
    db = handle.db;
    listen = handle.listen;
    statements = handle.statements;
    kind = 'postgres';
    openSecond = async () => {
      const h = await openDatabase({ databaseUrl: url, dataDir, searchPath: schema });
      return { db: h.db, listen: h.listen, statements: h.statements, close: () => h.close() };
    };
    // schemas are dropped at the start of the next run (global setup), not here: dropping one while
    // another test file's migrator introspects the catalog makes that migration fail
    closeDb = () => handle.close();
  } else {
    const template = process.env.DZ_PGLITE_TEMPLATE;
    if (!template) throw new Error('PGlite template missing: run the tests through vitest (globalSetup)');
    const pgl = new PGlite({
      loadDataDir: new Blob([fs.readFileSync(template)]),
      parsers: { 1082: (v: string) => v, 20: (v: string) => Number(v) },
    });
    await pgl.waitReady;
    ({ db, statements } = kyselyOverPglite(pgl));
    listen = pgliteListen(pgl);
    kind = 'pglite';
    // one embedded database per process: the second instance shares its one-connection pool (so transactions
    // of the two never interleave) and gets notifications through its own listener
    openSecond = async () => ({ db, listen: pgliteListen(pgl), statements, close: async () => {} });
    closeDb = async () => {
      await pgl.close();
    };
  }
  const app = await buildApp({ config, db, logger: false, listen, statements });
  await app.ready();
  deliverers.set(path.join(dataDir, 'outbox'), async () => {
    await app.detached.settled();
    await app.outbox.drain();
  });
  const seconds: (() => Promise<void>)[] = [];
  return {
    app,
    db,
    config,
    kind,
    listen,
    statements,
    async secondInstance(over = {}) {
      const h = await openSecond();
      const app2 = await buildApp({ config: { ...config, ...over }, db: h.db, logger: false, listen: h.listen });
      await app2.ready();
      seconds.push(async () => {
        await app2.close();
        await h.close();
      });
      return { app: app2, db: h.db, statements: h.statements };
    },
    outbox: path.join(dataDir, 'outbox'),
    async close() {
      deliverers.delete(path.join(dataDir, 'outbox'));
      for (const c of seconds) await c();
      await app.close();
      await closeDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An HTTP client bound to one session (cookie + CSRF token), driving the app through inject. */
export interface Client {
  cookie: string;
  csrf: string;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'dz_session');
  if (!c) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return `dz_session=${c.value}`;
}

export async function clientFromCookie(app: FastifyInstance, cookie: string): Promise<Client> {
  const s = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
  const csrf = s.statusCode === 200 ? (s.json().csrfToken as string) : '';
  const inject = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  return {
    cookie,
    csrf,
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, body) => inject({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body) => inject({ method: 'PATCH', url, payload: body as object }),
    put: (url, body) => inject({ method: 'PUT', url, payload: body as object }),
    del: (url) => inject({ method: 'DELETE', url }),
  };
}

export async function login(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  return clientFromCookie(app, sessionCookie(res));
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** Mails leave through the outbox table after the answer: the readers below deliver what is due first. */
const deliverers = new Map<string, () => Promise<void>>();

/** Delivers every queued mail of the context whose DATA_DIR/outbox this is, then lists the .eml files. */
export async function outboxFiles(outbox: string): Promise<string[]> {
  await deliverers.get(outbox)?.();
  return fs.existsSync(outbox) ? fs.readdirSync(outbox).sort() : [];
}

/** Reads the newest mail to an address from DATA_DIR/outbox and returns the first link in it. */
export async function lastMailLink(outbox: string, to: string): Promise<{ text: string; link: string }> {
  const files = await outboxFiles(outbox);
  for (const f of files.reverse()) {
    const raw = fs.readFileSync(path.join(outbox, f), 'utf8');
    if (!new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}`, 'mi').test(raw)) continue;
    const text = decodeMail(raw);
    const link = /https?:\/\/\S+token=[\w-]+/.exec(text)?.[0];
    if (link) return { text, link };
  }
  throw new Error(`no mail with a link to ${to}`);
}

/** Decodes quoted-printable bodies enough to find links and words. */
/** Quoted-printable undone; the bytes read as UTF-8 (umlauts and quotes as written). */
function decodeMail(raw: string): string {
  const latin = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
  return Buffer.from(latin, 'latin1').toString('utf8');
}

/** A multipart/form-data body with one file in the field "file" (for app.inject). */
export function multipart(name: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----dztest';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Decoded texts (headers and body) of all mails to an address in DATA_DIR/outbox, oldest first. */
export async function mailTexts(outbox: string, to: string): Promise<string[]> {
  const files = await outboxFiles(outbox);
  return files
    .map((f) => fs.readFileSync(path.join(outbox, f), 'utf8'))
    .filter((raw) => new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}`, 'mi').test(raw))
    .map(decodeMail);
}
