import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amortisationYear,
  compareAlternatives,
  discountFactor,
  lifecycle,
  npv,
  simulationLines,
  splitByKey,
  splitCents,
  wibeHint,
  wibePoints,
} from '../src/domain/finance.js';
import { expected, mulberry32, sampler, simulate } from '../src/domain/simulation.js';

describe('NPV and amortisation', () => {
  it('discounts by 1/(1+p)^n, as in the WiBe', () => {
    expect(discountFactor(0.009, 0)).toBe(1);
    expect(discountFactor(0.1, 2)).toBeCloseTo(1 / 1.21, 12);
    // -10,000 € now, +3,000 € for four years at 0.9 %
    expect(npv([-1_000_000, 300_000, 300_000, 300_000, 300_000], 0.009)).toBe(
      Math.round(-1_000_000 + 300_000 / 1.009 + 300_000 / 1.009 ** 2 + 300_000 / 1.009 ** 3 + 300_000 / 1.009 ** 4),
    );
    expect(amortisationYear([-1_000_000, 300_000, 300_000, 300_000, 300_000])).toBe(4);
    expect(amortisationYear([-1_000_000, 100_000])).toBeNull();
  });

  it('an empty plan, or one that never owes anything, has no amortisation year', () => {
    expect(amortisationYear([0, 0, 0, 0, 0])).toBeNull();
    expect(amortisationYear([])).toBeNull();
    expect(amortisationYear([500_000, 100_000, 0])).toBeNull();
    // costs that start later are still paid back in the year the sum turns
    expect(amortisationYear([0, -1_000, 400, 700])).toBe(3);
    expect(
      amortisationYear(
        lifecycle({ costs: [], staff: [], funding: [], benefits: [] }, {}, 5, 1_000).years.map((y) => y.net),
      ),
    ).toBeNull();
  });

  it('the amortisation year is the first year the cumulative flow is back at ≥ 0 after being negative', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { maxLength: 12 }), (flows) => {
        const y = amortisationYear(flows);
        const cumulative = flows.map((_, i) => flows.slice(0, i + 1).reduce((a, b) => a + b, 0));
        if (y === null) {
          // never owed, or still owing at the end (once negative, no later sum reaches 0)
          const firstNegative = cumulative.findIndex((c) => c < 0);
          if (firstNegative >= 0) expect(cumulative.slice(firstNegative).every((c) => c < 0)).toBe(true);
        } else {
          expect(cumulative[y]).toBeGreaterThanOrEqual(0);
          expect(cumulative.slice(0, y).some((c) => c < 0)).toBe(true);
          const owing = cumulative.slice(
            cumulative.findIndex((c) => c < 0),
            y,
          );
          expect(owing.every((c) => c < 0)).toBe(true);
        }
      }),
    );
  });

  it('NPV at rate 0 is the plain sum; higher rates never raise the value of later income', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (flows, rate) => {
          expect(npv(flows, 0)).toBe(flows.reduce((a, b) => a + b, 0));
          const income = [0, ...flows.slice(1).map((x) => Math.abs(x))];
          expect(npv(income, rate)).toBeLessThanOrEqual(npv(income, 0));
        },
      ),
    );
  });

  it('recommends going ahead when NPV > 0 or urgency or strategy reach 50 points', () => {
    expect(wibeHint(1, 0, 0)).toEqual({ recommended: true, reasons: ['npv_positive'] });
    expect(wibeHint(-5, 50, 10)).toEqual({ recommended: true, reasons: ['urgency'] });
    expect(wibeHint(0, 49, 49)).toEqual({ recommended: false, reasons: [] });
  });
});

describe('cost splits', () => {
  it('always add up to the total, to the cent, and never go negative for positive totals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = splitCents(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(parts.every(Number.isInteger)).toBe(true);
          if (total >= 0) expect(parts.every((p) => p >= 0)).toBe(true);
        },
      ),
    );
  });

  it('every key sums to the total; population shares follow the population', () => {
    expect(splitByKey(100, { kind: 'equal', parties: 3 })).toEqual([34, 33, 33]);
    expect(splitByKey(1_000_000, { kind: 'population', populations: [8844, 4000, 2000] })).toEqual([
      595_796, 269_469, 134_735,
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, pops, baseShare) => {
          for (const key of [
            { kind: 'population', populations: pops },
            { kind: 'case_volume', volumes: pops },
            { kind: 'equal', parties: pops.length },
            { kind: 'custom', percents: pops.map((p) => p / 7) },
            { kind: 'base_variable', baseShare, variable: pops },
          ] as const) {
            const parts = splitByKey(total, key);
            expect(parts).toHaveLength(pops.length);
            expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          }
        },
      ),
    );
  });
});

describe('Monte Carlo', () => {
  const input = {
    lines: [
      { min: 1_000_000, likely: 1_500_000, max: 3_000_000 },
      { min: 200_000, likely: 250_000, max: 400_000 },
    ],
    risks: [{ probability: 0.3, cost: { min: 100_000, likely: 300_000, max: 800_000 }, weeks: 6 }],
    iterations: 20_000,
    seed: 42,
  };

  it('is reproducible: same seed, same result; another seed differs', () => {
    expect(simulate(input)).toEqual(simulate(input));
    expect(simulate({ ...input, seed: 43 }).p80).not.toBe(simulate(input).p80);
  });

  it('percentiles are ordered and lie between min and max', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .tuple(
              fc.integer({ min: 0, max: 1_000_000 }),
              fc.integer({ min: 0, max: 1_000_000 }),
              fc.integer({ min: 0, max: 1_000_000 }),
            )
            .map(([a, b, c]) => {
              const [min, likely, max] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
              return { min, likely, max };
            }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.integer(),
        fc.constantFrom<'pert' | 'triangular'>('pert', 'triangular'),
        (lines, seed, distribution) => {
          const r = simulate({ lines, risks: [], iterations: 500, seed, distribution });
          expect(r.min).toBeLessThanOrEqual(r.p50);
          expect(r.p50).toBeLessThanOrEqual(r.p80);
          expect(r.p80).toBeLessThanOrEqual(r.p95);
          expect(r.p95).toBeLessThanOrEqual(r.max);
          expect(r.histogram.reduce((s, b) => s + b.count, 0)).toBe(500);
          expect(r.sCurve.at(-1)!.probability).toBe(1);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('matches analytic results for simple cases', () => {
    // a fixed cost plus a risk that always occurs with a fixed impact → a constant
    const fixed = simulate({
      lines: [{ min: 500, likely: 500, max: 500 }],
      risks: [{ probability: 1, cost: { min: 100, likely: 100, max: 100 }, weeks: 2 }],
      iterations: 1000,
      seed: 1,
      plannedWeeks: 10,
    });
    expect([fixed.p50, fixed.p95, fixed.mean]).toEqual([600, 600, 600]);
    expect(fixed.weeks).toEqual({ p50: 12, p80: 12, p95: 12 });
    // symmetric triangular (0, 50, 100): median 50, P80 = 100 − √(0.2·0.5)·100 ≈ 68.4
    const tri = simulate({
      lines: [{ min: 0, likely: 50, max: 100 }],
      risks: [],
      iterations: 200_000,
      seed: 7,
      distribution: 'triangular',
    });
    expect(Math.abs(tri.p50 - 50)).toBeLessThanOrEqual(1);
    expect(Math.abs(tri.p80 - 68.4)).toBeLessThanOrEqual(1);
    // PERT mean (min + 4·likely + max) / 6; a risk with p = 0.25 adds 0.25 × its mean
    const pert = simulate({
      lines: [{ min: 0, likely: 1000, max: 4000 }],
      risks: [{ probability: 0.25, cost: { min: 400, likely: 400, max: 400 }, weeks: 0 }],
      iterations: 200_000,
      seed: 9,
    });
    expect(Math.abs(pert.mean - (expected({ min: 0, likely: 1000, max: 4000 }) + 100))).toBeLessThan(10);
    expect(pert.expectedBase).toBe(Math.round(expected({ min: 0, likely: 1000, max: 4000 })));
  });

  it('PERT draws follow the Beta distribution (symmetric case: CDF 10x³ − 15x⁴ + 6x⁵)', () => {
    const rand = mulberry32(11);
    const draw = sampler({ min: 0, likely: 50, max: 100 }, 'pert', rand);
    const draws = Array.from({ length: 100_000 }, draw);
    for (const x of [0.2, 0.5, 0.7, 0.9]) {
      const empirical = draws.filter((d) => d <= x * 100).length / draws.length;
      expect(Math.abs(empirical - (10 * x ** 3 - 15 * x ** 4 + 6 * x ** 5))).toBeLessThan(0.006);
    }
  });

  it('draws stay inside [min, max]', () => {
    const rand = mulberry32(3);
    const pert = sampler({ min: 10, likely: 11, max: 90 }, 'pert', rand);
    const tri = sampler({ min: 10, likely: 11, max: 90 }, 'triangular', rand);
    for (let i = 0; i < 10_000; i++) {
      const v = i % 2 ? pert() : tri();
      expect(v).toBeGreaterThanOrEqual(10);
      expect(v).toBeLessThanOrEqual(90);
    }
  });
});

describe('lifecycle (TCO), WiBe points and alternatives', () => {
  const plan = {
    costs: [
      {
        kind: 'one_time' as const,
        category: 'investment' as const,
        label: 'Software',
        year: 0,
        min: 800_000,
        likely: 1_000_000,
        max: 1_500_000,
        vat: true,
      },
      {
        kind: 'recurring' as const,
        category: 'licences' as const,
        label: 'Lizenz',
        year: 1,
        min: 200_000,
        likely: 240_000,
        max: 300_000,
        vat: false,
      },
    ],
    staff: [
      {
        kind: 'one_time' as const,
        label: 'Einführung',
        payGroup: 'EG 9b',
        year: 0,
        hours: { min: 80, likely: 100, max: 160 },
      },
    ],
    funding: [
      { programme: 'Förderprogramm', amountCents: null, sharePercent: 50, status: 'approved' as const },
      { programme: 'Abgelehnt', amountCents: 100_000, sharePercent: null, status: 'rejected' as const },
    ],
    benefits: [{ label: 'Porto', centsPerYear: 100_000, hoursPerYear: 200, payGroup: 'EG 9b', fromYear: 1 }],
  };
  const rates = { 'EG 9b': 6_800 };

  it('sums costs by year and category with VAT, staff at their rate, funding and benefits', () => {
    const l = lifecycle(plan, rates, 5, 8844);
    expect(l.years[0]).toMatchObject({ oneTime: 1_190_000, recurring: 0, staff: 680_000, cost: 1_870_000 });
    expect(l.years[1]).toMatchObject({ recurring: 240_000, benefits: 100_000 + 200 * 6_800 });
    expect(l.total).toBe(1_870_000 + 4 * 240_000);
    // 50 % of the one-time costs (incl. VAT); the rejected programme counts nothing
    expect(l.fundingTotal).toBe(595_000);
    expect(l.netCost).toBe(l.total - 595_000);
    expect(l.byCategory).toEqual({ investment: 1_190_000, licences: 960_000, staff: 680_000 });
    expect(l.perInhabitant).toBe(Math.round(l.netCost / 8844));
    expect(l.years.reduce((s, y) => s + y.net, 0)).toBe(l.benefitsTotal + l.fundingTotal - l.total);
    // Monte Carlo lines: one-time once, recurring per year in the horizon
    expect(simulationLines(plan, rates, 5)).toHaveLength(1 + 4 + 1);
  });

  it('scores the non-monetary WiBe dimensions from 0 to 100', () => {
    expect(wibePoints('urgency', { legacy: 10, law: 10, stability: 10 })).toBe(100);
    expect(wibePoints('urgency', { law: 10 })).toBe(40);
    expect(wibePoints('external', {})).toBe(0);
  });

  it('compares alone, with partners, shared service and doing nothing', () => {
    const r = compareAlternatives({
      aloneNetCost: 3_000_000,
      partners: [
        { name: 'Plön', population: 8844 },
        { name: 'Preetz', population: 15_000 },
      ],
      key: 'population',
      sharedService: { oneTimeCents: 200_000, perYearCents: 300_000 },
      doNothingRisks: [{ probability: 0.5, cost: { min: 1_000_000, likely: 1_000_000, max: 1_000_000 } }],
      benefitsForgone: 400_000,
      horizon: 5,
    });
    expect(r.withPartners).toBe(Math.round((3_000_000 * 8844) / 23_844));
    expect(r.partnerShares.reduce((s, p) => s + p.cents, 0)).toBe(3_000_000);
    expect(r.sharedService).toBe(1_700_000);
    expect(r.doNothing).toBe(900_000);
  });
});
