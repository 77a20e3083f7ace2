import { byLandOrder, type exchangeQuery, LAENDER, type SizeClass } from '@dz/core';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { DB, Publications } from '../../db/schema.js';
import type { Deps } from '../../lib/deps.js';
import type { Scope } from '../../lib/scope.js';
import { orQuery } from '../needs/needs.service.js';
import { visible } from './exchange.access.js';

type Query = z.infer<typeof exchangeQuery>;
type Facet = 'sizeClass' | 'land' | 'kreis' | 'field' | 'stage';
type Q = SelectQueryBuilder<DB & { p: Publications }, 'p', object>;

/** Words of the municipality's open needs, for "similar to my needs". */
async function needWords(deps: Deps, scope: Scope): Promise<string | null> {
  if (!scope.municipalityId) return null;
  const needs = await deps.db
    .selectFrom('needs')
    .select(['title', 'service'])
    .where('municipalityId', '=', scope.municipalityId)
    .where('status', 'in', ['open', 'in_review', 'planned', 'in_progress'])
    .orderBy('createdAt', 'desc')
    .limit(30)
    .execute();
  return needs.map((n) => `${n.title} ${n.service}`).join(' ') || null;
}

/**
 * The query words as a tsquery, computed once per statement: to_tsquery is only STABLE, so written inline
 * (and bound as a parameter) it is evaluated again for every row it is compared with or ranked against —
 * the German stemmer per candidate was most of the search's cost.
 */
function tsquery(words: string): RawBuilder<unknown> {
  return sql`(SELECT to_tsquery('german', ${words}))`;
}

/** Published entries the scope may see, with every filter applied (`facets`: all but the facet dimensions). */
function filtered(deps: Deps, scope: Scope, q: Query, words: string | null, skip?: 'facets'): Q {
  let b = deps.db.selectFrom('publications as p').where('p.status', '=', 'published').where(visible(scope));
  if (words) b = b.where(sql<boolean>`p.search @@ ${tsquery(words)}`);
  // the contract admits 1–7 only
  if (q.sizeClass && !skip) b = b.where('p.sizeClass', '=', q.sizeClass as SizeClass);
  if (q.land && !skip) b = b.where('p.landCode', '=', q.land);
  if (q.kreis && !skip) b = b.where('p.kreisKey', '=', q.kreis);
  if (q.field && !skip) b = b.where('p.fieldOfAction', '=', q.field);
  if (q.stage && !skip) b = b.where('p.stage', '=', q.stage);
  if (q.costMin !== undefined) b = b.where('p.tcoCents', '>=', q.costMin * 100);
  if (q.costMax !== undefined) b = b.where('p.tcoCents', '<=', q.costMax * 100);
  if (q.lighthouse === 'true') b = b.where(markedForViewer(scope));
  return b;
}

/**
 * Whether an entry is a lighthouse project for this viewer: marked by a network the viewer's municipality
 * belongs to. Marks of other networks neither show nor lift an entry in the ranking.
 */
function markedForViewer(scope: Scope): RawBuilder<boolean> {
  if (!scope.networkIds.length) return sql<boolean>`false`;
  return sql<boolean>`EXISTS (SELECT 1 FROM lighthouse_marks l WHERE l.publication_id = p.id AND l.network_id IN (${sql.join(scope.networkIds)}))`;
}

const FACETS = ['sizeClass', 'land', 'kreis', 'field', 'stage'] as const;
const COLUMN: Record<Facet, string> = {
  sizeClass: 'size_class::text',
  land: 'land_code::text',
  kreis: 'kreis_key::text',
  field: 'field_of_action',
  stage: 'stage',
};

/** The facet columns as the candidate set `base` names them, with the filter the request sets on each. */
function facetConditions(q: Query): Record<Facet, RawBuilder<unknown> | null> {
  return {
    sizeClass: q.sizeClass ? sql`size_class = ${q.sizeClass}` : null,
    land: q.land ? sql`land_code = ${q.land}` : null,
    kreis: q.kreis ? sql`kreis_key = ${q.kreis}` : null,
    field: q.field ? sql`field_of_action = ${q.field}` : null,
    stage: q.stage ? sql`stage = ${q.stage}` : null,
  };
}

function and(conds: (RawBuilder<unknown> | null)[]): RawBuilder<unknown> {
  const list = conds.filter((c): c is RawBuilder<unknown> => c !== null);
  return list.length ? sql.join(list, sql` AND `) : sql`TRUE`;
}

/**
 * The facet counts over the candidate set `base`: each facet counted under the other facets' filters; a
 * Kreis is labelled with its name from the directory (min over the (kreis_key, kreis) index: one probe).
 */
function facetCtes(q: Query) {
  const cond = facetConditions(q);
  const parts = FACETS.map((f) => {
    const where = and(FACETS.filter((g) => g !== f).map((g) => cond[g]));
    return sql`(SELECT ${f}::text AS facet, ${sql.raw(COLUMN[f])} AS value, count(*)::int AS count FROM base WHERE ${where} GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${f === 'kreis' ? 30 : 50})`;
  });
  return sql`facets AS (${sql.join(parts, sql` UNION ALL `)}),
    facet_json AS (SELECT coalesce(json_agg(json_build_object('facet', c.facet, 'value', c.value, 'count', c.count,
      'label', CASE WHEN c.facet = 'kreis' THEN (SELECT min(k.kreis) FROM municipalities k WHERE k.kreis_key = c.value::char(5)) END)
      ORDER BY c.facet, c.count DESC, c.value), '[]'::json) AS facets FROM facets c)`;
}

interface FacetRow {
  facet: Facet;
  value: string;
  count: number;
  label: string | null;
}

interface Row {
  id: string;
  title: string;
  problem: string;
  solution: string;
  municipality: string;
  kreis: string | null;
  municipalityId: string;
  sizeClass: SizeClass;
  landCode: string;
  fieldOfAction: string;
  stage: 'planned' | 'running' | 'completed';
  tcoCents: number | string | null;
  publishedAt: Date;
  lighthouse: boolean;
  reuses: number | string;
  total: number | string;
  rank: number;
}

/**
 * German full-text search over published projects (titles, problem and solution, results, lessons,
 * products) with filters, facet counts (each facet counted under all other filters) and relevance
 * ranking. "similar" searches with the words of the municipality's own open needs.
 *
 * One statement: the candidate set `base` (text, visibility, cost and lighthouse filters; the GIN index on
 * the stored tsvector) is read once and materialised with the short columns the facets and the order need,
 * rank and lighthouse mark computed once per candidate. Facets and the page are both taken from it; only the
 * page's rows are then joined to their long texts, municipality and reuse count.
 */
export async function searchEntries(deps: Deps, scope: Scope, q: Query) {
  // "similar" costs a second statement: the needs' words become a tsquery in JS (orQuery) before the search
  const text = q.mode === 'similar' ? await needWords(deps, scope) : (q.q ?? null);
  const words = text ? orQuery(text) : null;
  // without words there is no relevance: lighthouse projects (of the viewer's networks) first, then the newest
  const rank = words ? sql<number>`ts_rank(p.search, ${tsquery(words)})` : sql<number>`0::real`;
  const base = filtered(deps, scope, q, words, 'facets').select([
    'p.id',
    'p.sizeClass',
    'p.landCode',
    'p.kreisKey',
    'p.fieldOfAction',
    'p.stage',
    'p.publishedAt',
    rank.as('rank'),
    markedForViewer(scope).as('lighthouse'),
  ]);
  // (without words the rank is a constant, without networks the mark is: sorting by them changes nothing)
  const order = sql`rank DESC, lighthouse DESC, published_at DESC, id`;
  const { rows: found } = await sql<{ [K in keyof Row]: Row[K] | null } & { facets: FacetRow[] | string }>`
    WITH base AS MATERIALIZED (${base}), ${facetCtes(q)},
    hits AS (SELECT id, rank, lighthouse, published_at, count(*) OVER () AS total FROM base
      WHERE ${and(Object.values(facetConditions(q)))} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize})
    SELECT f.facets, r.* FROM facet_json f LEFT JOIN LATERAL (
      SELECT h.id, p.title, p.problem, p.solution, m.name AS municipality, m.kreis, p.municipality_id, p.size_class,
        p.land_code, p.field_of_action, p.stage, p.tco_cents, h.published_at, h.lighthouse,
        (SELECT count(*) FROM reuses u WHERE u.publication_id = h.id) AS reuses, h.total, h.rank
      FROM hits h JOIN publications p ON p.id = h.id JOIN municipalities m ON m.id = p.municipality_id) r ON TRUE
    ORDER BY ${order}`.execute(deps.db);
  const json = found[0]?.facets ?? [];
  const facetRows = (typeof json === 'string' ? JSON.parse(json) : json) as FacetRow[];
  const rows = found.filter((r): r is typeof r & Row => r.id !== null);
  const of = (f: Facet) => facetRows.filter((r) => r.facet === f);
  const [sizeClass, land, kreis, field, stage] = FACETS.map(of);
  const kreisName = new Map((kreis ?? []).map((k) => [k.value, k.label ?? k.value]));
  const facet = (list: { value: string; count: number }[] | undefined, label: (v: string) => string) =>
    (list ?? [])
      .filter((x) => x.value !== '')
      .map((x) => ({ value: x.value, label: label(x.value), count: Number(x.count) }));
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      snippet: excerpt(r.problem || r.solution),
      municipality: r.municipality,
      sizeClass: r.sizeClass,
      land: LAENDER[r.landCode]?.name ?? r.landCode,
      kreis: r.kreis,
      fieldOfAction: r.fieldOfAction,
      stage: r.stage,
      tcoCents: r.tcoCents === null ? null : Number(r.tcoCents),
      lighthouse: Boolean(r.lighthouse),
      reuses: Number(r.reuses),
      own: r.municipalityId === scope.municipalityId,
    })),
    total: Number(rows[0]?.total ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    searched: text ? text.slice(0, 300) : null,
    facets: {
      sizeClass: facet(sizeClass, (v) => `GK ${v}`),
      // Länder in the official order by key (01 Schleswig-Holstein … 16 Thüringen), not by count
      land: facet(land, (v) => LAENDER[v]?.name ?? v).sort((a, b) => byLandOrder(a.value, b.value)),
      kreis: facet(kreis, (v) => kreisName.get(v) ?? v),
      field: facet(field, (v) => v),
      stage: facet(stage, (v) => v),
    },
  };
}

/** The first ~240 characters, cut at a word boundary. */
export function excerpt(text: string, max = 240): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30))} …`;
}
