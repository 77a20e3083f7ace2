/**
 * Load benchmark (`npm run bench`): the production server on the network-scale data set, autocannon with
 * 50 connections per scenario against the main authenticated read endpoints, and — in the same run, per
 * database — the floor row: bare Fastify answering with one prepared statement. Writes req/s, p50/p99, the
 * ratio to the floor, statements and CPU per request and the server's peak RSS for PGlite (bench/.data-pglite)
 * and PostgreSQL (BENCH_DATABASE_URL) into bench/results.md, each against the targets of issue 24. Then the
 * survey results endpoint against a wide-table reference (one row per response, one column per question, one
 * SQL pass) built in the same run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { allQuestions, type SurveyDefinition } from '@dz/core';
import { openDatabase } from '@dz/server/src/db/database.js';
import { freePort, startServerProcess } from '@dz/server/test/server-process.js';
import autocannon from 'autocannon';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { BENCH_DIR, BENCH_EMAIL, BENCH_PASSWORD, PGLITE_DIR, writeSection } from './lib.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready: ${url}`);
}

/** Peak resident set size of a process so far (VmHWM: the kernel's high-water mark, not a sample). */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU seconds (user + system) of one process, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** CPU seconds of all local PostgreSQL server processes; null when the server runs elsewhere. */
function postgresCpuSeconds(): number | null {
  let total = 0;
  let found = false;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let comm = '';
    try {
      comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm !== 'postgres') continue;
    found = true;
    total += cpuSeconds(Number(pid));
  }
  return found ? total : null;
}

const METRICS_TOKEN = 'bench-metrics-token-not-secret';

/** Statements the server has sent so far (its /metrics counter), or null when it does not report them. */
async function statementsSent(base: string): Promise<number | null> {
  const body = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const n = /^db_statements_total (\d+)$/m.exec(body)?.[1];
  return n === undefined ? null : Number(n);
}

/**
 * Database statements per request of one URL: the server's counter around 20 sequential requests, once the
 * server has finished the requests of the previous scenario that autocannon gave up on when its time ran out.
 */
async function statementsPerRequest(base: string, url: string, headers: Record<string, string>) {
  let before = await statementsSent(base);
  for (let settled = false; !settled; ) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await statementsSent(base);
    settled = now === before;
    before = now;
  }
  for (let i = 0; i < 20; i++) await (await fetch(`${base}${url}`, { headers })).arrayBuffer();
  const after = await statementsSent(base);
  return before === null || after === null ? '–' : ((after - before) / 20).toFixed(1);
}

/** Runs one scenario and measures CPU milliseconds per answered request in the server and in PostgreSQL. */
async function measured(url: string, pid: number, headers: Record<string, string> = {}) {
  const server0 = cpuSeconds(pid);
  const pg0 = postgresCpuSeconds();
  const result = await run(url, headers);
  const perRequest = (seconds: number) =>
    ((Math.max(0, seconds) * 1000) / Math.max(1, result.requests.total)).toFixed(2);
  const pg1 = postgresCpuSeconds();
  return {
    result,
    serverCpu: perRequest(cpuSeconds(pid) - server0),
    postgresCpu: pg0 === null || pg1 === null ? '–' : perRequest(pg1 - pg0),
  };
}

type Measurement = Awaited<ReturnType<typeof measured>>;

/** What a read endpoint must reach (issue 24): a share of its database's floor row, and a p99 bound. */
const RATE_TARGET = 0.25;
const P99_DEFAULT = 100;
/** The timeline over 50,000 projects and the exchange over 20,000 entries do real database work. */
const P99_HEAVY = 250;

function verdict(ratio: number, p99: number, p99Limit: number) {
  const misses = [ratio < RATE_TARGET ? 'req/s' : '', p99 > p99Limit ? 'p99' : ''].filter(Boolean);
  return misses.length ? `below (${misses.join(', ')})` : 'met';
}

/** One row of the load table (PGlite's CPU is part of the measured process). */
function loadRow(kind: string, name: string, m: Measurement, ratio: string, target: string, statements: string) {
  const r = m.result;
  const db = kind === 'PGlite' ? 'im Prozess' : `${m.postgresCpu} ms`;
  return `| ${kind} | ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${ratio} | ${target} | ${statements} | ${m.serverCpu} ms | ${db} | ${r.non2xx} |`;
}

function run(url: string, headers: Record<string, string> = {}) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
  });
}

async function startServer(env: Record<string, string>) {
  const { child, base } = await startServerProcess({
    ...env,
    DEMO: 'false',
    LOG_LEVEL: 'silent',
    METRICS_TOKEN,
    RATE_LIMIT_WRITES: '1000000',
    RATE_LIMIT_AUTH: '1000',
  });
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  if (!login.ok) {
    throw new Error(`bench login failed (${login.status} ${await login.text()}): run npm run bench:data first`);
  }
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const networks = (await (await fetch(`${base}/api/v1/networks`, { headers: { cookie } })).json()) as {
    items: { id: string; name: string }[];
  };
  const networkId = networks.items.find((n) => n.name === 'Verbund 1')?.id ?? networks.items[0]!.id;
  return { child, base, cookie, networkId };
}

/**
 * The floor of an endpoint that reads the database once: bare Fastify in its own process answering with one
 * named prepared statement, sent as the server sends them (pg on the same PostgreSQL; PGlite in memory, as
 * the bench's data dir belongs to the server). Every read endpoint's ratio is taken against this row.
 */
async function floorRow(kind: string, env: Record<string, string>) {
  const floor = await startBaseline(
    env.DATABASE_URL ? { BASELINE_DB: 'postgres', DATABASE_URL: env.DATABASE_URL } : { BASELINE_DB: 'pglite' },
  );
  try {
    const m = await measured(`${floor.base}/baseline/db`, floor.child.pid!);
    const name = 'Fastify + 1 Anweisung über den Treiber (Boden: ohne Anmeldung, Builder, Schema)';
    return { rps: m.result.requests.average, row: loadRow(kind, name, m, '1.00', 'reference', '1') };
  } finally {
    floor.child.kill();
    await new Promise((r) => floor.child.once('exit', r));
  }
}

interface Tally {
  met: number;
  of: number;
}

async function scenarioRows(kind: string, env: Record<string, string>, tally: Tally) {
  const floor = await floorRow(kind, env);
  console.log(floor.row);
  const s = await startServer(env);
  const scenarios: [string, string, boolean?][] = [
    ['Dashboard', '/api/v1/dashboard'],
    ['Kommunenliste mit Filtern', '/api/v1/municipalities?land=09&sizeClass=7&sort=-population&page=3&pageSize=50'],
    ['Verbund mit Mitgliedern', `/api/v1/networks/${s.networkId}`],
    ['Protokoll, Seite 2', '/api/v1/audit?page=2&pageSize=50'],
    ['Projektportfolio (400 Projekte, nach Ende sortiert)', '/api/v1/projects?sort=endsOn&pageSize=50&page=2'],
    ['Zeitleiste 2026 (Projekte mit Meilensteinen)', '/api/v1/timeline?from=2026-01-01&to=2026-12-31', true],
    ['Projektbörse: Volltext „Bauhöfe“ mit Facetten', `/api/v1/exchange?q=${encodeURIComponent('Bauhöfe')}`, true],
    [
      'Projektbörse: Volltext mit Filtern (Land, Stand)',
      `/api/v1/exchange?q=Terminvergabe&land=09&stage=completed`,
      true,
    ],
  ];
  const rows: string[] = [floor.row];
  // the health row is the stack without session and database: what every request pays at least (a reference)
  const health = await measured(`${s.base}/health`, s.child.pid!);
  const healthRatio = (health.result.requests.average / floor.rps).toFixed(2);
  rows.push(loadRow(kind, 'Health (ohne Anmeldung, ohne Datenbank)', health, healthRatio, 'reference', '0.0'));
  console.log(rows.at(-1));
  const headers = { cookie: s.cookie };
  for (const [name, url, isHeavy] of scenarios) {
    const statements = await statementsPerRequest(s.base, url, headers);
    const m = await measured(`${s.base}${url}`, s.child.pid!, headers);
    const ratio = m.result.requests.average / floor.rps;
    const target = verdict(ratio, m.result.latency.p99, isHeavy ? P99_HEAVY : P99_DEFAULT);
    tally.of++;
    if (target === 'met') tally.met++;
    rows.push(loadRow(kind, name, m, ratio.toFixed(2), target, statements));
    console.log(rows.at(-1));
  }
  const results = await resultsScenario(kind, env, s);
  return { rows, peak: results.peak, results };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Survey results must come within this many seconds (8 × ahead of LimeSurvey's 2.43 s on the same data). */
const RESULTS_TARGET_MS = 300;

/**
 * The wide-table reference: the answers of the bench survey pivoted into one row per response with one column
 * per question (per option of a multiple-choice or ranking question, per row of a matrix) — the storage shape
 * of LimeSurvey's response table — and one SQL pass that computes what the results page shows from it: counts
 * per option and value, counts answered, means and medians, overall or per size class.
 */
async function wideReference(db: Kysely<unknown>, surveyId: string) {
  const def = await sql<{ definition: SurveyDefinition }>`
    SELECT definition FROM surveys WHERE id = ${surveyId}`.execute(db);
  const questions = allQuestions(def.rows[0]!.definition);
  const pivot: RawBuilder<unknown>[] = [];
  const stats: RawBuilder<unknown>[] = [];
  let n = 0;
  const column = (expr: RawBuilder<unknown>) => {
    const name = sql.ref(`c${++n}`);
    pivot.push(sql`${expr} AS ${name}`);
    return name;
  };
  const numeric = (col: ReturnType<typeof sql.ref>, values: number[], withMedian: boolean) => {
    stats.push(sql`count(${col})`, sql`avg(${col})`);
    if (withMedian) stats.push(sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${col})`);
    for (const v of values) stats.push(sql`count(*) FILTER (WHERE ${col} = ${sql.lit(v)})`);
  };
  const scale = [1, 2, 3, 4, 5];
  for (const q of questions) {
    const of = sql`a.question_id = ${sql.lit(q.id)}`;
    const options = (q.options ?? []).map((o) => o.id);
    if (q.type === 'scale' || q.type === 'number') {
      numeric(column(sql`max(a.num) FILTER (WHERE ${of})`), q.type === 'scale' ? scale : [], true);
    } else if (q.type === 'matrix') {
      for (const item of q.items ?? [])
        numeric(column(sql`max(a.num) FILTER (WHERE ${of} AND a.item_id = ${sql.lit(item.id)})`), scale, true);
    } else if (q.type === 'ranking') {
      for (const o of options) {
        const col = column(sql`max(a.num) FILTER (WHERE ${of} AND a.choice = ${sql.lit(o)})`);
        stats.push(sql`count(${col})`, sql`sum(${col})`);
      }
    } else if (q.type === 'single') {
      const col = column(sql`max(a.choice) FILTER (WHERE ${of})`);
      stats.push(sql`count(${col})`);
      for (const o of options) stats.push(sql`count(*) FILTER (WHERE ${col} = ${sql.lit(o)})`);
    } else if (q.type === 'multiple') {
      const cols = options.map((o) => column(sql`bool_or(a.choice = ${sql.lit(o)}) FILTER (WHERE ${of})`));
      stats.push(sql`count(*) FILTER (WHERE ${sql.join(cols, sql` OR `)})`);
      for (const col of cols) stats.push(sql`count(*) FILTER (WHERE ${col})`);
    } else {
      stats.push(sql`count(${column(sql`max(a.text) FILTER (WHERE ${of})`)})`);
    }
  }
  await sql`DROP TABLE IF EXISTS bench_wide_reference`.execute(db);
  await sql`CREATE TABLE bench_wide_reference AS
    SELECT r.id, r.size_class, ${sql.join(pivot)}
    FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
    WHERE r.survey_id = ${surveyId} AND r.status = 'submitted'
    GROUP BY r.id, r.size_class`.execute(db);
  await sql`ANALYZE bench_wide_reference`.execute(db);
  const time = async (grouped: boolean) => {
    const times: number[] = [];
    for (let i = 0; i < 13; i++) {
      const t0 = performance.now();
      await (grouped
        ? sql`SELECT size_class, ${sql.join(stats)} FROM bench_wide_reference GROUP BY size_class`
        : sql`SELECT ${sql.join(stats)} FROM bench_wide_reference`
      ).execute(db);
      if (i >= 3) times.push(performance.now() - t0);
    }
    return median(times);
  };
  const timings = { overall: await time(false), bySize: await time(true), columns: n };
  await sql`DROP TABLE bench_wide_reference`.execute(db);
  return timings;
}

/**
 * Survey results (10,751 responses × 60 questions) through the API, against the wide-table reference over the
 * same answers. The server is stopped before the reference runs (PGlite belongs to one process); its peak RSS
 * is read just before.
 */
async function resultsScenario(kind: string, env: Record<string, string>, s: Awaited<ReturnType<typeof startServer>>) {
  const list = (await (await fetch(`${s.base}/api/v1/surveys`, { headers: { cookie: s.cookie } })).json()) as {
    items: { id: string; title: string }[];
  };
  const survey = list.items.find((x) => x.title.startsWith('Bench-Umfrage'));
  if (!survey) throw new Error('bench survey missing: run npm run bench:data');
  const timeApi = async (query: string) => {
    const times: number[] = [];
    for (let i = 0; i < 13; i++) {
      const t0 = performance.now();
      const res = await fetch(`${s.base}/api/v1/surveys/${survey.id}/results?${query}`, {
        headers: { cookie: s.cookie },
      });
      if (!res.ok) throw new Error(`results ${res.status}`);
      await res.arrayBuffer();
      if (i >= 3) times.push(performance.now() - t0);
    }
    return median(times);
  };
  const overall = await timeApi('groupBy=none');
  const bySize = await timeApi('groupBy=sizeClass');
  const peak = peakRssMb(s.child.pid!);
  s.child.kill('SIGTERM');
  await new Promise((r) => s.child.once('exit', r));
  const h = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? PGLITE_DIR });
  const wide = await wideReference(h.db as unknown as Kysely<unknown>, survey.id);
  const answers = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM survey_answers WHERE survey_id = ${survey.id}`.execute(h.db);
  await h.close();
  const row = (label: string, ms: number, ref: number) => {
    const ok = ms <= RESULTS_TARGET_MS && ms / ref <= 2;
    return `| ${kind} | ${label} | ${ms.toFixed(0)} ms | ${ref.toFixed(0)} ms | ${(ms / ref).toFixed(2)} × | ${ok ? 'met' : 'below'} |`;
  };
  console.log(row('Ergebnisse gesamt', overall, wide.overall));
  return {
    rows: [row('Ergebnisse gesamt', overall, wide.overall), row('Ergebnisse nach Größenklasse', bySize, wide.bySize)],
    answers: answers.rows[0]?.n ?? 0,
    columns: wide.columns,
    peak,
  };
}

/** The bare Fastify process (bench/baseline-server.ts); with BASELINE_DB it also answers /baseline/db. */
async function startBaseline(env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, 'baseline-server.ts')], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/baseline`, child);
  return { child, base };
}

/** Peak server RSS targets (issue 24): the embedded database lives inside the server process. */
const RSS_TARGET_MB = { PGlite: 450, PostgreSQL: 200 } as const;

const sections: string[] = [];
const rss: string[] = [];
const tally: Tally = { met: 0, of: 0 };
const resultRows: string[] = [];
let answerRows = 0;
let wideColumns = 0;
const databases: [keyof typeof RSS_TARGET_MB, Record<string, string>][] = [['PGlite', { DATA_DIR: PGLITE_DIR }]];
if (!fs.existsSync(PGLITE_DIR)) throw new Error('bench/.data-pglite missing: run `npm run bench:data` first');
if (process.env.BENCH_DATABASE_URL)
  databases.push(['PostgreSQL', { DATABASE_URL: process.env.BENCH_DATABASE_URL, DATA_DIR: PGLITE_DIR }]);
for (const [kind, env] of databases) {
  const r = await scenarioRows(kind, env, tally);
  sections.push(...r.rows);
  const limit = RSS_TARGET_MB[kind];
  rss.push(`| ${kind} | ${r.peak.toFixed(0)} MB | ≤ ${limit} MB | ${r.peak <= limit ? 'met' : 'above'} |`);
  resultRows.push(...r.results.rows);
  answerRows = r.results.answers;
  wideColumns = r.results.columns;
}
writeSection(
  'load',
  [
    `## Read endpoints under load (${CONNECTIONS} connections, ${DURATION} s each; ${new Date().toISOString()})`,
    '',
    `Targets (issue 24): req/s ≥ ${RATE_TARGET} × the floor row of the same database and p99 ≤ ${P99_DEFAULT} ms;`,
    `timeline and exchange search p99 ≤ ${P99_HEAVY} ms. Met on ${tally.met} of ${tally.of} rows.`,
    '',
    'The floor row is bare Fastify in its own process answering with one named prepared statement — what one',
    'round trip to the database costs on this machine, without session, query builder or response schema.',
    '„Health“ is our own stack without session and database. Statements per request: what the server sent per',
    'request (its /metrics counter; the scope comes from the cache). CPU per request: CPU time (user + system) of',
    'the server process and of all local PostgreSQL processes during the scenario, divided by the answered requests',
    '(PGlite runs inside the measured process: „im Prozess“). The load generator shares the two cores.',
    '',
    '| database | scenario | req/s | p50 | p99 | ratio to floor | target | statements/request | server CPU/request | database CPU/request | non-2xx |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...sections,
    '',
    "Peak server RSS (the kernel's high-water mark of the server process over all scenarios and the survey results):",
    '',
    '| database | peak RSS | target | |',
    '|---|---|---|---|',
    ...rss,
  ].join('\n'),
);
writeSection(
  'survey-results',
  [
    `## Survey results: API vs. wide-table reference (${new Date().toISOString()})`,
    '',
    `One closed survey, 60 questions, answered by all 10,751 municipalities (${answerRows.toLocaleString('en')} answer rows).`,
    'Median of 10 sequential requests after 3 warm-ups. The API applies the anonymity rules (group counts, secondary',
    'suppression, differencing protection) and returns counts, means, exact medians, distributions, Borda sums and',
    'free texts as JSON. The reference, built in the same run: the answers pivoted into one row per response with one',
    `column per question, option or matrix row (${wideColumns} columns — LimeSurvey's storage shape) and one SQL pass`,
    'computing counts per value, counts answered, means and medians from it (overall, or grouped by size class).',
    `Target: ≤ ${RESULTS_TARGET_MS} ms (8 × ahead of LimeSurvey 6.4.2's statistics export, 2.43 s on this data set when`,
    'issue 24 was filed) and within 2 × of the reference.',
    '',
    '| database | scenario | API | wide-table reference | ratio | target |',
    '|---|---|---|---|---|---|',
    ...resultRows,
  ].join('\n'),
);
