/**
 * Where one PostgreSQL reaches its limits (`npm run bench` with BENCH_SCALE_DATABASE_URL): the national read
 * endpoints on data sets growing in steps — projects nationwide (with three milestones each) and projects
 * published to the exchange — each step built fresh in that database (it is wiped: never point it at real
 * data), then 50 connections against the endpoints whose cost grows with these rows. The first step at which
 * an endpoint misses its p99 goes into bench/results.md and the README ("Mehrere Instanzen").
 */
import { openDatabase } from '@dz/server/src/db/database.js';
import { migrateToLatest } from '@dz/server/src/db/migrate.js';
import { startServerProcess } from '@dz/server/test/server-process.js';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { buildDataSet } from './data.js';
import { BENCH_EMAIL, BENCH_PASSWORD, PGLITE_DIR, writeSection } from './lib.js';

const url = process.env.BENCH_SCALE_DATABASE_URL;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const STEPS = [
  { projects: 50_000, published: 20_000 },
  { projects: 200_000, published: 80_000 },
  { projects: 500_000, published: 200_000 },
];
const SCENARIOS: [string, string, number][] = [
  ['Projektbörse: Volltext „Bauhöfe“ mit Facetten', `/api/v1/exchange?q=${encodeURIComponent('Bauhöfe')}`, 250],
  ['Projektbörse: Volltext mit Filtern (Land, Stand)', '/api/v1/exchange?q=Terminvergabe&land=09&stage=completed', 250],
  ['Zeitleiste 2026 (400 Projekte der Kommune)', '/api/v1/timeline?from=2026-01-01&to=2026-12-31', 250],
  ['Dashboard', '/api/v1/dashboard', 100],
];

function load(target: string, cookie: string) {
  return new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url: target, connections: 50, duration: DURATION, headers: { cookie } }, (err, res) =>
      err ? reject(err) : resolve(res),
    ),
  );
}

async function step(size: (typeof STEPS)[number]) {
  const h = await openDatabase({ databaseUrl: url, dataDir: PGLITE_DIR });
  await sql`DROP SCHEMA IF EXISTS public CASCADE`.execute(h.db);
  await sql`CREATE SCHEMA public`.execute(h.db);
  await migrateToLatest(h.db);
  await buildDataSet(h.db, {
    tenants: 2000,
    networks: 300,
    usersPer: 5,
    auditPer: 10,
    respondents: 0,
    projects: size.projects,
    published: size.published,
  });
  const bytes = await sql<{ n: string }>`SELECT pg_database_size(current_database())::text AS n`.execute(h.db);
  await h.close();
  const { child, base } = await startServerProcess({
    DATABASE_URL: url!,
    DATA_DIR: PGLITE_DIR,
    DEMO: 'false',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_WRITES: '1000000',
    RATE_LIMIT_AUTH: '1000',
  });
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const rows: { name: string; rps: number; p99: number; limit: number }[] = [];
    for (const [name, path, limit] of SCENARIOS) {
      const r = await load(`${base}${path}`, cookie);
      rows.push({ name, rps: r.requests.average, p99: r.latency.p99, limit });
      console.log(size, name, r.requests.average, r.latency.p99);
    }
    return { size, gb: Number(bytes.rows[0]!.n) / 1e9, rows };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

if (!url) {
  console.log('scale bench skipped: set BENCH_SCALE_DATABASE_URL to a scratch PostgreSQL database');
} else {
  const results = [];
  for (const s of STEPS) results.push(await step(s));
  const fmt = (n: number) => n.toLocaleString('en');
  const lines = results.flatMap((r) =>
    r.rows.map(
      (x) =>
        `| ${fmt(r.size.projects)} | ${fmt(r.size.published)} | ${r.gb.toFixed(1)} GB | ${x.name} | ${x.rps.toFixed(0)} | ${x.p99} ms | ≤ ${x.limit} ms | ${x.p99 <= x.limit ? 'met' : 'missed'} |`,
    ),
  );
  writeSection(
    'scale',
    [
      `## Limits of one PostgreSQL (50 connections, ${DURATION} s each; ${new Date().toISOString()})`,
      '',
      'Each step is a fresh data set (all 10,751 municipalities, 2,000 using the platform with 5 accounts each,',
      '300 networks): projects nationwide with three milestones each, and projects published to the exchange.',
      'The same machine and PostgreSQL as the load bench (two cores shared with the load generator and the app).',
      '',
      '| projects | published | database size | scenario | req/s | p99 | target | |',
      '|---|---|---|---|---|---|---|---|',
      ...lines,
    ].join('\n'),
  );
}
