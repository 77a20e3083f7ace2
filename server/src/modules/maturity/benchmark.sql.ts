import { BENCHMARK_WHISKER_MIN, publishableGroupCells, SIZE_CLASS_LOWER_BOUNDS } from '@dz/core';
import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database.js';

/*
 * The distributions of the key-figure ring in SQL: per figure and year, the 10th, 25th, 50th, 75th and 90th
 * percentile of the values of every peer group (all, size class, Land, size class in Land, each network), and the
 * decision which groups may be shown — fewer than the threshold never, nor any group that two shown groups would
 * let be differenced down to fewer (`publishableGroupCells`, over the counts per finest class). One scan of the
 * values for the public groups (percentiles and counts), one over the values of the municipalities in a network or
 * an open ring for their finest classes (everyone else's finest class is their size class in their Land, whose
 * count the first scan has), one for the networks asked for. Measured against the bare `percentile_cont` query in
 * bench/maturity.bench.ts.
 */

export interface Distribution {
  n: number;
  /** Null under BENCHMARK_WHISKER_MIN values. */
  p10: number | null;
  q1: number;
  median: number;
  q3: number;
  p90: number | null;
}
export interface FigureYearCells {
  /** Keys of the groups that may be shown (`all`, `gk:6`, `land:09`, `gkland:6:09`, `net:<id>`). */
  published: Set<string>;
  cells: Map<string, Distribution>;
}

/** The KGSt size class of a population, as SQL (the bounds of core's `sizeClassOf`). */
export function sizeClassSql(population: RawBuilder<unknown>) {
  const whens = SIZE_CLASS_LOWER_BOUNDS.filter(([, lower]) => lower > 0).map(
    ([gk, lower]) => sql`WHEN ${population} >= ${sql.lit(lower)} THEN ${sql.lit(gk)}`,
  );
  return sql<number>`(CASE ${sql.join(whens, sql` `)} ELSE 7 END)`;
}

const PERCENTILES = sql`percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY value)`;

/**
 * A group's distribution, each percentile rounded to the figure's decimals (as precise as its values are entered;
 * more digits would only show the interpolation weights).
 */
function distribution(n: number, p: number[], decimals: number): Distribution {
  const whiskers = n >= BENCHMARK_WHISKER_MIN;
  const r = (x: number) => Number(x.toFixed(decimals));
  return {
    n,
    p10: whiskers ? r(p[0]!) : null,
    q1: r(p[1]!),
    median: r(p[2]!),
    q3: r(p[3]!),
    p90: whiskers ? r(p[4]!) : null,
  };
}

/**
 * The values in scope (figures asked for, years from–to), without those of `exclude`: a municipality is compared
 * with the others, never with a distribution its own value moves (else changing it and watching the quartiles
 * would tell the neighbouring values).
 */
function inScope(
  figureIds: readonly string[],
  fromYear: number,
  toYear: number,
  exclude: readonly string[],
  networkFigures: readonly NetworkFigure[] = [],
) {
  return sql`kv.key_figure_id IN (${sql.join(figureIds.map((id) => sql`${id}::uuid`))})
    AND kv.year BETWEEN ${fromYear} AND ${toYear}${
      exclude.length ? sql` AND kv.municipality_id NOT IN (${sql.join(exclude.map((id) => sql`${id}::uuid`))})` : sql``
    }${networkFigures.length ? sql` AND ${ofYearsMembers(networkFigures)}` : sql``}`;
}

/** A key figure a network defined for itself. */
interface NetworkFigure {
  id: string;
  networkId: string;
}

/**
 * A network's own figure counts only the values of the network's members of that year (see `memberForYear`) — in
 * every group, not only the network's: else a founder could collect values from municipalities that joined today
 * and read them off "all".
 */
function ofYearsMembers(figures: readonly NetworkFigure[]) {
  const ids = sql.join(figures.map((f) => sql`${f.id}::uuid`));
  const networkOf = sql.join(
    figures.map((f) => sql`WHEN ${f.id}::uuid THEN ${f.networkId}::uuid`),
    sql` `,
  );
  return sql`(kv.key_figure_id NOT IN (${ids}) OR EXISTS (
    SELECT 1 FROM network_members nm
    WHERE nm.municipality_id = kv.municipality_id AND nm.network_id = (CASE kv.key_figure_id ${networkOf} END)
      AND ${memberForYear(sql`kv.year`)}))`;
}

/**
 * A network's members in the comparison of `year`: those that had accepted before 1 January of that year and had not
 * left by then — by the system's times, not the dates entered. A group of a year so never changes after the fact:
 * a member leaving or joining today cannot be differenced out of a group already shown.
 */
export function memberForYear(year: RawBuilder<unknown>) {
  return sql`nm.status = 'accepted' AND coalesce(nm.answered_at, nm.invited_at) < make_date(${year}, 1, 1)
    AND (nm.left_at IS NULL OR nm.left_at >= make_date(${year}, 1, 1))`;
}

/**
 * The municipalities lying in more groups than their size class in their Land, per year: the members of a network
 * in that year (`nets`) and the members of an open ring (`member`: known by name, each its own class).
 */
function specialCte(known: readonly string[], fromYear: number, toYear: number) {
  const nets = sql`SELECT nm.municipality_id, y.year, string_agg(nm.network_id::text, ',' ORDER BY nm.network_id) AS nets
    FROM network_members nm JOIN generate_series(${fromYear}::int, ${toYear}::int) AS y(year) ON ${memberForYear(sql`y.year`)}
    GROUP BY nm.municipality_id, y.year`;
  if (!known.length) return sql`special AS (SELECT municipality_id, year, nets, NULL::text AS member FROM (${nets}) n)`;
  return sql`special AS (
    SELECT coalesce(n.municipality_id, r.id) AS municipality_id, coalesce(n.year, r.year) AS year,
      coalesce(n.nets, '') AS nets, r.id::text AS member
    FROM (${nets}) n
    FULL JOIN (
      SELECT r.id, y.year FROM (VALUES ${sql.join(known.map((id) => sql`(${id}::uuid)`))}) AS r(id)
      CROSS JOIN generate_series(${fromYear}::int, ${toYear}::int) AS y(year)
    ) r ON r.id = n.municipality_id AND r.year = n.year
  )`;
}

/**
 * One statement (one snapshot: the counts the decision weighs are those of the same values): the public groups
 * with their percentiles and counts — what the bare percentile_cont query of these groups does — and the finest
 * classes of the municipalities in a network or an open ring (`known`), counted from their values alone. Exported
 * for the bench's EXPLAIN.
 */
export function groupsStatement(opts: {
  figureIds: readonly string[];
  fromYear: number;
  toYear: number;
  known: readonly string[];
  exclude?: readonly string[];
  networkFigures?: readonly NetworkFigure[];
}) {
  const scope = inScope(opts.figureIds, opts.fromYear, opts.toYear, opts.exclude ?? [], opts.networkFigures);
  const gk = sizeClassSql(sql`m.population`);
  return sql<{
    keyFigureId: string;
    year: number;
    gk: number | null;
    landCode: string | null;
    /** Null on the public groups' rows. */
    nets: string | null;
    member: string | null;
    n: number;
    p: number[] | null;
  }>`
    WITH ${specialCte(opts.known, opts.fromYear, opts.toYear)}
    SELECT v.key_figure_id, v.year, v.gk, v.land_code, NULL::text AS nets, NULL::text AS member, count(*)::int AS n,
      ${PERCENTILES} AS p
    FROM (
      SELECT kv.key_figure_id, kv.year, kv.value, m.land_code, ${gk} AS gk
      FROM key_figure_values kv JOIN municipalities m ON m.id = kv.municipality_id
      WHERE ${scope}
    ) v
    GROUP BY GROUPING SETS (
      (v.key_figure_id, v.year), (v.key_figure_id, v.year, v.gk), (v.key_figure_id, v.year, v.land_code),
      (v.key_figure_id, v.year, v.gk, v.land_code)
    )
    UNION ALL
    SELECT kv.key_figure_id, kv.year, ${gk}, m.land_code, s.nets, s.member, count(*)::int, NULL
    FROM special s
    JOIN key_figure_values kv ON kv.municipality_id = s.municipality_id AND kv.year = s.year
    JOIN municipalities m ON m.id = s.municipality_id
    WHERE ${scope}
    GROUP BY 1, 2, 3, 4, 5, 6`;
}

/** The public groups a municipality of size class `gk` in Land `landCode` lies in (the order every class uses). */
const publicCells = (gk: number, landCode: string) => [
  'all',
  `gk:${gk}`,
  `land:${landCode}`,
  `gkland:${gk}:${landCode}`,
];

/** The value under `key`, made and stored first when missing. */
function at<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

const keyOf = (figureId: string, year: number) => `${figureId}|${year}`;

/**
 * Distributions and the shown groups for the figures and years asked for. `networkIds`: the networks whose groups
 * are computed (the viewer's); the decision which groups may be shown always weighs every network. `ring`: per
 * network, the municipalities of its open ring (known by name to each other), see `publishableGroupCells`.
 */
export async function peerDistributions(
  db: Database,
  opts: {
    figureIds: readonly string[];
    fromYear: number;
    toYear: number;
    networkIds: readonly string[];
    threshold: number;
    ring?: ReadonlyMap<string, ReadonlySet<string>>;
    /** The viewer's own municipalities: left out of every distribution it sees (see `inScope`). */
    exclude?: readonly string[];
  },
): Promise<Map<string, FigureYearCells>> {
  const out = new Map<string, FigureYearCells>();
  if (opts.figureIds.length === 0) return out;
  const ringMembers = new Map<string, string[]>();
  for (const [net, members] of opts.ring ?? [])
    for (const m of members) ringMembers.set(m, [...(ringMembers.get(m) ?? []), `ring:${net}`]);
  const meta = await db
    .selectFrom('keyFigures')
    .select(['id', 'networkId', 'decimals'])
    .where('id', 'in', opts.figureIds)
    .execute();
  const decimalsOf = new Map(meta.map((f) => [f.id, f.decimals]));
  const networkFigures = meta.flatMap((f) => (f.networkId ? [{ id: f.id, networkId: f.networkId }] : []));
  const rows = (await groupsStatement({ ...opts, known: [...ringMembers.keys()], networkFigures }).execute(db)).rows;
  const entry = (k: string) =>
    at(out, k, () => ({ published: new Set<string>(), cells: new Map<string, Distribution>() }));
  // per figure and year: the finest classes with their counts, and how many of a size class in a Land are in no
  // network and no open ring (together one class)
  const units = new Map<string, { cells: string[]; n: number }[]>();
  const rest = new Map<string, Map<string, { gk: number; landCode: string; n: number }>>();
  const special: typeof rows = [];
  for (const r of rows) {
    if (r.nets !== null) {
      special.push(r);
      continue;
    }
    const k = keyOf(r.keyFigureId, r.year);
    const cell =
      r.gk !== null && r.landCode !== null
        ? `gkland:${r.gk}:${r.landCode}`
        : r.gk !== null
          ? `gk:${r.gk}`
          : r.landCode !== null
            ? `land:${r.landCode}`
            : 'all';
    entry(k).cells.set(cell, distribution(r.n, (r.p ?? []).map(Number), decimalsOf.get(r.keyFigureId) ?? 2));
    if (r.gk !== null && r.landCode !== null)
      at(rest, k, () => new Map()).set(cell, { gk: r.gk, landCode: r.landCode, n: r.n });
  }
  // the classes of the municipalities in a network or an open ring, taken off the rest of their size class in Land
  for (const r of special) {
    const k = keyOf(r.keyFigureId, r.year);
    const cells = [
      ...publicCells(r.gk!, r.landCode!),
      ...(r.nets ? r.nets.split(',').map((id) => `net:${id}`) : []),
      ...(r.member ? (ringMembers.get(r.member) ?? []) : []),
    ];
    at(units, k, () => []).push({ cells, n: r.n });
    const c = rest.get(k)?.get(`gkland:${r.gk}:${r.landCode}`);
    if (c) c.n -= r.n;
  }
  for (const [k, classes] of rest) {
    const u = at(units, k, () => []);
    for (const c of classes.values()) if (c.n > 0) u.push({ cells: publicCells(c.gk, c.landCode), n: c.n });
  }
  if (opts.networkIds.length) {
    const nets = (
      await sql<{ keyFigureId: string; year: number; networkId: string; n: number; p: number[] }>`
      SELECT kv.key_figure_id, kv.year, nm.network_id, count(*)::int AS n, ${PERCENTILES} AS p
      FROM key_figure_values kv
      JOIN network_members nm ON nm.municipality_id = kv.municipality_id AND ${memberForYear(sql`kv.year`)}
      WHERE nm.network_id IN (${sql.join(opts.networkIds.map((id) => sql`${id}::uuid`))})
        AND ${inScope(opts.figureIds, opts.fromYear, opts.toYear, opts.exclude ?? [], networkFigures)}
      GROUP BY kv.key_figure_id, kv.year, nm.network_id`.execute(db)
    ).rows;
    for (const r of nets)
      entry(keyOf(r.keyFigureId, r.year)).cells.set(
        `net:${r.networkId}`,
        distribution(r.n, r.p.map(Number), decimalsOf.get(r.keyFigureId) ?? 2),
      );
  }
  for (const [k, u] of units) {
    const e = entry(k);
    e.published = publishableGroupCells(u, opts.threshold, 'all', {
      known: (c) => c.startsWith('ring:'),
      totalAlike: true,
    });
  }
  return out;
}

export function cellsOf(map: Map<string, FigureYearCells>, figureId: string, year: number) {
  return map.get(keyOf(figureId, year)) ?? { published: new Set<string>(), cells: new Map<string, Distribution>() };
}
