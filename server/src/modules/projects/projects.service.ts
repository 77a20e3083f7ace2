import { allows, fieldError, type projectCreate, type projectMove, type projectUpdate } from '@dz/core';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { draftPhaseNews } from '../newsroom/drafts.js';
import { assertMembers, loadProject, projectFacts } from './projects.access.js';

export { listProjects, portfolioRows } from './projects.list.js';

/** Departments, needs and goals named in a project must belong to the active municipality. */
async function checkRefs(
  deps: Deps,
  scope: TenantScope,
  input: { ownerId: string | null; teamIds: string[]; departmentIds: string[]; needIds: string[]; goalIds: string[] },
) {
  const mid = scope.municipalityId;
  await assertMembers(deps, scope, 'body.ownerId', [input.ownerId]);
  await assertMembers(deps, scope, 'body.teamIds', input.teamIds);
  const count = async (ids: string[], q: () => Promise<{ id: string }[]>) => (ids.length ? (await q()).length : 0);
  const uniq = (ids: string[]) => [...new Set(ids)];
  const d = uniq(input.departmentIds);
  if (
    (await count(d, () =>
      deps.db.selectFrom('departments').select('id').where('municipalityId', '=', mid).where('id', 'in', d).execute(),
    )) !== d.length
  )
    throw fieldError('body.departmentIds', 'unknown_department', 'Diesen Fachbereich gibt es in Ihrer Kommune nicht.');
  const n = uniq(input.needIds);
  if (
    (await count(n, () =>
      deps.db.selectFrom('needs').select('id').where('municipalityId', '=', mid).where('id', 'in', n).execute(),
    )) !== n.length
  )
    throw fieldError('body.needIds', 'unknown_need', 'Diesen Bedarf gibt es in Ihrer Kommune nicht.');
  const g = uniq(input.goalIds);
  if (
    (await count(g, () =>
      deps.db
        .selectFrom('goals as g')
        .innerJoin('fieldsOfAction as f', 'f.id', 'g.fieldId')
        .select('g.id')
        .where('f.municipalityId', '=', mid)
        .where('g.id', 'in', g)
        .execute(),
    )) !== g.length
  )
    throw fieldError('body.goalIds', 'unknown_goal', 'Dieses Ziel gibt es im Zielbild Ihrer Kommune nicht.');
  return { departmentIds: d, needIds: n, goalIds: g, teamIds: uniq(input.teamIds) };
}

async function replaceLinks(
  trx: Transaction<DB>,
  id: string,
  refs: { teamIds: string[]; departmentIds: string[]; needIds: string[]; goalIds: string[] },
) {
  await trx.deleteFrom('projectTeam').where('projectId', '=', id).execute();
  await trx.deleteFrom('projectDepartments').where('projectId', '=', id).execute();
  await trx.deleteFrom('projectNeeds').where('projectId', '=', id).execute();
  await trx.deleteFrom('projectGoals').where('projectId', '=', id).execute();
  if (refs.teamIds.length)
    await trx
      .insertInto('projectTeam')
      .values(refs.teamIds.map((userId) => ({ projectId: id, userId })))
      .execute();
  if (refs.departmentIds.length)
    await trx
      .insertInto('projectDepartments')
      .values(refs.departmentIds.map((departmentId) => ({ projectId: id, departmentId })))
      .execute();
  if (refs.needIds.length)
    await trx
      .insertInto('projectNeeds')
      .values(refs.needIds.map((needId) => ({ projectId: id, needId })))
      .execute();
  if (refs.goalIds.length)
    await trx
      .insertInto('projectGoals')
      .values(refs.goalIds.map((goalId) => ({ projectId: id, goalId })))
      .execute();
}

export async function createProject(deps: Deps, scope: TenantScope, input: z.infer<typeof projectCreate>) {
  authorize(scope, 'projects', 'create');
  const refs = await checkRefs(deps, scope, input);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('projects')
      .values({
        id,
        municipalityId: scope.municipalityId,
        title: input.title,
        description: input.description,
        ownerId: input.ownerId ?? scope.user.id,
        phase: input.phase,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdBy: scope.user.id,
      })
      .execute();
    await replaceLinks(trx, id, refs);
    // projects that answer a need move the need on to "planned"
    if (refs.needIds.length)
      await trx
        .updateTable('needs')
        .set({ status: 'planned', version: sql`version + 1`, updatedAt: new Date() })
        .where('id', 'in', refs.needIds)
        .where('status', 'in', ['open', 'in_review'])
        .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'project',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { title: input.title, phase: input.phase },
    });
  });
  return { id };
}

export async function getProject(deps: Deps, scope: TenantScope, id: string) {
  const p = await loadProject(deps, scope, id);
  const [owner, team, departments, needs, goals, milestones, tasks, reports, links, files, comments, facts] =
    await Promise.all([
      p.ownerId
        ? deps.db.selectFrom('users').select(['id', 'name']).where('id', '=', p.ownerId).executeTakeFirst()
        : null,
      deps.db
        .selectFrom('projectTeam as t')
        .innerJoin('users as u', 'u.id', 't.userId')
        .select(['u.id', 'u.name'])
        .where('t.projectId', '=', id)
        .orderBy('u.name')
        .execute(),
      deps.db
        .selectFrom('projectDepartments as pd')
        .innerJoin('departments as d', 'd.id', 'pd.departmentId')
        .select(['d.id', 'd.name'])
        .where('pd.projectId', '=', id)
        .orderBy('d.name')
        .execute(),
      deps.db
        .selectFrom('projectNeeds as pn')
        .innerJoin('needs as n', 'n.id', 'pn.needId')
        .select(['n.id', 'n.title', 'n.status'])
        .where('pn.projectId', '=', id)
        .orderBy('n.title')
        .execute(),
      deps.db
        .selectFrom('projectGoals as pg')
        .innerJoin('goals as g', 'g.id', 'pg.goalId')
        .innerJoin('fieldsOfAction as f', 'f.id', 'g.fieldId')
        .select(['g.id', 'g.title', 'f.name as field'])
        .where('pg.projectId', '=', id)
        .orderBy('f.position')
        .orderBy('g.position')
        .execute(),
      deps.db.selectFrom('milestones').selectAll().where('projectId', '=', id).orderBy('dueOn').orderBy('id').execute(),
      deps.db
        .selectFrom('tasks as t')
        .leftJoin('users as u', 'u.id', 't.assigneeId')
        .select(['t.id', 't.version', 't.title', 't.assigneeId', 'u.name as assigneeName', 't.dueOn', 't.status'])
        .where('t.projectId', '=', id)
        .orderBy(sql`CASE t.status WHEN 'done' THEN 1 ELSE 0 END`)
        .orderBy(sql`t.due_on NULLS LAST`)
        .orderBy('t.createdAt')
        .execute(),
      deps.db
        .selectFrom('statusReports as r')
        .leftJoin('users as u', 'u.id', 'r.authorId')
        .select([
          'r.id',
          'r.reportedOn',
          'r.scope',
          'r.schedule',
          'r.budget',
          'r.overall',
          'r.summary',
          'u.name as author',
          'r.createdAt',
        ])
        .where('r.projectId', '=', id)
        .orderBy('r.reportedOn', 'desc')
        .orderBy('r.createdAt', 'desc')
        .execute(),
      deps.db.selectFrom('projectLinks').selectAll().where('projectId', '=', id).orderBy('createdAt').execute(),
      deps.db
        .selectFrom('projectFiles as f')
        .leftJoin('users as u', 'u.id', 'f.uploadedBy')
        .select(['f.id', 'f.fileName', 'f.contentType', 'f.sizeBytes', 'u.name as uploadedBy', 'f.createdAt'])
        .where('f.projectId', '=', id)
        .orderBy('f.createdAt')
        .execute(),
      deps.db
        .selectFrom('projectComments as c')
        .leftJoin('users as u', 'u.id', 'c.authorId')
        .select(['c.id', 'u.name as author', 'c.body', 'c.createdAt'])
        .where('c.projectId', '=', id)
        .orderBy('c.createdAt')
        .execute(),
      projectFacts(deps, scope, p),
    ]);
  const names = (await colleagues(deps, scope)).items.map((c) => c.name);
  const scores = await deps.db
    .selectFrom('projectScores')
    .select(['criterionKey', 'score'])
    .where('projectId', '=', id)
    .execute();
  return {
    id: p.id,
    version: p.version,
    title: p.title,
    description: p.description,
    phase: p.phase,
    owner: owner ?? null,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    team,
    departments,
    needs,
    goals,
    milestones: milestones.map((m) => ({
      id: m.id,
      version: m.version,
      title: m.title,
      dueOn: m.dueOn,
      reachedOn: m.reachedOn,
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      version: t.version,
      title: t.title,
      assignee: t.assigneeId && t.assigneeName ? { id: t.assigneeId, name: t.assigneeName } : null,
      dueOn: t.dueOn,
      status: t.status,
    })),
    reports: reports.map((r) => ({
      ...r,
      scope: r.scope,
      schedule: r.schedule,
      budget: r.budget,
      overall: r.overall,
      createdAt: iso(r.createdAt),
    })),
    links: links.map((l) => ({ id: l.id, title: l.title, url: l.url, createdAt: iso(l.createdAt) })),
    files: files.map((f) => ({ ...f, createdAt: iso(f.createdAt) })),
    comments: comments.map((c) => ({ ...c, mentions: mentionedNames(c.body, names), createdAt: iso(c.createdAt) })),
    scores: Object.fromEntries(scores.map((s) => [s.criterionKey, s.score])),
    score: p.priorityScore,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
    can: presentCan(scope, 'project', facts),
  };
}

/** Names of colleagues mentioned as "@Name" in a text (longest names first, so "@Anna Berg" wins over "@Anna"). */
export function mentionedNames(body: string, names: readonly string[]): string[] {
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  let rest = body;
  for (const n of sorted) {
    const token = `@${n}`;
    if (rest.includes(token)) {
      found.push(n);
      rest = rest.split(token).join(' ');
    }
  }
  return found;
}

const CORE = ['title', 'description', 'ownerId', 'phase', 'startsOn', 'endsOn'] as const;

export async function updateProject(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof projectUpdate>) {
  const p = await loadProject(deps, scope, id);
  authorize(scope, 'project', 'edit', await projectFacts(deps, scope, p));
  const refs = await checkRefs(deps, scope, input);
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom('projects').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const before = Object.fromEntries(CORE.map((f) => [f, cur[f]]));
    assertVersion(cur, input.version, { ...before, version: cur.version });
    const after = Object.fromEntries(CORE.map((f) => [f, input[f]]));
    await trx
      .updateTable('projects')
      .set({ ...after, version: cur.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await replaceLinks(trx, id, refs);
    await draftPhaseNews(trx, scope.municipalityId, { id, title: input.title }, cur.phase, input.phase);
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'project',
      entityId: id,
      municipalityId: scope.municipalityId,
      before,
      after,
    });
  });
  return getProject(deps, scope, id);
}

/**
 * A move on the board (mouse or keyboard): sets the phase and puts the project at `position` inside the
 * column, renumbering the column so the order is stable for everyone.
 */
export async function moveProject(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof projectMove>) {
  const p = await loadProject(deps, scope, id);
  authorize(scope, 'project', 'edit', await projectFacts(deps, scope, p));
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom('projects').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    assertVersion(cur, input.version, { phase: cur.phase, version: cur.version });
    const column = await trx
      .selectFrom('projects')
      .select('id')
      .where('municipalityId', '=', scope.municipalityId)
      .where('phase', '=', input.phase)
      .where('id', '<>', id)
      .orderBy('boardPosition')
      .orderBy('title')
      .execute();
    const order = column.map((c) => c.id);
    order.splice(Math.min(input.position, order.length), 0, id);
    for (const [i, pid] of order.entries())
      await trx
        .updateTable('projects')
        .set(
          pid === id
            ? { boardPosition: i, phase: input.phase, version: cur.version + 1, updatedAt: new Date() }
            : { boardPosition: i },
        )
        .where('id', '=', pid)
        .execute();
    await draftPhaseNews(trx, scope.municipalityId, { id, title: cur.title }, cur.phase, input.phase);
    if (cur.phase !== input.phase)
      await writeAudit(trx, scope, {
        action: 'update',
        entity: 'project',
        entityId: id,
        municipalityId: scope.municipalityId,
        before: { phase: cur.phase },
        after: { phase: input.phase },
      });
  });
  return getProject(deps, scope, id);
}

/** The board: all projects of the municipality by phase, in board order. */
export async function board(deps: Deps, scope: TenantScope) {
  const rows = await deps.db
    .selectFrom('projects as p')
    .leftJoin('users as o', 'o.id', 'p.ownerId')
    .select([
      'p.id',
      'p.title',
      'p.phase',
      'p.version',
      'o.name as owner',
      'p.endsOn',
      'p.priorityScore',
      (eb) =>
        eb
          .or([
            eb('p.ownerId', '=', scope.user.id),
            eb.exists(
              eb
                .selectFrom('projectTeam as t')
                .select('t.userId')
                .whereRef('t.projectId', '=', 'p.id')
                .where('t.userId', '=', scope.user.id),
            ),
          ])
          .as('mine'),
    ])
    .where('p.municipalityId', '=', scope.municipalityId)
    .orderBy('p.boardPosition')
    .orderBy('p.title')
    .execute();
  return {
    items: rows.map(({ priorityScore, mine, ...r }) => ({
      ...r,
      phase: r.phase,
      score: priorityScore,
      movable: allows(scope, 'manage_projects') || Boolean(mine),
    })),
  };
}

export async function deleteProject(deps: Deps, scope: TenantScope, id: string) {
  const p = await loadProject(deps, scope, id);
  authorize(scope, 'projects', 'manage');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('projects').where('id', '=', id).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'project',
      entityId: id,
      municipalityId: scope.municipalityId,
      before: { title: p.title, phase: p.phase },
    });
  });
  return { ok: true as const };
}

/** Members of the active municipality (for pickers and @mentions). */
export async function colleagues(deps: Deps, scope: TenantScope) {
  const items = await deps.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['u.id', 'u.name'])
    .where('m.municipalityId', '=', scope.municipalityId)
    .orderBy('u.name')
    .execute();
  return { items };
}
