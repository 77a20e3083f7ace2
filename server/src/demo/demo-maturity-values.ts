import { DEFAULT_KEY_FIGURES, type KeyFigureDefinition, MATURITY_DIMENSIONS, maturityProfile } from '@dz/core';

/*
 * The numbers of the demo's maturity story, computed without the database: a seeded random stream per
 * municipality (the same demo on every start, no Math.random), key-figure series that improve over the years in
 * plausible ranges, and answers to the maturity model that give a wanted level per dimension.
 */

/** A deterministic stream of numbers in [0, 1) from a text (FNV-1a into mulberry32). */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where a figure's demo values lie (the worst and the best end of a plausible small municipality). */
export const DEMO_FIGURE_RANGES: Record<string, { lo: number; hi: number }> = {
  online_share: { lo: 10, hi: 80 },
  it_spend_per_inhabitant: { lo: 40, hi: 160 },
  fte_per_10k: { lo: 0.3, hi: 3 },
  trained_share: { lo: 10, hi: 90 },
  e_file_coverage: { lo: 0, hi: 100 },
  e_invoice_share: { lo: 5, hi: 95 },
  processing_days: { lo: 2, hi: 30 },
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const roundTo = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

export interface DemoFigureValue {
  value: number;
  /** The computed share of services online says how many of how many (the key figure's definition). */
  note: string;
}

/** "3 von 24 Leistungen online (OZG-Reifegrad ≥ 3)": a computed online share as the inventory gave it. */
export function onlineShare(online: number, total: number): DemoFigureValue {
  return {
    value: roundTo((online / total) * 100, 1),
    note: `Aus dem Leistungsverzeichnis berechnet: ${online} von ${total} Leistungen online (OZG-Reifegrad ≥ 3)`,
  };
}

/**
 * A figure's values over `years` years (oldest first) for a municipality of maturity `p` (0 … 1): a start
 * that grows with p, then a step towards the better end every year (by the figure's direction), within the
 * figure's range and rounded to its decimals. `floor` lifts the quality of the first year (0 … 1).
 */
export function figureSeries(
  seed: string,
  figure: Pick<KeyFigureDefinition, 'key' | 'direction' | 'decimals'>,
  p: number,
  years: number,
  floor = 0,
): DemoFigureValue[] {
  const r = seededRandom(`${seed}:${figure.key}`);
  const { lo, hi } = DEMO_FIGURE_RANGES[figure.key] ?? { lo: 0, hi: 100 };
  let q = clamp(0.1 + 0.5 * p + 0.3 * (r() - 0.5), Math.max(0.02, floor), 0.85);
  const qualities: number[] = [];
  for (let y = 0; y < years; y++) {
    qualities.push(q);
    q = clamp(q + 0.02 + 0.05 * r(), 0, 0.98);
  }
  if (figure.key === 'online_share') {
    // a count of services online out of the inventory, never fewer than the year before
    const total = 16 + Math.floor(r() * 20);
    let online = 0;
    return qualities.map((x) => {
      online = Math.max(online, Math.round(((lo + x * (hi - lo)) * total) / 100));
      return onlineShare(online, total);
    });
  }
  return qualities.map((x) => ({
    value: roundTo(figure.direction === 'higher' ? lo + x * (hi - lo) : hi - x * (hi - lo), figure.decimals),
    note: '',
  }));
}

/** The default figures by key (the demo only uses those). */
export const figureByKey = (key: string) => {
  const f = DEFAULT_KEY_FIGURES.find((x) => x.key === key);
  if (!f) throw new Error(`demo: no default key figure ${key}`);
  return f;
};

export type DimensionLevels = Readonly<Record<string, number>>;

/**
 * Answers to every criterion of the model that give each dimension the wanted level (the level of a dimension
 * is the mean of its criteria rounded down): each criterion at the level or one above, at least one at it,
 * sometimes one below balanced by one above.
 */
export function answersFor(seed: string, levels: DimensionLevels): Record<string, number> {
  const r = seededRandom(seed);
  const out: Record<string, number> = {};
  for (const d of MATURITY_DIMENSIONS) {
    const level = clamp(Math.round(levels[d.key] ?? 2), 1, 5);
    const values = d.criteria.map(() => (level < 5 && r() < 0.4 ? level + 1 : level));
    if (values.every((v) => v > level)) values[0] = level;
    if (level > 1 && level < 5 && r() < 0.3) {
      values[0] = level - 1;
      values[1] = level + 1;
    }
    d.criteria.forEach((c, i) => {
      out[c.key] = values[i]!;
    });
  }
  return out;
}

/** The levels an assessment stores: dimension key → level, as `maturityProfile` computes them. */
export const storedLevels = (answers: Readonly<Record<string, number>>) =>
  Object.fromEntries(maturityProfile(answers).map((d) => [d.key, d.level]));

/** Wanted levels of a municipality of maturity p (1 … 5 around 1.3 + 2.6 p, varying per dimension). */
export function levelsOf(seed: string, p: number, fixed: DimensionLevels = {}): Record<string, number> {
  const r = seededRandom(`${seed}:levels`);
  return Object.fromEntries(
    MATURITY_DIMENSIONS.map((d) => [d.key, fixed[d.key] ?? clamp(Math.round(1.3 + 2.6 * p + (r() - 0.5) * 1.6), 1, 5)]),
  );
}
