/**
 * Money and economic efficiency for council decisions. All amounts are integer cents; rates are decimal
 * fractions (0.009 = 0.9 % p.a.). Year 0 is the year of the investment.
 */
import { expected, type SimulationInput, type SimulationResult, type ThreePoint } from './simulation.js';

/** BMF nominal discount rate for WiBe calculations, published 2023 (editable per municipality). */
export const DEFAULT_DISCOUNT_RATE = 0.009;
export const DEFAULT_DISCOUNT_RATE_SOURCE =
  'BMF, Personalkosten- und Sachkostensätze / Kalkulationszinssätze für Wirtschaftlichkeitsuntersuchungen (nominal 0,9 % p. a., 2023)';
export const DEFAULT_HORIZON_YEARS = 5;

/** Present value factor 1 / (1 + p)^n. */
export const discountFactor = (rate: number, year: number) => 1 / (1 + rate) ** year;

/** Net present value (Kapitalwert) of yearly net cash flows in cents (index = year), rounded to the cent. */
export function npv(netByYear: readonly number[], rate: number): number {
  return Math.round(netByYear.reduce((s, v, year) => s + v * discountFactor(rate, year), 0));
}

/**
 * The first year in which the cumulative (undiscounted) net cash flow is ≥ 0 again after it had been negative.
 * Null when it does not pay back within the horizon — and when there is nothing to pay back: an empty plan, or one
 * whose cumulative flow never goes below zero, has no amortisation year (a council must not read "Jahr 2" there).
 */
export function amortisationYear(netByYear: readonly number[]): number | null {
  let sum = 0;
  let owed = false;
  for (const [year, v] of netByYear.entries()) {
    sum += v;
    if (sum < 0) owed = true;
    else if (owed) return year;
  }
  return null;
}

export interface WibeHint {
  /** Go ahead: NPV > 0, or urgency or qualitative-strategic importance reaches 50 points. */
  recommended: boolean;
  reasons: ('npv_positive' | 'urgency' | 'strategic')[];
}
export function wibeHint(npvCents: number, urgencyPoints: number, strategicPoints: number): WibeHint {
  const reasons: WibeHint['reasons'] = [];
  if (npvCents > 0) reasons.push('npv_positive');
  if (urgencyPoints >= 50) reasons.push('urgency');
  if (strategicPoints >= 50) reasons.push('strategic');
  return { recommended: reasons.length > 0, reasons };
}

/**
 * Splits a total (cents) by weights so that the shares add up to the total exactly (largest remainder:
 * the cents left after flooring go to the largest fractional parts, ties to the earlier party).
 */
export function splitCents(totalCents: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(totalCents)) throw new Error('total must be whole cents');
  if (weights.length === 0) return [];
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new Error('weights must be finite and ≥ 0');
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = sum > 0 ? weights : weights.map(() => 1);
  const wsum = sum > 0 ? sum : weights.length;
  const sign = totalCents < 0 ? -1 : 1;
  const abs = Math.abs(totalCents);
  const raw = w.map((x) => (abs * x) / wsum);
  const floors = raw.map((x) => Math.floor(x));
  let rest = abs - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i]! += 1;
    rest -= 1;
  }
  return floors.map((x) => x * sign);
}

export type CostKey =
  | { kind: 'population'; populations: readonly number[] }
  | { kind: 'equal'; parties: number }
  | { kind: 'custom'; percents: readonly number[] }
  | { kind: 'case_volume'; volumes: readonly number[] }
  | { kind: 'base_variable'; baseShare: number; variable: readonly number[] };

/** Cost per party under a cost-sharing key; always sums to the total, to the cent. */
export function splitByKey(totalCents: number, key: CostKey): number[] {
  switch (key.kind) {
    case 'population':
      return splitCents(totalCents, key.populations);
    case 'case_volume':
      return splitCents(totalCents, key.volumes);
    case 'equal':
      return splitCents(
        totalCents,
        Array.from({ length: key.parties }, () => 1),
      );
    case 'custom':
      return splitCents(totalCents, key.percents);
    case 'base_variable': {
      // a base share split equally, the rest by the variable measure (e.g. population)
      const base = Math.round(totalCents * Math.min(1, Math.max(0, key.baseShare)));
      const equal = splitCents(
        base,
        key.variable.map(() => 1),
      );
      const variable = splitCents(totalCents - base, key.variable);
      return equal.map((e, i) => e + variable[i]!);
    }
  }
}

// ---- cost plan and lifecycle (TCO) ----

export const ONE_TIME_CATEGORIES = ['investment', 'implementation', 'external', 'training', 'migration'] as const;
export const RECURRING_CATEGORIES = ['licences', 'operation', 'maintenance', 'hosting'] as const;
export type CostCategory = (typeof ONE_TIME_CATEGORIES)[number] | (typeof RECURRING_CATEGORIES)[number] | 'staff';
export const COST_KINDS = ['one_time', 'recurring'] as const;
export type CostKind = (typeof COST_KINDS)[number];
export const FUNDING_STATUSES = ['planned', 'applied', 'approved', 'rejected'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];
export const VAT_RATE = 0.19;
/** One-time or recurring follows from the category (the contract refuses any other combination). */
export const kindOf = (category: Exclude<CostCategory, 'staff'>): CostKind =>
  (ONE_TIME_CATEGORIES as readonly string[]).includes(category) ? 'one_time' : 'recurring';

/** Default staff cost rates (full cost per hour incl. overhead and workplace, in cents), editable per year. */
export const DEFAULT_STAFF_RATES: readonly { payGroup: string; centsPerHour: number }[] = [
  { payGroup: 'EG 5', centsPerHour: 5_500 },
  { payGroup: 'EG 8', centsPerHour: 6_200 },
  { payGroup: 'EG 9b', centsPerHour: 6_800 },
  { payGroup: 'EG 11', centsPerHour: 7_600 },
  { payGroup: 'EG 13', centsPerHour: 8_800 },
  { payGroup: 'A 9', centsPerHour: 6_400 },
  { payGroup: 'A 11', centsPerHour: 7_500 },
  { payGroup: 'A 13', centsPerHour: 9_000 },
];
export const DEFAULT_STAFF_RATES_SOURCE =
  'Richtwerte (Vollkosten je Stunde inkl. Gemein- und Arbeitsplatzkosten, gerundet) in Anlehnung an den KGSt-Bericht „Kosten eines Arbeitsplatzes“ – bitte mit dem aktuellen Bericht bzw. den BMF-Personalkostensätzen abgleichen.';

export interface CostLineInput extends ThreePoint {
  kind: CostKind;
  category: CostCategory;
  label: string;
  /** One-time: the year offset it falls in; recurring: the first year offset. */
  year: number;
  /** Amounts are net; with VAT the municipality pays 19 % on top (no input tax deduction). */
  vat: boolean;
}
export interface StaffLineInput {
  kind: CostKind;
  label: string;
  payGroup: string;
  year: number;
  hours: ThreePoint;
}
export interface FundingInput {
  programme: string;
  amountCents: number | null;
  /** Share of the one-time costs in percent (used when no amount is given). */
  sharePercent: number | null;
  status: FundingStatus;
  deadline?: string | null;
  conditions?: string;
}
export interface BenefitInput {
  label: string;
  centsPerYear: number;
  hoursPerYear: number;
  payGroup: string | null;
  fromYear: number;
}
export interface CostPlan {
  costs: CostLineInput[];
  staff: StaffLineInput[];
  funding: FundingInput[];
  benefits: BenefitInput[];
}
export interface YearFigures {
  year: number;
  oneTime: number;
  recurring: number;
  staff: number;
  cost: number;
  funding: number;
  benefits: number;
  /** The part of `benefits` that is saved staff time valued at the pay-group rate (not budget-effective). */
  benefitsStaff: number;
  /** Benefits + funding − cost (cash flow for the NPV). */
  net: number;
}

/** The gross amount (cents) a municipality pays for a net amount: with VAT 19 % on top, rounded to the cent. */
export const grossCents = (cents: number, vat: boolean) => (vat ? Math.round(cents * (1 + VAT_RATE)) : cents);
const occursIn = (kind: 'one_time' | 'recurring', from: number, year: number) =>
  kind === 'one_time' ? year === from : year >= from;

/** A staff line as three-point cost estimate in cents (hours × rate of its pay group). */
export function staffCost(line: StaffLineInput, rates: Readonly<Record<string, number>>): ThreePoint {
  const r = rates[line.payGroup] ?? 0;
  return {
    min: Math.round(line.hours.min * r),
    likely: Math.round(line.hours.likely * r),
    max: Math.round(line.hours.max * r),
  };
}

/** Funding counts as money only once granted; planned and applied funding is shown apart. */
export const isGranted = (f: Pick<FundingInput, 'status'>) => f.status === 'approved';
export const isPending = (f: Pick<FundingInput, 'status'>) => f.status === 'planned' || f.status === 'applied';

/** Funding in cents: the fixed amount, or the share of the one-time costs; rejected funding counts 0. */
export function fundingCents(f: FundingInput, oneTimeTotal: number): number {
  if (f.status === 'rejected') return 0;
  if (f.amountCents !== null) return f.amountCents;
  return Math.round((oneTimeTotal * (f.sharePercent ?? 0)) / 100);
}

/**
 * Lifecycle (total cost of ownership) over `horizon` years from year 0, with the most likely values:
 * per year and per category, granted funding (received in the first year with one-time costs), monetary
 * benefits and saved staff hours valued at the rate of their pay group, and the net cash flow per year.
 * Funding that is only planned or applied for is summed apart (`fundingPending`) and counts nowhere else:
 * a council should not decide on money that has not been granted.
 */
export function lifecycle(
  plan: CostPlan,
  rates: Readonly<Record<string, number>>,
  horizon: number,
  population: number,
) {
  const years: YearFigures[] = Array.from({ length: horizon }, (_, year) => ({
    year,
    oneTime: 0,
    recurring: 0,
    staff: 0,
    cost: 0,
    funding: 0,
    benefits: 0,
    benefitsStaff: 0,
    net: 0,
  }));
  const byCategory: Record<string, number> = {};
  /** Cost per category and year (for the stacked chart). */
  const byCategoryYear: Record<string, number[]> = {};
  const add = (category: string, year: number, v: number) => {
    byCategory[category] = (byCategory[category] ?? 0) + v;
    byCategoryYear[category] ??= Array.from({ length: horizon }, () => 0);
    byCategoryYear[category]![year]! += v;
  };
  for (const c of plan.costs)
    for (const y of years)
      if (occursIn(c.kind, c.year, y.year)) {
        const v = grossCents(c.likely, c.vat);
        if (c.kind === 'one_time') y.oneTime += v;
        else y.recurring += v;
        add(c.category, y.year, v);
      }
  for (const s of plan.staff) {
    const v = staffCost(s, rates).likely;
    for (const y of years)
      if (occursIn(s.kind, s.year, y.year)) {
        y.staff += v;
        add('staff', y.year, v);
      }
  }
  const oneTimeTotal = years.reduce((s, y) => s + y.oneTime, 0);
  const fundingTotal = plan.funding.filter(isGranted).reduce((s, f) => s + fundingCents(f, oneTimeTotal), 0);
  const fundingPending = plan.funding.filter(isPending).reduce((s, f) => s + fundingCents(f, oneTimeTotal), 0);
  const fundingYear = years.find((y) => y.oneTime > 0) ?? years[0];
  if (fundingYear) fundingYear.funding = fundingTotal;
  for (const b of plan.benefits)
    for (const y of years)
      if (y.year >= b.fromYear) {
        const staff = Math.round(b.hoursPerYear * (b.payGroup ? (rates[b.payGroup] ?? 0) : 0));
        y.benefits += b.centsPerYear + staff;
        y.benefitsStaff += staff;
      }
  for (const y of years) {
    y.cost = y.oneTime + y.recurring + y.staff;
    y.net = y.benefits + y.funding - y.cost;
  }
  const total = years.reduce((s, y) => s + y.cost, 0);
  const netCost = total - fundingTotal;
  return {
    years,
    byCategory,
    byCategoryYear,
    total,
    fundingTotal,
    fundingPending,
    netCost,
    benefitsTotal: years.reduce((s, y) => s + y.benefits, 0),
    perInhabitant: population > 0 ? Math.round(netCost / population) : null,
  };
}

/** The cost plan's lines as Monte Carlo inputs over the horizon (each yearly occurrence one estimate). */
export function simulationLines(
  plan: CostPlan,
  rates: Readonly<Record<string, number>>,
  horizon: number,
): ThreePoint[] {
  const out: ThreePoint[] = [];
  const times = (kind: 'one_time' | 'recurring', from: number) =>
    kind === 'one_time' ? (from < horizon ? 1 : 0) : Math.max(0, horizon - Math.max(0, from));
  for (const c of plan.costs) {
    const e = { min: grossCents(c.min, c.vat), likely: grossCents(c.likely, c.vat), max: grossCents(c.max, c.vat) };
    for (let i = 0; i < times(c.kind, c.year); i++) out.push(e);
  }
  for (const s of plan.staff) {
    const e = staffCost(s, rates);
    for (let i = 0; i < times(s.kind, s.year); i++) out.push(e);
  }
  return out;
}

// ---- non-monetary WiBe scoring ----

export const WIBE_DIMENSIONS = ['urgency', 'strategic', 'external'] as const;
export type WibeDimension = (typeof WIBE_DIMENSIONS)[number];
/** Criteria per dimension with weights (sum 100 per dimension); each scored 0–10. */
export const WIBE_CRITERIA: Record<WibeDimension, readonly { key: string; name: string; weight: number }[]> = {
  urgency: [
    { key: 'legacy', name: 'Ablösung eines Altverfahrens (Support endet, Ausfallrisiko)', weight: 40 },
    { key: 'law', name: 'Rechtliche Verpflichtung mit Frist (z. B. OZG, E-Rechnung)', weight: 40 },
    { key: 'stability', name: 'Stabilität und Sicherheit des heutigen Betriebs', weight: 20 },
  ],
  strategic: [
    { key: 'target', name: 'Beitrag zu Zielen des Zielbilds', weight: 40 },
    { key: 'quality', name: 'Qualität und Bürgerfreundlichkeit der Leistung', weight: 30 },
    { key: 'staff', name: 'Entlastung und Attraktivität der Arbeitsplätze', weight: 30 },
  ],
  external: [
    { key: 'citizens', name: 'Nutzen für Bürgerinnen, Bürger und Wirtschaft', weight: 60 },
    { key: 'partners', name: 'Nutzen für Partnerkommunen (Nachnutzung, Kooperation)', weight: 40 },
  ],
};
/** Points 0–100 of one dimension from its criteria scores (0–10 each; missing = 0). */
export function wibePoints(dim: WibeDimension, scores: Readonly<Record<string, number | undefined>>): number {
  const crit = WIBE_CRITERIA[dim];
  const total = crit.reduce((s, c) => s + c.weight, 0);
  return Math.round(
    crit.reduce((s, c) => s + c.weight * Math.min(10, Math.max(0, scores[c.key] ?? 0)), 0) / (total / 10),
  );
}

// ---- alternatives ----

export interface AlternativesInput {
  /** Net cost of the project over the horizon when the municipality does it alone (cents). */
  aloneNetCost: number;
  /** Partner municipalities incl. the own one at index 0, with population and case volume for the keys. */
  partners: { name: string; population: number; caseVolume?: number; percent?: number }[];
  key: 'population' | 'equal' | 'custom' | 'case_volume' | 'base_variable';
  baseShare?: number;
  /** Shared service offer: joining once and a yearly fee for the own municipality. */
  sharedService: { oneTimeCents: number; perYearCents: number } | null;
  /** What doing nothing costs: risks (probability × expected cost) and the benefits forgone. */
  doNothingRisks: { probability: number; cost: ThreePoint }[];
  benefitsForgone: number;
  horizon: number;
}

export function costKeyOf(input: AlternativesInput): CostKey {
  const p = input.partners;
  switch (input.key) {
    case 'population':
      return { kind: 'population', populations: p.map((x) => x.population) };
    case 'case_volume':
      return { kind: 'case_volume', volumes: p.map((x) => x.caseVolume ?? 0) };
    case 'custom':
      return { kind: 'custom', percents: p.map((x) => x.percent ?? 0) };
    case 'base_variable':
      return { kind: 'base_variable', baseShare: input.baseShare ?? 0.3, variable: p.map((x) => x.population) };
    default:
      return { kind: 'equal', parties: p.length };
  }
}

/** Cost for the own municipality over the horizon under each alternative (cents), with the partner split. */
export function compareAlternatives(input: AlternativesInput) {
  const split = input.partners.length > 1 ? splitByKey(input.aloneNetCost, costKeyOf(input)) : [input.aloneNetCost];
  const doNothing =
    Math.round(input.doNothingRisks.reduce((s, r) => s + r.probability * expected(r.cost), 0)) + input.benefitsForgone;
  return {
    alone: input.aloneNetCost,
    withPartners: input.partners.length > 1 ? (split[0] ?? 0) : null,
    partnerShares: input.partners.map((p, i) => ({ name: p.name, cents: split[i] ?? 0 })),
    sharedService: input.sharedService
      ? input.sharedService.oneTimeCents + input.sharedService.perYearCents * input.horizon
      : null,
    doNothing,
  };
}

/** A stored risk as the simulation needs it (probability in percent, costs in cents). */
export interface RegisterRisk {
  probability: number;
  costMin: number;
  costLikely: number;
  costMax: number;
  weeks: number;
  status: string;
}

/**
 * The Monte Carlo input of a project, the same in the browser (web worker) and on the server (reports):
 * the plan's cost lines over the horizon and the risks still open or being mitigated.
 */
export function projectSimulationInput(
  plan: Omit<CostPlan, 'benefits'>,
  rates: Readonly<Record<string, number>>,
  horizon: number,
  risks: readonly RegisterRisk[],
  dates: { startsOn: string | null; endsOn: string | null },
): Omit<SimulationInput, 'iterations' | 'seed'> {
  const plannedWeeks =
    dates.startsOn && dates.endsOn
      ? Math.round((Date.parse(dates.endsOn) - Date.parse(dates.startsOn)) / (7 * 86_400_000))
      : 0;
  // The draws depend on the order of the estimates: sort them by their values, so the same data gives the same
  // P50/P80 whatever order the rows were stored, read or typed in (screen, paper and reports alike).
  const byPoint = (a: ThreePoint, b: ThreePoint) => a.min - b.min || a.likely - b.likely || a.max - b.max;
  return {
    lines: simulationLines({ ...plan, funding: [], benefits: [] }, rates, horizon).sort(byPoint),
    risks: risks
      .filter((r) => r.status === 'open' || r.status === 'mitigating')
      .map((r) => ({
        probability: r.probability / 100,
        cost: { min: r.costMin, likely: r.costLikely, max: r.costMax },
        weeks: r.weeks,
      }))
      .sort((a, b) => a.probability - b.probability || byPoint(a.cost, b.cost) || a.weeks - b.weeks),
    plannedWeeks,
  };
}

/** The simulation behind the risk-adjusted budget: the same in the browser and in the decision paper. */
export const BUDGET_SIMULATION = { iterations: 100_000, seed: 2026 } as const;

// ---- the figures of a council decision paper ----

export interface FundingLineFigure {
  programme: string;
  status: FundingInput['status'];
  cents: number;
  deadline: string | null;
  conditions: string;
}

export interface PaperFiguresInput {
  plan: CostPlan;
  rates: Readonly<Record<string, number>>;
  horizon: number;
  population: number;
  discountRate: number;
  discountRateSource: string;
  budgetAvailable: number | null;
  budgetLine: string;
  /** Calendar year of year 0 (the project's start), when known. */
  firstYear: number | null;
  simulation: Pick<SimulationResult, 'p50' | 'p80' | 'mean' | 'expectedBase'>;
}

/**
 * Every figure a Beschlussvorlage prints, from the cost plan (most likely values) and the budget simulation.
 * - one-time vs running costs: running = recurring lines + recurring staff; the yearly average divides the running
 *   costs by the years in which they run (from the first running year to the end of the horizon) — a plan whose
 *   running costs start in year 0 runs `horizon` years, not `horizon − 1`;
 * - funding: granted funding lowers the cost; planned or applied funding is listed with its status and summed apart;
 * - cost per inhabitant: over the whole horizon, after granted funding;
 * - NPV with its rate and source, and the part of it that is own staff time valued at cost rates (saved hours minus
 *   hours spent — not budget-effective in the WiBe sense);
 * - coverage: budget available minus the need (after granted funding) of the first year with costs.
 */
export function paperFigures(input: PaperFiguresInput) {
  const { plan, rates, horizon } = input;
  const l = lifecycle(plan, rates, horizon, input.population);
  const runningByYear = l.years.map(
    (y) =>
      y.recurring +
      plan.staff
        .filter((s) => s.kind === 'recurring' && y.year >= s.year)
        .reduce((sum, s) => sum + staffCost(s, rates).likely, 0),
  );
  const followOn = runningByYear.reduce((a, b) => a + b, 0);
  const firstRunning = runningByYear.findIndex((v) => v > 0);
  const runningYears = firstRunning < 0 ? 0 : horizon - firstRunning;
  const oneTimeTotal = l.years.reduce((s, y) => s + y.oneTime, 0);
  const fundingLines: FundingLineFigure[] = plan.funding.map((f) => ({
    programme: f.programme,
    status: f.status,
    cents: f.status === 'rejected' ? 0 : fundingCents(f, oneTimeTotal),
    deadline: f.deadline ?? null,
    conditions: f.conditions ?? '',
  }));
  const firstCost = l.years.find((y) => y.cost > 0) ?? l.years[0];
  const staffFlows = l.years.map((y) => y.benefitsStaff - y.staff);
  return {
    horizonYears: horizon,
    firstYear: input.firstYear,
    oneTime: l.total - followOn,
    recurringPerYear: runningYears ? Math.round(followOn / runningYears) : 0,
    runningFrom: firstRunning < 0 ? null : firstRunning,
    runningTo: firstRunning < 0 ? null : horizon - 1,
    followOn,
    total: l.total,
    funding: l.fundingTotal,
    fundingPending: l.fundingPending,
    fundingLines,
    netCost: l.netCost,
    budgetAvailable: input.budgetAvailable,
    budgetLine: input.budgetLine,
    coverage:
      input.budgetAvailable === null || !firstCost
        ? null
        : input.budgetAvailable - (firstCost.cost - firstCost.funding),
    coverageYear: firstCost?.year ?? 0,
    p80: input.simulation.p80,
    p50: input.simulation.p50,
    simulationMean: input.simulation.mean,
    expectedBase: input.simulation.expectedBase,
    perInhabitant: l.perInhabitant,
    population: input.population,
    npv: npv(
      l.years.map((y) => y.net),
      input.discountRate,
    ),
    npvStaffTime: npv(staffFlows, input.discountRate),
    discountRate: input.discountRate,
    discountRateSource: input.discountRateSource,
  };
}
