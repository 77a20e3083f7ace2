import { localText, PAIN_POINT_TEMPLATE_LEITFRAGE, painPointTemplate } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { defaultWorkshopDate } from './from-survey.service.js';
import { dots } from './report.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function setup() {
  const mod = await buildUser(ctx.db);
  const a = await buildMunicipality(ctx.db);
  const b = await buildMunicipality(ctx.db);
  const gone = await buildMunicipality(ctx.db);
  const net = await buildNetwork(ctx.db, mod.id, [a.id, b.id, gone.id]);
  await ctx.db
    .updateTable('networkMembers')
    .set({ leftOn: '2025-01-01' })
    .where('networkId', '=', net.id)
    .where('municipalityId', '=', gone.id)
    .execute();
  const moderator = await login(ctx.app, mod.email);
  const survey = (
    await moderator.post('/api/v1/surveys', {
      networkId: net.id,
      title: 'Schmerzpunkte 2026',
      mode: 'municipality',
      source: 'template',
    })
  ).json().id as string;
  return { moderator, net, a, b, gone, survey };
}

describe('Workshop aus dieser Umfrage', () => {
  it('creates a workshop of the survey’s network prefilled from the survey', async () => {
    const { moderator, net, a, b, survey } = await setup();
    const res = await moderator.post(`/api/v1/surveys/${survey}/workshop`);
    expect(res.statusCode, res.body).toBe(201);
    const w = (await moderator.get(`/api/v1/workshops/${res.json().id}`)).json();
    expect(w).toMatchObject({
      networkId: net.id,
      surveyId: survey,
      surveyTitle: 'Schmerzpunkte 2026',
      title: 'Workshop: Schmerzpunkte 2026',
      leitfrage: PAIN_POINT_TEMPLATE_LEITFRAGE,
      status: 'planned',
      can: { manage: true },
    });
    expect(w.heldOn > new Date().toISOString().slice(0, 10)).toBe(true);
    // the current members take part, not the one that left
    expect(w.municipalities.map((m: { id: string }) => m.id).sort()).toEqual([a.id, b.id].sort());
    // agenda: the results first, then one topic per section, linked to it (the slides show its results)
    const sections = painPointTemplate().sections;
    expect(w.items).toHaveLength(sections.length + 1);
    expect(w.items[0]).toMatchObject({ kind: 'impulse', title: 'Ergebnisse der Umfrage', surveySectionId: null });
    expect(w.items[0].description).toContain('Schmerzpunkte 2026');
    expect(w.items.slice(1).map((i: { surveySectionId: string }) => i.surveySectionId)).toEqual(
      sections.map((s) => s.id),
    );
    expect(w.items[1].title).toBe(localText(sections[0]!.title, 'de'));
    // audited like any new workshop
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('entity', '=', 'workshop')
      .where('entityId', '=', w.id)
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['create']);
  });

  it('names the answers so far once the survey is sent', async () => {
    const { moderator, survey } = await setup();
    const d = (await moderator.get(`/api/v1/surveys/${survey}`)).json();
    expect(d.can.workshop).toBe(true);
    await moderator.post(`/api/v1/surveys/${survey}/open`, { version: d.version });
    const res = await moderator.post(`/api/v1/surveys/${survey}/workshop`);
    const w = (await moderator.get(`/api/v1/workshops/${res.json().id}`)).json();
    expect(w.items[0].description).toContain('Antworten: 0 von 2');
  });

  it('is refused to members, strangers, anonymous callers and for internal surveys', async () => {
    const { survey, a } = await setup();
    const member = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: a.id, role: 'admin' })).email);
    expect([403, 404]).toContain((await member.post(`/api/v1/surveys/${survey}/workshop`)).statusCode);
    const stranger = await login(ctx.app, (await buildUser(ctx.db)).email);
    expect((await stranger.post(`/api/v1/surveys/${survey}/workshop`)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey}/workshop` })).statusCode).toBe(401);
    const internal = (await member.post('/api/v1/surveys', { networkId: null, title: 'Intern', mode: 'person' })).json()
      .id as string;
    expect((await member.get(`/api/v1/surveys/${internal}`)).json().can.workshop).toBe(false);
    const res = await member.post(`/api/v1/surveys/${internal}/workshop`);
    expect(res.statusCode).toBe(409);
    expect(await ctx.db.selectFrom('workshops').select('id').where('surveyId', '=', internal).execute()).toEqual([]);
  });

  it('dates the workshop two weeks after today or after the survey’s end', () => {
    expect(defaultWorkshopDate('2026-03-01', null)).toBe('2026-03-15');
    expect(defaultWorkshopDate('2026-03-01', '2026-02-01')).toBe('2026-03-15');
    expect(defaultWorkshopDate('2026-03-01', '2026-03-31')).toBe('2026-04-14');
  });
});

describe('points in the workshop report', () => {
  it('are counted in the singular for one and in the plural otherwise', () => {
    expect(dots(1)).toBe('1 Punkt');
    expect(dots(0)).toBe('0 Punkte');
    expect(dots(1234)).toBe('1.234 Punkte');
  });
});
