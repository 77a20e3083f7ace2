import type { Expression, ExpressionBuilder, SqlBool, Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Scope, TenantScope } from '../../lib/scope.js';
import { memberCount } from '../networks/networks.repository.js';

type Q = Database | Transaction<DB>;

export interface DirectoryFilter {
  q?: string;
  land?: string;
  kreis?: string;
  sizeClass?: number;
  sort?: 'name' | 'population' | '-population' | 'ags';
  includeFormer?: 'true' | 'false';
  page: number;
  pageSize: number;
}

/** Population bands of KGSt size classes as SQL ranges (mirrors core's sizeClassOf). */
const SIZE_BANDS: Record<number, [number, number | null]> = {
  1: [400_000, null],
  2: [200_000, 400_000],
  3: [100_000, 200_000],
  4: [50_000, 100_000],
  5: [25_000, 50_000],
  6: [10_000, 25_000],
  7: [0, 10_000],
};

function baseSelect(db: Q) {
  return db
    .selectFrom('municipalities as m')
    .leftJoin('administeringBodies as ab', 'ab.id', 'm.administeringBodyId')
    .select([
      'm.id',
      'm.ags',
      'm.ars',
      'm.name',
      'm.shortName',
      'm.landCode',
      'm.kreis',
      'm.population',
      'm.populationDate',
      'm.areaKm2',
      'm.inDirectory',
      'm.version',
      'ab.id as abId',
      'ab.name as abName',
      'ab.type as abType',
      'ab.arsPrefix as abArsPrefix',
    ]);
}
// biome-ignore lint/suspicious/noExplicitAny: shared ordering for two differently typed selects over "m"
function sorted<Q extends { orderBy: (...a: any[]) => any }>(q: Q, sort: DirectoryFilter['sort']): Q {
  const col =
    sort === 'population' || sort === '-population' ? 'm.population' : sort === 'ags' ? 'm.ags' : 'm.shortName';
  return q.orderBy(col, sort === '-population' ? 'desc' : 'asc').orderBy('m.ags') as Q;
}

export type MunicipalityRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['executeTakeFirstOrThrow']>>;

/**
 * The municipality directory is official public data (Destatis), readable by every signed-in user;
 * tenant data hangs off it and is always filtered by the scope's municipality.
 */
export const municipalitiesRepository = {
  /** One round trip: the page and the total; a count query only past the last page. */
  async list(db: Q, _scope: Scope, f: DirectoryFilter) {
    const cond = (eb: ExpressionBuilder<DB & { m: DB['municipalities'] }, 'm'>) => {
      const parts: Expression<SqlBool>[] = [];
      if (f.q) {
        const term = f.q.trim().toLowerCase();
        parts.push(
          /^\d+$/.test(term)
            ? eb('m.ags', 'like', `${term}%`)
            : eb(eb.fn('lower', ['m.shortName']), 'like', `${term.replace(/[%_\\]/g, '\\$&')}%`),
        );
      }
      if (f.includeFormer !== 'true') parts.push(eb('m.inDirectory', '=', true));
      if (f.land) parts.push(eb('m.landCode', '=', f.land));
      if (f.kreis) parts.push(eb('m.kreisKey', '=', f.kreis));
      if (f.sizeClass) {
        const [lo, hi] = SIZE_BANDS[f.sizeClass]!;
        parts.push(eb('m.population', '>=', lo));
        if (hi !== null) parts.push(eb('m.population', '<', hi));
      }
      return eb.and(parts);
    };
    // the total as an uncorrelated subquery (evaluated once): unlike count(*) over (), it lets the page stop
    // after its rows instead of reading and sorting every match
    const totalOf = (eb: ExpressionBuilder<DB & { m: DB['municipalities'] }, 'm'>) =>
      eb.selectFrom('municipalities as m').where(cond).select(eb.fn.countAll<number>().as('n')).as('fullCount');
    const rows = await sorted(baseSelect(db).where(cond).select(totalOf), f.sort)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    let total = Number(rows[0]?.fullCount ?? 0);
    if (rows.length === 0 && f.page > 1) {
      const c = await db
        .selectFrom('municipalities as m')
        .where(cond)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      total = Number(c.n);
    }
    return { rows, total };
  },
  byId(db: Q, _scope: Scope, id: string) {
    return baseSelect(db).where('m.id', '=', id).executeTakeFirst();
  },
  forUpdate(db: Q, scope: TenantScope) {
    return db
      .selectFrom('municipalities')
      .selectAll()
      .where('id', '=', scope.municipalityId)
      .forUpdate()
      .executeTakeFirst();
  },
  departments(db: Q, scope: TenantScope) {
    return db
      .selectFrom('departments')
      .select(['id', 'code', 'name', 'version'])
      .where('municipalityId', '=', scope.municipalityId)
      .orderBy('code')
      .orderBy('name')
      .execute();
  },
  department(db: Q, scope: TenantScope, id: string) {
    return db
      .selectFrom('departments')
      .selectAll()
      .where('municipalityId', '=', scope.municipalityId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },
  async keyFigures(db: Q, scope: TenantScope) {
    return db
      .selectFrom('municipalities as me')
      .select((eb) => [
        eb
          .selectFrom('departments')
          .select(eb.fn.countAll<number>().as('n'))
          .where('municipalityId', '=', scope.municipalityId)
          .as('departments'),
        eb
          .selectFrom('memberships')
          .select(eb.fn.countAll<number>().as('n'))
          .where('municipalityId', '=', scope.municipalityId)
          .as('members'),
        eb
          .selectFrom('invitations')
          .select(eb.fn.countAll<number>().as('n'))
          .where('municipalityId', '=', scope.municipalityId)
          .where('acceptedAt', 'is', null)
          .where('revokedAt', 'is', null)
          .where('expiresAt', '>', new Date())
          .as('openInvitations'),
        eb
          .selectFrom('municipalities as k')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('k.kreisKey', '=', 'me.kreisKey')
          .as('inKreis'),
      ])
      .where('me.id', '=', scope.municipalityId)
      .executeTakeFirstOrThrow();
  },
  countInBand(db: Q, lo: number, hi: number | null, landCode: string) {
    let q = db
      .selectFrom('municipalities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('population', '>=', lo)
      .where('landCode', '=', landCode);
    if (hi !== null) q = q.where('population', '<', hi);
    return q.executeTakeFirstOrThrow();
  },
  networksOf(db: Q, scope: TenantScope) {
    return db
      .selectFrom('networkMembers as nm')
      .innerJoin('networks as n', 'n.id', 'nm.networkId')
      .select(['n.id', 'n.name', 'n.type', memberCount()])
      .where('nm.municipalityId', '=', scope.municipalityId)
      .where('nm.leftOn', 'is', null)
      .where('nm.status', '=', 'accepted')
      .orderBy('n.name')
      .execute();
  },
};
