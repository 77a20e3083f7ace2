/**
 * KGSt size classes for municipalities (Größenklassen, GK).
 * Source: KGSt Vergleichsringe/Gutachten; GK7 (< 10,000) exists since 2013.
 * Bands are half-open [lower, upper): 25,000 is GK5, 10,000 is GK6.
 */
export type SizeClass = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Lower bounds (inclusive) of each size class, from GK1 down to GK7. */
export const SIZE_CLASS_LOWER_BOUNDS: ReadonlyArray<readonly [SizeClass, number]> = [
  [1, 400_000],
  [2, 200_000],
  [3, 100_000],
  [4, 50_000],
  [5, 25_000],
  [6, 10_000],
  [7, 0],
];

/** Derives the KGSt size class from a population count. */
export function sizeClassOf(population: number): SizeClass {
  if (!Number.isFinite(population) || population < 0) {
    throw new RangeError('population must be a non-negative number');
  }
  for (const [gk, lower] of SIZE_CLASS_LOWER_BOUNDS) {
    if (population >= lower) return gk;
  }
  return 7;
}

/** Human-readable band of a size class, e.g. "10.000 – 24.999". */
export function sizeClassBand(gk: SizeClass): { lower: number; upper: number | null } {
  const idx = SIZE_CLASS_LOWER_BOUNDS.findIndex(([g]) => g === gk);
  const lower = SIZE_CLASS_LOWER_BOUNDS[idx]?.[1] ?? 0;
  const upper = idx > 0 ? (SIZE_CLASS_LOWER_BOUNDS[idx - 1]?.[1] ?? null) : null;
  return { lower, upper };
}
