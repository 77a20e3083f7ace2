import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../src/demo/demo-data.js';
import { testDatabaseUrl } from './helpers.js';
import { startServerProcess } from './server-process.js';

/**
 * Crash safety: the real server on its own database, a burst of writes, SIGKILL in the middle, restart
 * on the same data — every write that was answered 2xx must be there and the database must open cleanly.
 * PGlite pass: DATA_DIR; PostgreSQL pass: a fresh database on TEST_DATABASE_URL (the app is killed, not the DB).
 */
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

async function start(env: Record<string, string>) {
  const started = await startServerProcess({
    ...env,
    DEMO: 'true',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_WRITES: '100000',
    RATE_LIMIT_AUTH: '1000',
  });
  children.push(started.child);
  return started;
}

async function session(base: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail('hauptamt.ploen'), password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const s = (await (await fetch(`${base}/api/v1/auth/session`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  return { cookie, csrf: s.csrfToken as string };
}

async function burstAndKill(env: Record<string, string>) {
  const first = await start(env);
  const { cookie, csrf } = await session(first.base);
  const acknowledged: string[] = [];
  let sent = 0;
  const worker = async () => {
    for (;;) {
      const name = `Absturztest ${sent++} ${randomBytes(3).toString('hex')}`;
      try {
        const res = await fetch(`${first.base}/api/v1/departments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
          body: JSON.stringify({ name }),
        });
        if (res.ok) acknowledged.push(name);
      } catch {
        return; // the server is gone
      }
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 10));
  first.child.kill('SIGKILL');
  await Promise.all(workers);
  expect(acknowledged.length).toBeGreaterThanOrEqual(40);

  const second = await start(env);
  const s2 = await session(second.base);
  const list = (await (
    await fetch(`${second.base}/api/v1/departments`, { headers: { cookie: s2.cookie } })
  ).json()) as {
    items: { name: string }[];
  };
  const names = new Set(list.items.map((d: { name: string }) => d.name));
  expect(acknowledged.filter((n) => !names.has(n))).toEqual([]);
  second.child.kill('SIGTERM');
  if (second.child.exitCode === null) await new Promise((r) => second.child.once('exit', r));
}

/**
 * Drops the throw-away database. An autovacuum worker that happens to be analysing it cannot be terminated
 * by a non-superuser (SQLSTATE 42501), so the drop waits for it and tries again.
 */
async function dropDatabase(url: string, dbName: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '42501' || attempt === 20) throw err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await c.end();
  }
}

describe('crash safety', () => {
  it('keeps every acknowledged write after SIGKILL and restarts cleanly', async () => {
    const url = testDatabaseUrl();
    if (url) {
      const dbName = `dz_crash_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const u = new URL(url);
      u.pathname = `/${dbName}`;
      try {
        await burstAndKill({
          DATABASE_URL: u.toString(),
          DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'dz-crash-')),
        });
      } finally {
        await dropDatabase(url, dbName);
      }
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-crash-'));
      try {
        await burstAndKill({ DATA_DIR: dir });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 180_000);
});
