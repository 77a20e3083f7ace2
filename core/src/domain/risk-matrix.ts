/**
 * The probability × impact matrix of a risk register. Both axes are cut into bands that do not overlap: every value
 * falls into exactly one band, and the printed ranges say so (a 40 % risk is in "40–59 %" only, never also in a band
 * that ends at 40 %).
 */

/** Lower bounds of the probability bands in percent: [0, 20), [20, 40), [40, 60), [60, 80), [80, 100]. */
export const PROBABILITY_BANDS = [0, 20, 40, 60, 80] as const;
/**
 * Upper bounds (inclusive) of the impact bands, by the most likely extra cost in cents: up to 1,000 €, over 1,000 € up
 * to 5,000 €, up to 20,000 €, up to 100,000 €, and over 100,000 € (the last band has no upper bound).
 */
export const IMPACT_LIMITS = [100_000, 500_000, 2_000_000, 10_000_000] as const;
export const IMPACT_BANDS = IMPACT_LIMITS.length + 1;

/** The probability band (0 = lowest) of a probability in percent; values outside 0–100 go to the nearest band. */
export function probabilityBand(percent: number): number {
  let band = 0;
  for (const [i, lower] of PROBABILITY_BANDS.entries()) if (percent >= lower) band = i;
  return band;
}

/** The printed range of a probability band in whole percent, both ends included: 0–19, 20–39, …, 80–100. */
export function probabilityBandRange(band: number): { from: number; to: number } {
  const from = PROBABILITY_BANDS[band] ?? 0;
  const next = PROBABILITY_BANDS[band + 1];
  return { from, to: next === undefined ? 100 : next - 1 };
}

/** The impact band (0 = lowest) of the most likely cost in cents. */
export function impactBand(cents: number): number {
  const i = IMPACT_LIMITS.findIndex((limit) => cents <= limit);
  return i < 0 ? IMPACT_LIMITS.length : i;
}

/** The bounds of an impact band in cents: above `above` (exclusive, null for the first) up to `upTo` (inclusive). */
export function impactBandRange(band: number): { above: number | null; upTo: number | null } {
  return { above: band > 0 ? (IMPACT_LIMITS[band - 1] ?? null) : null, upTo: IMPACT_LIMITS[band] ?? null };
}

/** The heat of a matrix cell, 0 (low) to 4 (critical), from its probability and impact bands. */
export const riskHeat = (probability: number, impact: number) => Math.min(4, Math.floor((probability + impact) / 2));
