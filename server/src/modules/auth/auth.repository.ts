import type { Database } from '../../db/database.js';

/** Kysely queries of the auth module. Auth runs before a scope exists, so these take the database only. */
export const authRepository = {
  findUserByEmail(db: Database, email: string) {
    return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  },
  municipalitiesOf(db: Database, userId: string) {
    return db
      .selectFrom('memberships as m')
      .innerJoin('municipalities as mu', 'mu.id', 'm.municipalityId')
      .select(['mu.id', 'mu.shortName as name', 'm.role'])
      .where('m.userId', '=', userId)
      .orderBy('mu.shortName')
      .execute();
  },
  networksOf(db: Database, municipalityId: string | null, userId: string) {
    return db
      .selectFrom('networks as n')
      .select(['n.id', 'n.name'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('networkModerators as mo')
              .whereRef('mo.networkId', '=', 'n.id')
              .where('mo.userId', '=', userId),
          )
          .as('isModerator'),
      )
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('networkModerators as mo')
              .whereRef('mo.networkId', '=', 'n.id')
              .where('mo.userId', '=', userId),
          ),
          eb.exists(
            eb
              .selectFrom('networkMembers as nm')
              .whereRef('nm.networkId', '=', 'n.id')
              .where('nm.municipalityId', '=', municipalityId ?? '00000000-0000-0000-0000-000000000000')
              .where('nm.leftOn', 'is', null)
              .where('nm.status', '=', 'accepted'),
          ),
        ]),
      )
      .orderBy('n.name')
      .execute();
  },
};
