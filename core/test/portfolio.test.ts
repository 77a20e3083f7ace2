import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availableHours,
  benefitEffort,
  type Criterion,
  capacityCells,
  DEFAULT_PRIORITY_CRITERIA,
  monthOf,
  monthRange,
  priorityScore,
  rankMoves,
  rankProjects,
  sumCells,
  workingDays,
} from '../src/index.js';

const criteriaArb = fc
  .array(
    fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      name: fc.constant('K'),
      weight: fc.integer({ min: 0, max: 100 }),
      direction: fc.constantFrom<'benefit' | 'cost'>('benefit', 'cost'),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((cs) => cs.filter((c, i) => cs.findIndex((x) => x.key === c.key) === i) as Criterion[]);
const scoresArb = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 0, max: 5 }));

describe('priority scoring', () => {
  it('computes the weighted score by hand', () => {
    const s = priorityScore(DEFAULT_PRIORITY_CRITERIA, {
      citizen_benefit: 5,
      staff_benefit: 2,
      legal_obligation: 0,
      urgency: 3,
      effort: 5,
      risk: 3,
      cost: 4,
    });
    expect(s).toEqual({ score: 45, complete: true });
    expect(priorityScore(DEFAULT_PRIORITY_CRITERIA, { citizen_benefit: 5 })).toEqual({ score: 100, complete: false });
    expect(priorityScore(DEFAULT_PRIORITY_CRITERIA, {})).toEqual({ score: null, complete: false });
  });

  it('stays within 0–100; more benefit never lowers, more cost never raises the score', () => {
    fc.assert(
      fc.property(criteriaArb, scoresArb, fc.constantFrom('a', 'b', 'c', 'd', 'e'), (criteria, scores, key) => {
        const { score } = priorityScore(criteria, scores);
        if (score === null) return;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        const c = criteria.find((x) => x.key === key);
        const s = scores[key];
        if (!c || s === undefined || s === 5) return;
        const higher = priorityScore(criteria, { ...scores, [key]: s + 1 }).score as number;
        if (c.direction === 'benefit') expect(higher).toBeGreaterThanOrEqual(score);
        else expect(higher).toBeLessThanOrEqual(score);
      }),
    );
  });

  it('ranks highest first, ties share a rank, unscored last; moves add up to zero', () => {
    const crit: Criterion[] = [{ key: 'a', name: 'A', weight: 1, direction: 'benefit' }];
    const r = rankProjects(crit, [
      { id: '1', title: 'Zeta', scores: { a: 3 } },
      { id: '2', title: 'Alpha', scores: { a: 5 } },
      { id: '3', title: 'Beta', scores: { a: 3 } },
      { id: '4', title: 'Gamma', scores: {} },
    ]);
    expect(r.map((x) => [x.title, x.rank])).toEqual([
      ['Alpha', 1],
      ['Beta', 2],
      ['Zeta', 2],
      ['Gamma', null],
    ]);
    fc.assert(
      fc.property(
        criteriaArb,
        criteriaArb,
        fc.array(scoresArb, { minLength: 1, maxLength: 8 }),
        (c1, c2, scoreList) => {
          const projects = scoreList.map((scores, i) => ({ id: String(i), title: `P${i}`, scores }));
          const a = rankProjects(c1, projects);
          const b = rankProjects(c2, projects);
          const moves = rankMoves(a, b);
          expect(Object.values(moves).reduce((x, y) => x + y, 0)).toBe(0);
          for (let i = 1; i < b.length; i++) {
            const prev = b[i - 1]!.score;
            const cur = b[i]!.score;
            if (prev !== null && cur !== null) expect(prev).toBeGreaterThanOrEqual(cur);
            if (prev === null) expect(cur).toBeNull();
          }
        },
      ),
    );
  });

  it('places projects on the benefit/effort chart', () => {
    expect(benefitEffort({ citizen_benefit: 4, staff_benefit: 2, effort: 3, cost: 5 })).toEqual({
      benefit: 3,
      effort: 3,
      cost: 5,
    });
    expect(benefitEffort({})).toEqual({ benefit: null, effort: null, cost: null });
  });
});

describe('capacity', () => {
  it('counts Monday to Friday and is part-time aware', () => {
    expect(workingDays('2027-03')).toBe(23);
    expect(workingDays('2027-02')).toBe(20);
    expect(workingDays('2028-02')).toBe(21); // leap year
    expect(availableHours(10, '2027-03')).toBe(46);
    expect(availableHours(19.5, '2027-02')).toBe(78);
  });

  it('month ranges cross years and month arithmetic shifts correctly', () => {
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthRange('2027-03', '2027-02')).toEqual([]);
    expect(monthOf(new Date('2026-11-27T10:00:00Z'), 11)).toBe('2027-10');
  });

  it('flags exactly the months where planned exceeds available; sums are cell-wise', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            hpw: fc.double({ min: 0, max: 40, noNaN: true }),
            planned: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 3, maxLength: 3 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (people) => {
          const months = ['2027-01', '2027-02', '2027-03'];
          const rows = people.map((p) =>
            capacityCells(p.hpw, new Map(months.map((m, i) => [m, p.planned[i]!])), months),
          );
          for (const row of rows) for (const c of row) expect(c.over).toBe(c.planned > c.available);
          const total = sumCells(rows, months);
          for (const [i, c] of total.entries()) {
            expect(c.planned).toBeCloseTo(
              rows.reduce((s, r) => s + r[i]!.planned, 0),
              5,
            );
            expect(c.over).toBe(c.planned > c.available);
          }
        },
      ),
    );
  });
});
