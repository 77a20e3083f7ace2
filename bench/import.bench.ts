/**
 * Directory import benchmark (`npm run bench`): imports the official GV100AD file (10,751 municipalities)
 * into a fresh embedded database — and into PostgreSQL when BENCH_DATABASE_URL is set — and compares it
 * with a baseline in the same run: a plain multi-row INSERT of the same parsed rows into an unindexed
 * table (the least any import must do). Results go to bench/results.md. Target: full import < 10 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@dz/server/src/db/database.js';
import { migrateToLatest } from '@dz/server/src/db/migrate.js';
import { parseGv100ad } from '@dz/server/src/modules/imports/directory.parsers.js';
import { importDirectoryBuffer } from '@dz/server/src/modules/imports/imports.service.js';
import { sql } from 'kysely';
import { writeSection } from './lib.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FILE = path.resolve(here, '../../shared/data/destatis/GV100AD_30112025.txt');
if (!fs.existsSync(FILE)) throw new Error(`missing ${FILE}: ../shared/data must sit beside the repository`);
const buf = fs.readFileSync(FILE);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

async function baseline(db: Database) {
  const rows = parseGv100ad(buf.toString('utf8')).municipalities;
  await sql`CREATE TEMP TABLE bench_baseline (ags text, verband text, name text, population int, area double precision)`.execute(
    db,
  );
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await sql`INSERT INTO bench_baseline (ags, verband, name, population, area) VALUES ${sql.join(
      chunk.map((r) => sql`(${r.ags}, ${r.verband}, ${r.name}, ${r.population}, ${r.areaKm2})`),
    )}`.execute(db);
  }
}

async function run(kind: string, open: () => Promise<{ db: Database; close: () => Promise<void> }>, schema?: string) {
  const { db, close } = await open();
  await migrateToLatest(db, schema);
  const [base] = await time(() => baseline(db));
  const [first, r1] = await time(() => importDirectoryBuffer(db, buf));
  const [again, r2] = await time(() => importDirectoryBuffer(db, buf));
  const rss = process.memoryUsage().rss / 1024 / 1024;
  await close();
  if (r1.created + r1.updated + r1.unchanged !== 10_751 || r2.unchanged !== 10_751)
    throw new Error('unexpected import result');
  return { kind, base, first, again, rss };
}

const results = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-bench-'));
results.push(await run('PGlite (embedded)', () => openDatabase({ dataDir: tmp })));
if (process.env.BENCH_DATABASE_URL) {
  // its own schema, so the network-scale data set in `public` stays untouched
  const url = process.env.BENCH_DATABASE_URL;
  const setup = await openDatabase({ databaseUrl: url, dataDir: tmp });
  await sql`DROP SCHEMA IF EXISTS bench_import CASCADE`.execute(setup.db);
  await sql`CREATE SCHEMA bench_import`.execute(setup.db);
  results.push(
    await run(
      'PostgreSQL',
      async () => {
        const h = await openDatabase({ databaseUrl: url, dataDir: tmp, searchPath: 'bench_import' });
        return { db: h.db, close: h.close };
      },
      'bench_import',
    ),
  );
  await sql`DROP SCHEMA bench_import CASCADE`.execute(setup.db);
  await setup.close();
}
fs.rmSync(tmp, { recursive: true, force: true });

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const lines = [
  '# Benchmarks',
  '',
  `Run: ${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`,
  '',
  '## Directory import (GV100AD 30.11.2025, 10,751 municipalities + 202 gemeindefreie Gebiete)',
  '',
  'Baseline: plain multi-row INSERT of the parsed rows into an unindexed temp table (same run, same database).',
  '',
  '| database | baseline | first import | ratio first/baseline | re-import (unchanged) | RSS | target < 10 s |',
  '|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.kind} | ${s(r.base)} | ${s(r.first)} | ${(r.first / r.base).toFixed(1)} × | ${s(r.again)} | ${r.rss.toFixed(0)} MB | ${r.first < 10_000 ? 'met' : 'MISSED'} |`,
  ),
  '',
];
writeSection('import', [lines[4], '', lines[2], ...lines.slice(5)].join('\n'));
console.log(lines.join('\n'));
