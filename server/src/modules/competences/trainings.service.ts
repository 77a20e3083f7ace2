import { AppError, fieldError, STARTER_TRAININGS, type trainingCreate, type trainingUpdate } from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { deleteOwnRow } from '../../lib/own-rows.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { knownCodes } from './framework.service.js';

type TrainingInput = z.infer<typeof trainingCreate>;
const COLUMNS = ['id', 'version', 'title', 'provider', 'format', 'hours', 'costCents', 'competences', 'url'] as const;

/** The municipality's training catalogue; everyone reads it (it names no person). */
export async function listTrainings(deps: Deps, scope: TenantScope) {
  const items = await deps.db
    .selectFrom('trainings')
    .select(COLUMNS)
    .where('municipalityId', '=', scope.municipalityId)
    .orderBy('title')
    .orderBy('id')
    .execute();
  return { items, can: presentCan(scope, 'competences') };
}

async function getTraining(deps: Deps, scope: TenantScope, id: string) {
  const t = await deps.db
    .selectFrom('trainings')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!t) throw new AppError('not_found');
  return t;
}

async function checkCodes(deps: Deps, scope: TenantScope, codes: readonly string[]) {
  const known = await knownCodes(deps.db, scope.municipalityId);
  codes.forEach((c, i) => {
    if (!known.has(c))
      throw fieldError(`body.competences.${i}`, 'unknown_competence', 'Diese Kompetenz gibt es in Ihrem Rahmen nicht.');
  });
}

const values = (input: TrainingInput) => ({ ...input, competences: JSON.stringify([...new Set(input.competences)]) });

export async function createTraining(deps: Deps, scope: TenantScope, input: TrainingInput) {
  authorize(scope, 'competences', 'manage');
  await checkCodes(deps, scope, input.competences);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('trainings')
      .values({ id, municipalityId: scope.municipalityId, ...values(input), createdBy: scope.user.id })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'training',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { title: input.title, provider: input.provider, format: input.format },
    });
  });
  return getTraining(deps, scope, id);
}

export async function updateTraining(
  deps: Deps,
  scope: TenantScope,
  id: string,
  input: z.infer<typeof trainingUpdate>,
) {
  await getTraining(deps, scope, id);
  authorize(scope, 'competences', 'manage');
  const { version, ...rest } = input;
  await checkCodes(deps, scope, rest.competences);
  await deps.db.transaction().execute(async (trx) => {
    const t = await trx
      .selectFrom('trainings')
      .select(COLUMNS)
      .where('id', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    assertVersion(t, version, t);
    await trx
      .updateTable('trainings')
      .set({ ...values(rest), version: t.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    const { id: _id, version: _v, ...before } = t;
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'training',
      entityId: id,
      municipalityId: scope.municipalityId,
      before,
      after: rest,
    });
  });
  return getTraining(deps, scope, id);
}

export async function deleteTraining(deps: Deps, scope: TenantScope, id: string) {
  const t = await getTraining(deps, scope, id);
  authorize(scope, 'competences', 'manage');
  return deleteOwnRow(deps.db, scope, 'trainings', id, {
    entity: 'training',
    before: { title: t.title, provider: t.provider },
  });
}

/** Adds the starter offers the catalogue does not hold yet (same title and provider); prices stay empty. */
export async function addStarterTrainings(deps: Deps, scope: TenantScope) {
  authorize(scope, 'competences', 'manage');
  let created = 0;
  await deps.db.transaction().execute(async (trx) => {
    const have = await trx
      .selectFrom('trainings')
      .select(['title', 'provider'])
      .where('municipalityId', '=', scope.municipalityId)
      .forUpdate()
      .execute();
    const key = (t: { title: string; provider: string }) => `${t.title}\u0000${t.provider}`;
    const taken = new Set(have.map(key));
    const missing = STARTER_TRAININGS.filter((t) => !taken.has(key(t)));
    created = missing.length;
    if (!missing.length) return;
    await trx
      .insertInto('trainings')
      .values(
        missing.map((t) => ({
          id: newId(),
          municipalityId: scope.municipalityId,
          title: t.title,
          provider: t.provider,
          format: t.format,
          hours: null,
          costCents: t.costCents,
          competences: JSON.stringify(t.competences),
          url: t.url,
          createdBy: scope.user.id,
        })),
      )
      .execute();
    await writeAudit(trx, scope, {
      action: 'add_starter',
      entity: 'training',
      municipalityId: scope.municipalityId,
      after: { trainings: created },
    });
  });
  return { created };
}
