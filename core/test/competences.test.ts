import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPETENCE_AREAS, DIGCOMP, levelGroup, publishableGroups, STARTER_TRAININGS } from '../src/index.js';

describe('DigComp 2.2', () => {
  it('has 5 areas and 21 competences numbered per area', () => {
    expect(DIGCOMP).toHaveLength(21);
    expect(COMPETENCE_AREAS.map((a) => DIGCOMP.filter((c) => c.area === a).length)).toEqual([3, 6, 4, 4, 4]);
    for (const c of DIGCOMP) expect(c.code.startsWith(`${c.area}.`)).toBe(true);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(levelGroup)).toEqual([
      'foundation',
      'foundation',
      'intermediate',
      'intermediate',
      'advanced',
      'advanced',
      'highly_specialised',
      'highly_specialised',
    ]);
    // a mean is labelled by the level it has reached, as the legend reads
    expect([2.6, 2.99, 3, 4.9].map(levelGroup)).toEqual(['foundation', 'foundation', 'intermediate', 'intermediate']);
  });

  it('starter trainings address DigComp competences and invent no prices', () => {
    for (const t of STARTER_TRAININGS) {
      expect(t.competences.every((c) => DIGCOMP.some((d) => d.code === c))).toBe(true);
      expect(t.costCents === null || (t.provider === 'eGov-Campus' && t.costCents === 0)).toBe(true);
    }
  });
});

describe('publishableGroups', () => {
  it('withholds small groups and the smallest group that would leave a small rest', () => {
    expect(publishableGroups([{ key: 'a', n: 4 }], 5)).toEqual({ total: false, groups: new Set() });
    const r = publishableGroups(
      [
        { key: 'a', n: 6 },
        { key: 'b', n: 5 },
        { key: 'c', n: 2 },
      ],
      5,
    );
    expect(r).toEqual({ total: true, groups: new Set(['a']) });
    expect(publishableGroups([{ key: '', n: 9 }], 5, [''])).toEqual({ total: true, groups: new Set() });
  });

  it('never leaves a shown group or the rest between 1 and threshold − 1, whatever the order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 8 }),
        fc.integer({ min: 3, max: 7 }),
        (ns, t) => {
          const counts = ns.map((n, i) => ({ key: `g${i}`, n }));
          const r = publishableGroups(counts, t);
          const total = ns.reduce((s, n) => s + n, 0);
          expect(r.total).toBe(total >= t);
          const shown = counts.filter((c) => r.groups.has(c.key));
          for (const c of shown) expect(c.n).toBeGreaterThanOrEqual(t);
          const rest = total - shown.reduce((s, c) => s + c.n, 0);
          if (r.total) expect(rest === 0 || rest >= t).toBe(true);
          expect(publishableGroups([...counts].reverse(), t)).toEqual(r);
        },
      ),
    );
  });
});
