/**
 * Weighted scoring of projects. Each criterion has a weight (0–100) and a direction: for "benefit"
 * criteria a high score raises the priority, for "cost" criteria (effort, risk, cost) a high score
 * lowers it. Scores run from 0 (none) to 5 (very high). The result is 0–100.
 */
export const SCORE_MAX = 5;
export type CriterionDirection = 'benefit' | 'cost';
export interface Criterion {
  key: string;
  name: string;
  weight: number;
  direction: CriterionDirection;
}
export type Scores = Record<string, number | undefined>;

/** Default criteria (names in German; the municipality edits names and weights). */
export const DEFAULT_PRIORITY_CRITERIA: readonly Criterion[] = [
  { key: 'citizen_benefit', name: 'Nutzen für Bürgerinnen und Bürger', weight: 25, direction: 'benefit' },
  { key: 'staff_benefit', name: 'Nutzen für die Beschäftigten', weight: 20, direction: 'benefit' },
  { key: 'legal_obligation', name: 'Rechtliche Pflicht (z. B. OZG)', weight: 20, direction: 'benefit' },
  { key: 'urgency', name: 'Dringlichkeit', weight: 15, direction: 'benefit' },
  { key: 'effort', name: 'Aufwand', weight: 10, direction: 'cost' },
  { key: 'risk', name: 'Risiko', weight: 5, direction: 'cost' },
  { key: 'cost', name: 'Kosten', weight: 5, direction: 'cost' },
];

/**
 * The weighted score (0–100, one decimal) over the criteria that were scored; null when no weighted
 * criterion has a score yet. `complete` tells whether every weighted criterion was scored.
 */
export function priorityScore(
  criteria: readonly Criterion[],
  scores: Scores,
): { score: number | null; complete: boolean } {
  let sum = 0;
  let weights = 0;
  let complete = true;
  for (const c of criteria) {
    if (c.weight <= 0) continue;
    const s = scores[c.key];
    if (s === undefined || s === null) {
      complete = false;
      continue;
    }
    const v = c.direction === 'benefit' ? s : SCORE_MAX - s;
    sum += c.weight * v;
    weights += c.weight;
  }
  if (weights === 0) return { score: null, complete: false };
  return { score: Math.round((sum / weights / SCORE_MAX) * 1000) / 10, complete };
}

export interface Ranked {
  id: string;
  title: string;
  score: number | null;
  complete: boolean;
  /** Standard competition ranking (1, 2, 2, 4); unscored projects have no rank. */
  rank: number | null;
}

/** Ranks projects by score (highest first); ties share a rank; unscored projects come last. */
export function rankProjects(
  criteria: readonly Criterion[],
  projects: readonly { id: string; title: string; scores: Scores }[],
): Ranked[] {
  const scored = projects.map((p) => ({ id: p.id, title: p.title, ...priorityScore(criteria, p.scores) }));
  scored.sort((a, b) => {
    if (a.score === null || b.score === null) return a.score === null ? (b.score === null ? 0 : 1) : -1;
    return b.score - a.score || a.title.localeCompare(b.title, 'de');
  });
  let rank = 0;
  return scored.map((p, i) => {
    if (p.score === null) return { ...p, rank: null };
    if (i === 0 || scored[i - 1]?.score !== p.score) rank = i + 1;
    return { ...p, rank };
  });
}

/** How many places each project moved between two rankings (positive = moved up). */
export function rankMoves(before: readonly Ranked[], after: readonly Ranked[]): Record<string, number> {
  const pos = new Map(before.map((p, i) => [p.id, i]));
  return Object.fromEntries(after.map((p, i) => [p.id, (pos.get(p.id) ?? i) - i]));
}

/** Benefit (mean of the benefit scores for citizens and staff), effort and cost for the bubble chart. */
export function benefitEffort(scores: Scores): { benefit: number | null; effort: number | null; cost: number | null } {
  const b = [scores.citizen_benefit, scores.staff_benefit].filter((x): x is number => typeof x === 'number');
  return {
    benefit: b.length ? b.reduce((x, y) => x + y, 0) / b.length : null,
    effort: scores.effort ?? null,
    cost: scores.cost ?? null,
  };
}
