import { PULSE_GROUP_QUESTION, PULSE_ITEMS } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { runPulseSchedule } from '../../jobs/pulse.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

type Trend = {
  rounds: {
    label: string;
    suppressed: boolean;
    responses: number;
    groups: {
      key: string;
      suppressed: boolean;
      reason: string | null;
      responses: number | null;
      scores: { dimension: string; score: number | null }[];
    }[];
  }[];
  weakest: { dimension: string; path: string }[];
};

/** Every item 4, the knowledge items 2; the staff group as given. */
function answers(group: string | null) {
  const a: Record<string, unknown> = Object.fromEntries(
    PULSE_ITEMS.map((i) => [i.id, i.dimension === 'knowledge' ? 2 : 4]),
  );
  if (group) a[PULSE_GROUP_QUESTION] = group;
  return a;
}

async function answer(c: Client, surveyId: string, group: string | null) {
  const r = await c.post(`/api/v1/surveys/${surveyId}/response/submit`, { version: 0, answers: answers(group) });
  expect(r.statusCode, r.body).toBe(200);
}

describe('change-readiness pulse', () => {
  it('runs a round on the survey engine and shows the trend with small and differencing groups suppressed', async () => {
    const m = await buildMunicipality(ctx.db);
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    const staffUsers = await Promise.all(
      Array.from({ length: 11 }, () => buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })),
    );
    const staff = await Promise.all(staffUsers.map((u) => login(ctx.app, u.email)));
    const council = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'council' })).email);

    expect((await staff[0]!.post('/api/v1/pulse/rounds', {})).statusCode).toBe(403);
    const started = await coord.post('/api/v1/pulse/rounds', { intro: 'Danke fürs Mitmachen!' });
    expect(started.statusCode, started.body).toBe(201);
    const { surveyId } = started.json();
    expect((await coord.post('/api/v1/pulse/rounds', {})).statusCode).toBe(409);

    const overview = (await staff[0]!.get('/api/v1/pulse')).json();
    expect(overview.can).toEqual({ manage: false });
    expect(overview.currentStarted).toBe(true);
    expect(overview.rounds[0]).toMatchObject({ status: 'open', myOpen: true, intro: 'Danke fürs Mitmachen!' });
    // the engine targets all 13 members (coordinator, 11 staff, council) and lists the survey for them
    expect(overview.rounds[0].targets).toBe(13);

    // 5 administration, 5 field staff, 1 trainee
    for (const [i, c] of staff.entries())
      await answer(c, surveyId, i < 5 ? 'verwaltung' : i < 10 ? 'aussendienst' : 'azubi');
    expect((await coord.get('/api/v1/pulse')).json().rounds[0]).toMatchObject({ submitted: 11, myOpen: true });
    // nothing before closing (no differencing while answers come in)
    expect(((await staff[0]!.get('/api/v1/pulse/trend')).json() as Trend).rounds).toEqual([]);

    const s = (await coord.get(`/api/v1/surveys/${surveyId}`)).json();
    expect((await coord.post(`/api/v1/surveys/${surveyId}/close`, { version: s.version })).statusCode).toBe(200);

    const totalRes = await council.get('/api/v1/pulse/trend');
    const total = totalRes.json() as Trend;
    expect(total.rounds).toHaveLength(1);
    expect(total.rounds[0]).toMatchObject({ suppressed: false, responses: 11 });
    const scores = Object.fromEntries(total.rounds[0]!.groups[0]!.scores.map((x) => [x.dimension, x.score]));
    expect(scores).toEqual({ awareness: 4, desire: 4, knowledge: 2, ability: 4, reinforcement: 4 });
    expect(total.weakest).toEqual([
      expect.objectContaining({ dimension: 'knowledge', path: '/kompetenzen/qualifizierung' }),
    ]);

    const byGroup = (await staff[1]!.get('/api/v1/pulse/trend?groupBy=staffGroup')).json() as Trend;
    const g = Object.fromEntries(byGroup.rounds[0]!.groups.map((x) => [x.key, x]));
    expect(g['*']).toMatchObject({ suppressed: false, responses: 11 });
    expect(g.azubi).toMatchObject({ suppressed: true, reason: 'too_few', responses: null });
    expect(g.fuehrung).toMatchObject({ suppressed: true, reason: 'too_few' });
    // one of the two groups of five goes too: with both shown, total minus both would be the trainee's answers
    const five = [g.verwaltung!, g.aussendienst!];
    expect(five.filter((x) => x.suppressed).map((x) => x.reason)).toEqual(['differencing']);
    expect(five.find((x) => !x.suppressed)?.responses).toBe(5);
    expect(five.find((x) => x.suppressed)?.scores.every((x) => x.score === null)).toBe(true);

    // the department view never shows a cell the staff-group view's decision withheld
    const byDept = (await coord.get('/api/v1/pulse/trend?groupBy=department')).json() as Trend;
    expect(byDept.rounds[0]!.groups.filter((x) => x.key !== '*').every((x) => x.suppressed)).toBe(true);
    expect((await coord.get('/api/v1/pulse/trend?groupBy=kaese')).statusCode).toBe(400);

    // another municipality sees none of it
    const other = await buildMunicipality(ctx.db);
    const foreign = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: other.id, role: 'coordinator' })).email,
    );
    expect((await foreign.get('/api/v1/pulse')).json().rounds).toEqual([]);
    expect((await foreign.get('/api/v1/pulse/trend')).json().rounds).toEqual([]);
  });

  it('keeps versioned settings with German field errors', async () => {
    const m = await buildMunicipality(ctx.db);
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    const staff = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
    const body = { version: 0, enabled: true, quarterStartMonth: 2, remindAfterDays: 10 };
    expect((await staff.put('/api/v1/pulse/settings', body)).statusCode).toBe(403);
    const saved = await coord.put('/api/v1/pulse/settings', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, enabled: true, quarterStartMonth: 2 });
    expect((await coord.put('/api/v1/pulse/settings', body)).statusCode).toBe(409);
    const bad = await coord.put('/api/v1/pulse/settings', { ...body, version: 1, quarterStartMonth: 4 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.quarterStartMonth');
    expect(bad.json().errors[0].message).toMatch(/Zu groß/);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select('entity')
      .where('municipalityId', '=', m.id)
      .where('entity', '=', 'pulse_settings')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('starts the round at the start of a quarter and reminds once, through the engine', async () => {
    const m = await buildMunicipality(ctx.db);
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    const staff = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
    await coord.put('/api/v1/pulse/settings', { version: 0, enabled: true, quarterStartMonth: 1, remindAfterDays: 7 });
    const deps = { db: ctx.db, outbox: ctx.app.outbox, config: ctx.config };
    const mails = async (to: string) =>
      (await ctx.db.selectFrom('mailOutbox').select('subject').where('recipient', '=', to).execute()).length;

    // mid-quarter: switching on waits for the next quarter
    const mid = await runPulseSchedule(deps, new Date('2027-02-20T06:00:00Z'));
    expect(mid.started).toBe(0);
    const first = await runPulseSchedule(deps, new Date('2027-04-02T06:00:00Z'));
    expect(first.started).toBe(1);
    expect(await mails(staff.email)).toBe(1);
    const rounds = (await coord.get('/api/v1/pulse')).json().rounds;
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ quarter: '2027-Q2', label: 'Q2/2027', title: 'Veränderungspuls Q2/2027' });
    // the next hour: nothing new, no reminder yet
    expect(await runPulseSchedule(deps, new Date('2027-04-02T07:00:00Z'))).toMatchObject({ started: 0, reminded: 0 });
    expect(await runPulseSchedule(deps, new Date('2027-04-09T06:00:00Z'))).toMatchObject({ started: 0, reminded: 1 });
    expect(await mails(staff.email)).toBe(2);
    expect(await runPulseSchedule(deps, new Date('2027-04-10T06:00:00Z'))).toMatchObject({ reminded: 0 });
    // switched off: no round in the next quarter
    const v = (await coord.get('/api/v1/pulse')).json().settings.version;
    await coord.put('/api/v1/pulse/settings', { version: v, enabled: false, quarterStartMonth: 1, remindAfterDays: 7 });
    expect((await runPulseSchedule(deps, new Date('2027-07-01T06:00:00Z'))).started).toBe(0);
  });
});
