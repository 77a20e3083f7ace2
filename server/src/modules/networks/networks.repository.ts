import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Scope } from '../../lib/scope.js';

type Q = Database | Transaction<DB>;

/** Network queries; callers have checked access with networkAccess() first. */
export const networksRepository = {
  listVisible(db: Q, scope: Scope) {
    let q = db
      .selectFrom('networks as n')
      .select((eb) => [
        'n.id',
        'n.name',
        'n.type',
        'n.description',
        eb
          .selectFrom('networkMembers as x')
          .select(eb.fn.countAll<number>().as('c'))
          .whereRef('x.networkId', '=', 'n.id')
          .where('x.leftOn', 'is', null)
          .as('memberCount'),
      ]);
    if (!scope.user.isPlatformAdmin) {
      const ids = [...scope.networkIds, ...scope.moderatedNetworkIds];
      if (ids.length === 0) return Promise.resolve([]);
      q = q.where('n.id', 'in', ids);
    }
    return q.orderBy('n.name').execute();
  },
  byId(db: Q, id: string) {
    return db.selectFrom('networks').selectAll().where('id', '=', id).executeTakeFirst();
  },
  members(db: Q, networkId: string) {
    return db
      .selectFrom('networkMembers as nm')
      .innerJoin('municipalities as m', 'm.id', 'nm.municipalityId')
      .select([
        'nm.municipalityId',
        'm.shortName as name',
        'm.ags',
        'm.landCode',
        'm.kreis',
        'm.population',
        'nm.joinedOn',
        'nm.leftOn',
      ])
      .where('nm.networkId', '=', networkId)
      .orderBy('nm.leftOn', (ob) => ob.desc().nullsFirst())
      .orderBy('m.shortName')
      .execute();
  },
  moderators(db: Q, networkId: string) {
    return db
      .selectFrom('networkModerators as mo')
      .innerJoin('users as u', 'u.id', 'mo.userId')
      .select(['u.id as userId', 'u.name', 'u.email'])
      .where('mo.networkId', '=', networkId)
      .orderBy('u.name')
      .execute();
  },
  /** A new moderator invitation; an open earlier one to the same address for the network is revoked. */
  async replaceModeratorInvitation(
    db: Q,
    inv: { id: string; networkId: string; email: string; tokenHash: string; invitedBy: string; expiresAt: Date },
  ) {
    await db
      .updateTable('networkModeratorInvitations')
      .set({ revokedAt: new Date() })
      .where('networkId', '=', inv.networkId)
      .where('email', '=', inv.email)
      .where('acceptedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .execute();
    await db.insertInto('networkModeratorInvitations').values(inv).execute();
  },
  activeMembership(db: Q, networkId: string, municipalityId: string) {
    return db
      .selectFrom('networkMembers')
      .selectAll()
      .where('networkId', '=', networkId)
      .where('municipalityId', '=', municipalityId)
      .where('leftOn', 'is', null)
      .executeTakeFirst();
  },
};
