import { AppError, fieldError, type myCompetencesUpdate } from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { assertOwn } from '../../lib/own-refs.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { knownCodes } from './framework.service.js';

/**
 * A person's self-assessment is theirs: every query here is keyed by the caller's own user id. Nobody reads
 * another person's levels, except the coordination of the municipality (`competences.manage`) the levels of
 * people who chose to share them (`listShared`). The audit trail records that an assessment changed, never
 * the levels (administrators read the audit trail).
 */
export async function getMine(deps: Deps, scope: TenantScope) {
  const m = scope.municipalityId;
  const profile = await deps.db
    .selectFrom('competenceProfiles')
    .select(['departmentId', 'shareWithManager', 'version'])
    .where('municipalityId', '=', m)
    .where('userId', '=', scope.user.id)
    .executeTakeFirst();
  const [levels, membership] = await Promise.all([
    deps.db
      .selectFrom('competenceAssessments')
      .select(['code', 'level', 'target'])
      .where('municipalityId', '=', m)
      .where('userId', '=', scope.user.id)
      .orderBy('code')
      .execute(),
    deps.db
      .selectFrom('memberships')
      .select('departmentId')
      .where('municipalityId', '=', m)
      .where('userId', '=', scope.user.id)
      .executeTakeFirst(),
  ]);
  return {
    // before the first assessment, the department the members page records for the person is proposed
    departmentId: profile ? profile.departmentId : (membership?.departmentId ?? null),
    shareWithManager: profile?.shareWithManager ?? false,
    version: profile?.version ?? 0,
    levels,
    can: presentCan(scope, 'competences'),
  };
}

export async function updateMine(deps: Deps, scope: TenantScope, input: z.infer<typeof myCompetencesUpdate>) {
  authorize(scope, 'competences', 'assess');
  const m = scope.municipalityId;
  const known = await knownCodes(deps.db, m);
  const seen = new Set<string>();
  input.levels.forEach((l, i) => {
    if (!known.has(l.code) || seen.has(l.code))
      throw fieldError(`body.levels.${i}.code`, 'unknown_competence', 'Diese Kompetenz gibt es in Ihrem Rahmen nicht.');
    seen.add(l.code);
  });
  if (input.departmentId) await assertOwn(deps.db, scope, 'department', input.departmentId, 'body.departmentId');
  await deps.db.transaction().execute(async (trx) => {
    const profile = await trx
      .selectFrom('competenceProfiles')
      .select(['departmentId', 'shareWithManager', 'version'])
      .where('municipalityId', '=', m)
      .where('userId', '=', scope.user.id)
      .forUpdate()
      .executeTakeFirst();
    assertVersion({ version: profile?.version ?? 0 }, input.version);
    if (profile) {
      await trx
        .updateTable('competenceProfiles')
        .set({
          departmentId: input.departmentId,
          shareWithManager: input.shareWithManager,
          version: profile.version + 1,
          updatedAt: new Date(),
        })
        .where('municipalityId', '=', m)
        .where('userId', '=', scope.user.id)
        .execute();
    } else {
      const inserted = await trx
        .insertInto('competenceProfiles')
        .values({
          municipalityId: m,
          userId: scope.user.id,
          departmentId: input.departmentId,
          shareWithManager: input.shareWithManager,
        })
        .onConflict((oc) => oc.columns(['municipalityId', 'userId']).doNothing())
        .returning('version')
        .executeTakeFirst();
      // a second tab saved the first assessment a moment earlier
      if (!inserted)
        throw new AppError('version_conflict', 'Der Datensatz wurde inzwischen von jemand anderem geändert.');
    }
    // the release of the anonymous overview counts people whose levels changed, not every save
    const before = await trx
      .selectFrom('competenceAssessments')
      .select(['code', 'level', 'target'])
      .where('municipalityId', '=', m)
      .where('userId', '=', scope.user.id)
      .execute();
    const key = (ls: { code: string; level: number; target: number | null }[]) =>
      JSON.stringify([...ls].map((l) => [l.code, l.level, l.target ?? null]).sort());
    if (key(before) !== key(input.levels))
      await trx
        .updateTable('competenceProfiles')
        .set({ levelsChangedAt: new Date() })
        .where('municipalityId', '=', m)
        .where('userId', '=', scope.user.id)
        .execute();
    await trx
      .deleteFrom('competenceAssessments')
      .where('municipalityId', '=', m)
      .where('userId', '=', scope.user.id)
      .execute();
    if (input.levels.length)
      await trx
        .insertInto('competenceAssessments')
        .values(input.levels.map((l) => ({ municipalityId: m, userId: scope.user.id, ...l })))
        .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'competence_assessment',
      entityId: scope.user.id,
      municipalityId: m,
      before: profile ? { shareWithManager: profile.shareWithManager } : null,
      after: { shareWithManager: input.shareWithManager, assessedCompetences: input.levels.length },
    });
  });
  return getMine(deps, scope);
}

/** The assessments shared with the coordination of the municipality, one per person. */
export async function listShared(deps: Deps, scope: TenantScope) {
  authorize(scope, 'competences', 'manage');
  const m = scope.municipalityId;
  const people = await deps.db
    .selectFrom('competenceProfiles as p')
    .innerJoin('memberships as ms', (j) =>
      j.onRef('ms.userId', '=', 'p.userId').onRef('ms.municipalityId', '=', 'p.municipalityId'),
    )
    .innerJoin('users as u', 'u.id', 'p.userId')
    .leftJoin('departments as d', 'd.id', 'p.departmentId')
    .select(['p.userId', 'u.name', 'd.name as department'])
    .where('p.municipalityId', '=', m)
    .where('p.shareWithManager', '=', true)
    .orderBy('u.name')
    .execute();
  const levels = people.length
    ? await deps.db
        .selectFrom('competenceAssessments')
        .select(['userId', 'code', 'level', 'target'])
        .where('municipalityId', '=', m)
        .where(
          'userId',
          'in',
          people.map((p) => p.userId),
        )
        .orderBy('code')
        .execute()
    : [];
  return {
    people: people.map((p) => ({
      ...p,
      levels: levels.filter((l) => l.userId === p.userId).map(({ code, level, target }) => ({ code, level, target })),
    })),
  };
}
