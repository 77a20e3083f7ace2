/**
 * Load benchmark (`npm run bench`): the production server on the network-scale data set, autocannon with
 * 50 connections per scenario against the main authenticated read endpoints, and — in the same run — a bare
 * Fastify JSON endpoint as the baseline. Writes req/s, p50/p99, ratio to the baseline and server RSS for
 * PGlite (bench/.data-pglite) and PostgreSQL (BENCH_DATABASE_URL) into bench/results.md. Then the survey results
 * endpoint against a bare SQL GROUP BY over the same answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@dz/server/src/db/database.js';
import { freePort, startServerProcess } from '@dz/server/test/server-process.js';
import autocannon from 'autocannon';
import { sql } from 'kysely';
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

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
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

/** One row of the load table (PGlite's CPU is part of the measured process). */
function loadRow(kind: string, name: string, m: Measurement, ratio: number, target: string, statements: string) {
  const r = m.result;
  const db = kind === 'PGlite' ? 'im Prozess' : `${m.postgresCpu} ms`;
  return `| ${kind} | ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${ratio.toFixed(2)} | ${target} | ${statements} | ${m.serverCpu} ms | ${db} | ${r.non2xx} |`;
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
 * the bench's data dir belongs to the server).
 */
async function floorRow(kind: string, env: Record<string, string>, baselineRps: number) {
  const floor = await startBaseline(
    env.DATABASE_URL ? { BASELINE_DB: 'postgres', DATABASE_URL: env.DATABASE_URL } : { BASELINE_DB: 'pglite' },
  );
  try {
    const m = await measured(`${floor.base}/baseline/db`, floor.child.pid!);
    const ratio = m.result.requests.average / baselineRps;
    const name = 'Fastify + 1 Anweisung über den Treiber (Referenz: ohne Anmeldung, Builder, Schema)';
    return { ratio: ratio.toFixed(2), row: loadRow(kind, name, m, ratio, 'reference', '1') };
  } finally {
    floor.child.kill();
    await new Promise((r) => floor.child.once('exit', r));
  }
}

async function scenarioRows(kind: string, env: Record<string, string>, baselineRps: number) {
  const floor = await floorRow(kind, env, baselineRps);
  console.log(floor.row);
  const s = await startServer(env);
  const scenarios: [string, string][] = [
    ['Dashboard', '/api/v1/dashboard'],
    ['Kommunenliste mit Filtern', '/api/v1/municipalities?land=09&sizeClass=7&sort=-population&page=3&pageSize=50'],
    ['Verbund mit Mitgliedern', `/api/v1/networks/${s.networkId}`],
    ['Protokoll, Seite 2', '/api/v1/audit?page=2&pageSize=50'],
    ['Projektportfolio (400 Projekte, nach Ende sortiert)', '/api/v1/projects?sort=endsOn&pageSize=50&page=2'],
    ['Zeitleiste 2026 (Projekte mit Meilensteinen)', '/api/v1/timeline?from=2026-01-01&to=2026-12-31'],
    ['Projektbörse: Volltext „Bauhöfe“ mit Facetten', `/api/v1/exchange?q=${encodeURIComponent('Bauhöfe')}`],
    ['Projektbörse: Volltext mit Filtern (Land, Stand)', `/api/v1/exchange?q=Terminvergabe&land=09&stage=completed`],
  ];
  const rows: string[] = [floor.row];
  let peak = 0;
  // the first row measures the stack without session and database: what every request pays at least
  for (const [name, url, headers] of [
    ['Health (ohne Anmeldung, ohne Datenbank)', '/health', {}] as const,
    ...scenarios.map(([n, u]) => [n, u, { cookie: s.cookie }] as const),
  ]) {
    const statements = await statementsPerRequest(s.base, url, headers);
    const m = await measured(`${s.base}${url}`, s.child.pid!, headers);
    peak = Math.max(peak, rssMb(s.child.pid!));
    const ratio = m.result.requests.average / baselineRps;
    // the health row is the stack's own cost, a reference: the target is for read endpoints
    const target = url === '/health' ? 'reference' : ratio >= 0.35 ? 'met' : 'below';
    rows.push(loadRow(kind, name, m, ratio, target, statements));
    console.log(rows.at(-1));
  }
  const results = await resultsScenario(kind, env, s);
  return { rows, peak, results, floorRatio: floor.ratio };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Survey results (10,751 responses × 60 questions) through the API, against a bare SQL GROUP BY over the
 * same answer table. The server is stopped before the bare query runs (PGlite belongs to one process).
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
  s.child.kill('SIGTERM');
  await new Promise((r) => s.child.once('exit', r));
  const h = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? PGLITE_DIR });
  const times: number[] = [];
  let responses = 0;
  for (let i = 0; i < 13; i++) {
    const t0 = performance.now();
    const r = await sql<{ n: number }>`
      SELECT question_id, item_id, coalesce(choice, num::int::text) AS value, count(*) AS n, avg(num) AS mean
      FROM survey_answers WHERE survey_id = ${survey.id} GROUP BY 1, 2, 3`.execute(h.db);
    if (i >= 3) times.push(performance.now() - t0);
    responses = r.rows.length;
  }
  const answers = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM survey_answers WHERE survey_id = ${survey.id}`.execute(h.db);
  await h.close();
  const bare = median(times);
  const row = (label: string, ms: number) =>
    `| ${kind} | ${label} | ${ms.toFixed(0)} ms | ${bare.toFixed(0)} ms | ${(ms / bare).toFixed(2)} × | ${ms / bare <= 2 ? 'met' : 'above'} |`;
  console.log(row('Ergebnisse gesamt', overall));
  return {
    rows: [row('Ergebnisse gesamt', overall), row('Ergebnisse nach Größenklasse', bySize)],
    answers: answers.rows[0]?.n ?? 0,
    groups: responses,
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

const bare = await startBaseline();
const { result: base, serverCpu: baseCpu } = await measured(`${bare.base}/baseline`, bare.child.pid!);
bare.child.kill();
console.log(`baseline ${base.requests.average.toFixed(0)} req/s`);

const sections: string[] = [];
const rss: string[] = [];
const floors: string[] = [];
if (!fs.existsSync(PGLITE_DIR)) throw new Error('bench/.data-pglite missing: run `npm run bench:data` first');
const pglite = await scenarioRows('PGlite', { DATA_DIR: PGLITE_DIR }, base.requests.average);
sections.push(...pglite.rows);
rss.push(`PGlite ${pglite.peak.toFixed(0)} MB`);
floors.push(`PGlite ${pglite.floorRatio}`);
const resultRows = [...pglite.results.rows];
let answerRows = pglite.results.answers;
if (process.env.BENCH_DATABASE_URL) {
  const pgr = await scenarioRows(
    'PostgreSQL',
    { DATABASE_URL: process.env.BENCH_DATABASE_URL, DATA_DIR: PGLITE_DIR },
    base.requests.average,
  );
  sections.push(...pgr.rows);
  rss.push(`PostgreSQL ${pgr.peak.toFixed(0)} MB`);
  floors.push(`PostgreSQL ${pgr.floorRatio}`);
  resultRows.push(...pgr.results.rows);
  answerRows = pgr.results.answers;
}
writeSection(
  'load',
  [
    `## Read endpoints under load (${CONNECTIONS} connections, ${DURATION} s each; ${new Date().toISOString()})`,
    '',
    `Baseline: bare Fastify JSON endpoint in its own process: **${base.requests.average.toFixed(0)} req/s** (p50 ${base.latency.p50} ms, p99 ${base.latency.p99} ms, ${baseCpu} ms CPU per request). Target ratio ≥ 0.35.`,
    '',
    'CPU per request: CPU time (user + system) of the server process and of all local PostgreSQL processes during',
    'the scenario, divided by the answered requests (PGlite runs inside the measured process: „im Prozess“).',
    '',
    '| database | scenario | req/s | p50 | p99 | ratio to baseline | target | statements/request | server CPU/request | database CPU/request | non-2xx |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...sections,
    '',
    `Peak server RSS: ${rss.join(', ')}.`,
    '',
    'Why the ratios stay far below 0.35. Two reference rows per database bound what any read endpoint can reach',
    'here. „Health“ is our stack without session and database (security headers, cookies, request id, metrics,',
    'Zod serialisation). „Fastify + 1 Anweisung“ is the floor of every endpoint that reads the database at all: bare',
    'Fastify in its own process answering with one named prepared statement (as the server sends them), without session,',
    `query builder or response schema. It reaches ${floors.join(', ')}. On PGlite one statement in WebAssembly`,
    'alone costs several times the CPU of the whole baseline request (compare the CPU columns), so no endpoint that',
    'reads the embedded database can reach 0.35, whatever the code around it does. On PostgreSQL one bare statement lands about at the',
    'target (0.27–0.42 over repeated runs), but every authenticated read endpoint needs at least two (the session',
    'with its scope, then the data; the column shows how many each sends), and on top of the bare driver each one',
    'costs the server Kysely building and compiling, pool handling and row mapping, and the response its Zod',
    'validation (a safety net: fields outside the schema never leave the server). The machine has two cores shared',
    'by the load generator, the server and PostgreSQL, so database CPU also lowers the rate directly; where the',
    'database does real work (the directory counts every match for its total, the timeline joins a year of',
    'milestones, the exchange ranks 20,000 documents) its CPU per request dominates. Reaching 0.35 would need',
    'serving sessions and responses from memory. We do not: a cached session would outlive a logout or a role',
    'change made on another instance, and the benchmark would measure the cache instead of the endpoint.',
    'Changes and their measured effect are listed at the end of this file.',
    '',
    'Project exchange (20,000 published projects on PostgreSQL, 5,000 on PGlite): each search runs the German',
    'full-text match (GIN index, prefix terms) twice — once for the ranked page with its total, once for all',
    'five facet counts from one materialised CTE (before: one scan per facet; PGlite 10 → 20 and 5 → 30 req/s).',
  ].join('\n'),
);
writeSection(
  'survey-results',
  [
    `## Survey results: API vs. bare SQL GROUP BY (${new Date().toISOString()})`,
    '',
    `One closed survey, 60 questions, answered by all 10,751 municipalities (${answerRows.toLocaleString('en')} answer rows).`,
    'Median of 10 sequential requests after 3 warm-ups. The API applies the anonymity rules (group counts, secondary',
    'suppression), computes counts, means, medians (percentile_cont), distributions, Borda sums and free texts in SQL,',
    'and serialises JSON; the baseline is one `GROUP BY question, item, value` with count and avg over the same table.',
    '',
    'PGlite runs the three result queries one after another on its single connection (PostgreSQL runs them in',
    'parallel on the pool), so grouped results on PGlite cost about one extra scan; on PostgreSQL the grouped query',
    'is often faster than the bare one because the join to the responses lets the planner use parallel workers.',
    '',
    '| database | scenario | API | bare GROUP BY | ratio | target ≤ 2 × |',
    '|---|---|---|---|---|---|',
    ...resultRows,
  ].join('\n'),
);
