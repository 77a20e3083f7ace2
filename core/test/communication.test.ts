import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMUNICATION_PHASES,
  COMMUNICATION_TEMPLATES,
  nextQuarter,
  occurrences,
  previousQuarter,
  quarterOf,
  quarterRange,
} from '../src/index.js';

describe('communication plan', () => {
  it('has three to five template items per phase, each with a message', () => {
    for (const phase of COMMUNICATION_PHASES) {
      const items = COMMUNICATION_TEMPLATES[phase];
      expect(items.length, phase).toBeGreaterThanOrEqual(3);
      expect(items.length, phase).toBeLessThanOrEqual(5);
      for (const i of items) expect(i.message.length).toBeGreaterThan(10);
    }
    // before go-live everything lies before the anchor date, after go-live everything after it
    expect(COMMUNICATION_TEMPLATES.before_go_live.every((i) => i.offsetDays < 0)).toBe(true);
    expect(COMMUNICATION_TEMPLATES.after_go_live.every((i) => i.offsetDays > 0)).toBe(true);
  });

  it('lists the days a recurring item falls due, up to a limit', () => {
    expect(occurrences('2027-01-31', 'once', '2026-01-01')).toEqual(['2027-01-31']);
    expect(occurrences('2027-01-06', 'weekly', '2027-01-27')).toEqual([
      '2027-01-06',
      '2027-01-13',
      '2027-01-20',
      '2027-01-27',
    ]);
    // the end of a month stays the end of a shorter month, without drifting
    expect(occurrences('2027-01-31', 'monthly', '2027-04-30')).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
    ]);
    expect(occurrences('2027-11-30', 'quarterly', '2028-12-31')).toEqual([
      '2027-11-30',
      '2028-02-29',
      '2028-05-30',
      '2028-08-30',
      '2028-11-30',
    ]);
    expect(occurrences('2027-03-01', 'monthly', '2027-02-01')).toEqual(['2027-03-01']);
  });
});

describe('quarters of the progress report', () => {
  it('every day falls into the quarter whose range holds it; the quarter before joins up without a gap', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const q = quarterOf(day).key;
        const r = quarterRange(q);
        expect(r.from <= day && day <= r.to).toBe(true);
        const before = quarterRange(previousQuarter(q));
        const next = new Date(`${before.to}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(next.toISOString().slice(0, 10)).toBe(r.from);
      }),
    );
    expect(quarterRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31', label: 'Q4/2026' });
    expect(quarterRange('2028-Q1').to).toBe('2028-03-31');
    expect(previousQuarter('2027-Q1')).toBe('2026-Q4');
    expect(nextQuarter('2026-Q4')).toBe('2027-Q1');
    expect(nextQuarter(previousQuarter('2026-Q2'))).toBe('2026-Q2');
  });
});
