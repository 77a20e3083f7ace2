import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, type TestContext } from '../../../test/helpers.js';

/** Findings of the security review (issue 15) in the exchange, each written as the attack. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function municipalityWithCoordinator(population = 7_500) {
  const m = await buildMunicipality(ctx.db, { population });
  const u = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
  return { m, u, c: await login(ctx.app, u.email) };
}

/** Publishes a new project of the client's municipality and returns the publication id. */
async function publish(c: Client, title: string, over: Record<string, unknown> = {}) {
  const projectId = (await c.post('/api/v1/projects', { title })).json().id as string;
  const res = await c.put(`/api/v1/projects/${projectId}/publication`, {
    version: 0,
    visibility: 'all',
    title,
    problem: `${title}: Das Problem in unserer Verwaltung.`,
    stage: 'running',
    contactRole: 'Hauptamt',
    ...over,
  });
  expect(res.statusCode).toBe(200);
  return res.json().publicationId as string;
}

describe('lighthouse marks', () => {
  it('a coordinator cannot make its own entry a lighthouse through a network it founded', async () => {
    const own = await municipalityWithCoordinator();
    const pub = await publish(own.c, 'Eigenlob Bürgerportal');
    const net = (await own.c.post('/api/v1/networks', { name: 'Zirkel der Eigenen', type: 'circle' })).json().id;
    const founder = await login(ctx.app, own.u.email); // a new session knows the moderated network
    const res = await founder.put(`/api/v1/exchange/${pub}/lighthouse/${net}`);
    expect(res.statusCode).toBe(403);
    expect(await ctx.db.selectFrom('lighthouseMarks').selectAll().where('publicationId', '=', pub).execute()).toEqual(
      [],
    );
  });

  it('needs at least three accepted member municipalities; invitations do not count', async () => {
    const mod = await buildUser(ctx.db);
    const p = await municipalityWithCoordinator();
    const q = await municipalityWithCoordinator();
    const pub = await publish(p.c, 'Kleiner Zirkel Dorf-App');
    const net = await buildNetwork(ctx.db, mod.id, [p.m.id, q.m.id]);
    const moderator = await login(ctx.app, mod.email);
    const r = await municipalityWithCoordinator();
    await moderator.post(`/api/v1/networks/${net.id}/members`, {
      municipalityId: r.m.id,
      joinedOn: new Date().toISOString().slice(0, 10),
    });
    const small = await moderator.put(`/api/v1/exchange/${pub}/lighthouse/${net.id}`);
    expect(small.statusCode).toBe(403);
    expect(small.json().errors[0]).toMatchObject({ path: 'networkId', code: 'lighthouse_small_network' });
    expect(small.json().errors[0].message).toContain('mindestens 3 Mitgliedskommunen');
    // once the third municipality has accepted, the network may judge
    await r.c.post(`/api/v1/network-memberships/${net.id}/accept`, { version: 1 });
    const ok = await moderator.put(`/api/v1/exchange/${pub}/lighthouse/${net.id}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().lighthouse).toEqual([{ networkId: net.id, network: net.name }]);
  });

  it('never for an entry of a municipality the moderator belongs to, whichever is active', async () => {
    const p = await municipalityWithCoordinator();
    const other = await municipalityWithCoordinator();
    // the moderator works for the publishing municipality, but is signed in for another one
    await ctx.db
      .insertInto('memberships')
      .values({ userId: other.u.id, municipalityId: p.m.id, role: 'staff' })
      .execute();
    const pub = await publish(p.c, 'Eigene Kommune Ratsinfo');
    const q = await municipalityWithCoordinator();
    const net = await buildNetwork(ctx.db, other.u.id, [p.m.id, q.m.id, other.m.id]);
    const moderator = await login(ctx.app, other.u.email);
    const res = await moderator.put(`/api/v1/exchange/${pub}/lighthouse/${net.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].code).toBe('lighthouse_own_municipality');
  });

  it('lifts the entry only for members of the marking network', async () => {
    const mod = await buildUser(ctx.db);
    const p = await municipalityWithCoordinator();
    const q = await municipalityWithCoordinator();
    const r = await municipalityWithCoordinator();
    const outsider = await municipalityWithCoordinator();
    const word = `Leuchtfeuer${Date.now().toString(36)}`;
    const marked = await publish(p.c, `${word} Terminbuchung`);
    const newer = await publish(outsider.c, `${word} Terminbuchung neu`);
    const net = await buildNetwork(ctx.db, mod.id, [p.m.id, q.m.id, r.m.id]);
    const moderator = await login(ctx.app, mod.email);
    expect((await moderator.put(`/api/v1/exchange/${marked}/lighthouse/${net.id}`)).statusCode).toBe(200);

    // a member of the network: the marked entry first, shown as lighthouse
    const inside = (await q.c.get(`/api/v1/exchange?q=${word}`)).json();
    expect(inside.items.map((i: { id: string }) => i.id)).toEqual([marked, newer]);
    expect(inside.items[0].lighthouse).toBe(true);
    expect((await q.c.get(`/api/v1/exchange?lighthouse=true&q=${word}`)).json().total).toBe(1);
    // everyone else: no boost, no lighthouse badge, no mark in the detail
    const stranger = await municipalityWithCoordinator();
    const outside = (await stranger.c.get(`/api/v1/exchange?q=${word}`)).json();
    expect(outside.items.map((i: { id: string }) => i.id)).toEqual([newer, marked]);
    expect(outside.items.every((i: { lighthouse: boolean }) => !i.lighthouse)).toBe(true);
    expect((await stranger.c.get(`/api/v1/exchange?lighthouse=true&q=${word}`)).json().total).toBe(0);
    expect((await stranger.c.get(`/api/v1/exchange/${marked}`)).json().lighthouse).toEqual([]);
  });
});
