import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centsToInput,
  fmtCount,
  fmtDate,
  fmtDateTime,
  fmtDecimal,
  fmtEuro,
  fmtEuroThousands,
  fmtNumber,
  fmtPercent,
  fmtPeriod,
  inputToCents,
  numberToInput,
  parseGermanNumber,
} from '../src/domain/format.js';

const NBSP = '\u00a0';
/** Decimals after the comma of a formatted German number. */
const decimals = (s: string) => s.split(',')[1]?.replace(/\D.*$/, '').length ?? 0;
/** The number part: digits in groups of three separated by '.', an optional decimal comma. */
const GERMAN = /^-?\d{1,3}(\.\d{3})*(,\d+)?$/;

describe('German numbers', () => {
  it('uses the point for thousands and the comma for decimals', () => {
    expect(fmtNumber(3000)).toBe('3.000');
    expect(fmtNumber(2.6666)).toBe('2,67');
    expect(fmtNumber(38080)).toBe('38.080');
    expect(fmtNumber(1234567.891)).toBe('1.234.567,89');
    expect(fmtNumber(3, 1)).toBe('3,0');
    expect(fmtNumber(57.84, 1)).toBe('57,8');
    expect(fmtDecimal(2, 1)).toBe('2');
    expect(fmtDecimal(-0.04, 1)).toBe('0');
    expect(fmtNumber(null)).toBe('–');
    expect(fmtNumber(Number.NaN)).toBe('–');
  });

  it('never shows a float artefact (the discount rate once showed 0,8999999999999999)', () => {
    expect(fmtNumber(0.009 * 100)).toBe('0,9');
    expect(numberToInput(0.009 * 100)).toBe('0,9');
    expect(numberToInput(0.1 + 0.2)).toBe('0,3');
    expect(fmtPercent(0.009)).toBe(`0,9${NBSP}%`);
    expect(fmtPercent(0.5)).toBe(`50${NBSP}%`);
    expect(numberToInput(null)).toBe('');
  });

  it('formats euros from cents, whole or with cents, with the unit kept on the line', () => {
    expect(fmtEuro(123456)).toBe(`1.234,56${NBSP}€`);
    expect(fmtEuro(123456, true)).toBe(`1.235${NBSP}€`);
    expect(fmtEuro(3808000, true)).toBe(`38.080${NBSP}€`);
    expect(fmtEuro(-641217)).toBe(`-6.412,17${NBSP}€`);
    expect(fmtEuro(0)).toBe(`0,00${NBSP}€`);
    expect(fmtEuroThousands(3808000)).toBe(`38${NBSP}Tsd.${NBSP}€`);
    expect(fmtEuro(undefined)).toBe('–');
  });

  it('property: never more decimals than intended, grouping by "." and decimal ","', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        const fixed = fmtNumber(n, d);
        const upTo = fmtDecimal(n, d);
        const free = fmtNumber(n);
        for (const s of [fixed, upTo, free]) expect(s).toMatch(GERMAN);
        expect(decimals(fixed)).toBe(d);
        expect(decimals(upTo)).toBeLessThanOrEqual(d);
        expect(decimals(free)).toBeLessThanOrEqual(2);
        expect(upTo.endsWith(',') || /,\d*0$/.test(upTo)).toBe(false);
      }),
    );
  });

  it('property: euros always have two decimals (or none when whole) and read back to the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        const s = fmtEuro(cents);
        expect(s.endsWith(`${NBSP}€`)).toBe(true);
        expect(s.slice(0, -2)).toMatch(GERMAN);
        expect(decimals(s)).toBe(2);
        expect(decimals(fmtEuro(cents, true))).toBe(0);
        expect(inputToCents(s)).toBe(cents);
        expect(inputToCents(centsToInput(cents))).toBe(cents);
      }),
    );
  });

  it('property: an input value parses back to the number rounded to its decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        const back = parseGermanNumber(numberToInput(n, 2));
        expect(back).not.toBeNull();
        expect(Math.abs((back as number) - n)).toBeLessThanOrEqual(0.005 + 1e-9 * Math.abs(n));
      }),
    );
  });

  it('parses German input and rejects what is not a number', () => {
    expect(parseGermanNumber('1.234,56')).toBe(1234.56);
    // a decimal point is refused, never read as thousands (16.8 would become 168)
    expect(parseGermanNumber('16.8')).toBeNaN();
    expect(parseGermanNumber('1.23')).toBeNaN();
    expect(parseGermanNumber('1.234.567')).toBe(1234567);
    expect(parseGermanNumber('94,30 €')).toBe(94.3);
    expect(parseGermanNumber(',5')).toBe(0.5);
    expect(parseGermanNumber('-')).toBeNaN();
    expect(parseGermanNumber(' 10.000 € ')).toBe(10000);
    expect(parseGermanNumber('0,9')).toBe(0.9);
    expect(parseGermanNumber('-5')).toBe(-5);
    expect(parseGermanNumber('')).toBeNull();
    expect(parseGermanNumber('zehn')).toBeNaN();
    expect(parseGermanNumber('1e3')).toBeNaN();
    expect(inputToCents('12,345')).toBe(1235);
    expect(inputToCents('')).toBeNull();
    expect(inputToCents('abc')).toBeNaN();
  });
});

describe('German counts', () => {
  it('put the noun in singular for one only', () => {
    expect(fmtCount(1, 'Person', 'Personen')).toBe('1 Person');
    expect(fmtCount(0, 'Person', 'Personen')).toBe('0 Personen');
    expect(fmtCount(1200, 'Person', 'Personen')).toBe('1.200 Personen');
  });
});

describe('German dates', () => {
  it('shows plain dates without a time-zone shift and timestamps in German time', () => {
    expect(fmtDate('2026-06-10')).toBe('10.06.2026');
    expect(fmtDate('2026-01-01')).toBe('01.01.2026');
    // 23:30 UTC on 31 December is already New Year in Germany
    expect(fmtDate('2026-12-31T23:30:00Z')).toBe('01.01.2027');
    expect(fmtDateTime('2026-06-10T12:32:00Z')).toBe('10.06.2026, 14:32');
    expect(fmtDate(null)).toBe('–');
    expect(fmtDate('kein Datum')).toBe('–');
  });

  it('writes a period in words when a date is missing, never "– – –"', () => {
    const words = { open: 'offen', from: (d: string) => `ab ${d}`, until: (d: string) => `bis ${d}` };
    expect(fmtPeriod('2026-06-01', '2026-07-31', words)).toBe('01.06.2026 – 31.07.2026');
    expect(fmtPeriod('2026-06-01', null, words)).toBe('ab 01.06.2026');
    expect(fmtPeriod(undefined, '2026-07-31', words)).toBe('bis 31.07.2026');
    expect(fmtPeriod(null, null, words)).toBe('offen');
  });
});
