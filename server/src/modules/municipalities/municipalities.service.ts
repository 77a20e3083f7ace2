import { AppError, arsConsistencyIssue, DEFAULT_DEPARTMENTS, LAENDER, type Municipality, sizeClassOf } from '@dz/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { Scope, TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import {
  type DirectoryFilter,
  type MunicipalityRow,
  municipalitiesRepository as repo,
} from './municipalities.repository.js';

/** Maps a row to the API shape, deriving the KGSt size class in core. */
export function toMunicipality(r: MunicipalityRow): Municipality {
  return {
    id: r.id,
    ags: r.ags,
    ars: r.ars,
    name: r.name,
    shortName: r.shortName,
    land: LAENDER[r.landCode]?.name ?? r.landCode,
    kreis: r.kreis,
    population: r.population,
    populationDate: r.populationDate,
    areaKm2: r.areaKm2,
    sizeClass: sizeClassOf(r.population),
    inDirectory: r.inDirectory,
    administeringBody: r.abId
      ? {
          id: r.abId,
          name: r.abName!,
          type: r.abType!,
          arsPrefix: r.abArsPrefix!,
        }
      : null,
    version: r.version,
  };
}

export async function listDirectory(deps: Deps, scope: Scope, f: DirectoryFilter) {
  const { rows, total } = await repo.list(deps.db, scope, f);
  return { items: rows.map(toMunicipality), total, page: f.page, pageSize: f.pageSize };
}

export async function getMunicipality(deps: Deps, scope: Scope, id: string) {
  const r = await repo.byId(deps.db, scope, id);
  if (!r) throw new AppError('not_found');
  return toMunicipality(r);
}

/** Start page data for the active municipality: master data, key figures, networks. */
export async function dashboard(deps: Deps, scope: TenantScope) {
  const row = await repo.dashboard(deps.db, scope);
  if (!row) throw new AppError('not_found');
  const m = toMunicipality(row);
  const networks = typeof row.networks === 'string' ? JSON.parse(row.networks) : (row.networks ?? []);
  return {
    municipality: m,
    departments: Number(row.departments ?? 0),
    members: Number(row.members ?? 0),
    openInvitations: Number(row.openInvitations ?? 0),
    networks: (networks as { id: string; name: string; type: string; memberCount: number }[]).map((n) => ({
      ...n,
      memberCount: Number(n.memberCount ?? 0),
    })),
    landPeers: { sameSizeClass: Number(row.sameSizeClass ?? 0), inKreis: Number(row.inKreis ?? 0) },
    can: presentCan(scope, 'municipality'),
  };
}

/** Corrects the active municipality's master data (admins only, optimistic locking). */
export async function updateMunicipality(
  deps: Deps,
  scope: TenantScope,
  id: string,
  input: {
    version: number;
    name: string;
    ars?: string | null;
    population: number;
    populationDate?: string | null;
    areaKm2?: number | null;
  },
) {
  if (id !== scope.municipalityId) throw new AppError('not_found');
  authorize(scope, 'municipality', 'edit');
  await deps.db.transaction().execute(async (trx) => {
    const cur = await repo.forUpdate(trx, scope);
    if (!cur) throw new AppError('not_found');
    assertVersion(cur, input.version);
    const issue = arsConsistencyIssue(input.ars, cur.ags);
    if (issue)
      throw new AppError('validation_failed', 'Der Regionalschlüssel (ARS) passt nicht zum Gemeindeschlüssel (AGS).', [
        {
          path: 'body.ars',
          code: issue,
          message: 'Der Regionalschlüssel (ARS) passt nicht zum Gemeindeschlüssel (AGS).',
        },
      ]);
    const next = {
      name: input.name,
      shortName: input.name.split(',')[0]!.trim(),
      ars: input.ars === undefined ? cur.ars : input.ars,
      population: input.population,
      populationDate: input.populationDate === undefined ? cur.populationDate : input.populationDate,
      areaKm2: input.areaKm2 === undefined ? cur.areaKm2 : input.areaKm2,
    };
    await trx
      .updateTable('municipalities')
      .set({ ...next, version: cur.version + 1, updatedAt: new Date(), source: 'manual' })
      .where('id', '=', cur.id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'municipality',
      entityId: cur.id,
      before: {
        name: cur.name,
        ars: cur.ars,
        population: cur.population,
        populationDate: cur.populationDate,
        areaKm2: cur.areaKm2,
      },
      after: next,
    });
  });
  return getMunicipality(deps, scope, id);
}

/** Creates the KGSt-style default departments when a municipality has none yet. */
export async function ensureDefaultDepartments(trx: Transaction<DB> | Database, municipalityId: string) {
  const has = await trx
    .selectFrom('departments')
    .select('id')
    .where('municipalityId', '=', municipalityId)
    .limit(1)
    .executeTakeFirst();
  if (has) return;
  await trx
    .insertInto('departments')
    .values(DEFAULT_DEPARTMENTS.map((d) => ({ id: newId(), municipalityId, code: d.code, name: d.name })))
    .execute();
}

export async function listDepartments(deps: Deps, scope: TenantScope) {
  return { items: await repo.departments(deps.db, scope), can: presentCan(scope, 'departments') };
}

function assertManage(scope: TenantScope) {
  authorize(scope, 'departments', 'manage');
}

const duplicateName = () =>
  new AppError('duplicate', 'Einen Fachbereich mit diesem Namen gibt es bereits.', [
    { path: 'body.name', code: 'duplicate', message: 'Diesen Namen gibt es bereits.' },
  ]);

export async function createDepartment(deps: Deps, scope: TenantScope, input: { code?: string | null; name: string }) {
  assertManage(scope);
  return deps.db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('departments')
      .select('id')
      .where('municipalityId', '=', scope.municipalityId)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash) throw duplicateName();
    const row = { id: newId(), municipalityId: scope.municipalityId, code: input.code ?? null, name: input.name };
    await trx.insertInto('departments').values(row).execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'department',
      entityId: row.id,
      after: { code: row.code, name: row.name },
    });
    return { id: row.id, code: row.code, name: row.name, version: 1 };
  });
}

export async function updateDepartment(
  deps: Deps,
  scope: TenantScope,
  id: string,
  input: { version: number; code?: string | null; name: string },
) {
  assertManage(scope);
  return deps.db.transaction().execute(async (trx) => {
    const cur = await repo.department(trx, scope, id);
    if (!cur) throw new AppError('not_found');
    assertVersion(cur, input.version, { id: cur.id, code: cur.code, name: cur.name, version: cur.version });
    const clash = await trx
      .selectFrom('departments')
      .select('id')
      .where('municipalityId', '=', scope.municipalityId)
      .where('name', '=', input.name)
      .where('id', '<>', id)
      .executeTakeFirst();
    if (clash) throw duplicateName();
    const next = { code: input.code === undefined ? cur.code : input.code, name: input.name };
    await trx
      .updateTable('departments')
      .set({ ...next, version: cur.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'department',
      entityId: id,
      before: { code: cur.code, name: cur.name },
      after: next,
    });
    return { id, ...next, version: cur.version + 1 };
  });
}

export async function deleteDepartment(deps: Deps, scope: TenantScope, id: string) {
  assertManage(scope);
  await deps.db.transaction().execute(async (trx) => {
    const cur = await repo.department(trx, scope, id);
    if (!cur) throw new AppError('not_found');
    await trx
      .deleteFrom('departments')
      .where('id', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'department',
      entityId: id,
      before: { code: cur.code, name: cur.name },
    });
  });
}

export async function restoreDefaultDepartments(deps: Deps, scope: TenantScope) {
  assertManage(scope);
  await deps.db.transaction().execute(async (trx) => {
    await ensureDefaultDepartments(trx, scope.municipalityId);
    await writeAudit(trx, scope, { action: 'create_defaults', entity: 'department', entityId: null });
  });
}
