import {
  BENCHMARK_THRESHOLD,
  BENCHMARK_YEARS,
  fmtNumber,
  LAENDER,
  type PeerGroupKind,
  quarterOfValue,
  type SizeClass,
  sizeClassBand,
  sizeClassOf,
} from '@dz/core';
import type { Database } from '../../db/database.js';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';
import { cellsOf, type Distribution, peerDistributions } from './benchmark.sql.js';
import { thisYear, visibleFigures } from './key-figures.service.js';

/* One's own position against peers: the shown groups' distributions, the own quarter, and the trend. */

export function sizeClassLabel(gk: number) {
  const { lower, upper } = sizeClassBand(gk as SizeClass);
  return upper === null
    ? `GK${gk} (ab ${fmtNumber(lower)} Einwohner)`
    : `GK${gk} (${fmtNumber(lower)}–${fmtNumber(upper - 1)} Einwohner)`;
}
export const landName = (code: string) => LAENDER[code]?.name ?? code;

/** The open rings of all networks: their members know each other's values (see `publishableGroupCells`). */
export async function openRings(db: Database) {
  const rows = await db.selectFrom('keyFigureOpenRing').select(['networkId', 'municipalityId']).execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.networkId, (out.get(r.networkId) ?? new Set()).add(r.municipalityId));
  return out;
}

/**
 * Every municipality the person belongs to: their values stay out of the distributions they see, so that nobody
 * can read the neighbouring values off the quartiles by changing a value of their own (also not with a second
 * municipality they work for, nor as a network's moderator).
 */
export async function ownMunicipalities(db: Database, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('memberships').select('municipalityId').where('userId', '=', userId).execute();
  return rows.map((r) => r.municipalityId);
}

export async function ownPlace(db: Database, municipalityId: string) {
  const m = await db
    .selectFrom('municipalities')
    .select(['name', 'population', 'landCode'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return { name: m.name, sizeClass: sizeClassOf(m.population), landCode: m.landCode };
}

export async function getBenchmark(
  deps: Pick<Deps, 'db'>,
  scope: TenantScope,
  q: { year?: number | undefined; figureId?: string | undefined },
) {
  const year = q.year ?? thisYear();
  const fromYear = year - BENCHMARK_YEARS + 1;
  let figuresQ = visibleFigures(deps.db, scope.networkIds);
  if (q.figureId) figuresQ = figuresQ.where('k.id', '=', q.figureId);
  const [figures, place, networks, ring, exclude] = await Promise.all([
    figuresQ.execute(),
    ownPlace(deps.db, scope.municipalityId),
    scope.networkIds.length
      ? deps.db
          .selectFrom('networks')
          .select(['id', 'name'])
          .where('id', 'in', scope.networkIds)
          .orderBy('name')
          .execute()
      : Promise.resolve([]),
    openRings(deps.db),
    ownMunicipalities(deps.db, scope.user.id),
  ]);
  const figureIds = figures.map((f) => f.id);
  const [dist, own] = await Promise.all([
    peerDistributions(deps.db, {
      figureIds,
      fromYear,
      toYear: year,
      networkIds: networks.map((n) => n.id),
      threshold: BENCHMARK_THRESHOLD,
      ring,
      exclude,
    }),
    figureIds.length
      ? deps.db
          .selectFrom('keyFigureValues')
          .select(['keyFigureId', 'year', 'value', 'origin'])
          .where('municipalityId', '=', scope.municipalityId)
          .where('keyFigureId', 'in', figureIds)
          .where('year', '>=', fromYear)
          .where('year', '<=', year)
          .execute()
      : Promise.resolve([]),
  ]);
  const { sizeClass: gk, landCode } = place;
  const groupDefs: { kind: PeerGroupKind; key: string; label: string }[] = [
    { kind: 'size_land', key: `gkland:${gk}:${landCode}`, label: `GK${gk} in ${landName(landCode)}` },
    { kind: 'size_class', key: `gk:${gk}`, label: sizeClassLabel(gk) },
    { kind: 'land', key: `land:${landCode}`, label: landName(landCode) },
    ...networks.map((n) => ({ kind: 'network' as const, key: `net:${n.id}`, label: n.name })),
    { kind: 'all', key: 'all', label: 'Alle Kommunen' },
  ];
  const years = Array.from({ length: BENCHMARK_YEARS }, (_, i) => fromYear + i);
  return {
    year,
    threshold: BENCHMARK_THRESHOLD,
    sizeClass: gk,
    land: landName(landCode),
    figures: figures.map((f) => {
      const mine = own.find((v) => v.keyFigureId === f.id && v.year === year) ?? null;
      const cells = cellsOf(dist, f.id, year);
      return {
        id: f.id,
        name: f.name,
        unit: f.unit,
        decimals: f.decimals,
        direction: f.direction,
        network: f.network,
        own: mine ? { value: mine.value, origin: mine.origin } : null,
        groups: groupDefs.map((g) => {
          const d = cells.cells.get(g.key);
          const shown = Boolean(d) && cells.published.has(g.key);
          return {
            ...g,
            shown,
            reason: shown ? null : (d?.n ?? 0) < BENCHMARK_THRESHOLD ? ('too_few' as const) : ('differencing' as const),
            distribution: shown ? (d as Distribution) : null,
            quarter: shown && mine ? quarterOfValue(mine.value, d as Distribution, f.direction) : null,
          };
        }),
        trend: years.map((y) => {
          const c = cellsOf(dist, f.id, y);
          return {
            year: y,
            own: own.find((v) => v.keyFigureId === f.id && v.year === y)?.value ?? null,
            medians: groupDefs
              .filter((g) => c.published.has(g.key) && c.cells.has(g.key))
              .map((g) => ({ key: g.key, median: c.cells.get(g.key)!.median })),
          };
        }),
      };
    }),
  };
}
