import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dimensionLevel,
  MATURITY_DIMENSIONS,
  MATURITY_PREFILL_SOURCES,
  maturityProfile,
  percentileCont,
  quartiles,
} from '../src/domain/maturity.js';

describe('maturity model', () => {
  it("has the seed's nine dimensions, each with 4–6 criteria described on five levels", () => {
    expect(MATURITY_DIMENSIONS.map((d) => d.key)).toEqual([
      'strategy',
      'organisation',
      'portfolio',
      'staff',
      'finance',
      'change',
      'cooperation',
      'technology',
      'online',
    ]);
    const keys = MATURITY_DIMENSIONS.flatMap((d) => d.criteria.map((c) => c.key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of MATURITY_DIMENSIONS) {
      expect(d.criteria.length).toBeGreaterThanOrEqual(4);
      expect(d.criteria.length).toBeLessThanOrEqual(6);
      for (const c of d.criteria) {
        expect(c.levels).toHaveLength(5);
        expect(new Set(c.levels).size).toBe(5);
        for (const text of c.levels) expect(text.length).toBeGreaterThan(10);
        if (c.prefill) expect(MATURITY_PREFILL_SOURCES).toContain(c.prefill);
      }
    }
    // technology names what the issue lists: information security, e-file/DMS, e-invoicing
    const tech = MATURITY_DIMENSIONS.find((d) => d.key === 'technology')!.criteria.map((c) => c.key);
    expect(tech).toEqual(expect.arrayContaining(['security', 'e_file', 'e_invoice']));
  });

  it('rates a dimension by the mean of its answered criteria, rounded down, once half of them are answered', () => {
    const strategy = MATURITY_DIMENSIONS[0]!;
    const [a, b, c, d] = strategy.criteria.map((x) => x.key) as [string, string, string, string];
    expect(dimensionLevel(strategy, { [a]: 3, [b]: 4 })).toBe(3);
    expect(dimensionLevel(strategy, { [a]: 5, [b]: 5, [c]: 4, [d]: 4 })).toBe(4);
    expect(dimensionLevel(strategy, { [a]: 5 })).toBeNull();
    expect(dimensionLevel(strategy, { [a]: 7, [b]: 0, [c]: 2.5 })).toBeNull();
    expect(maturityProfile({ [a]: 2, [b]: 2 })[0]).toEqual({
      key: 'strategy',
      name: 'Strategie und Zielbild',
      level: 2,
    });
  });

  it('never rates a dimension outside its answers (property)', () => {
    const dim = MATURITY_DIMENSIONS[7]!;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: dim.criteria.length, maxLength: dim.criteria.length }),
        (levels) => {
          const answers = Object.fromEntries(dim.criteria.map((c, i) => [c.key, levels[i]]));
          const level = dimensionLevel(dim, answers)!;
          expect(level).toBeGreaterThanOrEqual(Math.min(...levels));
          expect(level).toBeLessThanOrEqual(Math.max(...levels));
        },
      ),
    );
  });
});

describe('percentiles as percentile_cont', () => {
  it('interpolates between the sorted values', () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([7], 0.25)).toBe(7);
    expect(percentileCont([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentileCont([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(percentileCont([10, 20], 0.75)).toBe(17.5);
    expect(quartiles([3, 1, 2, 5, 4])).toEqual({ min: 1, q1: 2, median: 3, q3: 4, max: 5 });
  });

  it('is ordered and monotone in p, and stays within the values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p1, p2) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          expect(percentileCont(values, lo)!).toBeLessThanOrEqual(percentileCont(values, hi)! + 1e-9);
          const q = quartiles(values)!;
          expect(q.min).toBeLessThanOrEqual(q.q1 + 1e-9);
          expect(q.q1).toBeLessThanOrEqual(q.median + 1e-9);
          expect(q.median).toBeLessThanOrEqual(q.q3 + 1e-9);
          expect(q.q3).toBeLessThanOrEqual(q.max + 1e-9);
          expect(q.min === Math.min(...values)).toBe(true); // -0 and 0 are the same value
          expect(q.max === Math.max(...values)).toBe(true);
        },
      ),
    );
  });
});
