/**
 * Key-figure ring (`npm run bench`, issue 22 item 7): percentiles of 20 key figures × 5 years over all 10,751
 * municipalities of the official directory (GV100AD) by size class and Land, as the app computes them
 * (`peerDistributions`: percentiles of every public peer group, the counts of the finest classes and the disclosure
 * decision over overlapping groups in core; the network asked for in a statement of its own), against the bare SQL
 * `percentile_cont` of the same groups without any disclosure, in the same run and database. Target: within 2 × the
 * bare query. Correctness is asserted once: every group ours shows has the bare query's count and percentiles.
 * PGlite in a fresh temporary directory; PostgreSQL (BENCH_DATABASE_URL) in its own schema `bench_maturity`,
 * dropped before and after. BENCH_EXPLAIN=1 prints EXPLAIN ANALYZE of ours and the bare query; BENCH_RUNS sets the
 * number of timed runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCHMARK_THRESHOLD, DEFAULT_KEY_FIGURES, sizeClassOf } from '@dz/core';
import { type Database, openDatabase } from '@dz/server/src/db/database.js';
import { migrateToLatest } from '@dz/server/src/db/migrate.js';
import { newId } from '@dz/server/src/lib/ids.js';
import { importDirectoryBuffer } from '@dz/server/src/modules/imports/imports.service.js';
import { openRings } from '@dz/server/src/modules/maturity/benchmark.service.js';
import {
  type Distribution,
  groupsStatement,
  peerDistributions,
  sizeClassSql,
} from '@dz/server/src/modules/maturity/benchmark.sql.js';
import { type RawBuilder, sql } from 'kysely';
import { rng, SHARED, writeSection } from './lib.js';

const FROM_YEAR = 2021;
const TO_YEAR = 2025;
const FIGURES = 20;
const MISSING = 0.1;
const NETWORKS = 40;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCHEMA = 'bench_maturity';
const TARGET = 2;
const GV100AD = path.join(SHARED, 'destatis/GV100AD_30112025.txt');
if (!fs.existsSync(GV100AD)) throw new Error(`missing ${GV100AD}: ../shared/data must sit beside the repository`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);

/**
 * Median milliseconds of each function, run in turns (the correctness check before was the warm-up), so that a
 * busy moment of the shared machine falls on all of them alike rather than on one. In the last round also each
 * call's peak RSS above the RSS before it, in MB: the kernel's high-water mark is reset first (clear_refs 5), so the
 * mark after the call is the call's own peak — the whole process: PGlite's heap included, PostgreSQL's server not.
 */
async function timeInTurns(fns: (() => Promise<unknown>)[], runs = RUNS) {
  const ms = fns.map(() => [] as number[]);
  const rss = fns.map(() => Number.NaN);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      let before = Number.NaN;
      if (i === runs - 1) {
        try {
          fs.writeFileSync('/proc/self/clear_refs', '5');
          before = kb('VmRSS');
        } catch {
          // not Linux, or not permitted: no peak
        }
      }
      const t = performance.now();
      await fn();
      ms[k]!.push(performance.now() - t);
      rss[k] = Math.max(0, (kb('VmHWM') - before) / 1024);
    }
  }
  return { ms: ms.map(median), rss };
}

/** Realistic ranges: the seven defaults as defined in core, thirteen more of a ring (shares and per-inhabitant). */
function figureShapes() {
  const defaults: Record<string, { mean: number; sd: number; gkStep: number }> = {
    online_share: { mean: 35, sd: 15, gkStep: -3 },
    it_spend_per_inhabitant: { mean: 45, sd: 18, gkStep: -4 },
    fte_per_10k: { mean: 1.2, sd: 0.6, gkStep: -0.1 },
    trained_share: { mean: 30, sd: 14, gkStep: -2 },
    e_file_coverage: { mean: 45, sd: 25, gkStep: -5 },
    e_invoice_share: { mean: 60, sd: 20, gkStep: -3 },
    processing_days: { mean: 14, sd: 6, gkStep: 1 },
  };
  const shapes = DEFAULT_KEY_FIGURES.map((f) => ({
    key: f.key,
    min: f.min,
    max: f.max,
    decimals: f.decimals,
    ...(defaults[f.key] ?? { mean: 50, sd: 20, gkStep: -2 }),
  }));
  for (let i = shapes.length + 1; i <= FIGURES; i++) {
    const share = i % 2 === 0;
    shapes.push({
      key: `k${String(i).padStart(2, '0')}`,
      min: 0,
      max: share ? 100 : null,
      decimals: share ? 1 : 2,
      mean: share ? 20 + i * 2 : 5 + i,
      sd: share ? 15 : 3,
      gkStep: share ? -2 : 0.5,
    });
  }
  return shapes;
}

/** Standard normal draw (Box–Muller) from the seeded uniform generator. */
const normal = (random: () => number) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/**
 * Runs `load` on key_figure_values without its keys, foreign keys and indexes, and puts them back as they were
 * (definitions read from the catalog): one index build and one check per constraint instead of a million row
 * triggers and index insertions.
 */
async function bulkLoad(db: Database, load: () => Promise<void>) {
  const constraints = (
    await sql<{ name: string; def: string; primary: boolean }>`
      SELECT conname AS name, pg_get_constraintdef(oid) AS def, contype = 'p' AS primary FROM pg_constraint
      WHERE conrelid = 'key_figure_values'::regclass AND contype IN ('p', 'f', 'u')`.execute(db)
  ).rows;
  const indexes = (
    await sql<{ name: string; def: string }>`
      SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def FROM pg_index i
      WHERE indrelid = 'key_figure_values'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`.execute(db)
  ).rows;
  for (const c of constraints) await sql`ALTER TABLE key_figure_values DROP CONSTRAINT ${sql.id(c.name)}`.execute(db);
  for (const i of indexes) await sql`DROP INDEX ${sql.raw(i.name)}`.execute(db);
  await load();
  for (const c of constraints.sort((a, b) => Number(b.primary) - Number(a.primary)))
    await sql`ALTER TABLE key_figure_values ADD CONSTRAINT ${sql.id(c.name)} ${sql.raw(c.def)}`.execute(db);
  for (const i of indexes) await sql.raw(i.def).execute(db);
}

/**
 * The data set: the directory, 40 regional networks, 20 figures, values for five years (seeded). Returns the
 * figures, the network asked for and the number of values.
 */
async function seed(db: Database) {
  const random = rng(20260022);
  await importDirectoryBuffer(db, fs.readFileSync(GV100AD), undefined, 'bench');
  const towns = await db.selectFrom('municipalities').select(['id', 'population', 'landCode']).orderBy('ags').execute();
  if (towns.length !== 10_751) throw new Error(`expected 10,751 municipalities, got ${towns.length}`);

  // networks: 40 regional circles of 10–100 municipalities of one Land (some in several), 90 % accepted, the rest
  // invited or left; the first, the one asked for, has 60 small (GK7) Bavarian municipalities, six of which joined
  // its open ring
  const networks = Array.from({ length: NETWORKS }, (_, n) => ({
    id: newId(),
    name: `Vergleichsring ${n + 1}`,
    type: 'benchmarking_ring' as const,
    description: 'Benchmark',
  }));
  await db.insertInto('networks').values(networks).execute();
  const lands = [...new Set(towns.map((t) => t.landCode))].filter(
    (l) => towns.filter((t) => t.landCode === l).length > 100,
  );
  const members: {
    id: string;
    networkId: string;
    municipalityId: string;
    joinedOn: string;
    leftOn: string | null;
    status: 'invited' | 'accepted';
  }[] = [];
  for (const [n, net] of networks.entries()) {
    const land = n === 0 ? '09' : lands[Math.floor(random() * lands.length)]!;
    const pool = towns.filter((t) => t.landCode === land && (n > 0 || sizeClassOf(t.population) === 7));
    const chosen = new Set<string>();
    const count = n === 0 ? 60 : 10 + Math.floor(random() * 90);
    while (chosen.size < count) chosen.add(pool[Math.floor(random() * pool.length)]!.id);
    for (const [i, m] of [...chosen].entries()) {
      const r = random();
      members.push({
        id: newId(),
        networkId: net.id,
        municipalityId: m,
        joinedOn: '2022-01-01',
        leftOn: r > 0.95 && i >= 6 ? '2024-06-30' : null,
        status: r < 0.05 && i >= 6 ? 'invited' : 'accepted',
      });
    }
  }
  await db.insertInto('networkMembers').values(members).execute();
  const net = networks[0]!.id;
  await db
    .insertInto('keyFigureOpenRing')
    .values(
      members
        .filter((m) => m.networkId === net)
        .slice(0, 6)
        .map((m) => ({ networkId: net, municipalityId: m.municipalityId })),
    )
    .execute();

  // 20 key figures: the 7 defaults of the migration, 13 more
  const shapes = figureShapes();
  await db
    .insertInto('keyFigures')
    .values(
      shapes.slice(DEFAULT_KEY_FIGURES.length).map((s, i) => ({
        id: newId(),
        key: s.key,
        name: `Kennzahl ${s.key}`,
        definition: 'Benchmark',
        unit: s.max === 100 ? '%' : '€/EW',
        direction: 'higher' as const,
        source: 'Benchmark',
        decimals: s.decimals,
        minValue: s.min,
        maxValue: s.max,
        position: DEFAULT_KEY_FIGURES.length + i,
      })),
    )
    .execute();
  const figures = await db
    .selectFrom('keyFigures')
    .select(['id', 'key'])
    .where('networkId', 'is', null)
    .orderBy('position')
    .execute();
  if (figures.length !== FIGURES) throw new Error(`expected ${FIGURES} figures, got ${figures.length}`);

  // values: per figure a level by size class, each municipality's own offset, a small trend over the years,
  // rounded to the figure's decimals and clamped to its range; 10 % missing
  let values = 0;
  await bulkLoad(db, async () => {
    for (const f of figures) {
      const s = shapes.find((x) => x.key === f.key)!;
      const rows: { m: string; y: number; v: number }[] = [];
      for (const t of towns) {
        const own = s.mean + s.gkStep * (sizeClassOf(t.population) - 7) + s.sd * normal(random);
        for (let y = FROM_YEAR; y <= TO_YEAR; y++) {
          if (random() < MISSING) continue;
          const raw = own * (1 + 0.03 * (y - FROM_YEAR)) + 0.2 * s.sd * normal(random);
          const clamped = Math.min(s.max ?? Number.POSITIVE_INFINITY, Math.max(s.min, raw));
          rows.push({ m: t.id, y, v: Number(clamped.toFixed(s.decimals)) });
        }
      }
      values += rows.length;
      await sql`INSERT INTO key_figure_values (key_figure_id, municipality_id, year, value, origin)
        SELECT ${f.id}::uuid, x.m, x.y, x.v, 'entered' FROM json_to_recordset(${JSON.stringify(rows)}::json)
          AS x(m uuid, y smallint, v float8)`.execute(db);
    }
  });
  // what the upkeep job (PGlite) or autovacuum (PostgreSQL) leaves behind on a running installation
  await sql`VACUUM (ANALYZE) key_figure_values, municipalities, network_members, key_figure_open_ring`.execute(db);
  return { figureIds: figures.map((f) => f.id), net, values };
}

async function explain(db: Database, q: RawBuilder<unknown>) {
  const rows = (await sql<Record<string, string>>`EXPLAIN (ANALYZE, BUFFERS) ${q}`.execute(db)).rows;
  return rows.map((r) => Object.values(r)[0]).join('\n');
}

type Kind = 'PGlite' | 'PostgreSQL';

async function measure(kind: Kind) {
  const url = kind === 'PostgreSQL' ? process.env.BENCH_DATABASE_URL : undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-bench-maturity-'));
  const h = await openDatabase({ databaseUrl: url, dataDir, ...(url ? { searchPath: SCHEMA } : {}) });
  const db = h.db;
  try {
    if (url) {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(SCHEMA)} CASCADE`.execute(db);
      await sql`CREATE SCHEMA ${sql.id(SCHEMA)}`.execute(db);
    }
    await migrateToLatest(db, url ? SCHEMA : undefined);
    const t0 = performance.now();
    const { figureIds, net, values } = await seed(db);
    const seeded = (performance.now() - t0) / 1000;

    // ours: as the benchmark page asks (every network's open ring weighed; the viewer's network, or none)
    const ring = await openRings(db);
    const ours = (networkIds: string[]) =>
      peerDistributions(db, {
        figureIds,
        fromYear: FROM_YEAR,
        toYear: TO_YEAR,
        networkIds,
        threshold: BENCHMARK_THRESHOLD,
        ring,
      });
    // bare: the same groups' counts and percentiles, the size class by the same expression, nothing else
    const ids = sql.join(figureIds.map((id) => sql`${id}::uuid`));
    const bare = sql<{
      keyFigureId: string;
      year: number;
      gk: number | null;
      landCode: string | null;
      n: number;
      p: number[];
    }>`SELECT v.key_figure_id, v.year, v.gk, v.land_code, count(*)::int AS n,
        percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY v.value) AS p
      FROM (
        SELECT kv.key_figure_id, kv.year, kv.value, m.land_code, ${sizeClassSql(sql`m.population`)} AS gk
        FROM key_figure_values kv JOIN municipalities m ON m.id = kv.municipality_id
        WHERE kv.key_figure_id IN (${ids}) AND kv.year BETWEEN ${FROM_YEAR} AND ${TO_YEAR}
      ) v
      GROUP BY GROUPING SETS ((v.key_figure_id, v.year), (v.key_figure_id, v.year, v.gk),
        (v.key_figure_id, v.year, v.land_code), (v.key_figure_id, v.year, v.gk, v.land_code))`;
    const bareNet = sql<{ keyFigureId: string; year: number; n: number; p: number[] }>`
      SELECT kv.key_figure_id, kv.year, count(*)::int AS n,
        percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY kv.value) AS p
      FROM key_figure_values kv JOIN network_members nm ON nm.municipality_id = kv.municipality_id
      WHERE nm.network_id = ${net} AND nm.status = 'accepted' AND nm.left_on IS NULL
        AND kv.key_figure_id IN (${ids}) AND kv.year BETWEEN ${FROM_YEAR} AND ${TO_YEAR}
      GROUP BY kv.key_figure_id, kv.year`;

    // correctness, once (also the warm-up): every group ours shows, the network's too, has the bare query's count
    // and percentiles; both computed the same groups; the public decision is the same with and without the network
    const pub = await ours([]);
    const withNet = await ours([net]);
    const [b, bn] = [await bare.execute(db), await bareNet.execute(db)];
    const bareCells = new Map<string, { n: number; p: number[] }>();
    for (const r of b.rows) {
      const cell =
        r.gk !== null && r.landCode !== null
          ? `gkland:${r.gk}:${r.landCode}`
          : r.gk !== null
            ? `gk:${r.gk}`
            : r.landCode !== null
              ? `land:${r.landCode}`
              : 'all';
      bareCells.set(`${r.keyFigureId}|${r.year}|${cell}`, { n: r.n, p: r.p.map(Number) });
    }
    for (const r of bn.rows) bareCells.set(`${r.keyFigureId}|${r.year}|net:${net}`, { n: r.n, p: r.p.map(Number) });
    const same = (d: Distribution, e: { n: number; p: number[] } | undefined) =>
      e !== undefined && d.n === e.n && [d.p10, d.q1, d.median, d.q3, d.p90].every((x, i) => x === e.p[i]);
    let shown = 0;
    let computed = 0;
    for (const [k, e] of withNet) {
      for (const [cell, d] of e.cells) {
        computed++;
        if (!e.published.has(cell)) continue;
        shown++;
        if (!same(d, bareCells.get(`${k}|${cell}`))) throw new Error(`${k} ${cell}: differs from the bare query`);
      }
      const p = pub.get(k);
      if (!p || [...p.published].sort().join() !== [...e.published].sort().join() || p.cells.size !== e.cells.size - 1)
        throw new Error(`${k}: the public groups differ with and without the network`);
    }
    if (computed !== bareCells.size) throw new Error('ours and the bare query computed other groups');
    const netShown = [...withNet.values()].filter((e) => e.published.has(`net:${net}`)).length;
    if (shown === 0 || netShown === 0) throw new Error('nothing shown: the data set does not exercise the disclosure');

    const timed = await timeInTurns([
      () => ours([]),
      () => bare.execute(db),
      () => ours([net]),
      () => bareNet.execute(db),
    ]);
    const [a, c, d, e] = timed.ms as [number, number, number, number];
    const rss = timed.rss as [number, number, number, number];
    if (process.env.BENCH_EXPLAIN) {
      const known = [...new Set([...ring.values()].flatMap((s) => [...s]))];
      const st = groupsStatement({ figureIds, fromYear: FROM_YEAR, toYear: TO_YEAR, known });
      console.log(`${kind} — ours:\n${await explain(db, st)}\n${kind} — bare:\n${await explain(db, bare)}`);
    }
    const result = {
      kind,
      seeded,
      values,
      groups: b.rows.length,
      netGroups: bn.rows.length,
      shown,
      netShown,
      computed,
      ours: a,
      bare: c,
      oursNet: d,
      bareNet: c + e,
      rss: { ours: rss[0], bare: rss[1], oursNet: rss[2], bareNet: Math.max(rss[1], rss[3]) },
    };
    console.log(result);
    return result;
  } finally {
    if (url) await sql`DROP SCHEMA IF EXISTS ${sql.id(SCHEMA)} CASCADE`.execute(db);
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [await measure('PGlite')];
if (process.env.BENCH_DATABASE_URL) results.push(await measure('PostgreSQL'));
else console.log('maturity bench: PostgreSQL skipped (set BENCH_DATABASE_URL)');
const ms = (n: number) => `${n.toFixed(0)} ms`;
const mb = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(0)} MB`);
const fmt = (n: number) => n.toLocaleString('en');
const verdict = (x: number, y: number) => `${(x / y).toFixed(2)} × | ${x / y <= TARGET ? 'met' : 'missed'}`;
const r0 = results[0]!;
writeSection(
  'maturity',
  [
    `## Key-figure ring: percentiles by peer group (${new Date().toISOString()})`,
    '',
    `${FIGURES} key figures (the 7 defaults and 13 more) × ${TO_YEAR - FROM_YEAR + 1} years (${FROM_YEAR}–${TO_YEAR}) × all 10,751`,
    `municipalities of GV100AD, ${MISSING * 100} % of the values missing (seeded): ${fmt(r0.values)} values. ${NETWORKS} regional`,
    'networks of 10–100 municipalities (some in several; 5 % invited, 5 % left); the one asked for has 60, six of them',
    `in its open ring. Warm (the correctness check ran first), median of ${RUNS} runs in turns; every statement`,
    'through the same Kysely handle and driver.',
    '',
    '**Ours** — `peerDistributions` as the benchmark page calls it (all figures, five years): one statement with the',
    'percentiles (10/25/50/75/90, `percentile_cont`) and counts of every public group — all, size class',
    '(`sizeClassSql`), Land, size class in Land — and the counts of the finest classes of the municipalities in a',
    'network or an open ring; the other finest classes derived from the size class in Land; the disclosure decision',
    `(\`publishableGroupCells\` in core, threshold ${BENCHMARK_THRESHOLD}, differencing over the overlapping groups) per figure and year;`,
    'the results as maps. „+ network“: also the percentiles of the network asked for (a second statement).',
    '**Bare** — one `percentile_cont` statement of the same public groups with counts (`GROUP BY GROUPING SETS` over',
    'figure and year; size class by the same expression; Land; size class in Land), rows returned as they come, no',
    'disclosure; „+ network“: plus the bare statement of the network group (median of its own runs added).',
    'Target: ours ≤ 2 × bare.',
    '',
    `Checked once per database: every group ours shows has the bare statement's count and percentiles exactly, and both`,
    `computed the same ${fmt(r0.computed)} groups (${fmt(r0.shown)} shown, the network in ${r0.netShown} of 100 figure-years).`,
    'Peak RSS: high-water mark of the bench process during one call above its RSS before it (PGlite runs inside the',
    'process; the PostgreSQL server is not counted).',
    '',
    'Where the difference goes (profiled with BENCH_EXPLAIN=1 and the CPU profiler, December 2026): the public part of',
    'ours is the bare plan node for node (one sort by figure, year, size class, Land and one by Land, both spilling',
    'to disk at the default work_mem); the counts of the finest classes of the ~1,800 municipalities in a network',
    'or ring (~161,000 values: nested loop over the municipality index, sort, group) add ~0.35 s on PostgreSQL and',
    '~0.7 s on PGlite; the disclosure decision and the maps ~0.2 s.',
    '',
    '| database | values | groups | ours | bare | ratio | target ≤ 2 × | ours + network | bare + network | ratio | target ≤ 2 × | peak RSS ours / bare | data set built |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.kind} | ${fmt(r.values)} | ${fmt(r.groups)} + ${r.netGroups} | ${ms(r.ours)} | ${ms(r.bare)} | ${verdict(r.ours, r.bare)} | ${ms(r.oursNet)} | ${ms(r.bareNet)} | ${verdict(r.oursNet, r.bareNet)} | ${mb(r.rss.ours)} / ${mb(r.rss.bare)} | ${r.seeded.toFixed(1)} s |`,
    ),
  ].join('\n'),
);
