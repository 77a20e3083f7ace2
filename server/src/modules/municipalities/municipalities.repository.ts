import { SIZE_CLASS_LOWER_BOUNDS } from '@dz/core';
import { type Expression, type ExpressionBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import { compiledQuery } from '../../db/compiled.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Scope, TenantScope } from '../../lib/scope.js';

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

/** The lower and upper bound (null: none) of the size class of `m.population`, as SQL (mirrors core's sizeClassBand). */
const BAND_LOWER = sql.raw(
  `CASE ${SIZE_CLASS_LOWER_BOUNDS.map(([, lo]) => `WHEN m.population >= ${lo} THEN ${lo}`).join(' ')} ELSE 0 END`,
);
const BAND_UPPER = sql.raw(
  `CASE ${SIZE_CLASS_LOWER_BOUNDS.map(([, lo], i) => `WHEN m.population >= ${lo} THEN ${i > 0 ? SIZE_CLASS_LOWER_BOUNDS[i - 1]![1] : 'NULL'}`).join(' ')} END`,
);

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

interface ListValues {
  agsPrefix?: string;
  namePrefix?: string;
  land?: string;
  kreis?: string;
  lo?: number;
  hi?: number;
  limit: number;
  offset: number;
}

/**
 * The statement of `list`: the total counted once, the page beside it (a lateral join, so the page still
 * stops after its rows instead of reading and sorting every match). The shape is "sort|current or all".
 */
const listQuery = compiledQuery((db, v: ListValues, shape) => {
  const [sort, former] = shape.split('|') as [DirectoryFilter['sort'], string];
  const cond = (eb: ExpressionBuilder<DB & { m: DB['municipalities'] }, 'm'>) => {
    const parts: Expression<SqlBool>[] = [];
    if (v.agsPrefix) parts.push(eb('m.ags', 'like', v.agsPrefix));
    if (v.namePrefix) parts.push(eb(eb.fn('lower', ['m.shortName']), 'like', v.namePrefix));
    if (former !== 'all') parts.push(eb('m.inDirectory', '=', true));
    if (v.land) parts.push(eb('m.landCode', '=', v.land));
    if (v.kreis) parts.push(eb('m.kreisKey', '=', v.kreis));
    if (v.lo !== undefined) parts.push(eb('m.population', '>=', v.lo));
    if (v.hi !== undefined) parts.push(eb('m.population', '<', v.hi));
    return eb.and(parts);
  };
  return db
    .selectFrom(
      db
        .selectFrom('municipalities as m')
        .where(cond)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .as('t'),
    )
    .leftJoinLateral(sorted(baseSelect(db).where(cond), sort).limit(v.limit).offset(v.offset).as('m'), (join) =>
      join.onTrue(),
    )
    .select('t.n')
    .selectAll('m')
    .$call((q) => sorted(q, sort));
});

/** The statement of `dashboard`, compiled once (db/compiled.ts). */
const dashboardQuery = compiledQuery((db, { mid, now }: { mid: string; now: Date }) =>
  baseSelect(db)
    .select((eb) => [
      eb
        .selectFrom('departments')
        .select(eb.fn.countAll<number>().as('n'))
        .where('municipalityId', '=', mid)
        .as('departments'),
      eb
        .selectFrom('memberships')
        .select(eb.fn.countAll<number>().as('n'))
        .where('municipalityId', '=', mid)
        .as('members'),
      eb
        .selectFrom('invitations')
        .select(eb.fn.countAll<number>().as('n'))
        .where('municipalityId', '=', mid)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .where('expiresAt', '>', now)
        .as('openInvitations'),
      eb
        .selectFrom('municipalities as k')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('k.kreisKey', '=', 'm.kreisKey')
        .as('inKreis'),
      // the band of the municipality's own size class (core's sizeClassBand), in the same Land
      eb
        .selectFrom('municipalities as s')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('s.landCode', '=', 'm.landCode')
        // both bounds as index conditions (no upper bound: the largest integer), not a filter per row
        .where(sql<boolean>`s.population >= ${BAND_LOWER} AND s.population < coalesce(${BAND_UPPER}, 2147483647)`)
        .as('sameSizeClass'),
      sql<{ id: string; name: string; type: string; memberCount: number }[]>`(
          SELECT coalesce(json_agg(json_build_object('id', n.id, 'name', n.name, 'type', n.type, 'memberCount', (
            SELECT count(*) FROM network_members x WHERE x.network_id = n.id AND x.left_on IS NULL AND x.status = 'accepted'
          )) ORDER BY n.name), '[]'::json)
          FROM network_members nm JOIN networks n ON n.id = nm.network_id
          WHERE nm.municipality_id = ${mid} AND nm.left_on IS NULL AND nm.status = 'accepted')`.as('networks'),
    ])
    .where('m.id', '=', mid),
);

export type MunicipalityRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['executeTakeFirstOrThrow']>>;

/**
 * The municipality directory is official public data (Destatis), readable by every signed-in user;
 * tenant data hangs off it and is always filtered by the scope's municipality.
 */
export const municipalitiesRepository = {
  /** One round trip: the page and the total (also past the last page); compiled once per filter shape. */
  async list(db: Q, _scope: Scope, f: DirectoryFilter) {
    const term = f.q?.trim().toLowerCase();
    const band = f.sizeClass ? SIZE_BANDS[f.sizeClass]! : undefined;
    const found = await listQuery(db, `${f.sort ?? 'name'}|${f.includeFormer === 'true' ? 'all' : 'current'}`, {
      agsPrefix: term && /^\d+$/.test(term) ? `${term}%` : undefined,
      namePrefix: term && !/^\d+$/.test(term) ? `${term.replace(/[%_\\]/g, '\\$&')}%` : undefined,
      land: f.land || undefined,
      kreis: f.kreis || undefined,
      lo: band?.[0],
      hi: band?.[1] ?? undefined,
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    });
    const total = Number(found[0]?.n ?? 0);
    const rows = found.filter((r): r is typeof r & MunicipalityRow => r.id !== null);
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
  /**
   * The dashboard in one statement: master data, key figures, peers in the same size class and Land, and
   * the municipality's networks (json, ordered by name) — every part filtered by the scope's municipality.
   */
  async dashboard(db: Q, scope: TenantScope) {
    const [row] = await dashboardQuery(db, '', { mid: scope.municipalityId, now: new Date() });
    return row;
  },
};
