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
    // the entry does not offer what the write refuses (was: can.lighthouseNetworks listed the network)
    expect((await moderator.get(`/api/v1/exchange/${pub}`)).json().can.lighthouseNetworks).toEqual([]);
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

describe('joint projects', () => {
  it('a joint project’s link never gives a partner outside the audience the entry’s title or id', async () => {
    const lead = await municipalityWithCoordinator();
    const partner = await municipalityWithCoordinator();
    const member = await municipalityWithCoordinator();
    const mod = await buildUser(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, [lead.m.id, member.m.id]);
    const lc = await login(ctx.app, lead.u.email); // a new session knows the network
    const title = `Vertrauliches Netzwerkprojekt ${Date.now().toString(36)}`;
    const pub = await publish(lc, title, { visibility: 'networks', networkIds: [net.id] });
    const jid = (
      await lc.post('/api/v1/joint-projects', {
        title: 'Gemeinsam mit Verweis',
        costKey: 'equal',
        costLines: [{ label: 'Lizenz', amountCents: 1_000 }],
        partners: [{ municipalityId: lead.m.id }, { municipalityId: partner.m.id }],
        publicationId: pub,
      })
    ).json().id as string;
    expect((await lc.get(`/api/v1/joint-projects/${jid}`)).json().publication).toEqual({ id: pub, title });
    const seen = await partner.c.get(`/api/v1/joint-projects/${jid}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().publication).toBeNull();
    expect(seen.body).not.toContain(title);
    expect(seen.body).not.toContain(pub);
    const list = await partner.c.get('/api/v1/joint-projects');
    expect(list.body).not.toContain(pub);
  });

  /** A joint project of two municipalities split by population, accepted by both. */
  async function agreedJoint() {
    const lead = await municipalityWithCoordinator(10_000);
    const partner = await municipalityWithCoordinator(30_000);
    const jid = (
      await lead.c.post('/api/v1/joint-projects', {
        title: 'Gemeinsame Software',
        costKey: 'population',
        costLines: [{ label: 'Lizenz', amountCents: 100_000 }],
        partners: [{ municipalityId: lead.m.id }, { municipalityId: partner.m.id }],
      })
    ).json().id as string;
    expect((await partner.c.post(`/api/v1/joint-projects/${jid}/answer`, { accept: true })).statusCode).toBe(200);
    return { lead, partner, jid };
  }
  const sharesOf = (d: { partners: { shareCents: number }[] }) => d.partners.map((p) => p.shareCents);

  it('freezes the shares once all partners accepted: a population change does not move them', async () => {
    const { lead, partner, jid } = await agreedJoint();
    const agreed = (await lead.c.get(`/api/v1/joint-projects/${jid}`)).json();
    expect(sharesOf(agreed)).toEqual([25_000, 75_000]);
    expect(agreed.shares).toMatchObject({ pending: false, outdated: false });
    expect(agreed.shares.agreedAt).not.toBeNull();
    // the lead's municipality grows (master data edit): the agreed shares stay
    await ctx.db.updateTable('municipalities').set({ population: 30_000 }).where('id', '=', lead.m.id).execute();
    for (const c of [lead.c, partner.c]) {
      const d = (await c.get(`/api/v1/joint-projects/${jid}`)).json();
      expect(sharesOf(d)).toEqual([25_000, 75_000]);
      expect(d.shares).toMatchObject({ pending: false, outdated: true });
    }
    expect((await partner.c.get('/api/v1/joint-projects')).json().items[0].myShareCents).toBe(75_000);
    // the partner cannot start a re-agreement, the lead can
    expect(agreed.can.proposeShares).toBe(false);
    expect((await partner.c.get(`/api/v1/joint-projects/${jid}`)).json().can.proposeShares).toBe(false);
    expect(
      (await partner.c.post(`/api/v1/joint-projects/${jid}/shares/propose`, { version: agreed.version })).statusCode,
    ).toBe(403);
  });

  it('changes shares only through a visible re-agreement that every partner accepts', async () => {
    const { lead, partner, jid } = await agreedJoint();
    await ctx.db.updateTable('municipalities').set({ population: 30_000 }).where('id', '=', lead.m.id).execute();
    const before = (await lead.c.get(`/api/v1/joint-projects/${jid}`)).json();
    expect(before.can.proposeShares).toBe(true);
    const proposed = await lead.c.post(`/api/v1/joint-projects/${jid}/shares/propose`, { version: before.version });
    expect(proposed.statusCode).toBe(200);
    const p = proposed.json();
    // the frozen shares are still shown, the proposal is pending
    expect(sharesOf(p)).toEqual([25_000, 75_000]);
    expect(p.partners.map((x: { proposedShareCents: number }) => x.proposedShareCents)).toEqual([50_000, 50_000]);
    expect(p.partners.map((x: { sharesAccepted: boolean }) => x.sharesAccepted)).toEqual([true, false]);
    expect(p.shares).toMatchObject({ pending: true, outdated: false });
    expect(p.version).toBe(before.version + 1);
    // proposing the same again changes nothing
    expect((await lead.c.post(`/api/v1/joint-projects/${jid}/shares/propose`, { version: p.version })).statusCode).toBe(
      409,
    );
    // the partner sees and accepts the proposal it has read (a stale version is refused)
    const seen = (await partner.c.get(`/api/v1/joint-projects/${jid}`)).json();
    expect(seen.can.acceptShares).toBe(true);
    expect(
      (await partner.c.post(`/api/v1/joint-projects/${jid}/shares/accept`, { version: before.version })).statusCode,
    ).toBe(409);
    const done = await partner.c.post(`/api/v1/joint-projects/${jid}/shares/accept`, { version: seen.version });
    expect(done.statusCode).toBe(200);
    expect(sharesOf(done.json())).toEqual([50_000, 50_000]);
    expect(done.json().shares).toMatchObject({ pending: false, outdated: false });
    expect(done.json().can.acceptShares).toBe(false);
  });

  it('a key change by the lead becomes a proposal, never silently the shares', async () => {
    const { lead, partner, jid } = await agreedJoint();
    const d = (await lead.c.get(`/api/v1/joint-projects/${jid}`)).json();
    const res = await lead.c.put(`/api/v1/joint-projects/${jid}`, {
      version: d.version,
      title: d.title,
      description: '',
      costKey: 'equal',
      costLines: d.costLines,
      partners: [{ municipalityId: lead.m.id }, { municipalityId: partner.m.id }],
    });
    expect(res.statusCode).toBe(200);
    expect(sharesOf(res.json())).toEqual([25_000, 75_000]);
    expect(res.json().shares.pending).toBe(true);
    const stmt = await partner.c.get(`/api/v1/joint-projects/${jid}/statement?format=xlsx`);
    expect(stmt.statusCode).toBe(200);
    // once the partner accepts, the new split applies
    const seen = (await partner.c.get(`/api/v1/joint-projects/${jid}`)).json();
    await partner.c.post(`/api/v1/joint-projects/${jid}/shares/accept`, { version: seen.version });
    expect(sharesOf((await lead.c.get(`/api/v1/joint-projects/${jid}`)).json())).toEqual([50_000, 50_000]);
  });
});
