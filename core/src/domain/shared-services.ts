/**
 * Shared services (Bauhof, Bürgerbüro back office, IT, …) run by several municipalities together: the service
 * catalogue and the feasibility study's arithmetic — each partner's annual cost alone vs. its share of the pool
 * under an allocation key, savings, payback, NPV, sensitivity and the §2b UStG effect. All amounts are integer
 * cents; shares always add up to the pool's total to the cent (largest remainder, see `splitCents`).
 */
import {
  amortisationYear,
  DEFAULT_DISCOUNT_RATE,
  DEFAULT_HORIZON_YEARS,
  npv,
  splitCents,
  VAT_RATE,
} from './finance.js';
import { simulate } from './simulation.js';

/** What a shared service counts its work in (the statement's variable part is priced per unit). */
export const CASE_UNITS = ['work_orders', 'hours', 'cases', 'payslips', 'inhabitants'] as const;
export type CaseUnit = (typeof CASE_UNITS)[number];

export interface CatalogueEntry {
  key: string;
  name: string;
  /** The tasks a work order can be filed for. */
  tasks: readonly string[];
  /** What drives the cost of this service (shown as hints in the status quo form). */
  costDrivers: readonly string[];
  units: readonly CaseUnit[];
}

/** Default service types; a network may add its own (stored, not here). */
export const SERVICE_CATALOGUE: readonly CatalogueEntry[] = [
  {
    key: 'bauhof',
    name: 'Bauhof',
    tasks: ['Straßenunterhaltung', 'Grünflächenpflege', 'Winterdienst', 'Veranstaltungen'],
    costDrivers: ['Personal (Stunden)', 'Fahrzeuge und Geräte', 'Material', 'Streusalz und Treibstoff'],
    units: ['work_orders', 'hours'],
  },
  {
    key: 'buergerbuero',
    name: 'Bürgerbüro (Backoffice)',
    tasks: ['Meldewesen', 'Pass- und Ausweiswesen', 'Gewerbeangelegenheiten', 'Fundsachen'],
    costDrivers: ['Personal', 'Fachverfahren und Lizenzen', 'Arbeitsplätze'],
    units: ['cases', 'inhabitants'],
  },
  {
    key: 'it',
    name: 'IT-Betrieb und -Support',
    tasks: ['Störung', 'Arbeitsplatz einrichten', 'Berechtigung', 'Beschaffung'],
    costDrivers: ['Personal', 'Server und Netz', 'Lizenzen', 'Arbeitsplätze (Anzahl)'],
    units: ['work_orders', 'hours'],
  },
  {
    key: 'datenschutz',
    name: 'Datenschutzbeauftragte/r',
    tasks: ['Beratung', 'Verzeichnis der Verarbeitungstätigkeiten', 'Datenschutzvorfall', 'Schulung'],
    costDrivers: ['Personal', 'Fortbildung'],
    units: ['hours', 'inhabitants'],
  },
  {
    key: 'informationssicherheit',
    name: 'Informationssicherheitsbeauftragte/r',
    tasks: ['Sicherheitskonzept', 'Vorfall', 'Schulung', 'Audit'],
    costDrivers: ['Personal', 'Fortbildung', 'Werkzeuge'],
    units: ['hours', 'inhabitants'],
  },
  {
    key: 'vergabestelle',
    name: 'Vergabestelle',
    tasks: ['Ausschreibung', 'Freihändige Vergabe / Verhandlungsvergabe', 'Beratung'],
    costDrivers: ['Personal', 'Vergabeplattform'],
    units: ['cases', 'hours'],
  },
  {
    key: 'entgelt',
    name: 'Personalabrechnung',
    tasks: ['Monatsabrechnung', 'Eintritt / Austritt', 'Bescheinigung'],
    costDrivers: ['Personal', 'Abrechnungsverfahren'],
    units: ['payslips'],
  },
  {
    key: 'kasse',
    name: 'Kasse und Vollstreckung',
    tasks: ['Zahlungsverkehr', 'Mahnung', 'Vollstreckung'],
    costDrivers: ['Personal', 'Finanzverfahren', 'Porto'],
    units: ['cases'],
  },
  {
    key: 'standesamt',
    name: 'Standesamt',
    tasks: ['Beurkundung', 'Eheschließung', 'Namensrecht'],
    costDrivers: ['Personal', 'Fachverfahren', 'Trauzimmer'],
    units: ['cases', 'inhabitants'],
  },
];

/** Net working hours of one full-time post a year (KGSt order of magnitude; editable per study). */
export const DEFAULT_HOURS_PER_FTE = 1_600;

export interface StaffPosition {
  payGroup: string;
  fte: number;
}
export interface Asset {
  label: string;
  purchaseCents: number;
  depreciationYears: number;
  runningCentsPerYear: number;
}
export interface StatusQuo {
  staff: readonly StaffPosition[];
  assets: readonly Asset[];
  materialCents: number;
  otherCents: number;
  /** Annual volume per case unit. */
  volumes: Readonly<Partial<Record<CaseUnit, number>>>;
}
export interface Partner {
  name: string;
  population: number;
  statusQuo: StatusQuo;
  /** Only for the custom key: this partner's percentage (all partners add up to 100). */
  customPercent?: number;
}
export interface TargetModel {
  staff: readonly StaffPosition[];
  assets: readonly Asset[];
  /** Other fixed costs of the pool a year (rent, licences, management). */
  fixedCents: number;
  /** Variable cost per unit of volume (material, fuel …), charged by each partner's own volume. */
  variableCentsPerUnit: Readonly<Partial<Record<CaseUnit, number>>>;
  /** One-off costs of the transition (vehicles, IT, relocation, training). */
  transitionCents: number;
}
export const ALLOCATION_KEYS = ['population', 'case_volume', 'equal', 'base_variable', 'custom'] as const;
export type AllocationKey = (typeof ALLOCATION_KEYS)[number];
export interface Allocation {
  key: AllocationKey;
  /** The case unit the case_volume key (and base_variable's variable part) weighs by. */
  unit: CaseUnit;
  /** base_variable: the share of the fixed costs split equally (0–1); the rest by the unit's volume. */
  baseShare: number;
}
export interface Study {
  partners: readonly Partner[];
  target: TargetModel;
  allocation: Allocation;
  /** Full cost per hour by pay group (the finance module's staff cost rates). */
  rates: Readonly<Record<string, number>>;
  hoursPerFte: number;
  /** §2b UStG: true when the service between the partners is taxable (19 % on each share). */
  vatTaxable: boolean;
  discountRate: number;
  horizonYears: number;
}

/** Annual cost of staff positions, priced per hour by pay group (unknown pay groups count 0 and are reported). */
export function staffCents(staff: readonly StaffPosition[], rates: Readonly<Record<string, number>>, hours: number) {
  // own keys only: a pay group named like an Object property ("constructor") is unknown, not a function
  const rate = (g: string) => (Object.hasOwn(rates, g) && Number.isFinite(rates[g]) ? rates[g]! : 0);
  return Math.round(staff.reduce((s, p) => s + p.fte * hours * rate(p.payGroup), 0));
}

/** Depreciation (straight line) plus running costs a year. */
export function assetCents(assets: readonly Asset[]) {
  return Math.round(
    assets.reduce(
      (s, a) => s + (a.depreciationYears > 0 ? a.purchaseCents / a.depreciationYears : 0) + a.runningCentsPerYear,
      0,
    ),
  );
}

/** What a partner's service costs it today, a year. */
export function aloneCents(p: Partner, rates: Study['rates'], hoursPerFte: number) {
  const q = p.statusQuo;
  return staffCents(q.staff, rates, hoursPerFte) + assetCents(q.assets) + Math.round(q.materialCents + q.otherCents);
}

/** The pool's fixed costs a year: its staff, its equipment and other fixed costs. */
export function poolFixedCents(s: Pick<Study, 'target' | 'rates' | 'hoursPerFte'>) {
  return (
    staffCents(s.target.staff, s.rates, s.hoursPerFte) + assetCents(s.target.assets) + Math.round(s.target.fixedCents)
  );
}

/** A partner's variable charge: its own volumes × the pool's rate per unit. */
export function variableCents(p: Partner, target: TargetModel) {
  return Math.round(
    CASE_UNITS.reduce((s, u) => s + (p.statusQuo.volumes[u] ?? 0) * (target.variableCentsPerUnit[u] ?? 0), 0),
  );
}

/** Splits an amount among the partners by the allocation key (sums to the amount, to the cent). */
export function allocate(cents: number, partners: readonly Partner[], a: Allocation): number[] {
  if (!partners.length) return [];
  const volume = partners.map((p) => p.statusQuo.volumes[a.unit] ?? 0);
  switch (a.key) {
    case 'population':
      return splitCents(
        cents,
        partners.map((p) => p.population),
      );
    case 'case_volume':
      return splitCents(cents, volume);
    case 'custom':
      return splitCents(
        cents,
        partners.map((p) => p.customPercent ?? 0),
      );
    case 'base_variable': {
      const base = Math.round(cents * Math.min(1, Math.max(0, a.baseShare)));
      const equal = splitCents(
        base,
        partners.map(() => 1),
      );
      return splitCents(cents - base, volume).map((v, i) => v + equal[i]!);
    }
    default:
      return splitCents(
        cents,
        partners.map(() => 1),
      );
  }
}

export interface PartnerFigures {
  name: string;
  aloneCents: number;
  /** Share of the pool's fixed costs under the key plus the partner's own volumes × unit rates (net). */
  pooledCents: number;
  /** What the partner pays with VAT when the service is taxable (§2b UStG), else the same as pooledCents. */
  pooledGrossCents: number;
  savingsCents: number;
  transitionCents: number;
  paybackYear: number | null;
  npvCents: number;
  worseOff: boolean;
}

export interface StudyFigures {
  partners: PartnerFigures[];
  aloneCents: number;
  pooledCents: number;
  pooledGrossCents: number;
  savingsCents: number;
  transitionCents: number;
  paybackYear: number | null;
  npvCents: number;
}

/** Yearly net cash flows of joining: the one-off transition in year 0, the savings from year 1 on. */
const flows = (transition: number, savings: number, years: number) => [
  -transition,
  ...Array.from({ length: years }, () => savings),
];

/** The whole calculation of a study: every partner alone vs. in the pool, and the total. */
export function evaluate(s: Study): StudyFigures {
  const fixed = allocate(poolFixedCents(s), s.partners, s.allocation);
  const transition = allocate(Math.round(s.target.transitionCents), s.partners, s.allocation);
  const partners = s.partners.map((p, i): PartnerFigures => {
    const alone = aloneCents(p, s.rates, s.hoursPerFte);
    const pooled = fixed[i]! + variableCents(p, s.target);
    const gross = s.vatTaxable ? Math.round(pooled * (1 + VAT_RATE)) : pooled;
    const savings = alone - gross;
    const cash = flows(transition[i]!, savings, s.horizonYears);
    return {
      name: p.name,
      aloneCents: alone,
      pooledCents: pooled,
      pooledGrossCents: gross,
      savingsCents: savings,
      transitionCents: transition[i]!,
      paybackYear: amortisationYear(cash),
      npvCents: npv(cash, s.discountRate),
      worseOff: savings < 0,
    };
  });
  const sum = (f: (p: PartnerFigures) => number) => partners.reduce((a, p) => a + f(p), 0);
  const savings = sum((p) => p.savingsCents);
  const transitionTotal = sum((p) => p.transitionCents);
  const cash = flows(transitionTotal, savings, s.horizonYears);
  return {
    partners,
    aloneCents: sum((p) => p.aloneCents),
    pooledCents: sum((p) => p.pooledCents),
    pooledGrossCents: sum((p) => p.pooledGrossCents),
    savingsCents: savings,
    transitionCents: transitionTotal,
    paybackYear: amortisationYear(cash),
    npvCents: npv(cash, s.discountRate),
  };
}

/**
 * For a key that leaves a partner worse off: the other keys ranked by the smallest partner saving they give
 * (the best first). `fixes` says whether that key leaves every partner at least even.
 */
export function betterKeys(s: Study) {
  const keys = ALLOCATION_KEYS.filter(
    (k) => k !== s.allocation.key && (k !== 'custom' || s.partners.every((p) => p.customPercent !== undefined)),
  );
  return keys
    .map((key) => {
      const f = evaluate({ ...s, allocation: { ...s.allocation, key } });
      const minSavings = Math.min(...f.partners.map((p) => p.savingsCents));
      return { key, minSavingsCents: minSavings, fixes: minSavings >= 0 };
    })
    .sort((a, b) => b.minSavingsCents - a.minSavingsCents);
}

/** The study with every partner's volumes scaled (e.g. 0.8 and 1.2 for ±20 %). */
export function withVolumes(s: Study, factor: number): Study {
  const scale = (v: StatusQuo['volumes']) =>
    Object.fromEntries(Object.entries(v).map(([u, n]) => [u, (n ?? 0) * factor])) as StatusQuo['volumes'];
  return {
    ...s,
    partners: s.partners.map((p) => ({ ...p, statusQuo: { ...p.statusQuo, volumes: scale(p.statusQuo.volumes) } })),
  };
}

/**
 * One partner leaves: the pool keeps its fixed costs and re-splits them among the rest (custom percentages
 * scaled up to 100 %); the leaver's own volumes go with it.
 */
export function withoutPartner(s: Study, index: number): Study {
  const rest = s.partners.filter((_, i) => i !== index);
  const custom = rest.reduce((a, p) => a + (p.customPercent ?? 0), 0);
  return {
    ...s,
    partners:
      s.allocation.key === 'custom' && custom > 0
        ? rest.map((p) => ({ ...p, customPercent: ((p.customPercent ?? 0) * 100) / custom }))
        : rest,
  };
}

/** Sensitivity: volumes −20 % / +20 %, and each partner leaving in turn. */
export function sensitivity(s: Study) {
  return {
    volumesDown: evaluate(withVolumes(s, 0.8)),
    volumesUp: evaluate(withVolumes(s, 1.2)),
    leavers: s.partners.map((p, i) => ({ leaves: p.name, figures: evaluate(withoutPartner(s, i)) })),
  };
}

/**
 * Uncertainty of the pool's annual cost (Monte Carlo, seeded): the fixed costs as estimated, the variable part
 * between −20 % and +20 % of the volumes (PERT), plus the transition spread over the horizon (+30 % at worst).
 */
export function poolUncertainty(s: Study, iterations = 10_000) {
  const variable = s.partners.reduce((a, p) => a + variableCents(p, s.target), 0);
  const fixed = poolFixedCents(s);
  const transitionPerYear = s.target.transitionCents / Math.max(1, s.horizonYears);
  const r = simulate({
    lines: [
      { min: fixed, likely: fixed, max: fixed },
      { min: variable * 0.8, likely: variable, max: variable * 1.2 },
      { min: transitionPerYear, likely: transitionPerYear, max: transitionPerYear * 1.3 },
    ],
    risks: [],
    iterations,
    seed: 2027,
  });
  return { p50Cents: r.p50, p80Cents: r.p80, p95Cents: r.p95 };
}

/** A study's defaults: population key, BMF discount rate, five years, not taxable until decided. */
export const STUDY_DEFAULTS = {
  allocation: { key: 'population', unit: 'work_orders', baseShare: 0.3 } satisfies Allocation,
  hoursPerFte: DEFAULT_HOURS_PER_FTE,
  vatTaxable: false,
  discountRate: DEFAULT_DISCOUNT_RATE,
  horizonYears: DEFAULT_HORIZON_YEARS,
} as const;
