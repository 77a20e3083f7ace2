/**
 * Monte Carlo benchmark (`npm run bench`): the cost simulation from `core` with 100,000 iterations,
 * 12 three-point cost lines and 30 risks (PERT and triangular), median of 7 runs after 2 warm-ups.
 * Baseline in the same run: a bare loop drawing the same count of seeded uniform numbers and summing
 * them (the least any simulation must do). Target: ≤ 200 ms per simulation on this machine.
 */
import { type Distribution, mulberry32, simulate } from '@dz/core';
import { writeSection } from './lib.js';

const ITERATIONS = 100_000;
const lines = Array.from({ length: 12 }, (_, i) => ({
  min: 100_000 * (i + 1),
  likely: 150_000 * (i + 1),
  max: 300_000 * (i + 1),
}));
const risks = Array.from({ length: 30 }, (_, i) => ({
  probability: 0.05 + (i % 10) / 20,
  cost: { min: 10_000 * (i + 1), likely: 40_000 * (i + 1), max: 150_000 * (i + 1) },
  weeks: i % 4,
}));
const expectedRiskDraws = risks.reduce((s, r) => s + r.probability, 0);
const drawsPerIteration = lines.length + risks.length + expectedRiskDraws;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(fn: () => unknown, runs = 7) {
  for (let i = 0; i < 2; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const baseline = time(() => {
  const rand = mulberry32(1);
  let s = 0;
  const n = Math.round(ITERATIONS * drawsPerIteration);
  for (let i = 0; i < n; i++) s += rand();
  return s;
});
const rows: string[] = [];
for (const distribution of ['pert', 'triangular'] as Distribution[]) {
  let p80 = 0;
  const ms = time(() => {
    p80 = simulate({ lines, risks, iterations: ITERATIONS, seed: 2026, distribution }).p80;
  });
  rows.push(
    `| ${distribution === 'pert' ? 'PERT' : 'triangular'} | ${ms.toFixed(0)} ms | ${baseline.toFixed(0)} ms | ${(ms / baseline).toFixed(1)} × | ${ms <= 200 ? 'met' : 'not met'} | ${(p80 / 100).toLocaleString('de-DE')} € |`,
  );
  console.log(rows.at(-1));
}
writeSection(
  'montecarlo',
  [
    `## Monte Carlo cost simulation (${new Date().toISOString()})`,
    '',
    `${ITERATIONS.toLocaleString('en')} iterations, ${lines.length} cost lines, ${risks.length} risks, median of 7 runs. Baseline: a loop drawing and summing`,
    `the same number of seeded uniform numbers (~${drawsPerIteration.toFixed(0)} per iteration). PERT draws use a quantile table per`,
    'estimate (inverse transform, one uniform number per draw); triangular draws use the closed-form inverse.',
    '',
    '| distribution | simulation | baseline | ratio | target ≤ 200 ms | P80 |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n'),
);
