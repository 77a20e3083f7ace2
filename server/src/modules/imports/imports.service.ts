import { AppError, type ImportReport, arsFromAgs } from '@dz/core';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { writeAudit } from '../../lib/audit.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';
import { type DirectoryMunicipality, type ParsedDirectory, parseDirectoryFile } from './directory.parsers.js';

const CHUNK = 1000;
type Progress = (fraction: number) => Promise<void> | void;

interface Next {
  ags: string;
  ars: string;
  name: string;
  shortName: string;
  landCode: string;
  kreis: string | null;
  kreisKey: string;
  population: number;
  populationDate: string | null;
  areaKm2: number | null;
  lat: number | null;
  lon: number | null;
  administeringBodyId: string | null;
}
const COMPARED: (keyof Next)[] = ['ars', 'name', 'kreis', 'population', 'populationDate', 'areaKm2', 'lat', 'lon', 'administeringBodyId'];

/**
 * Applies a parsed official directory: upserts administering bodies and municipalities in bulk,
 * keeps gemeindefreie Gebiete apart, marks AGS missing from the file instead of deleting them.
 * Idempotent: a second run of the same file reports everything unchanged.
 */
export async function applyDirectory(db: Database, scope: Scope | null, parsed: ParsedDirectory, onProgress: Progress = () => {}): Promise<ImportReport> {
  const report: ImportReport = {
    format: parsed.format,
    referenceDate: parsed.referenceDate,
    total: parsed.total,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: parsed.rejected.slice(0, 500),
    rejectedCount: parsed.rejected.length,
    unincorporated: parsed.unincorporated.length,
    vanished: [],
    renamed: [],
    administeringBodies: parsed.bodies.length,
  };
  await db.transaction().execute(async (trx) => {
    // administering bodies (Amt, Verbandsgemeinde, …) keyed by the first 9 ARS digits
    const bodyRows = parsed.bodies.map((b) => ({ id: newId(), ...b }));
    for (let i = 0; i < bodyRows.length; i += CHUNK) {
      await trx
        .insertInto('administeringBodies')
        .values(bodyRows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.column('arsPrefix').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), type: eb.ref('excluded.type'), updatedAt: new Date() })).where((eb) =>
            eb.or([eb('administeringBodies.name', '<>', eb.ref('excluded.name')), eb('administeringBodies.type', '<>', eb.ref('excluded.type'))]),
          ),
        )
        .execute();
    }
    const bodies = new Map((await trx.selectFrom('administeringBodies').select(['id', 'arsPrefix']).execute()).map((b) => [b.arsPrefix, b.id]));
    await onProgress(0.1);

    const existing = new Map((await trx.selectFrom('municipalities').selectAll().execute()).map((m) => [m.ags, m]));
    const toInsert: (Next & { id: string; source: string })[] = [];
    const toUpdate: (Next & { id: string })[] = [];
    const seen = new Set<string>();
    const build = (r: DirectoryMunicipality): Next => {
      const ars = arsFromAgs(r.ags, r.verband);
      const old = existing.get(r.ags);
      return {
        ags: r.ags,
        ars,
        name: r.name,
        shortName: r.name.split(',')[0]!.trim(),
        landCode: r.ags.slice(0, 2),
        kreis: parsed.kreise.get(r.ags.slice(0, 5)) ?? old?.kreis ?? null,
        kreisKey: r.ags.slice(0, 5),
        population: r.population,
        populationDate: parsed.populationDate,
        areaKm2: r.areaKm2,
        // GV100AD has no coordinates: keep what an earlier workbook import stored
        lat: r.lat ?? old?.lat ?? null,
        lon: r.lon ?? old?.lon ?? null,
        administeringBodyId: bodies.get(ars.slice(0, 9)) ?? null,
      };
    };
    for (const r of parsed.municipalities) {
      if (seen.has(r.ags)) {
        report.rejected.push({ line: r.line, reason: `AGS ${r.ags} kommt mehrfach vor` });
        report.rejectedCount++;
        continue;
      }
      seen.add(r.ags);
      const next = build(r);
      const old = existing.get(r.ags);
      if (!old) {
        toInsert.push({ id: newId(), source: parsed.format, ...next });
        report.created++;
        continue;
      }
      const changed = !old.inDirectory || COMPARED.some((k) => (old[k as keyof typeof old] ?? null) !== (next[k] ?? null));
      if (!changed) {
        report.unchanged++;
        continue;
      }
      if (old.name !== next.name) report.renamed.push({ ags: r.ags, from: old.name, to: next.name });
      toUpdate.push({ id: old.id, ...next });
      report.updated++;
    }
    const steps = Math.max(1, Math.ceil(toInsert.length / CHUNK) + Math.ceil(toUpdate.length / CHUNK));
    let done = 0;
    const step = async () => onProgress(0.1 + (0.85 * ++done) / steps);
    for (let i = 0; i < toInsert.length; i += CHUNK) {
      await trx.insertInto('municipalities').values(toInsert.slice(i, i + CHUNK)).execute();
      await step();
    }
    for (let i = 0; i < toUpdate.length; i += CHUNK) {
      const json = JSON.stringify(toUpdate.slice(i, i + CHUNK));
      await sql`
        UPDATE municipalities m SET
          ars = x.ars, name = x.name, short_name = x."shortName", kreis = x.kreis, population = x.population,
          population_date = x."populationDate", area_km2 = x."areaKm2", lat = x.lat, lon = x.lon,
          administering_body_id = x."administeringBodyId", in_directory = true, source = ${parsed.format},
          version = m.version + 1, updated_at = now()
        FROM jsonb_to_recordset(${json}::jsonb) AS x(
          id uuid, ars text, name text, "shortName" text, kreis text, population int, "populationDate" date,
          "areaKm2" double precision, lat double precision, lon double precision, "administeringBodyId" uuid)
        WHERE m.id = x.id`.execute(trx);
      await step();
    }
    // AGS no longer in the directory (merged or dissolved): flag, never delete
    const vanished = [...existing.values()].filter((m) => m.inDirectory && !seen.has(m.ags));
    report.vanished = vanished.map((m) => ({ ags: m.ags, name: m.name }));
    if (vanished.length) {
      await trx
        .updateTable('municipalities')
        .set((eb) => ({ inDirectory: false, version: eb('version', '+', 1), updatedAt: new Date() }))
        .where(
          'id',
          'in',
          vanished.map((m) => m.id),
        )
        .execute();
    }
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
    await writeAudit(trx, scope, {
      action: 'import',
      entity: 'directory',
      municipalityId: scope?.municipalityId ?? null,
      after: { format: report.format, referenceDate: report.referenceDate, created: report.created, updated: report.updated, unchanged: report.unchanged, vanished: report.vanished.length, rejected: report.rejectedCount },
    });
  });
  await onProgress(1);
  return report;
}

/** Parses and applies a file in one go (CLI). */
export async function importDirectoryBuffer(db: Database, buf: Buffer, onProgress?: Progress) {
  const parsed = await parseDirectoryFile(buf);
  if (parsed.total === 0) throw new AppError('import_failed', 422, 'No municipality records found in the file.');
  return applyDirectory(db, null, parsed, onProgress);
}

function jobView(j: { id: string; fileName: string; status: string; progress: number; error: string | null; report: unknown; createdAt: Date; finishedAt: Date | null }) {
  return {
    id: j.id,
    fileName: j.fileName,
    status: j.status as 'queued' | 'running' | 'done' | 'failed',
    progress: j.progress,
    error: j.error,
    report: (j.report ?? null) as ImportReport | null,
    createdAt: iso(j.createdAt),
    finishedAt: iso(j.finishedAt),
  };
}

/**
 * Starts an import job from an uploaded file and returns at once; progress and the report are
 * stored in import_jobs so any app instance can answer the polling UI.
 */
export async function startImport(deps: Deps, scope: Scope, fileName: string, buf: Buffer) {
  if (!scope.user.isPlatformAdmin) throw new AppError('forbidden', 403);
  const id = newId();
  await deps.db.insertInto('importJobs').values({ id, fileName: fileName.slice(0, 200), status: 'queued', createdBy: scope.user.id }).execute();
  const setProgress = async (p: number) => {
    await deps.db.updateTable('importJobs').set({ progress: Math.min(1, p) }).where('id', '=', id).execute();
  };
  const run = async () => {
    await deps.db.updateTable('importJobs').set({ status: 'running' }).where('id', '=', id).execute();
    try {
      const parsed = await parseDirectoryFile(buf);
      await setProgress(0.05);
      if (parsed.total === 0) throw new AppError('import_failed', 422, 'Die Datei enthält keine Gemeindesätze (Satzart 60).');
      const report = await applyDirectory(deps.db, scope, parsed, setProgress);
      await deps.db
        .updateTable('importJobs')
        .set({ status: 'done', progress: 1, report: JSON.stringify(report), finishedAt: new Date() })
        .where('id', '=', id)
        .execute();
    } catch (err) {
      deps.log.warn({ err, importId: id }, 'import failed');
      const message = err instanceof AppError ? err.message : 'Die Datei konnte nicht gelesen werden.';
      await deps.db.updateTable('importJobs').set({ status: 'failed', error: message, finishedAt: new Date() }).where('id', '=', id).execute();
    }
  };
  void run();
  return getImport(deps, scope, id);
}

export async function getImport(deps: Deps, scope: Scope, id: string) {
  if (!scope.user.isPlatformAdmin) throw new AppError('forbidden', 403);
  const j = await deps.db.selectFrom('importJobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!j) throw new AppError('not_found', 404);
  return jobView(j);
}

export async function listImports(deps: Deps, scope: Scope) {
  if (!scope.user.isPlatformAdmin) throw new AppError('forbidden', 403);
  const rows = await deps.db.selectFrom('importJobs').selectAll().orderBy('createdAt', 'desc').limit(20).execute();
  return { items: rows.map(jobView) };
}
