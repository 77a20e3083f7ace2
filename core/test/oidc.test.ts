import { describe, expect, it } from 'vitest';
import { claimValues, mapClaims, safeReturnPath } from '../src/domain/oidc.js';

const rules = [
  { claim: 'groups', value: 'dz-ploen', ags: '01057062', role: 'staff' as const },
  { claim: 'groups', value: 'dz-ploen-admin', ags: '01057062', role: 'admin' as const },
  { claim: 'groups', value: '/kreis/uslar', ags: '03155012', role: 'coordinator' as const },
  { claim: 'department', value: 'Rat', ags: '09175115', role: 'council' as const },
];

describe('claim mapping', () => {
  it('reads a nested claim by its dotted path (Keycloak realm roles)', () => {
    const claims = { realm_access: { roles: ['dz-ploen', 'offline_access'] }, 'x.y': 'flat' };
    expect(claimValues(claims, 'realm_access.roles')).toEqual(['dz-ploen', 'offline_access']);
    expect(claimValues(claims, 'x.y')).toEqual(['flat']);
    expect(claimValues(claims, 'realm_access.missing')).toEqual([]);
    expect(claimValues({ a: ['x'] }, 'a.0')).toEqual([]);
  });

  it('maps group values to municipalities, the strongest role winning', () => {
    const m = mapClaims({ groups: ['dz-ploen', 'dz-ploen-admin', '/kreis/uslar', 'other'] }, rules);
    expect(Object.fromEntries(m)).toEqual({ '01057062': 'admin', '03155012': 'coordinator' });
  });
  it('reads a single string claim and ignores claims that are missing or of another shape', () => {
    expect(Object.fromEntries(mapClaims({ department: 'Rat' }, rules))).toEqual({ '09175115': 'council' });
    expect(mapClaims({}, rules).size).toBe(0);
    expect(mapClaims({ groups: { nested: 'dz-ploen' } }, rules).size).toBe(0);
    expect(claimValues({ groups: ['a', 1, null, { x: 1 }] }, 'groups')).toEqual(['a', '1']);
  });
  it('continues only at a path of this app', () => {
    expect(safeReturnPath('/projekte?x=1')).toBe('/projekte?x=1');
    for (const bad of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'projekte',
      '',
      undefined,
      '/a\nb',
    ])
      expect(safeReturnPath(bad)).toBe('/');
    // a Location header is ASCII: other characters percent-encoded, encoded ones left as they are
    expect(safeReturnPath('/€')).toBe('/%E2%82%AC');
    expect(safeReturnPath('/\u3000/evil')).toBe('/%E3%80%80/evil');
    expect(safeReturnPath('/hilfen?q=K%C3%BCche&modul=finance')).toBe('/hilfen?q=K%C3%BCche&modul=finance');
    expect(safeReturnPath('/hilfen?q=Küche')).toBe('/hilfen?q=K%C3%BCche');
    expect(safeReturnPath('/\ud800')).toBe('/');
    // every answer is a header-safe same-origin path
    for (const p of ['/a b', '/ä/ö?ü=ß#x', '/%2F%2Fevil', '/./\\evil'])
      expect(safeReturnPath(p)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
  });
});
