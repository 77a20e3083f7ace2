import {
  AppError,
  type CapacityCell,
  capacityCells,
  type capacitySave,
  type effortSave,
  fieldError,
  monthOf,
  monthRange,
  sumCells,
} from '@dz/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { assertMembers, editableProject, loadProject } from './projects.access.js';
import { getProject } from './projects.service.js';

const firstOfMonth = (m: string) => `${m}-01`;

/**
 * Capacity per person, department and for the whole portfolio: planned hours are summed in SQL per
 * person and month; available hours come from hours per week (core, part-time aware).
 */
export async function getCapacity(deps: Deps, scope: TenantScope, range: { from?: string; to?: string }) {
  const mid = scope.municipalityId;
  const from = range.from ?? monthOf(new Date());
  const q = {
    from,
    to: range.to ?? (range.from ? monthOf(new Date(`${from}-01T00:00:00Z`), 11) : monthOf(new Date(), 11)),
  };
  if (q.to < q.from) q.to = q.from;
  const months = monthRange(q.from, q.to);
  const [people, planned, byProject] = await Promise.all([
    deps.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .leftJoin('staffCapacity as c', (j) => j.onRef('c.userId', '=', 'm.userId').on('c.municipalityId', '=', mid))
      .leftJoin('departments as d', 'd.id', 'c.departmentId')
      .select(['u.id as userId', 'u.name', 'c.hoursPerWeek', 'c.departmentId', 'd.name as department', 'c.version'])
      .where('m.municipalityId', '=', mid)
      .orderBy('u.name')
      .execute(),
    deps.db
      .selectFrom('projectEffort as e')
      .innerJoin('projects as p', 'p.id', 'e.projectId')
      .select([
        'e.userId',
        sql<string>`to_char(e.month, 'YYYY-MM')`.as('month'),
        (eb) => eb.fn.sum<number>('e.hours').as('hours'),
      ])
      .where('p.municipalityId', '=', mid)
      .where('p.phase', 'not in', ['done', 'stopped'])
      .where('e.month', '>=', firstOfMonth(q.from))
      .where('e.month', '<=', firstOfMonth(q.to))
      .groupBy(['e.userId', sql`to_char(e.month, 'YYYY-MM')`])
      .execute(),
    deps.db
      .selectFrom('projectEffort as e')
      .innerJoin('projects as p', 'p.id', 'e.projectId')
      .select(['e.userId', 'p.id', 'p.title', (eb) => eb.fn.sum<number>('e.hours').as('hours')])
      .where('p.municipalityId', '=', mid)
      .where('p.phase', 'not in', ['done', 'stopped'])
      .where('e.month', '>=', firstOfMonth(q.from))
      .where('e.month', '<=', firstOfMonth(q.to))
      .groupBy(['e.userId', 'p.id', 'p.title'])
      .orderBy('p.title')
      .execute(),
  ]);
  const plannedBy = new Map<string, Map<string, number>>();
  for (const r of planned) {
    const m = plannedBy.get(r.userId) ?? new Map<string, number>();
    m.set(r.month, Number(r.hours));
    plannedBy.set(r.userId, m);
  }
  // people without capacity and without planned effort are left out (they do no digitalization work)
  const rows = people
    .filter((p) => p.hoursPerWeek !== null || plannedBy.has(p.userId))
    .map((p) => ({
      userId: p.userId,
      name: p.name,
      version: p.version ?? 0,
      hoursPerWeek: p.hoursPerWeek,
      departmentId: p.departmentId,
      department: p.department,
      cells: capacityCells(p.hoursPerWeek ?? 0, plannedBy.get(p.userId) ?? new Map(), months),
      projects: byProject
        .filter((x) => x.userId === p.userId)
        .map((x) => ({ id: x.id, title: x.title, hours: Number(x.hours) })),
    }));
  const depts = new Map<string | null, { name: string | null; cells: CapacityCell[][] }>();
  for (const r of rows) {
    const d = depts.get(r.departmentId) ?? { name: r.department, cells: [] };
    d.cells.push(r.cells);
    depts.set(r.departmentId, d);
  }
  return {
    months,
    people: rows,
    departments: [...depts.entries()]
      .map(([id, d]) => ({ id, name: d.name, cells: sumCells(d.cells, months) }))
      .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'de')),
    total: sumCells(
      rows.map((r) => r.cells),
      months,
    ),
    can: presentCan(scope, 'capacity'),
  };
}

/** Hours per week a person has for digitalization work (version 0 creates the entry). */
export async function saveCapacity(
  deps: Deps,
  scope: TenantScope,
  userId: string,
  input: z.infer<typeof capacitySave>,
) {
  const mid = scope.municipalityId;
  const member = await deps.db
    .selectFrom('memberships')
    .select('userId')
    .where('municipalityId', '=', mid)
    .where('userId', '=', userId)
    .executeTakeFirst();
  if (!member) throw new AppError('not_found');
  authorize(scope, 'capacity', 'edit');
  if (input.departmentId) {
    const d = await deps.db
      .selectFrom('departments')
      .select('id')
      .where('id', '=', input.departmentId)
      .where('municipalityId', '=', mid)
      .executeTakeFirst();
    if (!d)
      throw fieldError('body.departmentId', 'unknown_department', 'Diesen Fachbereich gibt es in Ihrer Kommune nicht.');
  }
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('staffCapacity')
      .selectAll()
      .where('municipalityId', '=', mid)
      .where('userId', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    assertVersion({ version: cur?.version ?? 0 }, input.version, cur ?? { version: 0 });
    if (cur)
      await trx
        .updateTable('staffCapacity')
        .set({ hoursPerWeek: input.hoursPerWeek, departmentId: input.departmentId, version: cur.version + 1 })
        .where('municipalityId', '=', mid)
        .where('userId', '=', userId)
        .execute();
    else
      await trx
        .insertInto('staffCapacity')
        .values({ municipalityId: mid, userId, hoursPerWeek: input.hoursPerWeek, departmentId: input.departmentId })
        .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'capacity',
      entityId: userId,
      municipalityId: mid,
      before: cur ? { hoursPerWeek: cur.hoursPerWeek } : null,
      after: { hoursPerWeek: input.hoursPerWeek },
    });
  });
  return { ok: true as const };
}

export async function getEffort(deps: Deps, scope: TenantScope, projectId: string) {
  const p = await loadProject(deps, scope, projectId);
  const rows = await deps.db
    .selectFrom('projectEffort as e')
    .innerJoin('users as u', 'u.id', 'e.userId')
    .select(['e.userId', 'u.name', sql<string>`to_char(e.month, 'YYYY-MM')`.as('month'), 'e.hours'])
    .where('e.projectId', '=', projectId)
    .orderBy('e.month')
    .orderBy('u.name')
    .execute();
  return { version: p.version, rows };
}

/** Replaces the project's effort plan (part of the project's versioned document). */
export async function saveEffort(deps: Deps, scope: TenantScope, projectId: string, input: z.infer<typeof effortSave>) {
  await editableProject(deps, scope, projectId);
  await assertMembers(deps, scope, 'body.rows', [...new Set(input.rows.map((r) => r.userId))]);
  await deps.db.transaction().execute(async (trx) => {
    const p = await trx
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', projectId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    assertVersion(p, input.version, { version: p.version, title: p.title });
    await trx.deleteFrom('projectEffort').where('projectId', '=', projectId).execute();
    const rows = input.rows.filter((r) => r.hours > 0);
    if (rows.length)
      await trx
        .insertInto('projectEffort')
        .values(rows.map((r) => ({ projectId, userId: r.userId, month: firstOfMonth(r.month), hours: r.hours })))
        .execute();
    await trx
      .updateTable('projects')
      .set({ version: p.version + 1, updatedAt: new Date() })
      .where('id', '=', projectId)
      .execute();
    await writeAudit(trx, scope, {
      action: 'effort',
      entity: 'project',
      entityId: projectId,
      municipalityId: scope.municipalityId,
      after: { hours: rows.reduce((s, r) => s + r.hours, 0) },
    });
  });
  return getProject(deps, scope, projectId);
}
