import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arsConsistencyIssue } from '../src/contracts/municipalities.js';
import {
  agsFromArs,
  agsProblem,
  arsFromAgs,
  arsProblem,
  byLandOrder,
  kreisKeyOf,
  LAENDER,
  LAND_CODES,
  LAND_LIST,
  landOf,
  landRank,
} from '../src/domain/ags.js';

const land = fc.integer({ min: 1, max: 16 }).map((n) => String(n).padStart(2, '0'));
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const validAgs = fc.tuple(land, digits(6)).map(([l, r]) => l + r);

describe('AGS and ARS', () => {
  it('accepts real keys', () => {
    expect(agsProblem('01057057')).toBeNull(); // Plön
    expect(arsProblem('010570057057', '01057057')).toBeNull();
    expect(landOf('09175115')).toBe('Bayern');
    expect(kreisKeyOf('09175115')).toBe('09175');
  });

  it('rejects wrong length, non-digits and Land prefixes outside 01–16', () => {
    expect(agsProblem('1057057')).toBe('format');
    expect(agsProblem('0105705a')).toBe('format');
    expect(agsProblem('00057057')).toBe('land');
    expect(agsProblem('17057057')).toBe('land');
    expect(arsProblem('01057005705')).toBe('format');
    expect(arsProblem('990570057057')).toBe('land');
    expect(arsProblem('010570057058', '01057057')).toBe('mismatch');
  });

  it('round-trips: AGS = ARS[1–5] + ARS[10–12] for any Verband part', () => {
    fc.assert(
      fc.property(validAgs, digits(4), (ags, verband) => {
        const ars = arsFromAgs(ags, verband);
        return (
          ars.length === 12 && agsFromArs(ars) === ags && arsProblem(ars, ags) === null && agsProblem(ags) === null
        );
      }),
    );
  });

  it('names the problem of an ARS that contradicts the AGS (used for field errors)', () => {
    expect(arsConsistencyIssue('010570057999', '01057057')).toBe('ars_mismatch');
    expect(arsConsistencyIssue('0105700570', '01057057')).toBe('ars_format');
    expect(arsConsistencyIssue('990570057057', '01057057')).toBe('ars_land');
    expect(arsConsistencyIssue('010570057057', '01057057')).toBeNull();
    expect(arsConsistencyIssue(null, '01057057')).toBeNull();
  });

  it('accepts exactly the ARS that belong to an AGS', () => {
    fc.assert(
      fc.property(validAgs, digits(4), validAgs, (ags, verband, other) => {
        const ars = arsFromAgs(ags, verband);
        return (
          arsConsistencyIssue(ars, ags) === null &&
          (other === ags || arsConsistencyIssue(ars, other) === 'ars_mismatch')
        );
      }),
    );
  });
});

describe('Länder in the official order', () => {
  it('sorts codes and names by Land key, Schleswig-Holstein first and Thüringen last, unknown ones after', () => {
    expect(['Thüringen', 'Bayern', 'Schleswig-Holstein', 'Hessen', 'unbekannt'].sort(byLandOrder)).toEqual([
      'Schleswig-Holstein',
      'Hessen',
      'Bayern',
      'Thüringen',
      'unbekannt',
    ]);
    expect(['16', '09', '01', '13'].sort(byLandOrder)).toEqual(['01', '09', '13', '16']);
    expect(LAND_LIST.map((l) => landRank(l.name))).toEqual([...Array(16).keys()]);
    expect(LAND_CODES).toEqual(Object.keys(LAENDER).sort());
    expect(LAND_LIST[0]?.name).toBe('Schleswig-Holstein');
    expect(LAND_LIST.at(-1)?.name).toBe('Thüringen');
  });
});
