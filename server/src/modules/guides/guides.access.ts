import { AppError } from '@dz/core';
import { sql } from 'kysely';
import type { Deps } from '../../lib/deps.js';
import type { Scope } from '../../lib/scope.js';

/**
 * Who sees which guide: platform-wide guides everyone signed in; a network's guides its members (users of a
 * municipality that currently belongs to it), its moderation and the platform administration — nobody else, and
 * for everybody else such a guide does not exist (404). Archived guides are gone for all.
 */
export function visibleGuide(scope: Scope) {
  const networks = [...new Set([...scope.networkIds, ...scope.moderatedNetworkIds])];
  if (scope.user.isPlatformAdmin) return sql<boolean>`g.archived_at IS NULL`;
  if (networks.length === 0) return sql<boolean>`g.archived_at IS NULL AND g.network_id IS NULL`;
  return sql<boolean>`g.archived_at IS NULL AND (g.network_id IS NULL OR g.network_id IN (${sql.join(networks)}))`;
}

/** A visible guide's row (the version for the 409 check and the facts of the permission rule), else 404. */
export async function findGuide(deps: Pick<Deps, 'db'>, scope: Scope, guideId: string) {
  const g = await deps.db
    .selectFrom('guides as g')
    .leftJoin('networks as n', 'n.id', 'g.networkId')
    .select([
      'g.id',
      'g.kind',
      'g.title',
      'g.summary',
      'g.body',
      'g.items',
      'g.modules',
      'g.phases',
      'g.networkId',
      'n.name as network',
      'g.version',
      'g.updatedAt',
    ])
    .where('g.id', '=', guideId)
    .where(visibleGuide(scope))
    .executeTakeFirst();
  if (!g) throw new AppError('not_found');
  return g;
}
