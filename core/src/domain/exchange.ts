import { splitByKey } from './finance.js';

/** Great-circle distance in kilometres between two points (haversine, mean earth radius). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Two municipalities in different Kreise count as neighbours when they lie at most this far apart:
 * a Landkreis is typically 40–60 km across, so this reaches into the adjoining Kreise but not beyond.
 */
export const NEIGHBOUR_KM = 35;

/** Population factor for adopting a project: own ÷ source, rounded to two decimals, kept within 0.05–20. */
export function populationFactor(ownPopulation: number, sourcePopulation: number): number {
  if (!(sourcePopulation > 0) || !(ownPopulation > 0)) return 1;
  const f = Math.round((ownPopulation / sourcePopulation) * 100) / 100;
  return Math.min(20, Math.max(0.05, f));
}

/** Scales a three-point cost estimate by a factor, to the cent, keeping min ≤ likely ≤ max. */
export function scaleEstimate(e: { min: number; likely: number; max: number }, factor: number) {
  const min = Math.round(e.min * factor);
  const likely = Math.max(min, Math.round(e.likely * factor));
  const max = Math.max(likely, Math.round(e.max * factor));
  return { min, likely, max };
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const MATCH_REASONS = [
  'similar_project',
  'similar_need',
  'same_field',
  'same_size_class',
  'same_kreis',
  'neighbour_kreis',
  'across_districts',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export interface MatchCandidate {
  /** Text similarity of their published project or open need with mine, 0–1. */
  text: number;
  kind: 'project' | 'need';
  sameField: boolean;
  sizeClassDiff: number;
  sameKreis: boolean;
  distanceKm: number | null;
}

/**
 * Score (0–100) and reasons of one partner suggestion. Text similarity weighs most; the same field of
 * action, a similar size class and nearness add to it. A municipality in another Kreis is labelled
 * "über Kreisgrenzen" so that cooperation across districts is visible, not penalised.
 */
export function matchScore(c: MatchCandidate): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  let score = 0;
  if (c.text > 0) {
    reasons.push(c.kind === 'project' ? 'similar_project' : 'similar_need');
    score += 50 * Math.min(1, c.text);
  }
  if (c.sameField) {
    reasons.push('same_field');
    score += 20;
  }
  if (c.sizeClassDiff === 0) {
    reasons.push('same_size_class');
    score += 15;
  } else if (c.sizeClassDiff === 1) score += 7;
  if (c.sameKreis) {
    reasons.push('same_kreis');
    score += 15;
  } else {
    if (c.distanceKm !== null && c.distanceKm <= NEIGHBOUR_KM) {
      reasons.push('neighbour_kreis');
      score += 10;
    }
    reasons.push('across_districts');
  }
  return { score: Math.round(Math.min(100, score)), reasons };
}

export const JOINT_COST_KEYS = ['population', 'equal', 'case_volume', 'base_variable', 'custom'] as const;
export type JointCostKey = (typeof JOINT_COST_KEYS)[number];

export interface JointParty {
  population: number;
  caseVolume: number;
  customPercent: number;
}

/** Each party's share of a joint project's total under its cost-sharing key (sums to the total, to the cent). */
export function jointShares(totalCents: number, key: JointCostKey, parties: readonly JointParty[], baseShare = 0.3) {
  if (!parties.length) return [];
  switch (key) {
    case 'population':
      return splitByKey(totalCents, { kind: 'population', populations: parties.map((p) => p.population) });
    case 'case_volume':
      return splitByKey(totalCents, { kind: 'case_volume', volumes: parties.map((p) => p.caseVolume) });
    case 'custom':
      return splitByKey(totalCents, { kind: 'custom', percents: parties.map((p) => p.customPercent) });
    case 'base_variable':
      return splitByKey(totalCents, {
        kind: 'base_variable',
        baseShare,
        variable: parties.map((p) => p.population),
      });
    default:
      return splitByKey(totalCents, { kind: 'equal', parties: parties.length });
  }
}
