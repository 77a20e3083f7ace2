import { AppError } from '@dz/core';
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../lib/deps.js';
import type { Scope } from '../../lib/scope.js';
import { appLink, type Composed } from '../../mail/templates.js';
import { notify } from '../notifications/notify.js';

type P = { p: DB['publications'] };

/** Networks whose shared entries the scope may read: its municipality's networks and those it moderates. */
export function readableNetworks(scope: Scope): string[] {
  return [...new Set([...scope.networkIds, ...scope.moderatedNetworkIds])];
}

/**
 * The one visibility rule of the exchange: a published entry is seen by everyone when published to all,
 * by the members and moderators of the networks it was published to, and always by its own municipality.
 * Withdrawn entries are seen by their own municipality only.
 */
export function visible(scope: Scope) {
  const nets = readableNetworks(scope);
  return (eb: ExpressionBuilder<P & DB, 'p'>) => {
    const shared = [eb('p.visibility', '=', 'all')];
    if (nets.length)
      shared.push(
        eb.exists(
          eb
            .selectFrom('publicationNetworks as pn')
            .select(sql`1`.as('one'))
            .whereRef('pn.publicationId', '=', 'p.id')
            .where('pn.networkId', 'in', nets),
        ),
      );
    const published = eb.and([eb('p.status', '=', 'published'), eb.or(shared)]);
    return scope.municipalityId ? eb.or([eb('p.municipalityId', '=', scope.municipalityId), published]) : published;
  };
}

/** A publication the scope may see, or 404 (never reveals that a private entry exists). */
export async function loadVisible(deps: Deps, scope: Scope, id: string) {
  const row = await deps.db
    .selectFrom('publications as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where(visible(scope))
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Mails the coordinators of the invited municipalities an invitation (a joint project, a shared-service study)
 * from a municipality or from a network's moderation: `path` is the page of the invitation in the app, `mail`
 * writes it for one person.
 */
export async function inviteCoordinators(
  deps: Deps,
  from: { municipality: string } | { network: string },
  municipalityIds: string[],
  path: string,
  mail: (p: {
    name: string;
    lead: string;
    url: string;
  }) => Composed & { template: 'joint_invitation' | 'study_invitation' },
) {
  if (!municipalityIds.length) return;
  const [sender, people] = await Promise.all([
    'municipality' in from
      ? deps.db
          .selectFrom('municipalities')
          .select('name')
          .where('id', '=', from.municipality)
          .executeTakeFirstOrThrow()
      : deps.db
          .selectFrom('networks')
          .select('name')
          .where('id', '=', from.network)
          .executeTakeFirstOrThrow()
          .then((n) => ({ name: `Die Moderation des Verbunds „${n.name}“` })),
    coordinators(deps, municipalityIds),
  ]);
  for (const u of people) {
    const url = appLink(deps.config.publicUrl, path, u.municipalityId);
    await notify(deps, deps.db, u, mail({ name: u.name, lead: sender.name, url }), {
      path,
      municipalityId: u.municipalityId,
    });
  }
}

/** Those who speak for municipalities (admins and coordinators): they get the exchange's mails. */
export async function coordinators(deps: Deps, municipalityIds: string[]) {
  if (!municipalityIds.length) return [];
  return deps.db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.userId')
    .select(['u.id as userId', 'u.email', 'u.name', 'ms.municipalityId'])
    .where('ms.municipalityId', 'in', municipalityIds)
    .where('ms.role', 'in', ['admin', 'coordinator'])
    .execute();
}
