import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALLOCATION_KEYS,
  addMonths,
  billedMonth,
  dueAt,
  isOverdue,
  monthlyStatement,
  monthOf,
  NEXT_STATUS,
  type Partner,
  SLA_HOURS,
  timeCents,
  usedUnits,
  WORK_ORDER_STATUSES,
} from '../src/index.js';

const partner = (population: number, orders: number): Partner => ({
  name: `P${population}`,
  population,
  customPercent: 50,
  statusQuo: { staff: [], assets: [], materialCents: 0, otherCents: 0, volumes: { work_orders: orders } },
});

describe('work orders', () => {
  it('are due by the partner’s date or their priority’s service level', () => {
    const createdAt = new Date('2027-03-01T08:00:00Z');
    expect(dueAt({ createdAt, priority: 'urgent', dueOn: null }).toISOString()).toBe('2027-03-02T08:00:00.000Z');
    expect(dueAt({ createdAt, priority: 'low', dueOn: '2027-03-05' }).toISOString()).toBe('2027-03-05T23:59:59.000Z');
    const late = new Date(createdAt.getTime() + (SLA_HOURS.high + 1) * 3_600_000);
    expect(isOverdue({ createdAt, priority: 'high', dueOn: null, status: 'planned' }, late)).toBe(true);
    expect(isOverdue({ createdAt, priority: 'high', dueOn: null, status: 'done' }, late)).toBe(false);
    expect(isOverdue({ createdAt, priority: 'high', dueOn: null, status: 'rejected' }, late)).toBe(false);
  });

  it('never leave done or rejected, and every status is reachable from new', () => {
    expect(NEXT_STATUS.done).toEqual([]);
    expect(NEXT_STATUS.rejected).toEqual([]);
    const seen = new Set(['new']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const s of [...seen])
        for (const n of NEXT_STATUS[s as keyof typeof NEXT_STATUS])
          if (!seen.has(n)) {
            seen.add(n);
            changed = true;
          }
    }
    expect([...seen].sort()).toEqual([...WORK_ORDER_STATUSES].sort());
  });
});

describe('monthly statements', () => {
  it('split the year’s fixed costs into twelve months and among the partners to the cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 500 })), {
          minLength: 1,
          maxLength: 50,
        }),
        fc.constantFrom(...ALLOCATION_KEYS),
        fc.integer({ min: 0, max: 5_000 }),
        (fixed, ps, key, rate) => {
          const partners = ps.map(([pop, orders]) => partner(pop, orders));
          let year = 0;
          for (let month = 1; month <= 12; month++) {
            const lines = monthlyStatement({
              fixedCentsPerYear: fixed,
              month,
              allocation: { key, unit: 'work_orders', baseShare: 0.3 },
              partners,
              ratesPerUnit: { work_orders: rate },
              use: ps.map(([, orders]) => ({ units: { work_orders: orders }, correctionCents: 0 })),
            });
            year += lines.reduce((s, l) => s + l.baseCents, 0);
            for (const [i, l] of lines.entries()) {
              expect(l.usageCents).toBe(ps[i]![1] * rate);
              expect(l.totalCents).toBe(l.baseCents + l.usageCents + l.correctionCents);
            }
          }
          expect(year).toBe(fixed);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('carries a correction of a closed month into the next statement', () => {
    const lines = monthlyStatement({
      fixedCentsPerYear: 1_200_000,
      month: 2,
      allocation: { key: 'equal', unit: 'work_orders', baseShare: 0 },
      partners: [partner(1_000, 0), partner(2_000, 0)],
      ratesPerUnit: { work_orders: 2_500, hours: 5_500 },
      use: [
        { units: { work_orders: 10, hours: 2 }, correctionCents: -2_500 },
        { units: {}, correctionCents: 0 },
      ],
    });
    expect(lines[0]).toEqual({ baseCents: 50_000, usageCents: 36_000, correctionCents: -2_500, totalCents: 83_500 });
    expect(lines[1]).toEqual({ baseCents: 50_000, usageCents: 0, correctionCents: 0, totalCents: 50_000 });
  });
});

describe('billing months', () => {
  it('count months across years and bill facts of closed months as corrections of the first open one', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(monthOf(new Date('2027-02-28T23:00:00Z'))).toBe('2027-02');
    expect(billedMonth('2026-12', '2026-12')).toEqual({ month: '2026-12', correctionOf: null });
    expect(billedMonth('2027-01', '2026-12')).toEqual({ month: '2027-01', correctionOf: null });
    expect(billedMonth('2026-10', '2026-12')).toEqual({ month: '2026-12', correctionOf: '2026-10' });
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -50, max: 50 }),
        (y, m, n) => {
          const month = `${y}-${String(m).padStart(2, '0')}`;
          expect(addMonths(addMonths(month, n), -n)).toBe(month);
          expect(addMonths(month, n) > month).toBe(n > 0);
          const b = billedMonth(addMonths(month, n), month);
          expect(b.month >= month).toBe(true);
          expect(b.correctionOf !== null).toBe(n < 0);
        },
      ),
    );
  });

  it('price time by the pay group and charge material at cost', () => {
    expect(timeCents(90, 6_000)).toBe(9_000);
    expect(timeCents(1, 5_000)).toBe(83);
    const [line] = monthlyStatement({
      fixedCentsPerYear: 0,
      month: 1,
      allocation: { key: 'equal', unit: 'work_orders', baseShare: 0 },
      partners: [partner(1000, 1)],
      ratesPerUnit: { work_orders: 2_000, hours: 5_000 },
      use: [{ units: usedUnits({ orders: 3, minutes: 90 }), materialCents: 1_234, correctionCents: -500 }],
    });
    expect(line).toEqual({
      baseCents: 0,
      usageCents: 3 * 2_000 + 7_500 + 1_234,
      correctionCents: -500,
      totalCents: 14_234,
    });
  });
});
