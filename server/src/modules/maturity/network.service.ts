import { AppError, BENCHMARK_THRESHOLD, may, type networkCriterionInput } from '@dz/core';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { networkAccess } from '../../lib/network-access.js';
import type { Scope, TenantScope } from '../../lib/scope.js';
import { openRings, ownMunicipalities } from './benchmark.service.js';
import { cellsOf, memberForYear, peerDistributions } from './benchmark.sql.js';
import { presentFigure, thisYear, visibleFigures } from './key-figures.service.js';
import { currentModel } from './model.service.js';

/* A network's part of the ring: its own criteria and key figures (kept by its moderation), the distribution of its
   members' values without names, and the open ring whose members see each other's values by name. */

async function networkName(deps: Pick<Deps, 'db'>, networkId: string) {
  const n = await deps.db.selectFrom('networks').select('name').where('id', '=', networkId).executeTakeFirst();
  if (!n) throw new AppError('not_found');
  return n.name;
}

export async function getNetworkMaturity(deps: Pick<Deps, 'db'>, scope: Scope, networkId: string) {
  networkAccess(scope, networkId);
  const [network, model, criteria, figures] = await Promise.all([
    networkName(deps, networkId),
    currentModel(deps.db),
    deps.db
      .selectFrom('maturityNetworkCriteria')
      .select(['id', 'networkId', 'dimensionKey', 'name', 'levels'])
      .where('networkId', '=', networkId)
      .where('archivedAt', 'is', null)
      .orderBy('createdAt')
      .execute(),
    visibleFigures(deps.db, [networkId]).where('k.networkId', '=', networkId).execute(),
  ]);
  return {
    networkId,
    network,
    dimensions: model.dimensions.map((d) => ({ key: d.key, name: d.name })),
    criteria: criteria.map((c) => ({ ...c, network, levels: [...c.levels] })),
    figures: figures.map((f) => ({ ...presentFigure(f), values: [], suggestion: null })),
    can: presentCan(scope, 'networkMaturity', { networkId }),
  };
}

export async function addCriterion(
  deps: Pick<Deps, 'db'>,
  scope: Scope,
  networkId: string,
  input: z.infer<typeof networkCriterionInput>,
) {
  networkAccess(scope, networkId);
  authorize(scope, 'networkMaturity', 'manage', { networkId });
  const model = await currentModel(deps.db);
  if (!model.dimensions.some((d) => d.key === input.dimensionKey))
    throw new AppError('validation_failed', 'Diese Dimension gibt es nicht.', [
      { path: 'dimensionKey', code: 'unknown', message: 'Bitte eine Dimension des Reifegradmodells wählen.' },
    ]);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('maturityNetworkCriteria')
      .values({
        id,
        networkId,
        dimensionKey: input.dimensionKey,
        name: input.name,
        levels: JSON.stringify(input.levels),
        createdBy: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'maturity_network_criterion',
      entityId: id,
      municipalityId: null,
      networkId,
      after: { name: input.name, dimension: input.dimensionKey },
    });
  });
  return getNetworkMaturity(deps, scope, networkId);
}

export async function archiveCriterion(deps: Pick<Deps, 'db'>, scope: Scope, networkId: string, criterionId: string) {
  networkAccess(scope, networkId);
  authorize(scope, 'networkMaturity', 'manage', { networkId });
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .updateTable('maturityNetworkCriteria')
      .set({ archivedAt: new Date() })
      .where('id', '=', criterionId)
      .where('networkId', '=', networkId)
      .where('archivedAt', 'is', null)
      .returning('name')
      .executeTakeFirst();
    if (!cur) throw new AppError('not_found');
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'maturity_network_criterion',
      entityId: criterionId,
      municipalityId: null,
      networkId,
      before: { name: cur.name },
    });
  });
  return getNetworkMaturity(deps, scope, networkId);
}

/**
 * The network's distribution per figure (without names, under the threshold and the differencing rule) and — for
 * members whose municipality joined the open ring — the named values of the ring's members, never anyone else's.
 */
export async function getRing(deps: Pick<Deps, 'db'>, scope: Scope, networkId: string, year = thisYear()) {
  networkAccess(scope, networkId);
  const [network, figures, rings, members, exclude] = await Promise.all([
    networkName(deps, networkId),
    visibleFigures(deps.db, [networkId]).execute(),
    openRings(deps.db),
    // the year's members: those of 1 January (see memberForYear)
    deps.db
      .selectFrom('networkMembers as nm')
      .select('nm.municipalityId')
      .where('nm.networkId', '=', networkId)
      .where(memberForYear(sql`${year}::int`) as RawBuilder<SqlBool>)
      .execute(),
    ownMunicipalities(deps.db, scope.user.id),
  ]);
  const ring = rings.get(networkId) ?? new Set<string>();
  const member = scope.municipalityId !== null && scope.networkIds.includes(networkId);
  const joined = member && ring.has(scope.municipalityId!);
  const dist = await peerDistributions(deps.db, {
    figureIds: figures.map((f) => f.id),
    fromYear: year,
    toYear: year,
    networkIds: [networkId],
    threshold: BENCHMARK_THRESHOLD,
    ring: rings,
    exclude,
  });
  const named =
    joined && ring.size
      ? await deps.db
          .selectFrom('keyFigureValues as v')
          .innerJoin('municipalities as m', 'm.id', 'v.municipalityId')
          .innerJoin('networkMembers as nm', (j) =>
            j
              .onRef('nm.municipalityId', '=', 'v.municipalityId')
              .on('nm.networkId', '=', networkId)
              .on('nm.status', '=', 'accepted')
              .on('nm.leftOn', 'is', null),
          )
          .select(['v.keyFigureId', 'm.name', 'v.value'])
          .where('v.year', '=', year)
          .where('v.municipalityId', 'in', [...ring])
          .orderBy('m.name')
          .execute()
      : [];
  const key = `net:${networkId}`;
  return {
    networkId,
    network,
    year,
    threshold: BENCHMARK_THRESHOLD,
    members: members.length,
    openRing: {
      joined,
      count: ring.size,
      canJoin: member && may(scope, 'maturity', 'manage'),
    },
    figures: figures.map((f) => {
      const c = cellsOf(dist, f.id, year);
      const shown = c.published.has(key) && c.cells.has(key);
      return {
        id: f.id,
        name: f.name,
        unit: f.unit,
        decimals: f.decimals,
        direction: f.direction,
        shown,
        distribution: shown ? c.cells.get(key)! : null,
        named: named.filter((v) => v.keyFigureId === f.id).map((v) => ({ municipality: v.name, value: v.value })),
      };
    }),
    can: presentCan(scope, 'networkMaturity', { networkId }),
  };
}

/** The active municipality joins or leaves the network's open ring (its coordination decides). */
export async function setRing(deps: Pick<Deps, 'db'>, scope: TenantScope, networkId: string, open: boolean) {
  networkAccess(scope, networkId);
  authorize(scope, 'maturity', 'manage');
  if (!scope.networkIds.includes(networkId))
    throw new AppError('forbidden', 'Nur Mitgliedskommunen des Verbunds können dem offenen Ring beitreten.');
  await deps.db.transaction().execute(async (trx) => {
    if (open)
      await trx
        .insertInto('keyFigureOpenRing')
        .values({ networkId, municipalityId: scope.municipalityId, joinedBy: scope.user.id })
        .onConflict((oc) => oc.doNothing())
        .execute();
    else
      await trx
        .deleteFrom('keyFigureOpenRing')
        .where('networkId', '=', networkId)
        .where('municipalityId', '=', scope.municipalityId)
        .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'key_figure_open_ring',
      entityId: networkId,
      networkId,
      after: { open },
    });
  });
  return getRing(deps, scope, networkId);
}
