import { AppError, type CatalogueEntry, fieldError, SERVICE_CATALOGUE, type serviceTypeInput } from '@dz/core';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { ServiceDefinition } from '../../db/tables/shared-services.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';

/**
 * The service catalogue: the platform's default types and the types a network adds for its members (a
 * network's moderators maintain them). A study keeps a copy of its type's definition, so changing or removing a
 * type never changes a study that uses it.
 */
type Db = Deps['db'] | Transaction<DB>;

/** The network types my municipality may use (its accepted networks) or maintain (networks I moderate). */
function visibleTypes(db: Db, scope: Scope) {
  return db
    .selectFrom('serviceTypes as t')
    .innerJoin('networks as n', 'n.id', 't.networkId')
    .select(['t.id', 't.name', 't.tasks', 't.costDrivers', 't.units', 't.networkId', 'n.name as network'])
    .where((eb) =>
      eb.or([
        ...(scope.municipalityId
          ? [
              eb.exists(
                eb
                  .selectFrom('networkMembers as m')
                  .select('m.networkId')
                  .whereRef('m.networkId', '=', 't.networkId')
                  .where('m.municipalityId', '=', scope.municipalityId)
                  .where('m.status', '=', 'accepted'),
              ),
            ]
          : []),
        ...(scope.moderatedNetworkIds.length ? [eb('t.networkId', 'in', scope.moderatedNetworkIds)] : []),
      ]),
    );
}

export async function catalogue(deps: Deps, scope: Scope) {
  const [own, networks] = await Promise.all([
    visibleTypes(deps.db, scope).orderBy('t.name').execute(),
    scope.moderatedNetworkIds.length
      ? deps.db
          .selectFrom('networks')
          .select(['id', 'name'])
          .where('id', 'in', scope.moderatedNetworkIds)
          .orderBy('name')
          .execute()
      : [],
  ]);
  return {
    items: [
      ...SERVICE_CATALOGUE.map((c) => ({
        ...c,
        tasks: [...c.tasks],
        costDrivers: [...c.costDrivers],
        units: [...c.units],
        network: null,
        editable: false,
      })),
      ...own.map((t) => ({
        key: t.id,
        name: t.name,
        tasks: t.tasks,
        costDrivers: t.costDrivers,
        units: t.units,
        network: { id: t.networkId, name: t.network },
        editable: scope.moderatedNetworkIds.includes(t.networkId) || scope.user.isPlatformAdmin,
      })),
    ],
    networks,
  };
}

/**
 * The definition a new study copies: a default type by key (null: read from the defaults) or a network type
 * my municipality may use — for a study a network's moderation starts, a type of that network; anything else
 * is a field error.
 */
export async function resolveService(
  db: Db,
  scope: Scope,
  key: string,
  networkId?: string,
): Promise<ServiceDefinition | null> {
  if (SERVICE_CATALOGUE.some((c) => c.key === key)) return null;
  const t = /^[0-9a-f-]{36}$/i.test(key)
    ? await visibleTypes(db, scope)
        .where('t.id', '=', key)
        .$if(networkId !== undefined, (q) => q.where('t.networkId', '=', networkId as string))
        .executeTakeFirst()
    : undefined;
  if (!t) throw fieldError('body.serviceKey', 'unknown_service', 'Wählen Sie eine Aufgabe aus dem Katalog.');
  return { name: t.name, tasks: t.tasks, costDrivers: t.costDrivers, units: t.units };
}

/** A study's service: its own copy of a network type, else the default type of its key. */
export function serviceOf(s: { serviceKey: string; service: ServiceDefinition | null }): CatalogueEntry {
  if (s.service) return { key: s.serviceKey, ...s.service };
  return (
    SERVICE_CATALOGUE.find((c) => c.key === s.serviceKey) ?? {
      key: s.serviceKey,
      name: s.serviceKey,
      tasks: [],
      costDrivers: [],
      units: [],
    }
  );
}

export async function createType(deps: Deps, scope: Scope, input: z.infer<typeof serviceTypeInput>) {
  authorize(scope, 'network', 'edit', { id: input.networkId });
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('serviceTypes')
      .values({
        id,
        networkId: input.networkId,
        name: input.name,
        tasks: JSON.stringify(input.tasks),
        costDrivers: JSON.stringify(input.costDrivers),
        units: JSON.stringify(input.units),
        createdBy: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'service_type',
      entityId: id,
      municipalityId: null,
      after: { network: input.networkId, name: input.name },
    });
  });
  return { id };
}

/** A type of a network I moderate (anything else: 404, whether it exists or not). */
async function ownType(db: Db, scope: Scope, id: string) {
  const t = await db
    .selectFrom('serviceTypes')
    .select(['id', 'networkId', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!t || !(scope.user.isPlatformAdmin || scope.moderatedNetworkIds.includes(t.networkId)))
    throw new AppError('not_found');
  return t;
}

export async function updateType(deps: Deps, scope: Scope, id: string, input: z.infer<typeof serviceTypeInput>) {
  await deps.db.transaction().execute(async (trx) => {
    const t = await ownType(trx, scope, id);
    if (t.networkId !== input.networkId)
      throw fieldError('body.networkId', 'immutable', 'Eine Aufgabe bleibt bei dem Verbund, der sie angelegt hat.');
    await trx
      .updateTable('serviceTypes')
      .set({
        name: input.name,
        tasks: JSON.stringify(input.tasks),
        costDrivers: JSON.stringify(input.costDrivers),
        units: JSON.stringify(input.units),
      })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'service_type',
      entityId: id,
      municipalityId: null,
      before: { name: t.name },
      after: { name: input.name },
    });
  });
  return catalogue(deps, scope);
}

export async function deleteType(deps: Deps, scope: Scope, id: string) {
  await deps.db.transaction().execute(async (trx) => {
    const t = await ownType(trx, scope, id);
    await trx.deleteFrom('serviceTypes').where('id', '=', id).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'service_type',
      entityId: id,
      municipalityId: null,
      before: { name: t.name },
    });
  });
  return catalogue(deps, scope);
}
