import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  distanceKm,
  JOINT_COST_KEYS,
  jointShares,
  matchScore,
  NEIGHBOUR_KM,
  populationFactor,
  scaleEstimate,
} from '../src/index.js';

describe('distanceKm', () => {
  it('knows Berlin – München (about 504 km) and is symmetric', () => {
    const berlin = { lat: 52.52, lon: 13.405 };
    const muenchen = { lat: 48.137, lon: 11.575 };
    expect(distanceKm(berlin, muenchen)).toBeGreaterThan(500);
    expect(distanceKm(berlin, muenchen)).toBeLessThan(508);
    fc.assert(
      fc.property(
        fc.double({ min: 47, max: 55, noNaN: true }),
        fc.double({ min: 5, max: 15, noNaN: true }),
        fc.double({ min: 47, max: 55, noNaN: true }),
        fc.double({ min: 5, max: 15, noNaN: true }),
        (a, b, c, d) => {
          const x = distanceKm({ lat: a, lon: b }, { lat: c, lon: d });
          expect(x).toBeGreaterThanOrEqual(0);
          expect(Math.abs(x - distanceKm({ lat: c, lon: d }, { lat: a, lon: b }))).toBeLessThan(1e-9);
        },
      ),
    );
  });
});

describe('adoption scaling', () => {
  it('scales by population within bounds', () => {
    expect(populationFactor(18_000, 9_000)).toBe(2);
    expect(populationFactor(1_000, 3_000)).toBe(0.33);
    expect(populationFactor(10, 1_000_000)).toBe(0.05);
    expect(populationFactor(5_000, 0)).toBe(1);
  });
  it('keeps min ≤ likely ≤ max and whole cents for every factor', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(10_000_000), fc.nat(10_000_000), fc.nat(10_000_000)).map((t) => t.sort((x, y) => x - y)),
        fc.double({ min: 0, max: 100, noNaN: true }),
        ([min, likely, max], f) => {
          const e = scaleEstimate({ min: min!, likely: likely!, max: max! }, f);
          expect(Number.isInteger(e.min) && Number.isInteger(e.likely) && Number.isInteger(e.max)).toBe(true);
          expect(e.min).toBeLessThanOrEqual(e.likely);
          expect(e.likely).toBeLessThanOrEqual(e.max);
        },
      ),
    );
  });
  it('moves dates by whole days', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(addDays('2027-01-01', 59)).toBe('2027-03-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (n) => {
        expect(daysBetween('2026-01-01', addDays('2026-01-01', n))).toBe(n);
      }),
    );
  });
});

describe('joint cost shares', () => {
  const party = fc.record({
    population: fc.integer({ min: 0, max: 3_000_000 }),
    caseVolume: fc.integer({ min: 0, max: 100_000 }),
    customPercent: fc.double({ min: 0, max: 100, noNaN: true }),
  });
  it('always sum to the total, to the cent, under every key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom(...JOINT_COST_KEYS),
        fc.array(party, { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, key, parties, base) => {
          const s = jointShares(total, key, parties, base);
          expect(s).toHaveLength(parties.length);
          expect(s.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
          expect(s.reduce((a, b) => a + b, 0)).toBe(total);
        },
      ),
    );
  });
  it('splits by population in proportion', () => {
    const p = (population: number) => ({ population, caseVolume: 0, customPercent: 0 });
    expect(jointShares(1_200_001, 'population', [p(9_000), p(18_000)])).toEqual([400_000, 800_001]);
    expect(jointShares(100, 'equal', [p(1), p(1), p(1)])).toEqual([34, 33, 33]);
    // base + variable: 30 % in equal parts, 70 % by population
    expect(jointShares(1000, 'base_variable', [p(1000), p(3000)], 0.3)).toEqual([150 + 175, 150 + 525]);
  });
});

describe('matchScore', () => {
  it('explains every point and stays within 0–100', () => {
    fc.assert(
      fc.property(
        fc.record({
          text: fc.double({ min: 0, max: 2, noNaN: true }),
          kind: fc.constantFrom('project' as const, 'need' as const),
          sameField: fc.boolean(),
          sizeClassDiff: fc.integer({ min: 0, max: 6 }),
          sameKreis: fc.boolean(),
          distanceKm: fc.option(fc.double({ min: 0, max: 900, noNaN: true })),
        }),
        (c) => {
          const { score, reasons } = matchScore(c);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          expect(reasons.includes('same_kreis')).toBe(c.sameKreis);
          expect(reasons.includes('across_districts')).toBe(!c.sameKreis);
          expect(reasons.includes('neighbour_kreis')).toBe(
            !c.sameKreis && c.distanceKm !== null && c.distanceKm <= NEIGHBOUR_KM,
          );
          expect(reasons.includes('same_field')).toBe(c.sameField);
        },
      ),
    );
  });
});
