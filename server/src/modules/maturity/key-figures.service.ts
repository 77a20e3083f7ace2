import {
  AppError,
  BENCHMARK_YEARS,
  type ComputedKeyFigure,
  fmtCount,
  fmtNumber,
  type keyFigureInput,
  type keyFigureValueInput,
} from '@dz/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import { networkAccess } from '../../lib/network-access.js';
import type { Scope, TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';

/* The key-figure ring: the figures a municipality sees (the defaults and those of its networks), its values per
   year — entered, or computed from its own data on the platform — and what the platform computes today. */

export const thisYear = (now = new Date()) => now.getUTCFullYear();

/** Figures visible to members of these networks: the defaults and the networks' own, not archived. */
export function visibleFigures(db: Database, networkIds: readonly string[]) {
  return db
    .selectFrom('keyFigures as k')
    .leftJoin('networks as n', 'n.id', 'k.networkId')
    .select([
      'k.id',
      'k.key',
      'k.networkId',
      'n.name as network',
      'k.name',
      'k.definition',
      'k.unit',
      'k.direction',
      'k.source',
      'k.decimals',
      'k.minValue',
      'k.maxValue',
      'k.computed',
      'k.version',
    ])
    .where('k.archivedAt', 'is', null)
    .where((eb) =>
      networkIds.length
        ? eb.or([eb('k.networkId', 'is', null), eb('k.networkId', 'in', networkIds)])
        : eb('k.networkId', 'is', null),
    )
    .orderBy(sql`k.network_id IS NOT NULL`)
    .orderBy('n.name')
    .orderBy('k.position')
    .orderBy('k.name');
}
export type FigureRow = Awaited<ReturnType<ReturnType<typeof visibleFigures>['execute']>>[number];

export const presentFigure = (f: FigureRow) => ({
  id: f.id,
  key: f.key,
  networkId: f.networkId,
  network: f.network,
  name: f.name,
  definition: f.definition,
  unit: f.unit,
  direction: f.direction,
  source: f.source,
  decimals: f.decimals,
  min: f.minValue,
  max: f.maxValue,
  computed: f.computed,
  version: f.version,
});

/** What the platform computes from the municipality's own data today (null: nothing to compute from). */
export async function computeFigures(
  db: Database,
  municipalityId: string,
  now = new Date(),
): Promise<Partial<Record<ComputedKeyFigure, { value: number; note: string }>>> {
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const r = (
    await sql<{
      services: number;
      online: number;
      hours: number | null;
      people: number;
      population: number;
      staff: number;
      trained: number;
    }>`
    SELECT
      (SELECT count(*) FROM process_services WHERE municipality_id = ${municipalityId})::int AS services,
      (SELECT count(*) FROM process_services WHERE municipality_id = ${municipalityId} AND ozg_level >= 3)::int AS online,
      (SELECT sum(hours_per_week) FROM staff_capacity WHERE municipality_id = ${municipalityId})::float8 AS hours,
      (SELECT count(*) FROM staff_capacity WHERE municipality_id = ${municipalityId} AND hours_per_week > 0)::int AS people,
      (SELECT population FROM municipalities WHERE id = ${municipalityId}) AS population,
      (SELECT count(DISTINCT user_id) FROM memberships WHERE municipality_id = ${municipalityId} AND role <> 'council')::int AS staff,
      (SELECT count(DISTINCT a.user_id) FROM training_assignments a JOIN memberships m
          ON m.user_id = a.user_id AND m.municipality_id = a.municipality_id AND m.role <> 'council'
        WHERE a.municipality_id = ${municipalityId} AND a.status = 'attended' AND a.updated_at >= ${yearAgo})::int AS trained
  `.execute(db)
  ).rows[0]!;
  const out: Partial<Record<ComputedKeyFigure, { value: number; note: string }>> = {};
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  if (r.services > 0)
    out.online_share = {
      value: round((r.online / r.services) * 100, 1),
      note: `${fmtNumber(r.online)} von ${fmtNumber(r.services)} Leistungen im Leistungsverzeichnis auf OZG-Reifegrad 3 oder 4`,
    };
  if (r.hours && r.hours > 0 && r.population > 0)
    out.fte_per_10k = {
      value: round((r.hours / 39 / r.population) * 10_000, 2),
      note: `${fmtNumber(round(r.hours, 1))} Stunden je Woche von ${fmtCount(r.people, 'Person', 'Personen')} laut Kapazitätsplanung (39 Stunden = 1 VZÄ), ${fmtNumber(r.population)} Einwohner`,
    };
  if (r.staff > 0 && r.trained > 0)
    out.trained_share = {
      value: round((r.trained / r.staff) * 100, 1),
      note: `${fmtNumber(r.trained)} von ${fmtNumber(r.staff)} Beschäftigten mit Teilnahme an einer Schulung in den letzten 12 Monaten`,
    };
  return out;
}

export async function listFigures(deps: Pick<Deps, 'db'>, scope: TenantScope, year = thisYear()) {
  const [figures, values, computed] = await Promise.all([
    visibleFigures(deps.db, scope.networkIds).execute(),
    deps.db
      .selectFrom('keyFigureValues')
      .select(['keyFigureId', 'year', 'value', 'origin', 'note', 'updatedAt', 'version'])
      .where('municipalityId', '=', scope.municipalityId)
      .where('year', '>', year - BENCHMARK_YEARS)
      .where('year', '<=', year)
      .orderBy('year', 'desc')
      .execute(),
    computeFigures(deps.db, scope.municipalityId),
  ]);
  return {
    year,
    years: Array.from({ length: BENCHMARK_YEARS }, (_, i) => year - i),
    figures: figures.map((f) => ({
      ...presentFigure(f),
      values: values
        .filter((v) => v.keyFigureId === f.id)
        .map((v) => ({
          year: v.year,
          value: v.value,
          origin: v.origin,
          note: v.note,
          updatedAt: iso(v.updatedAt),
          version: v.version,
        })),
      suggestion: f.computed ? (computed[f.computed as ComputedKeyFigure] ?? null) : null,
    })),
    can: presentCan(scope, 'maturity'),
  };
}

async function visibleFigure(db: Database, scope: TenantScope, figureId: string) {
  const f = await visibleFigures(db, scope.networkIds).where('k.id', '=', figureId).executeTakeFirst();
  if (!f) throw new AppError('not_found');
  return f;
}

function checkRange(f: FigureRow, value: number) {
  const fail = (message: string) => {
    throw new AppError('validation_failed', message, [{ path: 'value', code: 'out_of_range', message }]);
  };
  if (value < f.minValue) fail(`Der Wert darf nicht unter ${fmtNumber(f.minValue)} ${f.unit} liegen.`);
  const max = f.maxValue ?? VALUE_CEILING;
  if (value > max) fail(`Der Wert darf nicht über ${fmtNumber(max)} ${f.unit} liegen.`);
  // as precise as the figure is defined: more digits would only make the comparison easier to invert
  const scaled = value * 10 ** f.decimals;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-7)
    fail(
      f.decimals === 0
        ? 'Bitte geben Sie eine ganze Zahl ein.'
        : `Bitte höchstens ${f.decimals} ${f.decimals === 1 ? 'Nachkommastelle' : 'Nachkommastellen'}.`,
    );
}

/** The largest value a figure without an upper bound takes (beyond it an entry is a typing error). */
const VALUE_CEILING = 1_000_000_000;

/** Enters (or with null removes) the municipality's value of one year; 409 when someone saved it meanwhile. */
export async function saveValue(
  deps: Pick<Deps, 'db'>,
  scope: TenantScope,
  figureId: string,
  year: number,
  input: z.infer<typeof keyFigureValueInput>,
) {
  authorize(scope, 'maturity', 'manage');
  // a year's value is known once the year has begun
  if (!Number.isInteger(year) || year < 2000 || year > thisYear())
    throw new AppError('validation_failed', 'Dieses Jahr ist nicht erfassbar.', [
      { path: 'year', code: 'out_of_range', message: `Bitte ein Jahr zwischen 2000 und ${thisYear()}.` },
    ]);
  const f = await visibleFigure(deps.db, scope, figureId);
  if (input.value !== null) checkRange(f, input.value);
  // stored as precise as the figure is defined (no float noise beyond its decimals)
  const value = input.value === null ? null : Number(input.value.toFixed(f.decimals));
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('keyFigureValues')
      .select(['value', 'origin', 'version'])
      .where('keyFigureId', '=', figureId)
      .where('municipalityId', '=', scope.municipalityId)
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    assertVersion(cur ?? { version: 0 }, input.version, cur);
    if (value === null) {
      if (cur)
        await trx
          .deleteFrom('keyFigureValues')
          .where('keyFigureId', '=', figureId)
          .where('municipalityId', '=', scope.municipalityId)
          .where('year', '=', year)
          .execute();
    } else if (cur)
      await trx
        .updateTable('keyFigureValues')
        .set({
          value,
          origin: 'entered',
          note: input.note,
          version: cur.version + 1,
          updatedBy: scope.user.id,
          updatedAt: new Date(),
        })
        .where('keyFigureId', '=', figureId)
        .where('municipalityId', '=', scope.municipalityId)
        .where('year', '=', year)
        .execute();
    else
      await trx
        .insertInto('keyFigureValues')
        .values({
          keyFigureId: figureId,
          municipalityId: scope.municipalityId,
          year,
          value,
          origin: 'entered',
          note: input.note,
          updatedBy: scope.user.id,
        })
        .execute();
    await writeAudit(trx, scope, {
      action: value === null ? 'delete' : cur ? 'update' : 'create',
      entity: 'key_figure_value',
      entityId: figureId,
      before: cur ? { year, value: cur.value, origin: cur.origin } : null,
      after: value === null ? null : { year, value: value!, origin: 'entered' },
    });
  });
  return listFigures(deps, scope, Math.max(year, thisYear()));
}

/** Stores what the platform computes as the year's values (origin 'computed'); entered values stay. */
export async function storeComputed(deps: Pick<Deps, 'db'>, scope: TenantScope, year: number) {
  authorize(scope, 'maturity', 'manage');
  // the platform computes from today's data: that is this year's value, never a past year's
  if (year !== thisYear())
    throw new AppError('validation_failed', 'Berechnete Werte gibt es nur für das laufende Jahr.', [
      { path: 'year', code: 'not_current', message: `Berechnete Werte gibt es nur für ${thisYear()}.` },
    ]);
  const [figures, computed] = await Promise.all([
    visibleFigures(deps.db, scope.networkIds).where('k.computed', 'is not', null).execute(),
    computeFigures(deps.db, scope.municipalityId),
  ]);
  let stored = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const f of figures) {
      const c = computed[f.computed as ComputedKeyFigure];
      if (!c) continue;
      const res = await trx
        .insertInto('keyFigureValues')
        .values({
          keyFigureId: f.id,
          municipalityId: scope.municipalityId,
          year,
          value: c.value,
          origin: 'computed',
          note: c.note,
          updatedBy: scope.user.id,
        })
        .onConflict((oc) =>
          oc
            .columns(['keyFigureId', 'year', 'municipalityId'])
            .doUpdateSet((eb) => ({
              value: eb.ref('excluded.value'),
              note: eb.ref('excluded.note'),
              version: sql`key_figure_values.version + 1`,
              updatedBy: eb.ref('excluded.updatedBy'),
              updatedAt: new Date(),
            }))
            .where('keyFigureValues.origin', '=', 'computed'),
        )
        .executeTakeFirst();
      stored += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'key_figure_value',
      entityId: null,
      after: { year, computed: stored },
    });
  });
  return listFigures(deps, scope, Math.max(year, thisYear()));
}

// ---- a network's own figures (its moderation) ----

async function networkFigure(db: Database, networkId: string, figureId: string) {
  const f = await db
    .selectFrom('keyFigures')
    .selectAll()
    .where('id', '=', figureId)
    .where('networkId', '=', networkId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!f) throw new AppError('not_found');
  return f;
}

const figureColumns = (input: z.infer<typeof keyFigureInput>) => ({
  name: input.name,
  definition: input.definition,
  unit: input.unit,
  direction: input.direction,
  source: input.source,
  decimals: input.decimals,
  minValue: input.min,
  maxValue: input.max,
});

export async function createNetworkFigure(
  db: Database,
  scope: Scope,
  networkId: string,
  input: z.infer<typeof keyFigureInput>,
  id: string,
) {
  networkAccess(scope, networkId);
  authorize(scope, 'networkMaturity', 'manage', { networkId });
  await db.transaction().execute(async (trx) => {
    const position = await trx
      .selectFrom('keyFigures')
      .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
      .where('networkId', '=', networkId)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('keyFigures')
      .values({
        id,
        networkId,
        key: `n_${id.slice(0, 8)}`,
        ...figureColumns(input),
        position: position.next,
        createdBy: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'key_figure',
      entityId: id,
      municipalityId: null,
      networkId,
      after: { name: input.name },
    });
  });
}

export async function updateNetworkFigure(
  db: Database,
  scope: Scope,
  networkId: string,
  figureId: string,
  version: number,
  input: z.infer<typeof keyFigureInput>,
) {
  networkAccess(scope, networkId);
  authorize(scope, 'networkMaturity', 'manage', { networkId });
  await db.transaction().execute(async (trx) => {
    const cur = await networkFigure(trx, networkId, figureId);
    assertVersion(cur, version);
    await trx
      .updateTable('keyFigures')
      .set({ ...figureColumns(input), version: cur.version + 1 })
      .where('id', '=', figureId)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'key_figure',
      entityId: figureId,
      municipalityId: null,
      networkId,
      before: { name: cur.name, unit: cur.unit, direction: cur.direction },
      after: { name: input.name, unit: input.unit, direction: input.direction },
    });
  });
}

export async function archiveNetworkFigure(db: Database, scope: Scope, networkId: string, figureId: string) {
  networkAccess(scope, networkId);
  authorize(scope, 'networkMaturity', 'manage', { networkId });
  await db.transaction().execute(async (trx) => {
    const cur = await networkFigure(trx, networkId, figureId);
    await trx.updateTable('keyFigures').set({ archivedAt: new Date() }).where('id', '=', figureId).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'key_figure',
      entityId: figureId,
      municipalityId: null,
      networkId,
      before: { name: cur.name },
    });
  });
}
