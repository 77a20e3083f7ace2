import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import {
  type Client,
  clientFromCookie,
  createTestContext,
  lastMailLink,
  login,
  mailTexts,
  sessionCookie,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/helpers.js';

const TODAY = new Date().toISOString().slice(0, 10);
const IN_A_YEAR = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** Accepts the newest invitation mailed to an address, as the invitation page does. */
async function acceptLink(email: string, body: { name: string; password: string }) {
  const token = new URL((await lastMailLink(ctx.outbox, email)).link).searchParams.get('token')!;
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

  it('a moderator invites members, records leaving with a date and keeps the history', async () => {
    const mod = await buildUser(ctx.db);
    const a = await buildMunicipality(ctx.db);
    const b = await buildMunicipality(ctx.db);
    const bc = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: b.id, role: 'coordinator' })).email);
    const net = await buildNetwork(ctx.db, mod.id, [a.id]);
    const c = await login(ctx.app, mod.email);
    const added = await c.post(`/api/v1/networks/${net.id}/members`, { municipalityId: b.id, joinedOn: TODAY });
    expect(added.statusCode).toBe(201);
    expect(
      (await c.post(`/api/v1/networks/${net.id}/members`, { municipalityId: b.id, joinedOn: TODAY })).statusCode,
    ).toBe(409);
    const inv = (await bc.get('/api/v1/network-memberships')).json().items[0];
    expect((await bc.post(`/api/v1/network-memberships/${net.id}/accept`, { version: inv.version })).statusCode).toBe(
      200,
    );
    const early = await c.post(`/api/v1/networks/${net.id}/members/${b.id}/leave`, { leftOn: '2025-01-01' });
    expect(early.statusCode).toBe(400);
    const left = await c.post(`/api/v1/networks/${net.id}/members/${b.id}/leave`, { leftOn: IN_A_YEAR });
    expect(left.statusCode).toBe(200);
    const members = left.json().members;
    expect(members.find((x: { municipalityId: string }) => x.municipalityId === b.id)).toMatchObject({
      joinedOn: TODAY,
      leftOn: IN_A_YEAR,
      status: 'accepted',
    });
    // inviting again creates a new period once accepted
    await c.post(`/api/v1/networks/${net.id}/members`, { municipalityId: b.id, joinedOn: IN_A_YEAR });
    const again = (await c.get(`/api/v1/networks/${net.id}`)).json();
    expect(again.members.filter((x: { municipalityId: string }) => x.municipalityId === b.id)).toHaveLength(2);
    expect(
      (await c.get('/api/v1/networks')).json().items.find((x: { id: string }) => x.id === net.id).memberCount,
    ).toBe(1);
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

describe('membership needs the invited municipality’s consent (security review, issue 15)', () => {
  /** A coordinator founds a network and adds a foreign municipality with named staff. */
  async function foreignSetup() {
    const own = await buildMunicipality(ctx.db);
    const attacker = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: own.id, role: 'coordinator' })).email,
    );
    const foreign = await buildMunicipality(ctx.db);
    const fc = await buildUser(ctx.db, { municipalityId: foreign.id, role: 'coordinator' });
    const staffUser = await buildUser(ctx.db, {
      municipalityId: foreign.id,
      role: 'staff',
      name: `Vertrauliche Person ${foreign.ags}`,
    });
    const net = (await attacker.post('/api/v1/networks', { name: 'Eigener Zirkel', type: 'circle' })).json().id;
    return { own, attacker, foreign, fc, staffUser, net };
  }

  async function personSurvey(moderator: Client, net: string, title: string) {
    const id = (
      await moderator.post('/api/v1/surveys', { networkId: net, title, mode: 'person', source: 'template' })
    ).json().id as string;
    const opened = await moderator.post(`/api/v1/surveys/${id}/open`, { version: 1 });
    expect(opened.statusCode).toBe(200);
    return id;
  }

  const targetsOf = (surveyId: string, municipalityId: string) =>
    ctx.db
      .selectFrom('surveyTargets')
      .select('userId')
      .where('surveyId', '=', surveyId)
      .where('municipalityId', '=', municipalityId)
      .execute();

  it('adding a foreign municipality only invites it; a back-dated joining date is rejected', async () => {
    const { attacker, foreign, net } = await foreignSetup();
    const back = await attacker.post(`/api/v1/networks/${net}/members`, {
      municipalityId: foreign.id,
      joinedOn: '2020-01-01',
    });
    expect(back.statusCode).toBe(400);
    expect(back.json().errors[0]).toMatchObject({ path: 'body.joinedOn', code: 'joined_in_past' });
    const res = await attacker.post(`/api/v1/networks/${net}/members`, { municipalityId: foreign.id, joinedOn: TODAY });
    expect(res.statusCode).toBe(201);
    expect(res.json().members.find((m: { municipalityId: string }) => m.municipalityId === foreign.id)).toMatchObject({
      status: 'invited',
      staffSurveys: false,
    });
    expect(
      (await attacker.get('/api/v1/networks')).json().items.find((n: { id: string }) => n.id === net),
    ).toMatchObject({ memberCount: 1 });
    const rows = await ctx.db
      .selectFrom('networkMembers')
      .select(['status', 'joinedOn'])
      .where('networkId', '=', net)
      .where('municipalityId', '=', foreign.id)
      .execute();
    expect(rows).toEqual([{ status: 'invited', joinedOn: TODAY }]);
  });

  it('a person survey reaches a municipality’s staff only after it accepted and allowed staff surveys', async () => {
    const { attacker, foreign, fc, staffUser, net } = await foreignSetup();
    await attacker.post(`/api/v1/networks/${net}/members`, { municipalityId: foreign.id, joinedOn: TODAY });

    // invited only: no targets, no mail, no names
    const s1 = await personSurvey(attacker, net, 'Umfrage vor der Zustimmung');
    expect(await targetsOf(s1, foreign.id)).toEqual([]);
    expect((await mailTexts(ctx.outbox, staffUser.email)).some((m) => m.includes('Umfrage vor der Zustimmung'))).toBe(
      false,
    );
    const part1 = await attacker.get(`/api/v1/surveys/${s1}/participation`);
    expect(part1.body).not.toContain('Vertrauliche Person');

    // the invited municipality sees the invitation; the invitation mail went to its coordinator
    const invitation = (await mailTexts(ctx.outbox, fc.email)).find((m) => m.includes('Eigener Zirkel')) ?? '';
    // the link names the invited municipality, so a person with several lands in the right one
    expect(invitation).toMatch(/\/verbuende\?kommune=[0-9a-f-]{36}/);
    const coord = await login(ctx.app, fc.email);
    const staff = await login(ctx.app, staffUser.email);
    const list = (await coord.get('/api/v1/network-memberships')).json();
    expect(list.can.answer).toBe(true);
    expect(list.items).toEqual([
      expect.objectContaining({ networkId: net, name: 'Eigener Zirkel', status: 'invited', staffSurveys: false }),
    ]);
    // staff cannot answer for the municipality
    expect((await staff.post(`/api/v1/network-memberships/${net}/accept`, { version: 1 })).statusCode).toBe(403);
    const accepted = await coord.post(`/api/v1/network-memberships/${net}/accept`, { version: 1 });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().items[0]).toMatchObject({ status: 'accepted', staffSurveys: false, version: 2 });
    expect(accepted.json().items[0].joinedOn >= TODAY).toBe(true);
    expect((await coord.post(`/api/v1/network-memberships/${net}/accept`, { version: 2 })).statusCode).toBe(409);

    // accepted without consent to staff surveys: still no person targets, and the moderator sees why
    const s2 = await personSurvey(attacker, net, 'Umfrage ohne Einwilligung');
    expect(await targetsOf(s2, foreign.id)).toEqual([]);
    expect((await mailTexts(ctx.outbox, staffUser.email)).some((m) => m.includes('Umfrage ohne Einwilligung'))).toBe(
      false,
    );
    const part2 = (await attacker.get(`/api/v1/surveys/${s2}/participation`)).json();
    expect(part2.withoutStaffConsent).toBe(2); // the founder's own municipality has not allowed it either
    expect(JSON.stringify(part2)).not.toContain('Vertrauliche Person');

    // only the member municipality sets the flag — not the network's moderator
    expect(
      (await attacker.patch(`/api/v1/network-memberships/${net}`, { version: 2, staffSurveys: true })).statusCode,
    ).toBe(409); // the attacker's own membership has version 1; it cannot reach the foreign one
    expect(
      (
        await ctx.db
          .selectFrom('networkMembers')
          .select('staffSurveys')
          .where('networkId', '=', net)
          .where('municipalityId', '=', foreign.id)
          .executeTakeFirstOrThrow()
      ).staffSurveys,
    ).toBe(false);
    const allowed = await coord.patch(`/api/v1/network-memberships/${net}`, { version: 2, staffSurveys: true });
    expect(allowed.json().items[0]).toMatchObject({ staffSurveys: true, version: 3 });

    // with consent: the staff are surveyed
    const s3 = await personSurvey(attacker, net, 'Umfrage mit Einwilligung');
    expect((await targetsOf(s3, foreign.id)).map((t) => t.userId).sort()).toEqual(
      [
        staffUser.id,
        (await ctx.db.selectFrom('users').select('id').where('email', '=', fc.email).executeTakeFirstOrThrow()).id,
      ].sort(),
    );
    expect((await mailTexts(ctx.outbox, staffUser.email)).some((m) => m.includes('Umfrage mit Einwilligung'))).toBe(
      true,
    );
    expect((await attacker.get(`/api/v1/surveys/${s3}/participation`)).json().withoutStaffConsent).toBe(1);
  });

  it('an invitation counts nowhere until accepted; declining keeps it out, a new invitation is possible', async () => {
    const { attacker, foreign, fc, net } = await foreignSetup();
    await attacker.post(`/api/v1/networks/${net}/members`, { municipalityId: foreign.id, joinedOn: IN_A_YEAR });
    const coord = await login(ctx.app, fc.email);
    // not a member yet: the network stays hidden, the session lists no network
    expect((await coord.get(`/api/v1/networks/${net}`)).statusCode).toBe(404);
    expect((await coord.get('/api/v1/auth/session')).json().networks).toEqual([]);
    const declined = await coord.post(`/api/v1/network-memberships/${net}/decline`, { version: 1 });
    expect(declined.json().items).toEqual([]);
    expect((await coord.get(`/api/v1/networks/${net}`)).statusCode).toBe(404);
    // the moderator sees the answer and may invite again
    const view = (await attacker.get(`/api/v1/networks/${net}`)).json();
    expect(view.members.find((m: { municipalityId: string }) => m.municipalityId === foreign.id).status).toBe(
      'declined',
    );
    expect(
      (await attacker.post(`/api/v1/networks/${net}/members`, { municipalityId: foreign.id, joinedOn: TODAY }))
        .statusCode,
    ).toBe(201);
    // the moderator withdraws the open invitation
    const withdrawn = await attacker.post(`/api/v1/networks/${net}/members/${foreign.id}/leave`, { leftOn: TODAY });
    expect(withdrawn.statusCode).toBe(200);
    expect((await coord.get('/api/v1/network-memberships')).json().items).toEqual([]);
    // another municipality cannot answer someone else's invitation
    const other = await buildMunicipality(ctx.db);
    const oc = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: other.id, role: 'admin' })).email);
    expect((await oc.post(`/api/v1/network-memberships/${net}/accept`, { version: 1 })).statusCode).toBe(404);
  });

  it('accepting later than the proposed date starts the membership on the day of consent', async () => {
    const { attacker, foreign, fc, net } = await foreignSetup();
    await attacker.post(`/api/v1/networks/${net}/members`, { municipalityId: foreign.id, joinedOn: TODAY });
    // the proposed date has passed by the time the municipality answers
    await ctx.db
      .updateTable('networkMembers')
      .set({ joinedOn: '2024-01-01' })
      .where('networkId', '=', net)
      .where('municipalityId', '=', foreign.id)
      .execute();
    const coord = await login(ctx.app, fc.email);
    const res = await coord.post(`/api/v1/network-memberships/${net}/accept`, { version: 1, staffSurveys: true });
    expect(res.json().items[0]).toMatchObject({ status: 'accepted', joinedOn: TODAY, staffSurveys: true });
  });
});
