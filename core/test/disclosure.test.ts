import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ClassCount,
  cellKey,
  cellsOfClass,
  type GroupedCount,
  publishableCells,
  publishableGroupCells,
  type QiClass,
  TOTAL_CELL,
} from '../src/domain/disclosure.js';

/** Respondents as the attacker's ground truth: one quasi-identifier class each. */
const respondent = fc.record({
  sizeClass: fc.constantFrom('5', '6', '7'),
  land: fc.constantFrom('01', '07', '09'),
  network: fc.constantFrom('', 'a', 'b'),
});

function classCounts(people: QiClass[]): ClassCount[] {
  const m = new Map<string, ClassCount>();
  for (const p of people) {
    const k = cellKey(p);
    const c = m.get(k) ?? { cls: p, n: 0 };
    c.n++;
    m.set(k, c);
  }
  return [...m.values()];
}

/** Members (indices) of a cell among the respondents. */
function members(people: QiClass[], cell: string): Set<number> {
  const out = new Set<number>();
  people.forEach((p, i) => {
    if (cellsOfClass(p).includes(cell)) out.add(i);
  });
  return out;
}

const safe = (n: number, t: number) => n === 0 || n >= t;

describe('disclosure control over the result lattice (the attacker’s view)', () => {
  it('no published cell, nested difference, intersection, complement or atom isolates fewer than t', () => {
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 40 }), fc.integer({ min: 3, max: 6 }), (people, t) => {
        const published = [...publishableCells(classCounts(people), t)];
        const sets = published.map((c) => ({ c, m: members(people, c) }));
        for (const { m } of sets) expect(m.size).toBeGreaterThanOrEqual(t);
        for (const a of sets)
          for (const b of sets) {
            const inter = [...a.m].filter((x) => b.m.has(x)).length;
            // a ⊇ b: "a minus b" by subtraction; any two: their common part by matching records
            if ([...b.m].every((x) => a.m.has(x))) expect(safe(a.m.size - b.m.size, t)).toBe(true);
            expect(safe(inter, t)).toBe(true);
          }
        // complement: a published cell minus all its published children along one dimension
        for (const { c, m } of sets) {
          const fixed = c.split('|');
          for (let d = 0; d < 3; d++) {
            if (fixed[d] !== '*') continue;
            const children = sets.filter(({ c: x }) => {
              const xs = x.split('|');
              return xs[d] !== '*' && xs.every((v, i) => i === d || v === fixed[i]);
            });
            const covered = children.reduce((s, ch) => s + ch.m.size, 0);
            expect(safe(m.size - covered, t)).toBe(true);
          }
        }
        // atoms, computed person by person: the finest sets the published counts can separate
        const atoms = new Map<string, number>();
        people.forEach((_, i) => {
          const sig = sets
            .filter((s) => s.m.has(i))
            .map((s) => s.c)
            .sort()
            .join(',');
          if (sig) atoms.set(sig, (atoms.get(sig) ?? 0) + 1);
        });
        for (const n of atoms.values()) expect(safe(n, t)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('decides the same cells whatever order the counts come in (the database’s row order never matters)', () => {
    fc.assert(
      fc.property(
        fc.array(respondent, { maxLength: 40 }),
        fc.integer({ min: 3, max: 6 }),
        fc.integer(),
        (people, t, seed) => {
          const counts = classCounts(people);
          let x = seed;
          const shuffled = counts
            .map((c) => {
              x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
              return [x, c] as const;
            })
            .sort(([a], [b]) => a - b)
            .map(([, c]) => c);
          expect([...publishableCells(shuffled, t)].sort()).toEqual([...publishableCells(counts, t)].sort());
        },
      ),
    );
  });

  it('publishes the total once it reaches the threshold, and every cell when all classes are large', () => {
    fc.assert(
      fc.property(
        fc.array(respondent, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 3, max: 6 }),
        (people, t) => {
          const published = publishableCells(classCounts(people), t);
          expect(published.has(TOTAL_CELL)).toBe(people.length >= t);
        },
      ),
    );
    const big: ClassCount[] = [
      { cls: { sizeClass: '6', land: '09', network: '' }, n: 5 },
      { cls: { sizeClass: '7', land: '09', network: '' }, n: 5 },
      { cls: { sizeClass: '7', land: '07', network: '' }, n: 6 },
    ];
    const all = publishableCells(big, 5);
    for (const k of ['7|*|*', '6|*|*', '*|09|*', '*|07|*', '7|09|*', '*|*|', TOTAL_CELL]) expect(all.has(k)).toBe(true);
  });

  it('withdraws a size class whose intersection with a Land is one municipality (the review’s attack)', () => {
    const counts: ClassCount[] = [
      { cls: { sizeClass: '7', land: '09', network: '' }, n: 1 },
      { cls: { sizeClass: '7', land: '07', network: '' }, n: 6 },
      { cls: { sizeClass: '6', land: '09', network: '' }, n: 6 },
    ];
    const published = publishableCells(counts, 5);
    expect(published.has(TOTAL_CELL)).toBe(true);
    // GK7 (7) and Bayern (7) would each pass alone; together they pin the one GK7 municipality in Bayern
    expect(published.has('7|*|*') && published.has('*|09|*')).toBe(false);
  });

  it('keeps a question inside the cells its responses may be shown in', () => {
    const counts: ClassCount[] = [
      { cls: { sizeClass: '7', land: '09', network: '' }, n: 6 },
      { cls: { sizeClass: '6', land: '09', network: '' }, n: 6 },
    ];
    const within = new Set([TOTAL_CELL]);
    expect([...publishableCells(counts, 5, within)]).toEqual([TOTAL_CELL]);
  });
});

/**
 * The rule of `publishableGroupCells` as first written: every atom recomputed from all units after each withdrawal.
 * The implementation keeps the atoms up to date instead (the key-figure ring weighs hundreds of classes per figure
 * and year); it must decide exactly the same.
 */
function recomputedGroupCells(
  units: readonly GroupedCount[],
  threshold: number,
  total: string,
  known: (cell: string) => boolean,
  totalAlike = true,
): Set<string> {
  const size = new Map<string, number>();
  for (const { cells, n } of units) {
    if (n <= 0) continue;
    for (const k of new Set(cells)) size.set(k, (size.get(k) ?? 0) + n);
  }
  const published = new Set([...size].filter(([k, n]) => known(k) || n >= threshold).map(([k]) => k));
  for (;;) {
    const atoms = new Map<string, number>();
    for (const { cells, n } of units) {
      if (n <= 0) continue;
      const sig = [...new Set(cells)].filter((k) => published.has(k)).join(',');
      if (sig) atoms.set(sig, (atoms.get(sig) ?? 0) + n);
    }
    const failing = [...atoms]
      .filter(([sig, n]) => n > 0 && n < threshold && !sig.split(',').some(known))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[0];
    if (!failing) return published;
    const all = size.get(total) ?? 0;
    const asTotal = (k: string) => k === total || (totalAlike && size.get(k) === all);
    const own = failing[0].split(',').filter((k) => !asTotal(k));
    const pool = own.length ? own : [...published].filter((k) => !asTotal(k) && !known(k));
    if (!pool.length) {
      for (const k of [...published]) if (asTotal(k)) published.delete(k);
      continue;
    }
    pool.sort((a, b) => (size.get(a) ?? 0) - (size.get(b) ?? 0) || a.localeCompare(b));
    published.delete(pool[0] as string);
  }
}

describe('disclosure over overlapping groups (networks, open rings)', () => {
  /** A class of municipalities: size class, Land, the networks it is in, an open ring it joined; how many. */
  const unit = fc
    .record({
      gk: fc.constantFrom('5', '6', '7'),
      land: fc.constantFrom('01', '07', '09'),
      nets: fc.subarray(['a', 'b', 'c']),
      ring: fc.boolean(),
      n: fc.integer({ min: 0, max: 8 }),
    })
    .map(({ gk, land, nets, ring, n }) => ({
      cells: [
        'all',
        `gk:${gk}`,
        `land:${land}`,
        `gkland:${gk}:${land}`,
        ...nets.map((x) => `net:${x}`),
        ...(ring && nets.length ? [`ring:${nets[0]}`] : []),
      ],
      n,
    }));
  const known = (c: string) => c.startsWith('ring:');

  it('decides exactly as recomputing every atom after each withdrawal would', () => {
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 30 }),
        fc.integer({ min: 2, max: 6 }),
        fc.boolean(),
        (units, t, alike) => {
          expect([...publishableGroupCells(units, t, 'all', { known, totalAlike: alike })]).toEqual([
            ...recomputedGroupCells(units, t, 'all', known, alike),
          ]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves no atom outside the open rings under the threshold', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), fc.integer({ min: 2, max: 6 }), (units, t) => {
        const published = publishableGroupCells(units, t, 'all', { known, totalAlike: true });
        const atoms = new Map<string, number>();
        for (const { cells, n } of units) {
          const sig = cells.filter((c) => published.has(c)).join(',');
          if (sig && n > 0) atoms.set(sig, (atoms.get(sig) ?? 0) + n);
        }
        for (const [sig, n] of atoms) if (!sig.split(',').some(known)) expect(safe(n, t)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
