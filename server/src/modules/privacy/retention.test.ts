import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { newId } from '../../lib/ids.js';
import { ANONYMOUS_PARTICIPANT, runRetention } from './retention.service.js';

/** The retention job on the test's database (PGlite, or PostgreSQL with DZ_TEST_DB=postgres). */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const DEFINITION = {
  sections: [
    {
      id: 'a',
      title: { de: 'A' },
      questions: [
        { id: 'note', type: 'scale', text: { de: 'Wie digital?' }, required: true, min: 1, max: 5 },
        { id: 'frei', type: 'text', text: { de: 'Was drückt?' }, required: false },
      ],
    },
  ],
};

async function closedSurvey(moderator: Client, networkId: string, coords: Client[]) {
  const s = (
    await moderator.post('/api/v1/surveys', {
      networkId,
      title: 'Digitalstand 2026',
      mode: 'municipality',
      source: 'import',
      definition: DEFINITION,
    })
  ).json();
  const d = (await moderator.get(`/api/v1/surveys/${s.id}`)).json();
  const upd = await moderator.patch(`/api/v1/surveys/${s.id}`, {
    version: d.version,
    title: d.title,
    titleEn: d.titleEn,
    intro: '',
    mode: d.mode,
    opensOn: null,
    closesOn: null,
    threshold: 3,
    anonymous: d.anonymous,
    networkIds: [],
    definition: d.definition,
  });
  expect(upd.statusCode, upd.body).toBe(200);
  expect((await moderator.post(`/api/v1/surveys/${s.id}/open`, { version: upd.json().version })).statusCode).toBe(200);
  for (const [i, c] of coords.entries()) {
    const cur = (await c.get(`/api/v1/surveys/${s.id}/response`)).json();
    const r = await c.post(`/api/v1/surveys/${s.id}/response/submit`, {
      version: cur.version,
      answers: { note: 2 + i, frei: `Antwort ${i}` },
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  const cur = (await moderator.get(`/api/v1/surveys/${s.id}`)).json();
  expect((await moderator.post(`/api/v1/surveys/${s.id}/close`, { version: cur.version })).statusCode).toBe(200);
  return s.id as string;
}

describe('retention job', () => {
  it('deletes raw survey answers N months after closing (results stay) and workshop names, logged and audited', async () => {
    const mod = await buildUser(ctx.db, { name: 'Moderation' });
    const munis = [];
    for (let i = 0; i < 3; i++) munis.push(await buildMunicipality(ctx.db, { population: 8_000 + i, landCode: '09' }));
    const net = await buildNetwork(
      ctx.db,
      mod.id,
      munis.map((m) => m.id),
    );
    const coords: Client[] = [];
    for (const m of munis) {
      coords.push(await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email));
    }
    const moderator = await login(ctx.app, mod.email);
    const surveyId = await closedSurvey(moderator, net.id, coords);
    const M = munis[0]!.id;
    const results = async () => {
      const r = await moderator.get(`/api/v1/surveys/${surveyId}/results`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const before = await results();

    // the settings: bounds checked, version 0 creates, 409 on a stale version, only the administration
    const admin = coords[0]!;
    const staff = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: M, role: 'staff' })).email);
    expect((await admin.get('/api/v1/privacy/retention')).json()).toMatchObject({
      version: 0,
      surveyAnswersMonths: null,
      workshopNamesDays: null,
      log: [],
      can: { manage: true },
    });
    const tooShort = await admin.put('/api/v1/privacy/retention', {
      version: 0,
      surveyAnswersMonths: 0,
      workshopNamesDays: 3,
    });
    expect(tooShort.statusCode).toBe(400);
    expect(
      tooShort
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.surveyAnswersMonths', 'body.workshopNamesDays']);
    expect(
      (await staff.put('/api/v1/privacy/retention', { version: 0, surveyAnswersMonths: 6, workshopNamesDays: 30 }))
        .statusCode,
    ).toBe(403);
    const saved = await admin.put('/api/v1/privacy/retention', {
      version: 0,
      surveyAnswersMonths: 6,
      workshopNamesDays: 30,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, surveyAnswersMonths: 6, workshopNamesDays: 30 });
    expect(
      (await admin.put('/api/v1/privacy/retention', { version: 0, surveyAnswersMonths: 6, workshopNamesDays: 30 }))
        .statusCode,
    ).toBe(409);

    // a finished workshop of the network with named participants
    const workshopId = newId();
    await ctx.db
      .insertInto('workshops')
      .values({
        id: workshopId,
        networkId: net.id,
        title: 'Werkstatt E-Akte',
        heldOn: '2026-01-15',
        joinCode: `R${Date.now().toString(36).toUpperCase()}`,
        status: 'done',
        createdBy: mod.id,
      })
      .execute();
    await ctx.db.insertInto('workshopMunicipalities').values({ workshopId, municipalityId: M }).execute();
    await ctx.db
      .insertInto('workshopParticipants')
      .values([
        { id: newId(), workshopId, name: 'Erika Teilnehmerin', organisation: 'Bauamt' },
        { id: newId(), workshopId, name: 'Otto Gast', organisation: 'Kreis' },
      ] as never)
      .execute();

    // not due yet: closed today, workshop too recent relative to "now"
    expect(await runRetention(ctx.db, new Date('2026-02-01T00:00:00Z'))).toMatchObject({ surveys: 0, workshops: 0 });
    // seven months later: both are due (once only)
    const later = new Date(Date.now() + 7 * 31 * 86_400_000);
    const run = await runRetention(ctx.db, later);
    expect(run).toMatchObject({ surveys: 1, surveyResponses: 1, workshops: 1, participants: 2 });
    expect(await runRetention(ctx.db, later)).toMatchObject({ surveys: 0, workshops: 0 });

    // the municipality's raw answers are gone, the others' stay; the results (from the counts) are unchanged
    const left = await ctx.db
      .selectFrom('surveyResponses')
      .select('municipalityId')
      .where('surveyId', '=', surveyId)
      .execute();
    expect(left.map((r) => r.municipalityId).sort()).toEqual([munis[1]!.id, munis[2]!.id].sort());
    const answers = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM survey_answers a WHERE a.survey_id = ${surveyId}
        AND NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.id = a.response_id)`.execute(ctx.db);
    expect(answers.rows[0]!.n).toBe(0);
    const after = await results();
    // every figure stays; only the free texts went with the answers
    const numbers = (r: { responses: number; groups: { questions: { texts: string[] }[] }[] }) =>
      JSON.stringify({
        ...r,
        groups: r.groups.map((g) => ({ ...g, questions: g.questions.map((q) => ({ ...q, texts: [] })) })),
      });
    expect(before.responses).toBe(3);
    expect(numbers(after)).toBe(numbers(before));

    // the workshop keeps its participants, without names
    const people = await ctx.db
      .selectFrom('workshopParticipants')
      .select(['name', 'organisation'])
      .where('workshopId', '=', workshopId)
      .execute();
    expect(people).toEqual([
      { name: ANONYMOUS_PARTICIPANT, organisation: '' },
      { name: ANONYMOUS_PARTICIPANT, organisation: '' },
    ]);

    // the deletion log (the municipality's page) and the audit trail
    const view = (await admin.get('/api/v1/privacy/retention')).json();
    expect(
      view.log
        .map((l: { kind: string; subjectTitle: string; rows: number }) => [l.kind, l.subjectTitle, l.rows])
        .sort(),
    ).toEqual([
      ['survey_answers', 'Digitalstand 2026', 1],
      ['workshop_names', 'Werkstatt E-Akte', 2],
    ]);
    expect((await coords[1]!.get('/api/v1/privacy/retention')).json().log).toEqual([]);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'entity', 'actorId'])
      .where('municipalityId', '=', M)
      .where('action', '=', 'retention.delete')
      .execute();
    expect(audit.map((a) => a.entity).sort()).toEqual(['survey_responses', 'workshop_participants']);
    expect(audit.every((a) => a.actorId === null)).toBe(true);
  });
});
