import { AppError, fieldError, type needCreate, type needsQuery, type needUpdate } from '@dz/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';

/**
 * A German OR-query from free text: every word is stemmed by PostgreSQL ("Bauhöfe" → "bauhof"), so
 * similar needs are found while typing even with other word forms. Only letters and digits pass;
 * words shorter than three letters are left out.
 */
export function orQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3)
    .slice(0, 30);
  // prefix match, so a word still being typed already finds ("Bauh" → "Bauhof")
  return words.length ? words.map((w) => `${w}:*`).join(' | ') : null;
}

export async function listNeeds(deps: Deps, scope: TenantScope, q: z.infer<typeof needsQuery>) {
  let base = deps.db
    .selectFrom('needs as n')
    .leftJoin('departments as d', 'd.id', 'n.departmentId')
    .where('n.municipalityId', '=', scope.municipalityId);
  if (q.status) base = base.where('n.status', '=', q.status);
  else base = base.where('n.status', '<>', 'merged');
  if (q.source) base = base.where('n.source', '=', q.source);
  const words = q.q ? orQuery(q.q) : null;
  if (words) base = base.where(sql<boolean>`n.search @@ to_tsquery('german', ${words})`);
  const rows = await base
    .select([
      'n.id',
      'n.title',
      'n.service',
      'd.name as department',
      'n.urgency',
      'n.source',
      'n.status',
      'n.createdAt',
      (eb) => eb.fn.countAll<number>().over().as('total'),
    ])
    .orderBy(
      words
        ? sql`ts_rank(n.search, to_tsquery('german', ${words}))`
        : sql`CASE n.urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`,
      words ? 'desc' : 'asc',
    )
    .orderBy('n.createdAt', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      service: r.service,
      department: r.department,
      urgency: r.urgency,
      source: r.source,
      status: r.status,
      createdAt: iso(r.createdAt),
    })),
    total: Number(rows[0]?.total ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    can: presentCan(scope, 'needs'),
  };
}

/** Up to five existing needs of the municipality that match the words typed so far (German stemming). */
export async function similarNeeds(deps: Deps, scope: TenantScope, text: string, exclude?: string) {
  const words = orQuery(text);
  if (!words) return { items: [] };
  let q = deps.db
    .selectFrom('needs')
    .select(['id', 'title', 'status', sql<number>`ts_rank(search, to_tsquery('german', ${words}))::float8`.as('score')])
    .where('municipalityId', '=', scope.municipalityId)
    .where('status', '<>', 'merged')
    .where(sql<boolean>`search @@ to_tsquery('german', ${words})`);
  if (exclude) q = q.where('id', '<>', exclude);
  const rows = await q.orderBy('score', 'desc').limit(5).execute();
  return { items: rows.map((r) => ({ ...r, status: r.status, score: Number(r.score) })) };
}

async function loadNeed(deps: Deps, scope: TenantScope, id: string) {
  const n = await deps.db
    .selectFrom('needs')
    .selectAll()
    .where('id', '=', id)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!n) throw new AppError('not_found');
  return n;
}

export async function getNeed(deps: Deps, scope: TenantScope, id: string) {
  const n = await loadNeed(deps, scope, id);
  const [dept, action, into, merged, history] = await Promise.all([
    n.departmentId
      ? deps.db.selectFrom('departments').select('name').where('id', '=', n.departmentId).executeTakeFirst()
      : undefined,
    n.workshopActionId
      ? deps.db
          .selectFrom('workshopActions as a')
          .innerJoin('workshops as w', 'w.id', 'a.workshopId')
          .select(['a.id', 'a.what', 'w.title as workshop', 'w.id as workshopId'])
          .where('a.id', '=', n.workshopActionId)
          .executeTakeFirst()
      : undefined,
    n.mergedIntoId
      ? deps.db.selectFrom('needs').select(['id', 'title']).where('id', '=', n.mergedIntoId).executeTakeFirst()
      : undefined,
    deps.db
      .selectFrom('needs')
      .select(['id', 'title', 'description'])
      .where('mergedIntoId', '=', id)
      .orderBy('createdAt')
      .execute(),
    deps.db
      .selectFrom('auditLog as l')
      .leftJoin('users as u', 'u.id', 'l.actorId')
      .select(['l.at', 'l.action', 'u.name as actor', 'l.changes'])
      .where('l.entity', '=', 'need')
      .where('l.entityId', '=', id)
      .where('l.municipalityId', '=', scope.municipalityId)
      .orderBy('l.at', 'desc')
      .limit(50)
      .execute(),
  ]);
  return {
    id: n.id,
    version: n.version,
    seekingPartners: n.seekingPartners,
    title: n.title,
    description: n.description,
    service: n.service,
    departmentId: n.departmentId,
    department: dept?.name ?? null,
    urgency: n.urgency,
    source: n.source,
    status: n.status,
    createdAt: iso(n.createdAt),
    workshopAction: action ?? null,
    mergedInto: into ?? null,
    merged,
    history: history.map((h) => ({ at: iso(h.at), action: h.action, actor: h.actor, changes: h.changes })),
    can: presentCan(scope, 'need', { merged: n.status === 'merged' }),
  };
}

async function checkDepartment(deps: Deps, scope: TenantScope, departmentId: string | null) {
  if (!departmentId) return;
  const d = await deps.db
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!d)
    throw fieldError('body.departmentId', 'unknown_department', 'Diesen Fachbereich gibt es in Ihrer Kommune nicht.');
}

/** A follow-up action may become a need only in a municipality that took part in the workshop. */
async function checkAction(deps: Deps, scope: TenantScope, actionId: string | null) {
  if (!actionId) return;
  const a = await deps.db
    .selectFrom('workshopActions as a')
    .innerJoin('workshopMunicipalities as wm', 'wm.workshopId', 'a.workshopId')
    .select('a.id')
    .where('a.id', '=', actionId)
    .where('wm.municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!a)
    throw fieldError(
      'body.workshopActionId',
      'unknown_action',
      'Diesen nächsten Schritt gibt es in Ihren Workshops nicht.',
    );
}

export async function createNeed(deps: Deps, scope: TenantScope, input: z.infer<typeof needCreate>) {
  authorize(scope, 'needs', 'create');
  await checkDepartment(deps, scope, input.departmentId);
  await checkAction(deps, scope, input.workshopActionId);
  const id = newId();
  const source = input.workshopActionId ? 'workshop' : input.source;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('needs')
      .values({ id, municipalityId: scope.municipalityId, ...input, source, createdBy: scope.user.id })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'need',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { title: input.title, source, urgency: input.urgency },
    });
  });
  return { id };
}

export async function updateNeed(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof needUpdate>) {
  await loadNeed(deps, scope, id);
  authorize(scope, 'needs', 'manage');
  await checkDepartment(deps, scope, input.departmentId);
  await deps.db.transaction().execute(async (trx) => {
    const n = await trx.selectFrom('needs').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const fields = ['title', 'description', 'service', 'departmentId', 'urgency', 'source', 'status'] as const;
    const before = Object.fromEntries(fields.map((f) => [f, n[f]]));
    assertVersion(n, input.version, { ...before, version: n.version });
    if (n.status === 'merged') throw new AppError('conflict', 'Zusammengeführte Bedarfe werden nicht mehr bearbeitet.');
    const after = Object.fromEntries(fields.map((f) => [f, input[f]]));
    await trx
      .updateTable('needs')
      .set({ ...after, version: n.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'need',
      entityId: id,
      municipalityId: scope.municipalityId,
      before,
      after,
    });
  });
  return getNeed(deps, scope, id);
}

/** Merges a duplicate into another need: the duplicate keeps its text and history, marked as merged. */
export async function mergeNeed(
  deps: Deps,
  scope: TenantScope,
  id: string,
  input: { version: number; intoId: string },
) {
  await loadNeed(deps, scope, id);
  authorize(scope, 'needs', 'manage');
  if (input.intoId === id)
    throw fieldError('body.intoId', 'same_need', 'Ein Bedarf lässt sich nicht mit sich selbst zusammenführen.');
  await deps.db.transaction().execute(async (trx) => {
    const n = await trx.selectFrom('needs').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    assertVersion(n, input.version, { status: n.status, version: n.version });
    const into = await trx
      .selectFrom('needs')
      .select(['id', 'title', 'status'])
      .where('id', '=', input.intoId)
      .where('municipalityId', '=', scope.municipalityId)
      .forUpdate()
      .executeTakeFirst();
    if (!into || into.status === 'merged')
      throw fieldError('body.intoId', 'unknown_need', 'Diesen Bedarf gibt es nicht (mehr).');
    if (n.status === 'merged') throw new AppError('conflict', 'Der Bedarf ist bereits zusammengeführt.');
    // needs merged into this one move along, so no chain of merges remains
    await trx.updateTable('needs').set({ mergedIntoId: into.id }).where('mergedIntoId', '=', id).execute();
    await trx
      .updateTable('needs')
      .set({ status: 'merged', mergedIntoId: into.id, version: n.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'merge',
      entity: 'need',
      entityId: id,
      municipalityId: scope.municipalityId,
      before: { status: n.status },
      after: { status: 'merged', mergedInto: into.title },
    });
    await writeAudit(trx, scope, {
      action: 'merge',
      entity: 'need',
      entityId: into.id,
      municipalityId: scope.municipalityId,
      after: { absorbed: n.title },
    });
  });
  return getNeed(deps, scope, input.intoId);
}
