import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function setup() {
  const m = await buildMunicipality(ctx.db);
  const coordUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator', name: 'Clara Koordinatorin' });
  const staffUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff', name: 'Stefan Teilzeit' });
  return {
    m,
    coordUser,
    staffUser,
    coord: await login(ctx.app, coordUser.email),
    staff: await login(ctx.app, staffUser.email),
  };
}

describe('prioritisation', () => {
  it('ranks projects by the weighted score computed in core; new weights re-rank; scores are versioned', async () => {
    const { coord, staff } = await setup();
    const a = (await coord.post('/api/v1/projects', { title: 'Bürgerportal' })).json().id;
    const b = (await coord.post('/api/v1/projects', { title: 'E-Rechnung' })).json().id;
    const start = (await coord.get('/api/v1/priorities')).json();
    expect(start.version).toBe(0);
    expect(start.criteria.map((c: { key: string }) => c.key)).toContain('legal_obligation');
    const score = async (id: string, scores: Record<string, number>) => {
      const v = (await coord.get(`/api/v1/projects/${id}`)).json().version;
      return coord.put(`/api/v1/projects/${id}/scores`, { version: v, scores });
    };
    // a: high citizen benefit, big effort; b: legal obligation, little effort
    const sa = await score(a, {
      citizen_benefit: 5,
      staff_benefit: 2,
      legal_obligation: 0,
      urgency: 3,
      effort: 5,
      risk: 3,
      cost: 4,
    });
    expect(sa.statusCode).toBe(200);
    // (25·5 + 20·2 + 20·0 + 15·3 + 10·0 + 5·2 + 5·1) / 100 / 5 · 100 = 45
    expect(sa.json().score).toBe(45);
    await score(b, {
      citizen_benefit: 2,
      staff_benefit: 4,
      legal_obligation: 5,
      urgency: 4,
      effort: 1,
      risk: 1,
      cost: 1,
    });
    let p = (await coord.get('/api/v1/priorities')).json();
    expect(p.projects.map((x: { title: string; rank: number }) => [x.title, x.rank])).toEqual([
      ['E-Rechnung', 1],
      ['Bürgerportal', 2],
    ]);
    // the list is sortable by the stored score
    const list = (await coord.get('/api/v1/projects?sort=score&dir=desc')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([b, a]);
    // only citizen benefit counts → Bürgerportal first
    const criteria = p.criteria.map((c: { key: string }) => ({ ...c, weight: c.key === 'citizen_benefit' ? 100 : 0 }));
    const saved = await coord.put('/api/v1/priorities/criteria', { version: 0, criteria });
    expect(saved.statusCode).toBe(200);
    p = saved.json();
    expect(p.projects[0]).toMatchObject({ title: 'Bürgerportal', score: 100, rank: 1 });
    expect((await coord.get(`/api/v1/projects/${b}`)).json().score).toBe(40);
    // stale criteria version, staff, unknown criterion
    expect((await coord.put('/api/v1/priorities/criteria', { version: 0, criteria })).statusCode).toBe(409);
    expect((await staff.put('/api/v1/priorities/criteria', { version: 1, criteria })).statusCode).toBe(403);
    const bad = await score(a, { wunsch: 5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.scores.wunsch');
    const dup = await coord.put('/api/v1/priorities/criteria', { version: 1, criteria: [criteria[0], criteria[0]] });
    expect(dup.statusCode).toBe(400);
  });
});

describe('capacity', () => {
  it('flags months where planned effort exceeds the part-time capacity, per person, department and in total', async () => {
    const { coord, staffUser, coordUser } = await setup();
    const dept = (await coord.get('/api/v1/departments')).json().items[0];
    // 10 h/week digitalization work; March 2027 has 23 working days → 46 h
    expect(
      (await coord.put(`/api/v1/capacity/${staffUser.id}`, { version: 0, hoursPerWeek: 10, departmentId: dept.id }))
        .statusCode,
    ).toBe(200);
    expect((await coord.put(`/api/v1/capacity/${staffUser.id}`, { version: 0, hoursPerWeek: 12 })).statusCode).toBe(
      409,
    );
    await coord.put(`/api/v1/capacity/${coordUser.id}`, { version: 0, hoursPerWeek: 20 });
    const p1 = (await coord.post('/api/v1/projects', { title: 'Bürgerportal', phase: 'implementation' })).json().id;
    const p2 = (await coord.post('/api/v1/projects', { title: 'E-Rechnung', phase: 'planning' })).json().id;
    const effort = async (id: string, rows: { userId: string; month: string; hours: number }[]) => {
      const v = (await coord.get(`/api/v1/projects/${id}/effort`)).json().version;
      return coord.put(`/api/v1/projects/${id}/effort`, { version: v, rows });
    };
    expect((await effort(p1, [{ userId: staffUser.id, month: '2027-03', hours: 30 }])).statusCode).toBe(200);
    await effort(p2, [
      { userId: staffUser.id, month: '2027-03', hours: 20 },
      { userId: staffUser.id, month: '2027-04', hours: 10 },
    ]);
    const dupl = await effort(p2, [
      { userId: staffUser.id, month: '2027-04', hours: 1 },
      { userId: staffUser.id, month: '2027-04', hours: 2 },
    ]);
    expect(dupl.statusCode).toBe(400);
    const cap = (await coord.get('/api/v1/capacity?from=2027-03&to=2027-04')).json();
    expect(cap.months).toEqual(['2027-03', '2027-04']);
    const stefan = cap.people.find((p: { name: string }) => p.name === 'Stefan Teilzeit');
    expect(stefan.cells).toEqual([
      { month: '2027-03', available: 46, planned: 50, over: true },
      { month: '2027-04', available: 44, planned: 10, over: false },
    ]);
    expect(stefan.projects.map((x: { title: string; hours: number }) => [x.title, x.hours])).toEqual([
      ['Bürgerportal', 30],
      ['E-Rechnung', 30],
    ]);
    const d = cap.departments.find((x: { id: string }) => x.id === dept.id);
    expect(d.cells[0]).toMatchObject({ planned: 50, over: true });
    // total: Clara 20 h/week → 92 h in March, plus Stefan's 46 h
    expect(cap.total[0]).toEqual({ month: '2027-03', available: 138, planned: 50, over: false });
    // a stopped project no longer counts
    const v = (await coord.get(`/api/v1/projects/${p2}`)).json();
    await coord.post(`/api/v1/projects/${p2}/move`, { version: v.version, phase: 'stopped', position: 0 });
    const after = (await coord.get('/api/v1/capacity?from=2027-03&to=2027-03')).json();
    expect(after.people.find((p: { name: string }) => p.name === 'Stefan Teilzeit').cells[0].over).toBe(false);
    expect((await coord.get('/api/v1/capacity?from=2027-05&to=2027-03')).statusCode).toBe(400);
  });
});

describe('timeline, traceability and calendar feed', () => {
  it('timeline lists projects overlapping the window with milestones; traceability shows gaps', async () => {
    const { coord } = await setup();
    const need = (await coord.post('/api/v1/needs', { title: 'Digitale Anträge', source: 'citizen' })).json().id;
    const lonely = (await coord.post('/api/v1/needs', { title: 'Vergessener Bedarf', source: 'citizen' })).json().id;
    const tp = (await coord.get('/api/v1/target-picture')).json();
    tp.fields[0].goals = [{ title: 'Alle Anträge online', needIds: [need] }];
    const saved = (await coord.put('/api/v1/target-picture', { version: 0, vision: '', fields: tp.fields })).json();
    const goal = saved.fields[0].goals[0].id;
    const p = (
      await coord.post('/api/v1/projects', {
        title: 'Antragsportal',
        goalIds: [goal],
        startsOn: '2027-01-01',
        endsOn: '2027-12-31',
      })
    ).json().id;
    await coord.post(`/api/v1/projects/${p}/milestones`, { title: 'Go-live', dueOn: '2027-09-01' });
    await coord.post('/api/v1/projects', { title: 'Ohne Bezug', startsOn: '2029-01-01' });
    const tl = (await coord.get('/api/v1/timeline?from=2027-06-01&to=2027-12-31')).json();
    expect(tl.items.map((x: { title: string }) => x.title)).toEqual(['Antragsportal']);
    expect(tl.items[0].milestones).toEqual([{ title: 'Go-live', dueOn: '2027-09-01', reachedOn: null }]);
    const tr = (await coord.get('/api/v1/traceability')).json();
    expect(tr.needs.find((n: { id: string }) => n.id === need).addressed).toBe(true);
    expect(tr.needs.find((n: { id: string }) => n.id === lonely).addressed).toBe(false);
    expect(tr.projects.find((x: { title: string }) => x.title === 'Ohne Bezug').linked).toBe(false);
    expect(tr.goals[0].projects.map((x: { title: string }) => x.title)).toEqual(['Antragsportal']);
  });

  it('timeline milestones follow every change: added, changed, reordered, deleted, project deleted', async () => {
    const { coord } = await setup();
    const p = (await coord.post('/api/v1/projects', { title: 'Meilensteinpflege', startsOn: '2027-01-01' })).json().id;
    const milestones = async () =>
      (await coord.get('/api/v1/timeline?from=2027-01-01&to=2027-12-31'))
        .json()
        .items.find((x: { id: string }) => x.id === p)?.milestones;
    expect(await milestones()).toEqual([]);
    // adding answers with the project; its milestones carry the ids
    const idOf = (detail: { milestones: { id: string; title: string }[] }, title: string) =>
      detail.milestones.find((m) => m.title === title)!.id;
    await coord.post(`/api/v1/projects/${p}/milestones`, { title: 'Abnahme', dueOn: '2027-09-01' });
    const detail = (
      await coord.post(`/api/v1/projects/${p}/milestones`, { title: 'Pilot', dueOn: '2027-03-01' })
    ).json();
    const late = idOf(detail, 'Abnahme');
    const early = idOf(detail, 'Pilot');
    expect(await milestones()).toEqual([
      { title: 'Pilot', dueOn: '2027-03-01', reachedOn: null },
      { title: 'Abnahme', dueOn: '2027-09-01', reachedOn: null },
    ]);
    const moved = await coord.patch(`/api/v1/projects/${p}/milestones/${early}`, {
      version: 1,
      title: 'Pilot erreicht',
      dueOn: '2027-10-01',
      reachedOn: '2027-10-02',
    });
    expect(moved.statusCode).toBe(200);
    expect(await milestones()).toEqual([
      { title: 'Abnahme', dueOn: '2027-09-01', reachedOn: null },
      { title: 'Pilot erreicht', dueOn: '2027-10-01', reachedOn: '2027-10-02' },
    ]);
    expect((await coord.del(`/api/v1/projects/${p}/milestones/${late}`)).statusCode).toBe(200);
    expect((await coord.del(`/api/v1/projects/${p}/milestones/${early}`)).statusCode).toBe(200);
    expect(await milestones()).toEqual([]);
    await coord.post(`/api/v1/projects/${p}/milestones`, { title: 'Neustart', dueOn: '2027-04-01' });
    expect(await milestones()).toEqual([{ title: 'Neustart', dueOn: '2027-04-01', reachedOn: null }]);
    expect((await coord.del(`/api/v1/projects/${p}`)).statusCode).toBeLessThan(300);
    expect(await milestones()).toBeUndefined();
  });

  it('iCalendar feed behind a secret address; rotating or revoking it stops the old address', async () => {
    const { coord, staff, staffUser } = await setup();
    const p = (await coord.post('/api/v1/projects', { title: 'Ratsinfo; neu, mit Komma' })).json().id;
    await coord.post(`/api/v1/projects/${p}/milestones`, { title: 'Abnahme', dueOn: '2027-05-10' });
    await coord.post(`/api/v1/projects/${p}/tasks`, {
      title: 'Schulung',
      dueOn: '2027-05-20',
      assigneeId: staffUser.id,
    });
    expect((await coord.get('/api/v1/calendar-feed')).json()).toEqual({ active: false, createdAt: null });
    expect((await staff.post('/api/v1/calendar-feed')).statusCode).toBe(403);
    const feed = (await coord.post('/api/v1/calendar-feed')).json();
    expect(feed.active).toBe(true);
    const path = new URL(feed.url).pathname;
    // served from a machine west of UTC: all-day dates must not move to the day before
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Honolulu';
    const ics = await ctx.app.inject({ method: 'GET', url: path }).finally(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    expect(ics.statusCode).toBe(200);
    expect(ics.body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.body).not.toMatch(/^X-|^TIMEZONE-ID/m);
    expect(ics.body).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    const parsed = new ICAL.Component(ICAL.parse(ics.body));
    const days = parsed.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c).startDate.toString());
    expect(days.sort()).toEqual(['2027-05-10', '2027-05-20']);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20270510');
    expect(ics.body).toContain('Meilenstein: Abnahme (Ratsinfo\\; neu\\, mit Komma)');
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20270520');
    // the status never shows the address again
    expect((await coord.get('/api/v1/calendar-feed')).json().url).toBeUndefined();
    const rotated = (await coord.post('/api/v1/calendar-feed')).json();
    expect((await ctx.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const path2 = new URL(rotated.url).pathname;
    expect((await ctx.app.inject({ method: 'GET', url: path2 })).statusCode).toBe(200);
    await coord.del('/api/v1/calendar-feed');
    expect((await ctx.app.inject({ method: 'GET', url: path2 })).statusCode).toBe(404);
  });
});
