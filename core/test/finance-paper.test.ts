import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CostPlan, paperFigures, projectSimulationInput, type RegisterRisk } from '../src/domain/finance.js';
import { simulate } from '../src/domain/simulation.js';

const RATES = { 'EG 9b': 6_800 };

/** A plan whose one-time and running costs start in `start` (0 or 1). */
function plan(start: number) {
  return {
    costs: [
      {
        kind: 'one_time' as const,
        category: 'investment' as const,
        label: 'Software',
        year: start,
        min: 800_000,
        likely: 1_000_000,
        max: 1_500_000,
        vat: false,
      },
      {
        kind: 'recurring' as const,
        category: 'licences' as const,
        label: 'Lizenz',
        year: start,
        min: 90_000,
        likely: 100_000,
        max: 120_000,
        vat: false,
      },
    ],
    staff: [
      {
        kind: 'one_time' as const,
        label: 'Einführung',
        payGroup: 'EG 9b',
        year: start,
        hours: { min: 80, likely: 100, max: 150 },
      },
    ],
    funding: [
      {
        programme: 'Landesprogramm',
        amountCents: 200_000,
        sharePercent: null,
        status: 'approved' as const,
        deadline: null,
        conditions: '',
      },
      {
        programme: 'Bundesprogramm',
        amountCents: null,
        sharePercent: 30,
        status: 'planned' as const,
        deadline: '2027-03-31',
        conditions: 'Eigenanteil 70 %',
      },
    ],
    benefits: [{ label: 'Zeitersparnis', centsPerYear: 0, hoursPerYear: 50, payGroup: 'EG 9b', fromYear: start + 1 }],
  };
}
const figures = (start: number) =>
  paperFigures({
    plan: plan(start),
    rates: RATES,
    horizon: 5,
    population: 10_000,
    discountRate: 0.009,
    discountRateSource: 'BMF 2023',
    budgetAvailable: 2_000_000,
    budgetLine: '1.1.1',
    firstYear: 2027,
    simulation: { p50: 1, p80: 2, mean: 3, expectedBase: 4 },
  });

describe('figures of the council decision paper (expected values worked out by hand)', () => {
  it('running costs from year 0: five years of 1,000 € are 1,000 € a year, not 1,250 €', () => {
    // year 0: 10,000 € software + 1,000 € licence + 100 h × 68 € = 17,800 €; years 1–4: 1,000 € each
    expect(figures(0)).toMatchObject({
      oneTime: 1_680_000,
      followOn: 500_000,
      recurringPerYear: 100_000,
      runningFrom: 0,
      runningTo: 4,
      total: 2_180_000,
      funding: 200_000, // granted only
      fundingPending: 300_000, // 30 % of 10,000 € one-time costs, planned
      netCost: 1_980_000,
      perInhabitant: 198,
      coverage: 420_000, // 20,000 € − (17,800 € − 2,000 €)
      coverageYear: 0,
      // flows −15,800 €, then 4 × (3,400 € saved time − 1,000 €) at 0.9 %
      npv: -641_217,
      // own staff time: −6,800 €, then 4 × 3,400 €
      npvStaffTime: 649_942,
      discountRate: 0.009,
      discountRateSource: 'BMF 2023',
    });
    expect(figures(0).fundingLines).toEqual([
      { programme: 'Landesprogramm', status: 'approved', cents: 200_000, deadline: null, conditions: '' },
      {
        programme: 'Bundesprogramm',
        status: 'planned',
        cents: 300_000,
        deadline: '2027-03-31',
        conditions: 'Eigenanteil 70 %',
      },
    ]);
  });

  it('running costs from year 1: four years, funding and coverage in the first year with costs', () => {
    expect(figures(1)).toMatchObject({
      oneTime: 1_680_000,
      followOn: 400_000,
      recurringPerYear: 100_000,
      runningFrom: 1,
      runningTo: 4,
      total: 2_080_000,
      funding: 200_000,
      fundingPending: 300_000,
      netCost: 1_880_000,
      perInhabitant: 188,
      coverage: 420_000,
      coverageYear: 1,
      npv: -864_983,
      npvStaffTime: 319_040,
    });
  });

  it('a plan without running costs has no yearly average', () => {
    const p = plan(0);
    const f = paperFigures({
      ...{ rates: RATES, horizon: 5, population: 0, discountRate: 0, discountRateSource: 'x' },
      plan: { ...p, costs: [p.costs[0]!], funding: [], benefits: [] },
      budgetAvailable: null,
      budgetLine: '',
      firstYear: null,
      simulation: { p50: 0, p80: 0, mean: 0, expectedBase: 0 },
    });
    expect(f).toMatchObject({
      recurringPerYear: 0,
      runningFrom: null,
      followOn: 0,
      perInhabitant: null,
      coverage: null,
    });
  });
});

describe('reproducible budget simulation', () => {
  const risk = fc.record({
    probability: fc.integer({ min: 0, max: 100 }),
    costMin: fc.integer({ min: 0, max: 1_000_000 }),
    spread: fc.integer({ min: 0, max: 1_000_000 }),
    weeks: fc.integer({ min: 0, max: 20 }),
    status: fc.constantFrom('open', 'mitigating', 'closed'),
  });
  it('the same risks and cost lines in any order give the same P80', () => {
    fc.assert(
      fc.property(fc.array(risk, { minLength: 2, maxLength: 6 }), fc.integer(), (rs, shift) => {
        const register: RegisterRisk[] = rs.map((r) => ({
          probability: r.probability,
          costMin: r.costMin,
          costLikely: r.costMin + Math.floor(r.spread / 3),
          costMax: r.costMin + r.spread,
          weeks: r.weeks,
          status: r.status,
        }));
        const k = Math.abs(shift) % register.length;
        const rotated = [...register.slice(k), ...register.slice(0, k)].reverse();
        const p = plan(0) as CostPlan;
        const reordered = { ...p, costs: [...p.costs].reverse() };
        const run = (pl: CostPlan, r: RegisterRisk[]) =>
          simulate({
            ...projectSimulationInput(pl, RATES, 5, r, { startsOn: null, endsOn: null }),
            iterations: 2_000,
            seed: 2026,
          }).p80;
        expect(run(reordered, rotated)).toBe(run(p, register));
      }),
      { numRuns: 25 },
    );
  });
});
