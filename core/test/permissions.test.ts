import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  allows,
  canSchema,
  flagsOf,
  MUNICIPALITY_ACTIONS,
  MUNICIPALITY_ROLES,
  may,
  presentCan,
  type Resource,
  ROLE_MATRIX,
  RULES,
} from '../src/index.js';

const actor = (over: Partial<Actor> = {}): Actor => ({
  user: { id: 'me', isPlatformAdmin: false },
  municipalityId: 'm',
  roles: ['staff'],
  networkIds: [],
  moderatedNetworkIds: [],
  ...over,
});
const roleSets = fc.subarray([...MUNICIPALITY_ROLES]);

describe('permission model', () => {
  it('allows exactly what the role matrix grants', () => {
    fc.assert(
      fc.property(roleSets, fc.constantFrom(...MUNICIPALITY_ACTIONS), (roles, action) => {
        expect(allows({ roles }, action)).toBe(roles.some((r) => ROLE_MATRIX[action].includes(r)));
      }),
    );
  });

  it('gives every resource a typed can schema with exactly its flags', () => {
    for (const r of Object.keys(RULES) as Resource[]) {
      const keys = Object.keys(canSchema(r).shape).sort();
      expect(keys).toEqual([...flagsOf(r)].sort());
      expect(keys.length).toBeGreaterThan(0);
    }
  });

  it('never grants more to a smaller set of roles (flags are monotone in the roles)', () => {
    fc.assert(
      fc.property(roleSets, roleSets, (a, b) => {
        const small = actor({ roles: a });
        const big = actor({ roles: [...new Set([...a, ...b])] });
        const s = presentCan(small, 'project', { ownerId: 'me', onTeam: false });
        const l = presentCan(big, 'project', { ownerId: 'me', onTeam: false });
        for (const k of Object.keys(s) as (keyof typeof s)[]) if (s[k]) expect(l[k]).toBe(true);
      }),
    );
  });

  it('lets the council only read a project it owns, staff edit its own, coordinators every one', () => {
    const own = { ownerId: 'me', onTeam: false };
    const foreign = { ownerId: 'other', onTeam: false };
    expect(presentCan(actor({ roles: ['council'] }), 'project', own)).toEqual({
      edit: false,
      delete: false,
      comment: false,
    });
    expect(may(actor({ roles: ['staff'] }), 'project', 'edit', own)).toBe(true);
    expect(may(actor({ roles: ['staff'] }), 'project', 'edit', foreign)).toBe(false);
    expect(may(actor({ roles: ['staff'] }), 'project', 'edit', { ownerId: 'other', onTeam: true })).toBe(true);
    expect(may(actor({ roles: ['coordinator'] }), 'project', 'edit', foreign)).toBe(true);
  });

  it('lets only moderators of the network manage its surveys and workshops', () => {
    const s = { networkId: 'n', municipalityId: null, status: 'draft' };
    expect(may(actor({ roles: ['admin'] }), 'survey', 'manage', s)).toBe(false);
    expect(may(actor({ moderatedNetworkIds: ['n'] }), 'survey', 'manage', s)).toBe(true);
    expect(may(actor({ user: { id: 'x', isPlatformAdmin: true } }), 'workshop', 'manage', { networkId: 'n' })).toBe(
      true,
    );
  });

  it('shows results only after closing, and answering only to roles that may draft', () => {
    const base = { networkId: 'n', municipalityId: null, hasTarget: true, targeted: true, personal: false };
    const council = actor({ roles: ['council'] });
    expect(presentCan(council, 'surveyView', { ...base, status: 'open' })).toMatchObject({
      answer: false,
      results: false,
    });
    expect(presentCan(council, 'surveyView', { ...base, status: 'closed' }).results).toBe(true);
    expect(presentCan(council, 'surveyView', { ...base, status: 'open', personal: true }).answer).toBe(true);
  });
});
