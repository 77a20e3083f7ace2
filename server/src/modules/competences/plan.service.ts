import { AppError, type assignmentCreate, type assignmentUpdate, fieldError, may } from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { deleteOwnRow } from '../../lib/own-rows.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';

function planQuery(deps: Deps, scope: TenantScope) {
  return deps.db
    .selectFrom('trainingAssignments as a')
    .innerJoin('trainings as t', 't.id', 'a.trainingId')
    .leftJoin('users as u', 'u.id', 'a.userId')
    .leftJoin('departments as d', 'd.id', 'a.departmentId')
    .select([
      'a.id',
      'a.version',
      'a.trainingId',
      't.title as training',
      't.provider',
      'a.userId',
      'u.name as person',
      'a.departmentId',
      'd.name as department',
      'a.dueOn',
      'a.status',
    ])
    .where('a.municipalityId', '=', scope.municipalityId);
}

/**
 * The training plan. The coordination sees all of it; everyone else only what is planned for them: their own
 * assignments and those of the department they named in their self-assessment (an assignment to a person
 * says something about that person, so it is not shown to colleagues).
 */
export async function listPlan(deps: Deps, scope: TenantScope) {
  const m = scope.municipalityId;
  const manages = may(scope, 'competences', 'manage');
  let q = planQuery(deps, scope);
  if (!manages) {
    const profile = await deps.db
      .selectFrom('competenceProfiles')
      .select('departmentId')
      .where('municipalityId', '=', m)
      .where('userId', '=', scope.user.id)
      .executeTakeFirst();
    const dept = profile?.departmentId ?? null;
    q = q.where((eb) =>
      dept
        ? eb.or([eb('a.userId', '=', scope.user.id), eb('a.departmentId', '=', dept)])
        : eb('a.userId', '=', scope.user.id),
    );
  }
  const items = await q.orderBy('a.dueOn').orderBy('a.createdAt').execute();
  const people = manages
    ? await deps.db
        .selectFrom('memberships as ms')
        .innerJoin('users as u', 'u.id', 'ms.userId')
        .select(['u.id', 'u.name'])
        .where('ms.municipalityId', '=', m)
        .orderBy('u.name')
        .execute()
    : [];
  return { items, people, can: presentCan(scope, 'competences') };
}

async function getAssignment(deps: Deps, scope: TenantScope, id: string) {
  const a = await planQuery(deps, scope).where('a.id', '=', id).executeTakeFirst();
  if (!a) throw new AppError('not_found');
  return a;
}

export async function createAssignment(deps: Deps, scope: TenantScope, input: z.infer<typeof assignmentCreate>) {
  authorize(scope, 'competences', 'manage');
  const m = scope.municipalityId;
  const t = await deps.db
    .selectFrom('trainings')
    .select(['id', 'title'])
    .where('id', '=', input.trainingId)
    .where('municipalityId', '=', m)
    .executeTakeFirst();
  if (!t) throw fieldError('body.trainingId', 'unknown_training', 'Diese Schulung gibt es in Ihrem Katalog nicht.');
  if (!input.userId === !input.departmentId)
    throw fieldError('body.userId', 'person_or_department', 'Wählen Sie entweder eine Person oder einen Fachbereich.');
  if (input.userId) {
    const p = await deps.db
      .selectFrom('memberships')
      .select('userId')
      .where('userId', '=', input.userId)
      .where('municipalityId', '=', m)
      .executeTakeFirst();
    if (!p) throw fieldError('body.userId', 'unknown_person', 'Wählen Sie eine Person Ihrer eigenen Kommune.');
  }
  if (input.departmentId) {
    const d = await deps.db
      .selectFrom('departments')
      .select('id')
      .where('id', '=', input.departmentId)
      .where('municipalityId', '=', m)
      .executeTakeFirst();
    if (!d)
      throw fieldError('body.departmentId', 'unknown_department', 'Diesen Fachbereich gibt es in Ihrer Kommune nicht.');
  }
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('trainingAssignments')
      .values({ id, municipalityId: m, ...input, createdBy: scope.user.id })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'training_assignment',
      entityId: id,
      municipalityId: m,
      after: { training: t.title, userId: input.userId, departmentId: input.departmentId, dueOn: input.dueOn },
    });
  });
  return getAssignment(deps, scope, id);
}

export async function updateAssignment(
  deps: Deps,
  scope: TenantScope,
  id: string,
  input: z.infer<typeof assignmentUpdate>,
) {
  await getAssignment(deps, scope, id);
  authorize(scope, 'competences', 'manage');
  const { version, ...rest } = input;
  await deps.db.transaction().execute(async (trx) => {
    const a = await trx
      .selectFrom('trainingAssignments')
      .select(['version', 'dueOn', 'status'])
      .where('id', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    assertVersion(a, version, a);
    await trx
      .updateTable('trainingAssignments')
      .set({ ...rest, version: a.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'training_assignment',
      entityId: id,
      municipalityId: scope.municipalityId,
      before: { dueOn: a.dueOn, status: a.status },
      after: rest,
    });
  });
  return getAssignment(deps, scope, id);
}

export async function deleteAssignment(deps: Deps, scope: TenantScope, id: string) {
  const a = await getAssignment(deps, scope, id);
  authorize(scope, 'competences', 'manage');
  return deleteOwnRow(deps.db, scope, 'trainingAssignments', id, {
    entity: 'training_assignment',
    before: { training: a.training, dueOn: a.dueOn, status: a.status },
  });
}
