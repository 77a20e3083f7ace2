import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

/** Kysely queries of the auth module. Auth runs before a scope exists, so these take the database only. */
export const authRepository = {
  findUserByEmail(db: Database, email: string) {
    return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  },
  /** The latest end of a running backoff among the throttle keys, or undefined. */
  async blockedUntil(db: Database, keys: string[], now: Date) {
    const row = await db
      .selectFrom('loginThrottles')
      .select((eb) => eb.fn.max('blockedUntil').as('until'))
      .where('key', 'in', keys)
      .where('blockedUntil', '>', now)
      .executeTakeFirst();
    return row?.until ? new Date(row.until) : undefined;
  },
  /** Counts one failure (restarting after `forgetBefore`) and returns the new count. */
  async countFailure(db: Database, key: string, now: Date, forgetBefore: Date) {
    const row = await db
      .insertInto('loginThrottles')
      .values({ key, failures: 1, lastFailureAt: now, blockedUntil: null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`CASE WHEN login_throttles.last_failure_at < ${forgetBefore} THEN 1 ELSE login_throttles.failures + 1 END`,
          lastFailureAt: now,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    return Number(row.failures);
  },
  block(db: Database, key: string, until: Date) {
    return db.updateTable('loginThrottles').set({ blockedUntil: until }).where('key', '=', key).execute();
  },
  clearThrottle(db: Database | Transaction<DB>, key: string) {
    return db.deleteFrom('loginThrottles').where('key', '=', key).execute();
  },
  /** Drops counters nobody failed on for a while (run on each failure; the table stays small). */
  forgetThrottles(db: Database, before: Date) {
    return db.deleteFrom('loginThrottles').where('lastFailureAt', '<', before).execute();
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
