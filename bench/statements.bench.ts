/**
 * Monthly statements of a shared service (`npm run bench`, issue 19): 50 partners, 100,000 work orders over
 * twelve months with their completion, time and material entries and a few corrections of closed months. The
 * statement as the app answers it (GET …/statements?month, the lead's coordination, through app.inject) against
 * the bare SQL reference of the same run and database: the one aggregate over the month's entries alone. Target:
 * within 2 × the reference. Also closing a month.
 * PGlite in a fresh temporary directory; PostgreSQL (BENCH_DATABASE_URL) in its own schema `bench_statements`,
 * dropped before and after, so the data of the other benches stays untouched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_STAFF_RATES } from '@dz/core';
import { buildApp } from '@dz/server/src/app.js';
import { loadConfig } from '@dz/server/src/config.js';
import { openDatabase } from '@dz/server/src/db/database.js';
import { migrateToLatest } from '@dz/server/src/db/migrate.js';
import { buildMunicipality, buildUser } from '@dz/server/test/factories.js';
import { login } from '@dz/server/test/helpers.js';
import { sql } from 'kysely';
import { writeSection } from './lib.js';

const PARTNERS = 50;
const ORDERS = 100_000;
const MONTHS = 12;
const RUNS = 11;
const SCHEMA = 'bench_statements';
const TARGET = 2;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/**
 * Median milliseconds of each function, run in turns (after 2 warm-up rounds), so that a busy moment of the
 * shared machine falls on all of them alike rather than on one.
 */
async function timeInTurns(fns: (() => Promise<unknown>)[], runs = RUNS) {
  const ms = fns.map(() => [] as number[]);
  for (let i = 0; i < runs + 2; i++) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      if (i >= 2) ms[k]!.push(performance.now() - t);
    }
  }
  return ms.map(median);
}

/** YYYY-MM of the month `delta` months from the current one (UTC). */
function monthFromNow(delta: number) {
  const d = new Date();
  const x = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + delta, 1));
  return x.toISOString().slice(0, 7);
}

const statusQuo = (orders: number) => ({
  staff: [{ payGroup: 'EG 5', fte: 1.5 }],
  assets: [{ label: 'Unimog', purchaseCents: 12_000_000, depreciationYears: 10, runningCentsPerYear: 800_000 }],
  materialCents: 2_000_000,
  otherCents: 500_000,
  volumes: { work_orders: orders },
  serviceLevel: 'Winterdienst bis 7 Uhr',
});
const target = {
  staff: [{ payGroup: 'EG 5', fte: 60 }],
  assets: [{ label: 'Unimog', purchaseCents: 18_000_000, depreciationYears: 10, runningCentsPerYear: 800_000 }],
  fixedCents: 5_000_000,
  variableCentsPerUnit: { work_orders: 2_000, hours: 1_500 },
  transitionCents: 3_000_000,
  location: 'Bauhof',
};

type Kind = 'PGlite' | 'PostgreSQL';

async function measure(kind: Kind) {
  const url = kind === 'PostgreSQL' ? process.env.BENCH_DATABASE_URL : undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-bench-statements-'));
  const h = await openDatabase({ databaseUrl: url, dataDir, ...(url ? { searchPath: SCHEMA } : {}) });
  const db = h.db;
  if (url) {
    await sql`DROP SCHEMA IF EXISTS ${sql.id(SCHEMA)} CASCADE`.execute(db);
    await sql`CREATE SCHEMA ${sql.id(SCHEMA)}`.execute(db);
  }
  await migrateToLatest(db, url ? SCHEMA : undefined);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: 'false' } as NodeJS.ProcessEnv, {
    rateLimitMax: 1_000_000,
    authRateLimitMax: 1_000_000,
  });
  const app = await buildApp({ config, db, logger: false, listen: h.listen, statements: h.statements });
  await app.ready();
  try {
    const t0 = performance.now();
    // 50 municipalities, the lead's coordination, one team member per partner
    const towns = [];
    for (let i = 0; i < PARTNERS; i++)
      towns.push(
        await buildMunicipality(db, { name: `Partnergemeinde ${i + 1}`, population: 800 + ((i * 397) % 9_000) }),
      );
    const lead = await buildUser(db, { municipalityId: towns[0]!.id, role: 'coordinator' });
    const team: { id: string; town: string }[] = [];
    for (const t of towns)
      team.push({ id: (await buildUser(db, { municipalityId: t.id, role: 'staff' })).id, town: t.id });
    const client = await login(app, lead.email);
    const base = '/api/v1/shared-services/studies';
    const created = await client.post(base, {
      title: 'Gemeinsamer Bauhof',
      serviceKey: 'bauhof',
      partnerIds: towns.slice(1).map((t) => t.id),
    });
    if (created.statusCode !== 201) throw new Error(`study: ${created.body}`);
    const id = created.json().id as string;
    // every partner accepted and entered its status quo, volumes differing (set-based: 50 answers through the API
    // measure nothing this bench is about)
    await sql`UPDATE service_study_partners SET status = 'accepted', status_quo_version = 1,
      status_quo = ${JSON.stringify(statusQuo(0))}::jsonb
        || jsonb_build_object('volumes', jsonb_build_object('work_orders', 500 + position * 60))
      WHERE study_id = ${id}`.execute(db);
    const version = (await client.get(`${base}/${id}`)).json().version as number;
    const upd = await client.put(`${base}/${id}`, {
      version,
      title: 'Gemeinsamer Bauhof',
      target,
      allocation: { key: 'population', unit: 'work_orders', baseShare: 0.3 },
      vatTaxable: false,
      hoursPerFte: 1_600,
      discountRate: 0.009,
      horizonYears: 5,
    });
    if (upd.statusCode !== 200) throw new Error(`study update: ${upd.body}`);
    const liveFrom = monthFromNow(-MONTHS);
    const agreed = await client.post(`${base}/${id}/advance`, { version: upd.json().version, status: 'agreed' });
    if (agreed.statusCode !== 200) throw new Error(`agreed: ${agreed.body}`);
    const live = await client.post(`${base}/${id}/advance`, {
      version: agreed.json().version,
      status: 'live',
      liveFrom,
    });
    if (live.statusCode !== 200) throw new Error(`live: ${live.body}`);
    await db
      .insertInto('serviceTeam')
      .values(team.map((m) => ({ studyId: id, userId: m.id, municipalityId: m.town, payGroup: 'EG 5' })))
      .execute();
    // 100,000 orders over twelve months, 95 % done, spread evenly over the partners
    const start = `${liveFrom}-01`;
    const ids = sql.raw(`ARRAY[${towns.map((t) => `'${t.id}'::uuid`).join(',')}]`);
    const users = sql.raw(`ARRAY[${team.map((m) => `'${m.id}'::uuid`).join(',')}]`);
    const rate = DEFAULT_STAFF_RATES.find((r) => r.payGroup === 'EG 5')!.centsPerHour;
    await sql`CREATE TEMP TABLE bench_orders AS
      SELECT gen_random_uuid() AS id, i,
        1 + ((i * 7919) % ${PARTNERS}) AS p,
        (${start}::date + (i::bigint * ${MONTHS * 30} / ${ORDERS})::int) AS day
      FROM generate_series(1, ${ORDERS}) AS i`.execute(db);
    await sql`INSERT INTO service_work_orders (id, study_id, municipality_id, number, type, title, priority, status,
        created_at, updated_at, done_at)
      SELECT o.id, ${id}, (${ids})[o.p], o.i, 'repair', 'Auftrag ' || o.i,
        (ARRAY['low','normal','high','urgent'])[1 + o.i % 4],
        CASE WHEN o.i % 20 = 0 THEN 'new' ELSE 'done' END,
        o.day, o.day, CASE WHEN o.i % 20 = 0 THEN NULL ELSE o.day + interval '1 day' END
      FROM bench_orders o`.execute(db);
    await sql`UPDATE service_studies SET order_seq = ${ORDERS} WHERE id = ${id}`.execute(db);
    // one completion per done order, 1–3 time entries, material on every third; 1 % of the time entries were
    // recorded two months late: billed in a later month as a correction of their own (closed) month
    await sql`INSERT INTO service_work_entries (id, study_id, order_id, municipality_id, kind, user_id, person, pay_group,
        minutes, label, quantity, cents, worked_on, billed_month, correction_of)
      SELECT gen_random_uuid(), ${id}, o.id, (${ids})[o.p], e.kind,
        CASE WHEN e.kind = 'time' THEN (${users})[o.p] END, NULL,
        CASE WHEN e.kind = 'time' THEN 'EG 5' END,
        e.minutes, CASE WHEN e.kind = 'material' THEN 'Schotter' END,
        CASE WHEN e.kind = 'material' THEN 2 END,
        CASE WHEN e.kind = 'time' THEN round(e.minutes * ${rate}::numeric / 60)::bigint
             WHEN e.kind = 'material' THEN 500 + (o.i * 37) % 20000 ELSE 0 END,
        o.day,
        to_char(CASE WHEN e.late THEN o.day + interval '2 months' ELSE o.day END, 'YYYY-MM'),
        CASE WHEN e.late THEN to_char(o.day, 'YYYY-MM') END
      FROM bench_orders o
      CROSS JOIN LATERAL (
        SELECT 'completion' AS kind, 0 AS minutes, false AS late
        UNION ALL
        SELECT 'time', 15 + ((o.i * 31 + n * 17) % 16) * 15,
          (o.i / 7 + n) % 100 = 0 AND o.day < ${start}::date + interval '${sql.raw(String(MONTHS - 3))} months'
        FROM generate_series(1, 1 + o.i % 3) AS n
        UNION ALL
        SELECT 'material', 0, false WHERE o.i % 3 = 0
      ) e
      WHERE o.i % 20 <> 0`.execute(db);
    await sql`DROP TABLE bench_orders`.execute(db);
    await sql`ANALYZE service_work_entries`.execute(db);
    await sql`ANALYZE service_work_orders`.execute(db);
    const entries = Number(
      (await sql<{ n: number }>`SELECT count(*) AS n FROM service_work_entries`.execute(db)).rows[0]!.n,
    );
    const seeded = (performance.now() - t0) / 1000;

    // close the first ten months in order (each one timed once: closing is irreversible)
    const closes: number[] = [];
    for (let k = 0; k < MONTHS - 2; k++) {
      const t = performance.now();
      const r = await client.post(`${base}/${id}/statements/close`, { month: monthFromNow(-MONTHS + k) });
      closes.push(performance.now() - t);
      if (r.statusCode !== 200) throw new Error(`close: ${r.body}`);
    }
    // the first open month: computed from the entries, with corrections of the two months before it
    const month = monthFromNow(-2);
    const got = await client.get(`${base}/${id}/statements?month=${month}`);
    if (got.statusCode !== 200) throw new Error(`statement: ${got.body}`);
    const body = got.json();
    if (body.lines.length !== PARTNERS || body.closed) throw new Error('statement: not the open month of all partners');
    const corrections = body.lines.reduce((a: number, l: { corrections: unknown[] }) => a + l.corrections.length, 0);
    const rows = Number(
      (
        await sql<{ n: number }>`SELECT count(*) AS n FROM service_work_entries WHERE study_id = ${id}
          AND billed_month = ${month}`.execute(db)
      ).rows[0]!.n,
    );
    const reference = sql`SELECT municipality_id, correction_of, count(id) FILTER (WHERE kind = 'completion') AS orders,
        coalesce(sum(minutes), 0) AS minutes, coalesce(sum(cents) FILTER (WHERE kind = 'material'), 0) AS material
      FROM service_work_entries WHERE study_id = ${id} AND billed_month = ${month}
      GROUP BY municipality_id, correction_of`;
    const [a, b] = (await timeInTurns([
      () => client.get(`${base}/${id}/statements?month=${month}`),
      () => reference.execute(db),
    ])) as [number, number];
    const s0 = h.statements();
    await client.get(`${base}/${id}/statements?month=${month}`);
    const statements = h.statements() - s0;
    if (process.env.BENCH_EXPLAIN) {
      for (const q of [reference])
        console.log(
          (await sql<Record<string, string>>`EXPLAIN ANALYZE ${q}`.execute(db)).rows
            .map((r) => Object.values(r)[0])
            .join('\n'),
        );
    }
    const closedAt = performance.now();
    const last = await client.post(`${base}/${id}/statements/close`, { month });
    const close = performance.now() - closedAt;
    if (last.statusCode !== 200) throw new Error(`close: ${last.body}`);
    const result = {
      kind,
      seeded,
      entries,
      rows,
      corrections,
      statements,
      a,
      b,
      close,
      closes: median(closes),
    };
    console.log(result);
    return result;
  } finally {
    await app.close();
    if (url) await sql`DROP SCHEMA IF EXISTS ${sql.id(SCHEMA)} CASCADE`.execute(db);
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [await measure('PGlite')];
if (process.env.BENCH_DATABASE_URL) results.push(await measure('PostgreSQL'));
else console.log('statements bench: PostgreSQL skipped (set BENCH_DATABASE_URL)');
const ms = (n: number) => `${n.toFixed(1)} ms`;
const fmt = (n: number) => n.toLocaleString('en');
writeSection(
  'statements',
  [
    `## Monthly statements of a shared service (${new Date().toISOString()})`,
    '',
    `${PARTNERS} partners, ${fmt(ORDERS)} work orders over ${MONTHS} months (95 % done: one completion each, 1–3 time`,
    'entries, material on every third; 1 % of the time entries recorded two months late, billed as corrections),',
    `${fmt(results[0]!.entries)} entries. Warm, median of ${RUNS} runs in turns after 2 warm-ups, the first open month (the ten before it closed).`,
    '',
    'Statement: GET …/statements?month as the lead’s coordination through app.inject (session, permissions, the',
    'study, settings, the one aggregate priced in core, the chart’s twelve months from the closed months’ frozen lines, response schema).',
    'Reference: the one aggregate over the month’s entries alone (same driver, same run). Target: ≤ 2 × the reference.',
    'SQL statements per request: what the request sent to the database (session included). Close: POST …/statements/close of that month',
    '(once; it answers with the closed statement, chart included), and the median of the ten closes before it.',
    '',
    '| database | entries in month | statement | reference | ratio | target ≤ 2 × | SQL statements per request | close | close, median of 10 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.kind} | ${fmt(r.rows)} | ${ms(r.a)} | ${ms(r.b)} | ${(r.a / r.b).toFixed(1)} × | ${r.a / r.b <= TARGET ? 'met' : 'missed'} | ${r.statements} | ${ms(r.close)} | ${ms(r.closes)} |`,
    ),
  ].join('\n'),
);
