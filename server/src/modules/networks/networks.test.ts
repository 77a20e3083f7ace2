import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import {
  clientFromCookie,
  createTestContext,
  lastMailLink,
  login,
  sessionCookie,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** Accepts the newest invitation mailed to an address, as the invitation page does. */
async function acceptLink(email: string, body: { name: string; password: string }) {
  const token = new URL(lastMailLink(ctx.outbox, email).link).searchParams.get('token')!;
  const info = await ctx.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${token}` });
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/invitations/accept',
    payload: { token, ...body },
  });
  return { info, res };
}

describe('networks', () => {
  it('a coordinator founds a network, moderates it and their municipality is a member', async () => {
    const m = await buildMunicipality(ctx.db);
    const u = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
    const c = await login(ctx.app, u.email);
    const res = await c.post('/api/v1/networks', {
      name: 'Kreiskooperation Test',
      type: 'district_cooperation',
      description: 'Gemeinsam',
    });
    expect(res.statusCode).toBe(201);
    const c2 = await login(ctx.app, u.email);
    const n = (await c2.get(`/api/v1/networks/${res.json().id}`)).json();
    expect(n.members.map((x: { municipalityId: string }) => x.municipalityId)).toEqual([m.id]);
    expect(n.moderators[0].userId).toBe(u.id);
    expect(n.can.manageMembers).toBe(true);
  });

  it('a moderator adds members, records leaving with a date and keeps the history', async () => {
    const mod = await buildUser(ctx.db);
    const a = await buildMunicipality(ctx.db);
    const b = await buildMunicipality(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, [a.id]);
    const c = await login(ctx.app, mod.email);
    const added = await c.post(`/api/v1/networks/${net.id}/members`, { municipalityId: b.id, joinedOn: '2025-02-01' });
    expect(added.statusCode).toBe(201);
    expect(
      (await c.post(`/api/v1/networks/${net.id}/members`, { municipalityId: b.id, joinedOn: '2025-02-01' })).statusCode,
    ).toBe(409);
    const early = await c.post(`/api/v1/networks/${net.id}/members/${b.id}/leave`, { leftOn: '2025-01-01' });
    expect(early.statusCode).toBe(400);
    const left = await c.post(`/api/v1/networks/${net.id}/members/${b.id}/leave`, { leftOn: '2026-03-31' });
    expect(left.statusCode).toBe(200);
    const members = left.json().members;
    expect(members.find((x: { municipalityId: string }) => x.municipalityId === b.id)).toMatchObject({
      joinedOn: '2025-02-01',
      leftOn: '2026-03-31',
    });
    // rejoining creates a new period
    await c.post(`/api/v1/networks/${net.id}/members`, { municipalityId: b.id, joinedOn: '2026-06-01' });
    const again = (await c.get(`/api/v1/networks/${net.id}`)).json();
    expect(again.members.filter((x: { municipalityId: string }) => x.municipalityId === b.id)).toHaveLength(2);
    expect(
      (await c.get('/api/v1/networks')).json().items.find((x: { id: string }) => x.id === net.id).memberCount,
    ).toBe(2);
  });

  it('members see the network but cannot manage it; outsiders get 404', async () => {
    const mod = await buildUser(ctx.db);
    const a = await buildMunicipality(ctx.db);
    const outsiderM = await buildMunicipality(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, [a.id]);
    const member = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: a.id, role: 'staff' })).email);
    const outsider = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: outsiderM.id, role: 'admin' })).email,
    );
    const view = await member.get(`/api/v1/networks/${net.id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().can.manageMembers).toBe(false);
    expect(view.json().moderators[0].email).toBe('');
    expect(
      (
        await member.post(`/api/v1/networks/${net.id}/members`, {
          municipalityId: outsiderM.id,
          joinedOn: '2025-01-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await outsider.get(`/api/v1/networks/${net.id}`)).statusCode).toBe(404);
    expect((await outsider.get('/api/v1/networks')).json().items.some((x: { id: string }) => x.id === net.id)).toBe(
      false,
    );
  });

  it('updates with version check and manages moderators (at least one stays)', async () => {
    const mod = await buildUser(ctx.db);
    const second = await buildUser(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, []);
    const c = await login(ctx.app, mod.email);
    const ok = await c.patch(`/api/v1/networks/${net.id}`, {
      version: 1,
      name: 'Vergleichsring Süd',
      type: 'benchmarking_ring',
      description: 'neu',
    });
    expect(ok.json()).toMatchObject({ name: 'Vergleichsring Süd', version: 2 });
    expect(
      (
        await c.patch(`/api/v1/networks/${net.id}`, {
          version: 1,
          name: 'Überschrieben',
          type: 'circle',
          description: '',
        })
      ).statusCode,
    ).toBe(409);
    expect((await c.post(`/api/v1/networks/${net.id}/moderators`, { email: second.email })).statusCode).toBe(202);
    await acceptLink(second.email, { name: 'egal', password: TEST_PASSWORD });
    expect((await c.del(`/api/v1/networks/${net.id}/moderators/${second.id}`)).statusCode).toBe(200);
    expect((await c.del(`/api/v1/networks/${net.id}/moderators/${mod.id}`)).statusCode).toBe(409);
  });

  it('staff cannot found networks', async () => {
    const m = await buildMunicipality(ctx.db);
    const c = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
    expect((await c.post('/api/v1/networks', { name: 'Mein Zirkel', type: 'circle' })).statusCode).toBe(403);
  });
});

describe('adding a moderator by email (security review, issue 15)', () => {
  it('answers the same whether an account exists, is already a moderator or does not exist', async () => {
    const mod = await buildUser(ctx.db);
    const known = await buildUser(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, []);
    const c = await login(ctx.app, mod.email);
    const url = `/api/v1/networks/${net.id}/moderators`;
    const answers = [];
    for (const email of [known.email, 'niemand-bekannt@example.org', mod.email]) {
      const r = await c.post(url, { email });
      answers.push({ status: r.statusCode, type: r.headers['content-type'], body: r.body });
    }
    expect(answers[0]).toEqual({ status: 202, type: 'application/json; charset=utf-8', body: '{"ok":true}' });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // nothing changes before the invited person agrees, so the list reveals nothing either
    const view = (await c.get(`/api/v1/networks/${net.id}`)).json();
    expect(view.moderators.map((m: { userId: string }) => m.userId)).toEqual([mod.id]);
  });

  it('an existing account accepts with its password and then moderates', async () => {
    const mod = await buildUser(ctx.db);
    const known = await buildUser(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, []);
    const c = await login(ctx.app, mod.email);
    await c.post(`/api/v1/networks/${net.id}/moderators`, { email: known.email });
    const wrong = await acceptLink(known.email, { name: 'egal', password: 'falsches passwort' });
    expect(wrong.info.json()).toMatchObject({
      kind: 'network_moderator',
      networkName: net.name,
      municipalityName: null,
      role: null,
      existingUser: true,
    });
    expect(wrong.res.statusCode).toBe(401);
    const { res } = await acceptLink(known.email, { name: 'egal', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const k = await clientFromCookie(ctx.app, sessionCookie(res));
    const s = (await k.get('/api/v1/auth/session')).json();
    expect(s.networks).toEqual([{ id: net.id, name: net.name, isModerator: true }]);
    expect((await k.get(`/api/v1/networks/${net.id}`)).json().can.manageModerators).toBe(true);
  });

  it('an unknown address gets an invitation that creates the account', async () => {
    const mod = await buildUser(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, []);
    const c = await login(ctx.app, mod.email);
    await c.post(`/api/v1/networks/${net.id}/moderators`, { email: 'neu.moderation@example.org' });
    const { info, res } = await acceptLink('neu.moderation@example.org', {
      name: 'Neue Moderation',
      password: 'ein gutes passwort',
    });
    expect(info.json().existingUser).toBe(false);
    expect(res.statusCode).toBe(200);
    const view = (await c.get(`/api/v1/networks/${net.id}`)).json();
    expect(view.moderators.map((m: { name: string }) => m.name)).toContain('Neue Moderation');
    // single use
    const again = await acceptLink('neu.moderation@example.org', { name: 'X Y', password: 'ein gutes passwort' });
    expect(again.res.statusCode).toBe(404);
  });
});
