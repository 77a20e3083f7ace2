import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IMPACT_BANDS,
  impactBand,
  impactBandRange,
  PROBABILITY_BANDS,
  probabilityBand,
  probabilityBandRange,
  riskHeat,
} from '../src/domain/risk-matrix.js';

describe('risk matrix bands', () => {
  it('a 40 % risk belongs to the band 40–59 % only; the edges go to the upper band', () => {
    expect(probabilityBand(40)).toBe(2);
    expect(probabilityBandRange(2)).toEqual({ from: 40, to: 59 });
    expect(probabilityBandRange(1)).toEqual({ from: 20, to: 39 });
    expect([0, 19, 20, 39, 59, 60, 79, 80, 100].map(probabilityBand)).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 4]);
    expect(probabilityBandRange(PROBABILITY_BANDS.length - 1)).toEqual({ from: 80, to: 100 });
  });

  it('every whole percentage lies in exactly one printed probability range, the one it is counted in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (p) => {
        const holding = PROBABILITY_BANDS.map((_, i) => probabilityBandRange(i)).flatMap((r, i) =>
          r.from <= p && p <= r.to ? [i] : [],
        );
        expect(holding).toEqual([probabilityBand(p)]);
      }),
    );
  });

  it('impact bands: up to 1,000 € inclusive, then over 1,000 € up to 5,000 € …, over 100,000 €', () => {
    expect([0, 100_000, 100_001, 500_000, 500_001, 10_000_000, 10_000_001].map(impactBand)).toEqual([
      0, 0, 1, 1, 2, 3, 4,
    ]);
    expect(impactBandRange(0)).toEqual({ above: null, upTo: 100_000 });
    expect(impactBandRange(1)).toEqual({ above: 100_000, upTo: 500_000 });
    expect(impactBandRange(IMPACT_BANDS - 1)).toEqual({ above: 10_000_000, upTo: null });
  });

  it('every cost lies in exactly one impact range, the one it is counted in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (cents) => {
        const holding = Array.from({ length: IMPACT_BANDS }, (_, i) => impactBandRange(i)).flatMap((r, i) =>
          (r.above === null || cents > r.above) && (r.upTo === null || cents <= r.upTo) ? [i] : [],
        );
        expect(holding).toEqual([impactBand(cents)]);
      }),
    );
  });

  it('heat grows with probability and impact and stays within 0–4', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (p, i) => {
        const h = riskHeat(p, i);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(4);
        if (p < 4) expect(riskHeat(p + 1, i)).toBeGreaterThanOrEqual(h);
        if (i < 4) expect(riskHeat(p, i + 1)).toBeGreaterThanOrEqual(h);
      }),
    );
  });
});
