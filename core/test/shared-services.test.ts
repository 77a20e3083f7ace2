import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALLOCATION_KEYS,
  aloneCents,
  betterKeys,
  CASE_UNITS,
  DEFAULT_STAFF_RATES,
  evaluate,
  type Partner,
  poolFixedCents,
  poolUncertainty,
  SERVICE_CATALOGUE,
  STUDY_DEFAULTS,
  type Study,
  sensitivity,
  staffCents,
  VAT_RATE,
  withoutPartner,
} from '../src/index.js';

const rates = Object.fromEntries(DEFAULT_STAFF_RATES.map((r) => [r.payGroup, r.centsPerHour]));
const payGroups = DEFAULT_STAFF_RATES.map((r) => r.payGroup);

const partnerArb = fc.record({
  name: fc.string({ minLength: 1, maxLength: 12 }),
  population: fc.integer({ min: 0, max: 60_000 }),
  customPercent: fc.integer({ min: 0, max: 100 }),
  statusQuo: fc.record({
    staff: fc.array(
      fc.record({ payGroup: fc.constantFrom(...payGroups), fte: fc.double({ min: 0, max: 12, noNaN: true }) }),
      { maxLength: 4 },
    ),
    assets: fc.array(
      fc.record({
        label: fc.constant('Fahrzeug'),
        purchaseCents: fc.integer({ min: 0, max: 50_000_000 }),
        depreciationYears: fc.integer({ min: 0, max: 20 }),
        runningCentsPerYear: fc.integer({ min: 0, max: 2_000_000 }),
      }),
      { maxLength: 3 },
    ),
    materialCents: fc.integer({ min: 0, max: 10_000_000 }),
    otherCents: fc.integer({ min: 0, max: 10_000_000 }),
    volumes: fc.record({ work_orders: fc.integer({ min: 0, max: 5_000 }), hours: fc.integer({ min: 0, max: 20_000 }) }),
  }),
});

const studyArb = fc
  .record({
    partners: fc.array(partnerArb, { minLength: 1, maxLength: 8 }),
    key: fc.constantFrom(...ALLOCATION_KEYS),
    unit: fc.constantFrom('work_orders' as const, 'hours' as const),
    baseShare: fc.double({ min: 0, max: 1, noNaN: true }),
    fte: fc.double({ min: 0, max: 30, noNaN: true }),
    fixedCents: fc.integer({ min: 0, max: 50_000_000 }),
    perOrder: fc.integer({ min: 0, max: 20_000 }),
    transitionCents: fc.integer({ min: 0, max: 100_000_000 }),
    vatTaxable: fc.boolean(),
  })
  .map(
    (x): Study => ({
      ...STUDY_DEFAULTS,
      partners: x.partners,
      allocation: { key: x.key, unit: x.unit, baseShare: x.baseShare },
      rates,
      vatTaxable: x.vatTaxable,
      target: {
        staff: [{ payGroup: 'EG 5', fte: x.fte }],
        assets: [],
        fixedCents: x.fixedCents,
        variableCentsPerUnit: { work_orders: x.perOrder },
        transitionCents: x.transitionCents,
      },
    }),
  );

describe('shared service feasibility', () => {
  it('shares add up to the pool total to the cent, and savings = Σ alone − Σ pooled', () => {
    fc.assert(
      fc.property(studyArb, (s) => {
        const f = evaluate(s);
        const variable = s.partners.reduce(
          (a, p) =>
            a + Math.round((p.statusQuo.volumes.work_orders ?? 0) * (s.target.variableCentsPerUnit.work_orders ?? 0)),
          0,
        );
        expect(f.pooledCents).toBe(poolFixedCents(s) + variable);
        expect(f.transitionCents).toBe(s.target.transitionCents);
        for (const p of f.partners) expect(Number.isInteger(p.pooledCents)).toBe(true);
        expect(f.savingsCents).toBe(f.aloneCents - f.pooledGrossCents);
        expect(f.aloneCents).toBe(s.partners.reduce((a, p) => a + aloneCents(p, s.rates, s.hoursPerFte), 0));
        for (const p of f.partners) {
          expect(p.savingsCents).toBe(p.aloneCents - p.pooledGrossCents);
          expect(p.worseOff).toBe(p.savingsCents < 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('re-splits the whole pool among the rest when a partner leaves', () => {
    fc.assert(
      fc.property(
        studyArb.filter((s) => s.partners.length >= 2),
        fc.nat(),
        (s, n) => {
          const i = n % s.partners.length;
          const rest = withoutPartner(s, i);
          expect(rest.partners).toHaveLength(s.partners.length - 1);
          const f = evaluate(rest);
          const variable = rest.partners.reduce(
            (a, p) =>
              a + Math.round((p.statusQuo.volumes.work_orders ?? 0) * (s.target.variableCentsPerUnit.work_orders ?? 0)),
            0,
          );
          // the fixed costs stay with the pool, whoever leaves
          expect(f.pooledCents).toBe(poolFixedCents(s) + variable);
          if (s.allocation.key === 'custom' && rest.partners.some((p) => (p.customPercent ?? 0) > 0))
            expect(rest.partners.reduce((a, p) => a + (p.customPercent ?? 0), 0)).toBeCloseTo(100, 9);
        },
      ),
      { numRuns: 200 },
    );
  });

  const yard = (name: string, population: number, orders: number, fte: number, truck: number): Partner => ({
    name,
    population,
    statusQuo: {
      staff: [{ payGroup: 'EG 5', fte }],
      assets: [{ label: 'Unimog', purchaseCents: truck, depreciationYears: 10, runningCentsPerYear: 800_000 }],
      materialCents: 2_000_000,
      otherCents: 500_000,
      volumes: { work_orders: orders },
    },
  });
  const kastellaun: Study = {
    ...STUDY_DEFAULTS,
    rates,
    partners: [yard('Kastellaun', 5_400, 900, 6, 18_000_000), yard('Bell', 1_100, 150, 1.5, 12_000_000)],
    target: {
      staff: [{ payGroup: 'EG 5', fte: 6.5 }],
      assets: [{ label: 'Unimog', purchaseCents: 18_000_000, depreciationYears: 10, runningCentsPerYear: 800_000 }],
      fixedCents: 1_000_000,
      variableCentsPerUnit: { work_orders: 2_000 },
      transitionCents: 3_000_000,
    },
  };

  it('computes a worked example by hand', () => {
    const f = evaluate(kastellaun);
    // Kastellaun alone: 6 × 1,600 h × 55 € + 180,000 €/10 + 8,000 € + 20,000 € + 5,000 € = 579,000 €
    expect(f.partners[0]!.aloneCents).toBe(57_900_000);
    // Bell alone: 1.5 × 1,600 × 55 € + 12,000 € + 8,000 € + 25,000 € = 177,000 €
    expect(f.partners[1]!.aloneCents).toBe(17_700_000);
    // pool fixed: 6.5 × 1,600 × 55 € + 26,000 € + 10,000 € = 608,000 €, split 5,400 : 1,100
    expect(poolFixedCents(kastellaun)).toBe(60_800_000);
    expect(f.partners[0]!.pooledCents).toBe(50_510_769 + 900 * 2_000);
    expect(f.partners[1]!.pooledCents).toBe(10_289_231 + 150 * 2_000);
    expect(f.savingsCents).toBe(57_900_000 + 17_700_000 - (60_800_000 + 1_050 * 2_000));
    expect(f.partners.every((p) => !p.worseOff)).toBe(true);
    expect(f.paybackYear).toBe(1);
  });

  it('flags a partner that pays more in the pool and names keys that fix it', () => {
    // Bell has almost nothing today: the population key makes it pay more than alone
    const s: Study = {
      ...kastellaun,
      target: { ...kastellaun.target, staff: [{ payGroup: 'EG 5', fte: 6 }] },
      partners: [kastellaun.partners[0]!, { ...yard('Bell', 4_000, 50, 0.2, 0), population: 4_000 }],
    };
    const f = evaluate(s);
    expect(f.partners[1]!.worseOff).toBe(true);
    const better = betterKeys(s);
    expect(better[0]!.minSavingsCents).toBeGreaterThanOrEqual(Math.min(...f.partners.map((p) => p.savingsCents)));
    const byVolume = better.find((b) => b.key === 'case_volume')!;
    expect(byVolume.fixes).toBe(true);
  });

  it('adds 19 % VAT to every share when the service is taxable under §2b UStG', () => {
    const net = evaluate(kastellaun);
    const taxed = evaluate({ ...kastellaun, vatTaxable: true });
    for (const [i, p] of taxed.partners.entries()) {
      expect(p.pooledCents).toBe(net.partners[i]!.pooledCents);
      expect(p.pooledGrossCents).toBe(Math.round(p.pooledCents * (1 + VAT_RATE)));
      expect(p.savingsCents).toBeLessThan(net.partners[i]!.savingsCents);
    }
  });

  it('varies volumes ±20 % and lets each partner leave in turn', () => {
    const r = sensitivity(kastellaun);
    expect(r.volumesUp.pooledCents - r.volumesDown.pooledCents).toBe(Math.round(0.4 * 1_050 * 2_000));
    expect(r.leavers.map((l) => l.leaves)).toEqual(['Kastellaun', 'Bell']);
    expect(r.leavers[1]!.figures.partners).toHaveLength(1);
    // Kastellaun alone in the pool carries all fixed costs
    expect(r.leavers[1]!.figures.partners[0]!.pooledCents).toBe(60_800_000 + 900 * 2_000);
  });

  it('prices a pay group named like an object property as unknown (0), never as NaN', () => {
    for (const payGroup of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
      expect(staffCents([{ payGroup, fte: 1 }], rates, 1600)).toBe(0);
  });

  it('gives reproducible percentiles of the pool cost', () => {
    const a = poolUncertainty(kastellaun, 5_000);
    expect(a).toEqual(poolUncertainty(kastellaun, 5_000));
    expect(a.p50Cents).toBeLessThanOrEqual(a.p80Cents);
    expect(a.p80Cents).toBeLessThanOrEqual(a.p95Cents);
  });

  it('has a catalogue with case units for every service of the issue', () => {
    expect(SERVICE_CATALOGUE.map((c) => c.key)).toEqual([
      'bauhof',
      'buergerbuero',
      'it',
      'datenschutz',
      'informationssicherheit',
      'vergabestelle',
      'entgelt',
      'kasse',
      'standesamt',
    ]);
    for (const c of SERVICE_CATALOGUE) for (const u of c.units) expect(CASE_UNITS).toContain(u);
  });
});
