/**
 * Directory import benchmark (`npm run bench`): imports the official GV100AD file (10,751 municipalities)
 * into a fresh embedded database — and into PostgreSQL when BENCH_DATABASE_URL is set — and compares it
 * with a baseline in the same run: a plain multi-row INSERT of the same parsed rows into an unindexed
 * table (the least any import must do). Results go to bench/results.md. Target: full import < 10 s.
 * Memory: each file (GV100AD and the Auszug GV workbook) is then imported from disk, as
 * `npm run import:gemeinden` does, in a process of its own; its peak RSS (VmHWM) is reported. Target ≤ 500 MB.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BATCH_SHARED_BUFFERS, type Database, openDatabase } from '@dz/server/src/db/database.js';
import { migrateToLatest } from '@dz/server/src/db/migrate.js';
import { parseGv100ad } from '@dz/server/src/modules/imports/directory.parsers.js';
import { importDirectoryBuffer, importDirectoryFile } from '@dz/server/src/modules/imports/imports.service.js';
import { sql } from 'kysely';
import { writeSection } from './lib.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FILE = path.resolve(here, '../../shared/data/destatis/GV100AD_30112025.txt');
const WORKBOOK = path.resolve(here, '../../shared/data/destatis/AuszugGV1QAktuell.xlsx');
for (const f of [FILE, WORKBOOK])
  if (!fs.existsSync(f)) throw new Error(`missing ${f}: ../shared/data must sit beside the repository`);

/**
 * Child mode (`--child DATA_DIR FILE`, PostgreSQL when IMPORT_DATABASE_URL is set): one import from disk
 * into an existing, migrated database; prints the process's peak RSS in MB and the import's duration.
 */
if (process.argv[2] === '--child') {
  const [dataDir, file] = process.argv.slice(3) as [string, string];
  const url = process.env.IMPORT_DATABASE_URL;
  // opened as the CLI opens it (src/cli/import-gemeinden.ts)
  const h = await openDatabase({
    databaseUrl: url,
    dataDir,
    sharedBuffers: BATCH_SHARED_BUFFERS,
    ...(url ? { searchPath: 'bench_import' } : {}),
  });
  const t = performance.now();
  const r = await importDirectoryFile(h.db, file);
  const ms = performance.now() - t;
  await h.close();
  if (r.rejectedCount !== 0) throw new Error('unexpected rejected rows');
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
  console.log(JSON.stringify({ hwm, ms }));
  process.exit(0);
}

/** Peak RSS (MB) of a separate process importing `file` from disk, as the CLI import does. */
function importPeak(dataDir: string, file: string, url?: string): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', dataDir, file], {
    env: { ...process.env, IMPORT_DATABASE_URL: url ?? '' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`import child failed: ${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { hwm: number }).hwm;
}

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

async function run(
  kind: string,
  open: () => Promise<{ db: Database; close: () => Promise<void> }>,
  peaks: () => { gv: number; workbook: number },
  schema?: string,
) {
  const { db, close } = await open();
  await migrateToLatest(db, schema);
  const [base] = await time(() => baseline(db));
  const [first, r1] = await time(() => importDirectoryBuffer(db, buf));
  const [again, r2] = await time(() => importDirectoryBuffer(db, buf));
  await close();
  if (r1.created + r1.updated + r1.unchanged !== 10_751 || r2.unchanged !== 10_751)
    throw new Error('unexpected import result');
  return { kind, base, first, again, ...peaks() };
}

const results = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-bench-'));
results.push(
  await run(
    'PGlite (embedded)',
    () => openDatabase({ dataDir: tmp }),
    () => ({ gv: importPeak(tmp, FILE), workbook: importPeak(tmp, WORKBOOK) }),
  ),
);
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
      () => ({ gv: importPeak(tmp, FILE, url), workbook: importPeak(tmp, WORKBOOK, url) }),
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
  'Peak RSS: VmHWM of a separate process importing the file from disk into the database filled above (as',
  '`npm run import:gemeinden` does: tsx, database driver or embedded PGlite, streamed parsing). Target ≤ 500 MB.',
  '',
  '| database | baseline | first import | ratio first/baseline | re-import (unchanged) | target < 10 s | peak RSS GV100AD | peak RSS Auszug GV (XLSX) |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.kind} | ${s(r.base)} | ${s(r.first)} | ${(r.first / r.base).toFixed(1)} × | ${s(r.again)} | ${r.first < 10_000 ? 'met' : 'MISSED'} | ${r.gv.toFixed(0)} MB | ${r.workbook.toFixed(0)} MB |`,
  ),
  '',
];
writeSection('import', [lines[4], '', lines[2], ...lines.slice(5)].join('\n'));
console.log(lines.join('\n'));
