import { expressionBuilder, sql, type Transaction } from 'kysely';
import { compiledQuery } from '../../db/compiled.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Scope } from '../../lib/scope.js';

type Q = Database | Transaction<DB>;

/** A member row of `withPeople` (the columns of `members`). */
export interface NetworkMemberJson {
  municipalityId: string;
  name: string;
  ags: string;
  landCode: string;
  kreis: string | null;
  population: number;
  joinedOn: string;
  leftOn: string | null;
  status: 'invited' | 'accepted' | 'declined';
  staffSurveys: boolean;
}
const eb0 = expressionBuilder<DB, never>();

/** Subquery `memberCount`: the accepted, current members of network `n` of the surrounding query. */
export function memberCount() {
  return eb0
    .selectFrom('networkMembers as x')
    .select(eb0.fn.countAll<number>().as('c'))
    .where('x.networkId', '=', sql<string>`n.id`)
    .where('x.leftOn', 'is', null)
    .where('x.status', '=', 'accepted')
    .as('memberCount');
}

/** The statement of `withPeople`, compiled once per shape ("all": with declined invitations). */
const withPeopleQuery = compiledQuery((db, { id }: { id: string }, shape) =>
  db
    .selectFrom('networks as n')
    .select([
      'n.id',
      'n.name',
      'n.type',
      'n.description',
      'n.version',
      sql<NetworkMemberJson[]>`(
          SELECT coalesce(json_agg(json_build_object(
            'municipalityId', nm.municipality_id, 'name', m.short_name, 'ags', m.ags, 'landCode', m.land_code,
            'kreis', m.kreis, 'population', m.population, 'joinedOn', nm.joined_on, 'leftOn', nm.left_on,
            'status', nm.status, 'staffSurveys', nm.staff_surveys
          ) ORDER BY nm.left_on DESC NULLS FIRST, m.short_name), '[]'::json)
          FROM network_members nm JOIN municipalities m ON m.id = nm.municipality_id
          WHERE nm.network_id = n.id ${shape === 'all' ? sql`` : sql`AND nm.status <> 'declined'`})`.as('members'),
      sql<{ userId: string; name: string; email: string }[]>`(
          SELECT coalesce(json_agg(json_build_object('userId', u.id, 'name', u.name, 'email', u.email) ORDER BY u.name), '[]'::json)
          FROM network_moderators mo JOIN users u ON u.id = mo.user_id
          WHERE mo.network_id = n.id)`.as('moderators'),
    ])
    .where('n.id', '=', id),
);

/** Network queries; callers have checked access with networkAccess() first. */
export const networksRepository = {
  listVisible(db: Q, scope: Scope) {
    let q = db.selectFrom('networks as n').select(['n.id', 'n.name', 'n.type', 'n.description', memberCount()]);
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
  /**
   * A network with its members (declined invitations only for moderators, `withDeclined`) and moderators,
   * as json in one statement; the orders are those of `members` and `moderators`.
   */
  async withPeople(db: Q, id: string, withDeclined: boolean) {
    const [row] = await withPeopleQuery(db, withDeclined ? 'all' : 'current', { id });
    return row;
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
  /** The current row of a municipality in a network: invited or accepted, not left (at most one). */
  activeMembership(db: Q, networkId: string, municipalityId: string) {
    return db
      .selectFrom('networkMembers')
      .selectAll()
      .where('networkId', '=', networkId)
      .where('municipalityId', '=', municipalityId)
      .where('leftOn', 'is', null)
      .where('status', '<>', 'declined')
      .executeTakeFirst();
  },
  /** Open invitations and current memberships of one municipality, with the networks' names. */
  membershipsOf(db: Q, municipalityId: string) {
    return db
      .selectFrom('networkMembers as nm')
      .innerJoin('networks as n', 'n.id', 'nm.networkId')
      .leftJoin('users as u', 'u.id', 'nm.invitedBy')
      .select([
        'nm.networkId',
        'n.name',
        'n.type',
        'n.description',
        'nm.status',
        'nm.joinedOn',
        'nm.staffSurveys',
        'u.name as invitedBy',
        'nm.invitedAt',
        'nm.answeredAt',
        'nm.version',
        memberCount(),
      ])
      .where('nm.municipalityId', '=', municipalityId)
      .where('nm.leftOn', 'is', null)
      .where('nm.status', 'in', ['invited', 'accepted'])
      .$narrowType<{ status: 'invited' | 'accepted' }>()
      .orderBy('nm.status', 'desc')
      .orderBy('n.name')
      .execute();
  },
  /**
   * The municipalities that take part in the networks on a day: accepted memberships not left before it.
   * The one member query for everything that reaches members (surveys); `staffSurveys` is each membership's
   * consent to person surveys of its staff.
   */
  currentMembers(db: Q, networkIds: string[], day: string) {
    if (!networkIds.length) return Promise.resolve([]);
    return db
      .selectFrom('networkMembers')
      .select(['municipalityId', 'networkId', 'staffSurveys'])
      .where('networkId', 'in', networkIds)
      .where('status', '=', 'accepted')
      .where((w) => w.or([w('leftOn', 'is', null), w('leftOn', '>', day)]))
      .execute();
  },
  /** How many municipalities currently belong to a network (accepted, not left). */
  async acceptedCount(db: Q, networkId: string): Promise<number> {
    const r = await db
      .selectFrom('networkMembers')
      .select((eb) => eb.fn.countAll<number>().as('c'))
      .where('networkId', '=', networkId)
      .where('status', '=', 'accepted')
      .where('leftOn', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.c);
  },
};
