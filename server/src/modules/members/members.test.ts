import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import {
  clientFromCookie,
  createTestContext,
  lastMailLink,
  login,
  sessionCookie,
  type TestContext,
} from '../../../test/helpers.js';
import { newId as newIdForTest } from '../../lib/ids.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function tenant(role: 'admin' | 'coordinator' | 'staff' | 'council' | 'mayor' = 'admin') {
  const m = await buildMunicipality(ctx.db);
  const u = await buildUser(ctx.db, { municipalityId: m.id, role });
  return { m, u, c: await login(ctx.app, u.email) };
}

describe('invitations', () => {
  it('invites by email; the single-use link creates the account with the role and signs in', async () => {
    const { m, c } = await tenant('coordinator');
    const res = await c.post('/api/v1/invitations', { email: 'Neue.Kollegin@Example.org', role: 'staff' });
    expect(res.statusCode).toBe(201);
    const { link, text } = await lastMailLink(ctx.outbox, 'neue.kollegin@example.org');
    expect(text).toContain('Einladung');
    const token = new URL(link).searchParams.get('token')!;
    const info = await ctx.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${token}` });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ email: 'neue.kollegin@example.org', role: 'staff', existingUser: false });
    const accept = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept',
      payload: { token, name: 'Nina Neu', password: 'mein sicheres passwort' },
    });
    expect(accept.statusCode).toBe(200);
    const newbie = await clientFromCookie(ctx.app, sessionCookie(accept));
    const s = (await newbie.get('/api/v1/auth/session')).json();
    expect(s.activeMunicipalityId).toBe(m.id);
    expect(s.roles).toEqual(['staff']);
    const reuse = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept',
      payload: { token, name: 'Nochmal', password: 'mein sicheres passwort' },
    });
    expect(reuse.statusCode).toBe(404);
    // the accept page says so on load, before anything is typed: this link was used, sign in instead
    const used = await ctx.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${token}` });
    expect(used.statusCode).toBe(404);
    expect(used.json()).toMatchObject({ code: 'token_invalid', reason: 'used' });
    const unknown = await ctx.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${'u'.repeat(43)}` });
    expect(unknown.json().reason).toBe('unknown');
    const members = (await c.get('/api/v1/members')).json();
    expect(
      members.items.some(
        (x: { email: string; role: string }) => x.email === 'neue.kollegin@example.org' && x.role === 'staff',
      ),
    ).toBe(true);
  });

  it('adds an existing account to a second municipality after checking its password', async () => {
    const { c } = await tenant('admin');
    const other = await tenant('coordinator');
    await c.post('/api/v1/invitations', { email: other.u.email, role: 'mayor' });
    const token = new URL((await lastMailLink(ctx.outbox, other.u.email)).link).searchParams.get('token')!;
    const info = (await ctx.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${token}` })).json();
    expect(info.existingUser).toBe(true);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept',
      payload: { token, name: 'x x', password: 'falsches passwort' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept',
      payload: { token, name: 'x x', password: 'correct horse battery staple' },
    });
    expect(ok.statusCode).toBe(200);
    const s = (await (await clientFromCookie(ctx.app, sessionCookie(ok))).get('/api/v1/auth/session')).json();
    expect(s.municipalities).toHaveLength(2);
  });

  it('lets a revoked invitation no longer be used', async () => {
    const { c } = await tenant('admin');
    const { id } = (await c.post('/api/v1/invitations', { email: 'widerruf@example.org', role: 'council' })).json();
    const token = new URL((await lastMailLink(ctx.outbox, 'widerruf@example.org')).link).searchParams.get('token')!;
    expect((await c.del(`/api/v1/invitations/${id}`)).statusCode).toBe(200);
    const revoked = await ctx.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${token}` });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json().reason).toBe('revoked');
    const list = (await c.get('/api/v1/invitations')).json();
    expect(list.items.find((i: { id: string }) => i.id === id).revokedAt).not.toBeNull();
  });

  it('rejects bad input and forbids staff, council and mayor to invite', async () => {
    const { c } = await tenant('admin');
    const bad = await c.post('/api/v1/invitations', { email: 'kein-at-zeichen', role: 'boss' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.role']));
    for (const role of ['staff', 'council', 'mayor'] as const) {
      const t = await tenant(role);
      expect(
        (await t.c.post('/api/v1/invitations', { email: `x-${role}@example.org`, role: 'staff' })).statusCode,
      ).toBe(403);
    }
  });

  it('lets only admins grant the admin role', async () => {
    const { c } = await tenant('coordinator');
    expect((await c.post('/api/v1/invitations', { email: 'chef@example.org', role: 'admin' })).statusCode).toBe(403);
  });
});

describe('onboarding by the platform administration', () => {
  it('invites the first admin of a municipality without members; the invitee then runs it', async () => {
    const platform = await login(ctx.app, (await buildUser(ctx.db, { isPlatformAdmin: true })).email);
    const fresh = await buildMunicipality(ctx.db);
    const res = await platform.post(`/api/v1/municipalities/${fresh.id}/invitations`, {
      email: 'hauptamt@neu.example',
      role: 'admin',
    });
    expect(res.statusCode).toBe(201);
    const { link, text } = await lastMailLink(ctx.outbox, 'hauptamt@neu.example');
    expect(text).toContain('Rolle: Administrator/in');
    const token = new URL(link).searchParams.get('token')!;
    const accept = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept',
      payload: { token, name: 'Hanna Hauptamt', password: 'erste administration' },
    });
    expect(accept.statusCode).toBe(200);
    const admin = await clientFromCookie(ctx.app, sessionCookie(accept));
    expect((await admin.get('/api/v1/auth/session')).json()).toMatchObject({
      activeMunicipalityId: fresh.id,
      roles: ['admin'],
    });
    expect(
      (
        await platform.post(`/api/v1/municipalities/${newIdForTest()}/invitations`, {
          email: 'x@example.org',
          role: 'admin',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('is refused to municipality admins', async () => {
    const { c } = await tenant('admin');
    const other = await buildMunicipality(ctx.db);
    expect(
      (await c.post(`/api/v1/municipalities/${other.id}/invitations`, { email: 'x@example.org', role: 'admin' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('roles', () => {
  it('changes a role with optimistic locking: a stale version gets 409 with the current state', async () => {
    const { m, c } = await tenant('admin');
    const colleague = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
    const first = await c.patch(`/api/v1/members/${colleague.id}`, { role: 'coordinator', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ role: 'coordinator', departmentId: null, version: 2 });
    const stale = await c.patch(`/api/v1/members/${colleague.id}`, { role: 'council', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect(stale.json().current).toMatchObject({ role: 'coordinator', version: 2 });
  });

  it('records the department a member works in: own departments only, left out means unchanged', async () => {
    const { m, c } = await tenant('admin');
    const colleague = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
    const dept = await ctx.db
      .selectFrom('departments')
      .select('id')
      .where('municipalityId', '=', m.id)
      .executeTakeFirstOrThrow();
    const other = await buildMunicipality(ctx.db);
    const foreign = await ctx.db
      .selectFrom('departments')
      .select('id')
      .where('municipalityId', '=', other.id)
      .executeTakeFirstOrThrow();
    const bad = await c.patch(`/api/v1/members/${colleague.id}`, {
      role: 'staff',
      departmentId: foreign.id,
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'body.departmentId', code: 'unknown_department' });
    const set = await c.patch(`/api/v1/members/${colleague.id}`, { role: 'staff', departmentId: dept.id, version: 1 });
    expect(set.json()).toEqual({ role: 'staff', departmentId: dept.id, version: 2 });
    const kept = await c.patch(`/api/v1/members/${colleague.id}`, { role: 'coordinator', version: 2 });
    expect(kept.json().departmentId).toBe(dept.id);
    const list = (await c.get('/api/v1/members')).json().items;
    expect(list.find((x: { userId: string }) => x.userId === colleague.id).departmentId).toBe(dept.id);
  });

  it('concurrent role changes on the same version: exactly one wins, none is silently lost', async () => {
    const { m, c } = await tenant('admin');
    const colleague = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
    const results = await Promise.all(
      (['coordinator', 'council', 'mayor'] as const).map((role) =>
        c.patch(`/api/v1/members/${colleague.id}`, { role, version: 1 }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json().role;
    const now = (await c.get('/api/v1/members'))
      .json()
      .items.find((x: { userId: string }) => x.userId === colleague.id);
    expect(now.role).toBe(winner);
  });

  it('keeps the last admin and stops coordinators from touching admins', async () => {
    const { m, u, c } = await tenant('admin');
    expect((await c.patch(`/api/v1/members/${u.id}`, { role: 'staff', version: 1 })).statusCode).toBe(409);
    const coord = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
    const cc = await login(ctx.app, coord.email);
    expect((await cc.patch(`/api/v1/members/${u.id}`, { role: 'staff', version: 1 })).statusCode).toBe(403);
    expect((await cc.del(`/api/v1/members/${u.id}`)).statusCode).toBe(403);
  });

  it('removes a member, whose session then has no municipality', async () => {
    const { m, c } = await tenant('admin');
    const colleague = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
    const cs = await login(ctx.app, colleague.email);
    expect((await c.del(`/api/v1/members/${colleague.id}`)).statusCode).toBe(200);
    expect((await cs.get('/api/v1/dashboard')).statusCode).toBeGreaterThanOrEqual(401);
  });

  it('requires a session (401) and hides members from staff (403)', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/members' })).statusCode).toBe(401);
    const { c } = await tenant('staff');
    expect((await c.get('/api/v1/members')).statusCode).toBe(403);
  });
});
