import { AppError, arsFromAgs, completedName, type ImportReport } from '@dz/core';
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ImportJobs, ImportRows } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';
import { type ParsedDirectory, parseDirectoryFile, parseDirectoryPath } from './directory.parsers.js';
import { importsRepository as repo } from './imports.repository.js';

const CHUNK = 1000;
type Progress = (fraction: number) => Promise<void> | void;

/**
 * GV100AD cuts names at 50 characters (Destatis warns in Hinweise.txt, e.g. "Bautzen / Budyšin, Stadt,
 * Hochschulstadt / Wysokošulske město"). For names that fill the field, the longer name already stored
 * (from the Auszug GV workbook, which has no such limit, or an earlier import) is kept when it continues
 * the cut one; the others are reported as possibly cut.
 */
async function fullNames(db: Database, parsed: ParsedDirectory) {
  const cut = parsed.municipalities.filter((m) => m.mayBeCut);
  const names = new Map<string, string>();
  const possiblyCut: { ags: string; name: string }[] = [];
  if (!cut.length) return { names, possiblyCut };
  const known = new Map(
    (
      await db
        .selectFrom('municipalities')
        .select(['ags', 'name'])
        .where(
          'ags',
          'in',
          cut.map((m) => m.ags),
        )
        .execute()
    ).map((m) => [m.ags, m.name]),
  );
  for (const m of cut) {
    const name = completedName(m.name, known.get(m.ags));
    names.set(m.ags, name);
    if (name === m.name) possiblyCut.push({ ags: m.ags, name });
  }
  return { names, possiblyCut };
}

/**
 * Applies a parsed official directory in two steps so the app stays responsive and nothing is
 * half-applied: (1) parsed rows are staged in small chunks (progress visible), (2) one transaction
 * applies them set-based in SQL — administering bodies, updates, inserts, vanished AGS flagged (never
 * deleted), gemeindefreie Gebiete kept apart. Idempotent: the same file twice reports all unchanged.
 */
export async function applyDirectory(
  db: Database,
  scope: Scope | null,
  jobId: string,
  parsed: ParsedDirectory,
  onProgress: Progress = () => {},
): Promise<ImportReport> {
  const rejected = [...parsed.rejected];
  const { names, possiblyCut } = await fullNames(db, parsed);
  const seen = new Set<string>();
  const rows: ImportRows[] = [];
  for (const r of parsed.municipalities) {
    if (seen.has(r.ags)) {
      rejected.push({ line: r.line, reason: `AGS ${r.ags} kommt mehrfach vor` });
      continue;
    }
    seen.add(r.ags);
    const ars = arsFromAgs(r.ags, r.verband);
    rows.push({
      jobId,
      line: r.line,
      newId: newId(),
      ags: r.ags,
      ars,
      name: names.get(r.ags) ?? r.name,
      shortName: (names.get(r.ags) ?? r.name).split(',')[0]!.trim(),
      landCode: r.ags.slice(0, 2),
      kreis: parsed.kreise.get(r.ags.slice(0, 5)) ?? null,
      kreisKey: r.ags.slice(0, 5),
      population: r.population,
      populationDate: parsed.populationDate,
      areaKm2: r.areaKm2,
      lat: r.lat,
      lon: r.lon,
      bodyPrefix: ars.slice(0, 9),
    });
  }
  const bodies = [...new Map(parsed.bodies.map((b) => [b.arsPrefix, b])).values()].map((b) => ({
    jobId,
    newId: newId(),
    ...b,
  }));
  await repo.clearStaging(db, jobId);
  await repo.stageBodies(db, bodies);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await repo.stageRows(db, rows.slice(i, i + CHUNK));
    await onProgress(0.1 + (0.7 * Math.min(rows.length, i + CHUNK)) / Math.max(1, rows.length));
  }
  const report = await db.transaction().execute(async (trx) => {
    await repo.upsertBodies(trx, jobId);
    const renamed = await repo.renamed(trx, jobId);
    const candidates = await repo.mergeCandidates(trx, jobId);
    const updated = await repo.updateChanged(trx, jobId, parsed.format);
    const created = await repo.insertNew(trx, jobId, parsed.format);
    const vanished = (await repo.flagVanished(trx, jobId)).map((v) => ({
      ags: v.ags,
      name: v.name,
      likelyMergedInto: candidates.filter((c) => c.kreisKey === v.kreisKey).map((c) => ({ ags: c.ags, name: c.name })),
    }));
    if (parsed.unincorporated.length) {
      await trx
        .insertInto('unincorporatedAreas')
        .values(
          parsed.unincorporated.map((u) => ({
            ags: u.ags,
            name: u.name,
            landCode: u.ags.slice(0, 2),
            population: u.population,
            areaKm2: u.areaKm2,
          })),
        )
        .onConflict((oc) =>
          oc.column('ags').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            population: eb.ref('excluded.population'),
            areaKm2: eb.ref('excluded.areaKm2'),
            updatedAt: new Date(),
          })),
        )
        .execute();
    }
    await repo.clearStaging(trx, jobId);
    const r: ImportReport = {
      format: parsed.format,
      referenceDate: parsed.referenceDate,
      total: parsed.total,
      created,
      updated,
      unchanged: rows.length - created - updated,
      rejected: rejected.slice(0, 500),
      rejectedCount: rejected.length,
      unincorporated: parsed.unincorporated.length,
      vanished,
      renamed,
      possiblyCut,
      administeringBodies: bodies.length,
    };
    await writeAudit(trx, scope, {
      action: 'import',
      entity: 'directory',
      entityId: jobId,
      municipalityId: scope?.municipalityId ?? null,
      after: {
        format: r.format,
        referenceDate: r.referenceDate,
        created,
        updated,
        unchanged: r.unchanged,
        vanished: vanished.length,
        rejected: r.rejectedCount,
      },
    });
    return r;
  });
  await onProgress(1);
  return report;
}

/**
 * Runs one import job: parse, stage, apply; status, progress and report live in import_jobs. The file (an
 * upload in memory, or a path on disk) is read as a stream; only the parsed records are kept.
 */
async function runJob(db: Database, scope: Scope | null, jobId: string, file: Buffer | string): Promise<ImportReport> {
  const setProgress = async (p: number) => {
    await db
      .updateTable('importJobs')
      .set({ progress: Math.min(1, p) })
      .where('id', '=', jobId)
      .execute();
  };
  await db.updateTable('importJobs').set({ status: 'running' }).where('id', '=', jobId).execute();
  try {
    const parsed = typeof file === 'string' ? await parseDirectoryPath(file) : await parseDirectoryFile(file);
    await setProgress(0.1);
    if (parsed.total === 0) throw new AppError('import_failed', 'Die Datei enthält keine Gemeindesätze (Satzart 60).');
    const report = await applyDirectory(db, scope, jobId, parsed, setProgress);
    await db
      .updateTable('importJobs')
      .set({ status: 'done', progress: 1, report: JSON.stringify(report), finishedAt: new Date() })
      .where('id', '=', jobId)
      .execute();
    return report;
  } catch (err) {
    const message = err instanceof AppError ? err.message : 'Die Datei konnte nicht gelesen werden.';
    await repo.clearStaging(db, jobId);
    await db
      .updateTable('importJobs')
      .set({ status: 'failed', error: message, finishedAt: new Date() })
      .where('id', '=', jobId)
      .execute();
    throw err;
  }
}

async function createJob(db: Database, fileName: string, createdBy: string | null) {
  const id = newId();
  await db
    .insertInto('importJobs')
    .values({ id, fileName: fileName.slice(0, 200), status: 'queued', createdBy })
    .execute();
  return id;
}

/** Imports a file synchronously (CLI and benchmark); recorded as a job like UI imports. */
export async function importDirectoryBuffer(db: Database, buf: Buffer, onProgress?: Progress, fileName = 'CLI-Import') {
  const id = await createJob(db, fileName, null);
  const report = await runJob(db, null, id, buf);
  await onProgress?.(1);
  return report;
}

/** Imports a file on disk, streamed (CLI and benchmark): the file is never read into memory as a whole. */
export async function importDirectoryFile(db: Database, file: string, onProgress?: Progress, fileName = 'CLI-Import') {
  const id = await createJob(db, fileName, null);
  const report = await runJob(db, null, id, file);
  await onProgress?.(1);
  return report;
}

function jobView(j: Selectable<ImportJobs>) {
  return {
    id: j.id,
    fileName: j.fileName,
    status: j.status,
    progress: j.progress,
    error: j.error,
    report: j.report ?? null,
    createdAt: iso(j.createdAt),
    finishedAt: iso(j.finishedAt),
  };
}

/**
 * Starts an import job from an uploaded file and returns at once; progress and the report are
 * stored in import_jobs so any app instance can answer the polling UI.
 */
export async function startImport(deps: Deps, scope: Scope, fileName: string, buf: Buffer) {
  if (!scope.user.isPlatformAdmin) throw new AppError('forbidden');
  const id = await createJob(deps.db, fileName, scope.user.id);
  runJob(deps.db, scope, id, buf).catch((err) => deps.log.warn({ err, importId: id }, 'import failed'));
  return getImport(deps, scope, id);
}

export async function getImport(deps: Deps, scope: Scope, id: string) {
  if (!scope.user.isPlatformAdmin) throw new AppError('forbidden');
  const j = await deps.db.selectFrom('importJobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!j) throw new AppError('not_found');
  return jobView(j);
}

export async function listImports(deps: Deps, scope: Scope) {
  if (!scope.user.isPlatformAdmin) throw new AppError('forbidden');
  const rows = await deps.db.selectFrom('importJobs').selectAll().orderBy('createdAt', 'desc').limit(20).execute();
  return { items: rows.map(jobView) };
}
