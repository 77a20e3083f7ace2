import {
  AppError,
  amortisationYear,
  type CostPlan,
  compareAlternatives,
  DEFAULT_DISCOUNT_RATE,
  DEFAULT_DISCOUNT_RATE_SOURCE,
  DEFAULT_HORIZON_YEARS,
  DEFAULT_STAFF_RATES,
  DEFAULT_STAFF_RATES_SOURCE,
  type financeSave,
  type financeSettingsSave,
  lifecycle,
  npv,
  type WibeDimension,
  wibeHint,
  wibePoints,
} from '@dz/core';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { editableProject, loadProject, projectFacts } from '../projects/projects.access.js';

type Db = Kysely<DB> | Transaction<DB>;
type Save = z.infer<typeof financeSave>;
type Alternatives = Save['alternatives'];

/** The municipality's finance settings (defaults until saved: BMF rate, 5 years, default rate table). */
export async function loadSettings(db: Db, municipalityId: string) {
  const s = await db
    .selectFrom('financeSettings')
    .selectAll()
    .where('municipalityId', '=', municipalityId)
    .executeTakeFirst();
  const ratesYear = s?.ratesYear ?? new Date().getFullYear();
  const rows = s
    ? await db
        .selectFrom('staffRates')
        .select(['payGroup', 'centsPerHour'])
        .where('municipalityId', '=', municipalityId)
        .where('year', '=', ratesYear)
        .orderBy('position')
        .execute()
    : [];
  const rates = rows.length ? rows : DEFAULT_STAFF_RATES.map((r) => ({ ...r }));
  return {
    version: s?.version ?? 0,
    discountRate: s?.discountRate ?? DEFAULT_DISCOUNT_RATE,
    discountRateSource: s?.discountRateSource ?? DEFAULT_DISCOUNT_RATE_SOURCE,
    horizonYears: s?.horizonYears ?? DEFAULT_HORIZON_YEARS,
    ratesYear,
    rates,
    ratesSource: s?.ratesSource ?? DEFAULT_STAFF_RATES_SOURCE,
  };
}

export async function getSettings(deps: Deps, scope: TenantScope) {
  return { ...(await loadSettings(deps.db, scope.municipalityId)), can: presentCan(scope, 'financeSettings') };
}

export async function saveSettings(deps: Deps, scope: TenantScope, input: z.infer<typeof financeSettingsSave>) {
  authorize(scope, 'financeSettings', 'edit');
  const mid = scope.municipalityId;
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('financeSettings')
      .selectAll()
      .where('municipalityId', '=', mid)
      .forUpdate()
      .executeTakeFirst();
    assertVersion({ version: cur?.version ?? 0 }, input.version, await loadSettings(trx, mid));
    const values = {
      discountRate: input.discountRate,
      discountRateSource: input.discountRateSource,
      horizonYears: input.horizonYears,
      ratesYear: input.ratesYear,
      ratesSource: input.ratesSource,
    };
    if (cur)
      await trx
        .updateTable('financeSettings')
        .set({ ...values, version: cur.version + 1 })
        .where('municipalityId', '=', mid)
        .execute();
    else
      await trx
        .insertInto('financeSettings')
        .values({ municipalityId: mid, ...values })
        .execute();
    await trx.deleteFrom('staffRates').where('municipalityId', '=', mid).where('year', '=', input.ratesYear).execute();
    await trx
      .insertInto('staffRates')
      .values(input.rates.map((r, position) => ({ municipalityId: mid, year: input.ratesYear, position, ...r })))
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'finance_settings',
      municipalityId: mid,
      before: cur ? { discountRate: cur.discountRate, horizonYears: cur.horizonYears } : null,
      after: { discountRate: input.discountRate, horizonYears: input.horizonYears, ratesYear: input.ratesYear },
    });
  });
  return getSettings(deps, scope);
}

const EMPTY_ALTERNATIVES: Alternatives = {
  partners: [],
  key: 'population',
  baseShare: 0.3,
  sharedService: null,
  doNothingRisks: [],
};

/** The stored finance document of a project (empty before the first save). */
export async function loadFinance(db: Db, projectId: string) {
  const [doc, costs, staff, funding, benefits] = await Promise.all([
    db.selectFrom('projectFinance').selectAll().where('projectId', '=', projectId).executeTakeFirst(),
    db.selectFrom('costLines').selectAll().where('projectId', '=', projectId).orderBy('position').execute(),
    db.selectFrom('staffLines').selectAll().where('projectId', '=', projectId).orderBy('position').execute(),
    db.selectFrom('funding').selectAll().where('projectId', '=', projectId).orderBy('position').execute(),
    db.selectFrom('benefits').selectAll().where('projectId', '=', projectId).orderBy('position').execute(),
  ]);
  const wibe = doc?.wibe ?? {};
  return {
    version: doc?.version ?? 0,
    costs: costs.map((c) => ({
      kind: c.kind,
      category: c.category,
      label: c.label,
      year: c.yearOffset,
      min: c.minCents,
      likely: c.likelyCents,
      max: c.maxCents,
      vat: c.vat,
      budgetLine: c.budgetLine,
    })),
    staff: staff.map((s) => ({
      kind: s.kind,
      label: s.label,
      payGroup: s.payGroup,
      year: s.yearOffset,
      hours: { min: s.hoursMin, likely: s.hoursLikely, max: s.hoursMax },
    })),
    funding: funding.map((f) => ({
      programme: f.programme,
      amountCents: f.amountCents,
      sharePercent: f.sharePercent,
      conditions: f.conditions,
      deadline: f.deadline,
      status: f.status,
    })),
    benefits: benefits.map((b) => ({
      label: b.label,
      centsPerYear: b.centsPerYear,
      hoursPerYear: b.hoursPerYear,
      payGroup: b.payGroup,
      fromYear: b.fromYear,
    })),
    wibe: { urgency: wibe.urgency ?? {}, strategic: wibe.strategic ?? {}, external: wibe.external ?? {} },
    alternatives: { ...EMPTY_ALTERNATIVES, ...doc?.alternatives },
    budgetAvailableCents: doc?.budgetAvailableCents ?? null,
    budgetLine: doc?.budgetLine ?? '',
  };
}

type Doc = Awaited<ReturnType<typeof loadFinance>>;
type Settings = Awaited<ReturnType<typeof loadSettings>>;

/** Every figure of the finance view, computed in core from the document and the settings. */
export function computeFinance(doc: Doc, settings: Settings, population: number) {
  const rates = Object.fromEntries(settings.rates.map((r) => [r.payGroup, r.centsPerHour]));
  const plan: CostPlan = {
    costs: doc.costs,
    staff: doc.staff,
    funding: doc.funding,
    benefits: doc.benefits,
  };
  const l = lifecycle(plan, rates, settings.horizonYears, population);
  const flows = l.years.map((y) => y.net);
  const points: Record<WibeDimension, number> = {
    urgency: wibePoints('urgency', doc.wibe.urgency),
    strategic: wibePoints('strategic', doc.wibe.strategic),
    external: wibePoints('external', doc.wibe.external),
  };
  const value = npv(flows, settings.discountRate);
  const own = doc.alternatives.partners.length ? doc.alternatives.partners : [{ name: 'Eigene Kommune', population }];
  return {
    ...l,
    npv: value,
    amortisationYear: amortisationYear(flows),
    points,
    hint: wibeHint(value, points.urgency, points.strategic),
    alternatives: compareAlternatives({
      aloneNetCost: l.netCost,
      partners: own,
      key: doc.alternatives.key,
      baseShare: doc.alternatives.baseShare,
      sharedService: doc.alternatives.sharedService,
      doNothingRisks: doc.alternatives.doNothingRisks.map((r) => ({ probability: r.probability, cost: r.cost })),
      benefitsForgone: l.benefitsTotal,
      horizon: settings.horizonYears,
    }),
    rates,
  };
}

async function population(deps: Deps, municipalityId: string) {
  const m = await deps.db
    .selectFrom('municipalities')
    .select('population')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return m.population;
}

export async function getFinance(deps: Deps, scope: TenantScope, projectId: string) {
  const p = await loadProject(deps, scope, projectId);
  const [doc, settings, pop, facts] = await Promise.all([
    loadFinance(deps.db, projectId),
    loadSettings(deps.db, scope.municipalityId),
    population(deps, scope.municipalityId),
    projectFacts(deps, scope, p),
  ]);
  const { rates, ...computed } = computeFinance(doc, settings, pop);
  return {
    ...doc,
    population: pop,
    settings: {
      discountRate: settings.discountRate,
      discountRateSource: settings.discountRateSource,
      horizonYears: settings.horizonYears,
      rates,
      ratesYear: settings.ratesYear,
    },
    computed,
    can: presentCan(scope, 'projectPart', facts),
  };
}

/** Saves the whole finance document (lines replaced in one transaction); a stale version gets 409. */
export async function saveFinance(deps: Deps, scope: TenantScope, projectId: string, input: Save) {
  await editableProject(deps, scope, projectId);
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('projectFinance')
      .select('version')
      .where('projectId', '=', projectId)
      .forUpdate()
      .executeTakeFirst();
    if ((cur?.version ?? 0) !== input.version)
      throw new AppError('version_conflict', 'Der Datensatz wurde inzwischen von jemand anderem geändert.', [], {
        currentVersion: cur?.version ?? 0,
      });
    const head = {
      wibe: JSON.stringify(input.wibe),
      alternatives: JSON.stringify(input.alternatives),
      budgetAvailableCents: input.budgetAvailableCents,
      budgetLine: input.budgetLine,
      updatedAt: new Date(),
    };
    if (cur)
      await trx
        .updateTable('projectFinance')
        .set({ ...head, version: cur.version + 1 })
        .where('projectId', '=', projectId)
        .execute();
    else
      await trx
        .insertInto('projectFinance')
        .values({ projectId, ...head })
        .execute();
    for (const t of ['costLines', 'staffLines', 'funding', 'benefits'] as const)
      await trx.deleteFrom(t).where('projectId', '=', projectId).execute();
    if (input.costs.length)
      await trx
        .insertInto('costLines')
        .values(
          input.costs.map((c, position) => ({
            id: newId(),
            projectId,
            position,
            kind: c.kind,
            category: c.category,
            label: c.label,
            yearOffset: c.year,
            minCents: c.min,
            likelyCents: c.likely,
            maxCents: c.max,
            vat: c.vat,
            budgetLine: c.budgetLine,
          })),
        )
        .execute();
    if (input.staff.length)
      await trx
        .insertInto('staffLines')
        .values(
          input.staff.map((s, position) => ({
            id: newId(),
            projectId,
            position,
            kind: s.kind,
            label: s.label,
            payGroup: s.payGroup,
            yearOffset: s.year,
            hoursMin: s.hours.min,
            hoursLikely: s.hours.likely,
            hoursMax: s.hours.max,
          })),
        )
        .execute();
    if (input.funding.length)
      await trx
        .insertInto('funding')
        .values(input.funding.map((f, position) => ({ id: newId(), projectId, position, ...f })))
        .execute();
    if (input.benefits.length)
      await trx
        .insertInto('benefits')
        .values(input.benefits.map((b, position) => ({ id: newId(), projectId, position, ...b })))
        .execute();
    await writeAudit(trx, scope, {
      action: 'finance',
      entity: 'project',
      entityId: projectId,
      municipalityId: scope.municipalityId,
      after: { costLines: input.costs.length, staffLines: input.staff.length, funding: input.funding.length },
    });
  });
  return getFinance(deps, scope, projectId);
}
