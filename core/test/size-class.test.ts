import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIZE_CLASS_LOWER_BOUNDS, sizeClassBand, sizeClassOf } from '../src/domain/size-class.js';

describe('KGSt size class', () => {
  it.each([
    [0, 7],
    [9_999, 7],
    [10_000, 6],
    [24_999, 6],
    [25_000, 5],
    [49_999, 5],
    [50_000, 4],
    [100_000, 3],
    [199_999, 3],
    [200_000, 2],
    [399_999, 2],
    [400_000, 1],
    [3_700_000, 1],
  ])('population %i is GK %i (bands are [lower, upper))', (population, gk) => {
    expect(sizeClassOf(population)).toBe(gk);
  });

  it('rejects negative or non-finite populations', () => {
    expect(() => sizeClassOf(-1)).toThrow(RangeError);
    expect(() => sizeClassOf(Number.NaN)).toThrow(RangeError);
  });

  it('is monotone: more inhabitants never give a higher class number', () => {
    fc.assert(
      fc.property(fc.nat(5_000_000), fc.nat(5_000_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return sizeClassOf(hi) <= sizeClassOf(lo);
      }),
    );
  });

  it('puts every population inside the band of its class', () => {
    fc.assert(
      fc.property(fc.nat(5_000_000), (p) => {
        const { lower, upper } = sizeClassBand(sizeClassOf(p));
        return p >= lower && (upper === null || p < upper);
      }),
    );
  });

  it('has contiguous bands from GK7 up to GK1', () => {
    for (let i = 1; i < SIZE_CLASS_LOWER_BOUNDS.length; i++) {
      const gk = SIZE_CLASS_LOWER_BOUNDS[i]![0];
      expect(sizeClassBand(gk).upper).toBe(SIZE_CLASS_LOWER_BOUNDS[i - 1]![1]);
    }
    expect(sizeClassBand(1).upper).toBeNull();
  });
});
