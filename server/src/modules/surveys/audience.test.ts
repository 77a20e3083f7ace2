import { PAIN_POINT_TEMPLATE_TITLE } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** A network of `n` municipalities (each with a coordinator and a staff member) and a draft survey. */
async function setup(n: number, mode: 'municipality' | 'person' = 'municipality', title = 'Schmerzpunkte 2026') {
  const mod = await buildUser(ctx.db);
  const munis = [];
  for (let i = 0; i < n; i++) munis.push(await buildMunicipality(ctx.db));
  for (const m of munis) {
    await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
    await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
  }
  const net = await buildNetwork(
    ctx.db,
    mod.id,
    munis.map((m) => m.id),
  );
  const moderator = await login(ctx.app, mod.email);
  const created = await moderator.post('/api/v1/surveys', { networkId: net.id, title, mode, source: 'template' });
  expect(created.statusCode, created.body).toBe(201);
  return { moderator, munis, net, id: created.json().id as string };
}

async function send(moderator: Client, id: string) {
  const d = (await moderator.get(`/api/v1/surveys/${id}`)).json();
  const res = await moderator.post(`/api/v1/surveys/${id}/open`, { version: d.version });
  expect(res.statusCode, res.body).toBe(200);
}

describe('survey audience: known before sending', () => {
  it('a draft counts who would be invited today; once sent, the invited and the answers so far', async () => {
    const { moderator, id, munis } = await setup(4);
    const before = await moderator.get(`/api/v1/surveys/${id}/audience`);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ invitees: 4, submitted: 0, sent: false });
    // nothing was created by asking
    expect(await ctx.db.selectFrom('surveyTargets').select('id').where('surveyId', '=', id).execute()).toHaveLength(0);
    await send(moderator, id);
    const coordinator = await ctx.db
      .selectFrom('memberships as ms')
      .innerJoin('users as u', 'u.id', 'ms.userId')
      .select('u.email')
      .where('ms.municipalityId', '=', munis[0]!.id)
      .where('ms.role', '=', 'coordinator')
      .executeTakeFirstOrThrow();
    const c = await login(ctx.app, coordinator.email);
    const cur = (await c.get(`/api/v1/surveys/${id}/response`)).json();
    const sub = await c.post(`/api/v1/surveys/${id}/response/submit`, {
      version: cur.version,
      answers: {
        personal: 4,
        finanzen: 4,
        wissen: 3,
        stunden: 10,
        bereitschaft: { fuehrung: 4, mittlere: 3, mitarbeitende: 2 },
        kommunikation: 3,
        kommunikationsstrategie: 'teilweise',
        strategie_stand: 'in_arbeit',
        strategie: 4,
        management: { prozess: 4, projekt: 3 },
        ikz_erfahrung: 'einzelne',
        ikz_interesse: 2,
        shared_services: ['bauhof'],
        rangfolge: ['personal', 'finanzen', 'wissen', 'veraenderung', 'strategie', 'prozesse'],
        groesster: 'Zu wenig Personal',
      },
    });
    expect(sub.statusCode, sub.body).toBe(200);
    expect((await moderator.get(`/api/v1/surveys/${id}/audience`)).json()).toEqual({
      invitees: 4,
      submitted: 1,
      sent: true,
    });
  });

  it('person surveys count the staff of the municipalities that allow staff surveys', async () => {
    const { moderator, id, munis, net } = await setup(3, 'person');
    // two people per municipality
    expect((await moderator.get(`/api/v1/surveys/${id}/audience`)).json().invitees).toBe(6);
    await ctx.db
      .updateTable('networkMembers')
      .set({ staffSurveys: false })
      .where('networkId', '=', net.id)
      .where('municipalityId', '=', munis[0]!.id)
      .execute();
    expect((await moderator.get(`/api/v1/surveys/${id}/audience`)).json().invitees).toBe(4);
  });

  it('is for the survey’s managers only', async () => {
    const { id, munis } = await setup(2);
    const member = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: munis[0]!.id, role: 'coordinator' })).email,
    );
    expect([403, 404]).toContain((await member.get(`/api/v1/surveys/${id}/audience`)).statusCode);
    const stranger = await login(ctx.app, (await buildUser(ctx.db)).email);
    expect((await stranger.get(`/api/v1/surveys/${id}/audience`)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/surveys/${id}/audience` })).statusCode).toBe(401);
  });
});

describe('the English title of a survey built from the template', () => {
  it('is kept only while the German title is the template’s', async () => {
    const same = await setup(1, 'municipality', PAIN_POINT_TEMPLATE_TITLE.de);
    expect((await same.moderator.get(`/api/v1/surveys/${same.id}`)).json().titleEn).toBe(PAIN_POINT_TEMPLATE_TITLE.en);
    const other = await setup(1, 'municipality', 'Schmerzpunkte im Amt Peenetal 2026');
    expect((await other.moderator.get(`/api/v1/surveys/${other.id}`)).json().titleEn).toBe('');
  });

  it('is dropped when the German title is changed and the English one left as the template’s', async () => {
    const { moderator, id } = await setup(1, 'municipality', PAIN_POINT_TEMPLATE_TITLE.de);
    const d = (await moderator.get(`/api/v1/surveys/${id}`)).json();
    const body = {
      version: d.version,
      title: 'Schmerzpunkte 2026',
      titleEn: d.titleEn,
      intro: '',
      mode: d.mode,
      opensOn: null,
      closesOn: null,
      threshold: 5,
      anonymous: true,
      networkIds: [],
      definition: d.definition,
    };
    const res = await moderator.patch(`/api/v1/surveys/${id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().titleEn).toBe('');
    // an English title somebody wrote stays
    const own = await moderator.patch(`/api/v1/surveys/${id}`, {
      ...body,
      version: res.json().version,
      titleEn: 'Pain points 2026',
    });
    expect(own.json().titleEn).toBe('Pain points 2026');
  });
});
