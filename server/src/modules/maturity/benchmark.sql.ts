import { publishableGroupCells, SIZE_CLASS_LOWER_BOUNDS } from '@dz/core';
import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database.js';

/*
 * The distributions of the key-figure ring in SQL: per figure and year, the 10th, 25th, 50th, 75th and 90th
 * percentile of the values of every peer group (all, size class, Land, size class in Land, each network), and the
 * decision which groups may be shown — fewer than the threshold never, nor any group that two shown groups would
 * let be differenced down to fewer (`publishableGroupCells`, over the counts per finest class). One scan of the
 * values for the public groups and the classes, one for the networks asked for.
 */

export interface Distribution {
  n: number;
  p10: number;
  q1: number;
  median: number;
  q3: number;
  p90: number;
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

const PERCENTILES = sql`percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY v.value)`;

function distribution(n: number, p: number[]): Distribution {
  return { n, p10: p[0]!, q1: p[1]!, median: p[2]!, q3: p[3]!, p90: p[4]! };
}

/** The values in scope with each municipality's size class, Land and networks of today. */
function valuesCte(figureIds: readonly string[], fromYear: number, toYear: number, known: readonly string[] = []) {
  const member = known.length
    ? sql`CASE WHEN kv.municipality_id IN (${sql.join(known.map((id) => sql`${id}::uuid`))}) THEN kv.municipality_id::text END`
    : sql`NULL::text`;
  return sql`
    nets AS (
      SELECT municipality_id, string_agg(network_id::text, ',' ORDER BY network_id) AS nets
      FROM network_members WHERE status = 'accepted' AND left_on IS NULL GROUP BY municipality_id
    ),
    v AS (
      SELECT kv.key_figure_id, kv.year, kv.value, kv.municipality_id, m.land_code,
        ${sizeClassSql(sql`m.population`)} AS gk, coalesce(nets.nets, '') AS nets, ${member} AS member
      FROM key_figure_values kv
      JOIN municipalities m ON m.id = kv.municipality_id
      LEFT JOIN nets ON nets.municipality_id = kv.municipality_id
      WHERE kv.key_figure_id IN (${sql.join(figureIds.map((id) => sql`${id}::uuid`))})
        AND kv.year BETWEEN ${fromYear} AND ${toYear}
    )`;
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
  },
): Promise<Map<string, FigureYearCells>> {
  const out = new Map<string, FigureYearCells>();
  if (opts.figureIds.length === 0) return out;
  const ringMembers = new Map<string, string[]>();
  for (const [net, members] of opts.ring ?? [])
    for (const m of members) ringMembers.set(m, [...(ringMembers.get(m) ?? []), `ring:${net}`]);
  const cte = valuesCte(opts.figureIds, opts.fromYear, opts.toYear, [...ringMembers.keys()]);
  // one scan: the public groups with their percentiles, and the finest classes (with the open ring's members one
  // by one, they are known anyway) with their counts for the disclosure decision
  const rows = (
    await sql<{
      keyFigureId: string;
      year: number;
      gk: number | null;
      landCode: string | null;
      nets: string | null;
      member: string | null;
      g: number;
      n: number;
      p: number[] | null;
    }>`
    WITH ${cte}
    SELECT v.key_figure_id, v.year, v.gk, v.land_code, v.nets, v.member,
      GROUPING(v.gk, v.land_code, v.nets)::int AS g, count(*)::int AS n,
      CASE WHEN GROUPING(v.nets) = 1 THEN ${PERCENTILES} END AS p
    FROM v
    GROUP BY GROUPING SETS (
      (v.key_figure_id, v.year), (v.key_figure_id, v.year, v.gk), (v.key_figure_id, v.year, v.land_code),
      (v.key_figure_id, v.year, v.gk, v.land_code), (v.key_figure_id, v.year, v.gk, v.land_code, v.nets, v.member)
    )`.execute(db)
  ).rows;
  const classes = new Map<string, { cells: string[]; n: number }[]>();
  const entry = (k: string) => {
    let e = out.get(k);
    if (!e) {
      e = { published: new Set(), cells: new Map() };
      out.set(k, e);
    }
    return e;
  };
  for (const r of rows) {
    const k = keyOf(r.keyFigureId, r.year);
    if (r.nets !== null) {
      const cells = [
        'all',
        `gk:${r.gk}`,
        `land:${r.landCode}`,
        `gkland:${r.gk}:${r.landCode}`,
        ...(r.nets ? r.nets.split(',').map((id) => `net:${id}`) : []),
        ...(r.member ? (ringMembers.get(r.member) ?? []) : []),
      ];
      classes.set(k, [...(classes.get(k) ?? []), { cells, n: r.n }]);
      continue;
    }
    const cell =
      r.gk !== null && r.landCode !== null
        ? `gkland:${r.gk}:${r.landCode}`
        : r.gk !== null
          ? `gk:${r.gk}`
          : r.landCode !== null
            ? `land:${r.landCode}`
            : 'all';
    if (r.p) entry(k).cells.set(cell, distribution(r.n, r.p.map(Number)));
  }
  if (opts.networkIds.length) {
    const nets = (
      await sql<{ keyFigureId: string; year: number; networkId: string; n: number; p: number[] }>`
      WITH ${cte}
      SELECT v.key_figure_id, v.year, nm.network_id, count(*)::int AS n, ${PERCENTILES} AS p
      FROM v JOIN network_members nm ON nm.municipality_id = v.municipality_id AND nm.status = 'accepted' AND nm.left_on IS NULL
      WHERE nm.network_id IN (${sql.join(opts.networkIds.map((id) => sql`${id}::uuid`))})
      GROUP BY v.key_figure_id, v.year, nm.network_id`.execute(db)
    ).rows;
    for (const r of nets)
      entry(keyOf(r.keyFigureId, r.year)).cells.set(`net:${r.networkId}`, distribution(r.n, r.p.map(Number)));
  }
  for (const [k, units] of classes) {
    const e = entry(k);
    e.published = publishableGroupCells(units, opts.threshold, 'all', undefined, (c) => c.startsWith('ring:'));
  }
  return out;
}

export function cellsOf(map: Map<string, FigureYearCells>, figureId: string, year: number) {
  return map.get(keyOf(figureId, year)) ?? { published: new Set<string>(), cells: new Map<string, Distribution>() };
}
