import {
  AppError,
  type Criterion,
  type criteriaSave,
  DEFAULT_PRIORITY_CRITERIA,
  priorityScore,
  rankProjects,
  type scoresSave,
} from '@dz/core';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { editableProject } from './projects.access.js';
import { getProject } from './projects.service.js';

/** The municipality's criteria (the defaults until the first save) and the settings version (0 before). */
export async function loadCriteria(db: Kysely<DB> | Transaction<DB>, municipalityId: string) {
  const [settings, rows] = await Promise.all([
    db.selectFrom('prioritySettings').select('version').where('municipalityId', '=', municipalityId).executeTakeFirst(),
    db
      .selectFrom('priorityCriteria')
      .select(['key', 'name', 'weight', 'direction'])
      .where('municipalityId', '=', municipalityId)
      .orderBy('position')
      .execute(),
  ]);
  const criteria: Criterion[] = settings
    ? rows.map((r) => ({ ...r, direction: r.direction }))
    : DEFAULT_PRIORITY_CRITERIA.map((c) => ({ ...c }));
  return { version: settings?.version ?? 0, criteria };
}

async function scoresByProject(db: Kysely<DB> | Transaction<DB>, municipalityId: string) {
  const rows = await db
    .selectFrom('projectScores as s')
    .innerJoin('projects as p', 'p.id', 's.projectId')
    .select(['s.projectId', 's.criterionKey', 's.score'])
    .where('p.municipalityId', '=', municipalityId)
    .execute();
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const m = out.get(r.projectId) ?? {};
    m[r.criterionKey] = r.score;
    out.set(r.projectId, m);
  }
  return out;
}

/** Criteria, every project's scores and the ranking computed in core. */
export async function getPriorities(deps: Deps, scope: TenantScope) {
  const mid = scope.municipalityId;
  const [{ version, criteria }, projects, scores] = await Promise.all([
    loadCriteria(deps.db, mid),
    deps.db
      .selectFrom('projects')
      .select(['id', 'title', 'phase', 'version'])
      .where('municipalityId', '=', mid)
      .where('phase', 'not in', ['done', 'stopped'])
      .execute(),
    scoresByProject(deps.db, mid),
  ]);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const ranked = rankProjects(
    criteria,
    projects.map((p) => ({ id: p.id, title: p.title, scores: scores.get(p.id) ?? {} })),
  );
  return {
    version,
    criteria,
    projects: ranked.map((r) => {
      const p = byId.get(r.id)!;
      return { ...r, phase: p.phase, version: p.version, scores: scores.get(r.id) ?? {} };
    }),
    can: presentCan(scope, 'prioritisation'),
  };
}

/** Stores the computed score of every project of the municipality (after weights changed). */
async function restoreScores(trx: Transaction<DB>, municipalityId: string, criteria: Criterion[]) {
  const scores = await scoresByProject(trx, municipalityId);
  const projects = await trx.selectFrom('projects').select('id').where('municipalityId', '=', municipalityId).execute();
  for (const p of projects)
    await trx
      .updateTable('projects')
      .set({ priorityScore: priorityScore(criteria, scores.get(p.id) ?? {}).score })
      .where('id', '=', p.id)
      .execute();
}

export async function saveCriteria(deps: Deps, scope: TenantScope, input: z.infer<typeof criteriaSave>) {
  authorize(scope, 'prioritisation', 'configure');
  const mid = scope.municipalityId;
  await deps.db.transaction().execute(async (trx) => {
    const s = await trx
      .selectFrom('prioritySettings')
      .select('version')
      .where('municipalityId', '=', mid)
      .forUpdate()
      .executeTakeFirst();
    const before = await loadCriteria(trx, mid);
    assertVersion({ version: s?.version ?? 0 }, input.version, before);
    if (s)
      await trx
        .updateTable('prioritySettings')
        .set({ version: s.version + 1 })
        .where('municipalityId', '=', mid)
        .execute();
    else await trx.insertInto('prioritySettings').values({ municipalityId: mid }).execute();
    await trx.deleteFrom('priorityCriteria').where('municipalityId', '=', mid).execute();
    await trx
      .insertInto('priorityCriteria')
      .values(input.criteria.map((c, position) => ({ id: newId(), municipalityId: mid, position, ...c })))
      .execute();
    await restoreScores(trx, mid, input.criteria);
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'priority_criteria',
      municipalityId: mid,
      before: Object.fromEntries(before.criteria.map((c) => [c.name, c.weight])),
      after: Object.fromEntries(input.criteria.map((c) => [c.name, c.weight])),
    });
  });
  return getPriorities(deps, scope);
}

/** Scores of one project (part of the project's versioned document); the score is computed in core. */
export async function saveScores(deps: Deps, scope: TenantScope, projectId: string, input: z.infer<typeof scoresSave>) {
  await editableProject(deps, scope, projectId);
  const mid = scope.municipalityId;
  await deps.db.transaction().execute(async (trx) => {
    const p = await trx
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', projectId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    assertVersion(p, input.version, { version: p.version, title: p.title });
    const { criteria } = await loadCriteria(trx, mid);
    const keys = new Set(criteria.map((c) => c.key));
    const unknown = Object.keys(input.scores).find((k) => !keys.has(k));
    if (unknown)
      throw new AppError('validation_failed', 'Dieses Kriterium gibt es nicht.', [
        { path: `body.scores.${unknown}`, code: 'unknown_criterion', message: 'Dieses Kriterium gibt es nicht.' },
      ]);
    await trx.deleteFrom('projectScores').where('projectId', '=', projectId).execute();
    const entries = Object.entries(input.scores);
    if (entries.length)
      await trx
        .insertInto('projectScores')
        .values(entries.map(([criterionKey, score]) => ({ projectId, criterionKey, score })))
        .execute();
    await trx
      .updateTable('projects')
      .set({
        priorityScore: priorityScore(criteria, input.scores).score,
        version: p.version + 1,
        updatedAt: new Date(),
      })
      .where('id', '=', projectId)
      .execute();
    await writeAudit(trx, scope, {
      action: 'score',
      entity: 'project',
      entityId: projectId,
      municipalityId: mid,
      after: input.scores,
    });
  });
  return getProject(deps, scope, projectId);
}
