import { COMPETENCE_THRESHOLD, DIGCOMP } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const T = COMPETENCE_THRESHOLD;

async function setup() {
  const m = await buildMunicipality(ctx.db);
  const coordUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator', name: 'Clara Koordination' });
  const coord = await login(ctx.app, coordUser.email);
  const departments = await ctx.db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('municipalityId', '=', m.id)
    .orderBy('name')
    .execute();
  return { m, coord, coordUser, departments };
}

/** `count` staff members of a department who each assess every DigComp competence at `level`. */
async function assessing(m: string, count: number, departmentId: string | null, level: number, share = false) {
  const out: { id: string; client: Client }[] = [];
  for (let i = 0; i < count; i++) {
    const u = await buildUser(ctx.db, { municipalityId: m, role: 'staff' });
    const client = await login(ctx.app, u.email);
    const r = await client.put('/api/v1/competences/me', {
      version: 0,
      departmentId,
      shareWithManager: share,
      levels: DIGCOMP.map((c) => ({ code: c.code, level: c.code === '4.2' ? 1 : level, target: Math.max(5, level) })),
    });
    expect(r.statusCode).toBe(200);
    out.push({ id: u.id, client });
  }
  return out;
}

describe('competence framework', () => {
  it('starts from DigComp 2.2; the coordination renames, hides and adds; versions guard every change', async () => {
    const { m, coord } = await setup();
    const staff = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
    const fw = (await staff.get('/api/v1/competences/framework')).json();
    expect(fw.items).toHaveLength(21);
    expect(fw.areas).toHaveLength(5);
    expect(fw.items[0]).toMatchObject({ code: '1.1', area: 1, builtin: true, version: 0, hidden: false });
    expect(fw.can).toEqual({ assess: true, manage: false });

    const rename = { code: '3.4', name: 'Programmieren und Automatisieren', hidden: false, version: 0 };
    expect((await staff.put('/api/v1/competences/framework', rename)).statusCode).toBe(403);
    const renamed = await coord.put('/api/v1/competences/framework', rename);
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().items.find((c: { code: string }) => c.code === '3.4')).toMatchObject({
      name: 'Programmieren und Automatisieren',
      version: 1,
    });
    expect((await coord.put('/api/v1/competences/framework', { ...rename, hidden: true })).statusCode).toBe(409);
    expect((await coord.put('/api/v1/competences/framework', { ...rename, hidden: true, version: 1 })).statusCode).toBe(
      200,
    );
    const added = await coord.post('/api/v1/competences/framework', { area: 1, name: 'Fachverfahren bedienen' });
    expect(added.statusCode).toBe(201);
    const own = added.json().items.filter((c: { builtin: boolean }) => !c.builtin);
    expect(own).toEqual([expect.objectContaining({ code: '1.E1', area: 1, name: 'Fachverfahren bedienen' })]);
    const unknown = await coord.put('/api/v1/competences/framework', { ...rename, code: '1.E9' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'body.code', code: 'unknown_competence' });
  });
});

describe('self-assessment', () => {
  it('is the person’s own: nobody else reads it unless shared with the coordination; the audit keeps no levels', async () => {
    const { m, coord, departments } = await setup();
    const dept = departments[0]!;
    const [anna] = await assessing(m.id, 1, dept.id, 4, true);
    const [ben] = await assessing(m.id, 1, dept.id, 2, false);
    const mine = (await anna!.client.get('/api/v1/competences/me')).json();
    expect(mine).toMatchObject({ departmentId: dept.id, shareWithManager: true, version: 1 });
    expect(mine.levels).toHaveLength(21);
    // a colleague reads only their own
    expect((await ben!.client.get('/api/v1/competences/me')).json().levels[0].level).toBe(2);
    expect((await ben!.client.get('/api/v1/competences/shared')).statusCode).toBe(403);
    const shared = (await coord.get('/api/v1/competences/shared')).json();
    expect(shared.people.map((p: { userId: string }) => p.userId)).toEqual([anna!.id]);
    expect(shared.people[0]).toMatchObject({ department: dept.name });
    // the coordinator's own assessment is empty: /me never reads anyone else's
    expect((await coord.get('/api/v1/competences/me')).json()).toMatchObject({ version: 0, levels: [] });

    const stale = await anna!.client.put('/api/v1/competences/me', { version: 0, levels: [] });
    expect(stale.statusCode).toBe(409);
    const bad = await anna!.client.put('/api/v1/competences/me', { version: 1, levels: [{ code: '9.9', level: 3 }] });
    expect(bad.statusCode).toBe(400);
    const below = await anna!.client.put('/api/v1/competences/me', {
      version: 1,
      levels: [{ code: '1.1', level: 4, target: 1 }],
    });
    expect(below.statusCode).toBe(400);
    expect(below.json().errors[0]).toMatchObject({ path: 'body.levels.0.target', message: 'target_below_level' });
    const unknown = await anna!.client.put('/api/v1/competences/me', {
      version: 1,
      levels: [{ code: '1.9', level: 3 }],
    });
    expect(unknown.json().errors[0]).toMatchObject({ path: 'body.levels.0.code', code: 'unknown_competence' });
    const other = await buildMunicipality(ctx.db);
    const foreignDept = await ctx.db
      .selectFrom('departments')
      .select('id')
      .where('municipalityId', '=', other.id)
      .executeTakeFirstOrThrow();
    const wrongDept = await anna!.client.put('/api/v1/competences/me', {
      version: 1,
      departmentId: foreignDept.id,
      levels: [],
    });
    expect(wrongDept.json().errors[0]).toMatchObject({ path: 'body.departmentId', code: 'unknown_department' });
    const unshare = await anna!.client.put('/api/v1/competences/me', { version: 1, departmentId: dept.id, levels: [] });
    expect(unshare.json()).toMatchObject({ version: 2, shareWithManager: false, levels: [] });
    expect((await coord.get('/api/v1/competences/shared')).json().people).toEqual([]);

    const council = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'council' })).email);
    expect((await council.put('/api/v1/competences/me', { version: 0, levels: [] })).statusCode).toBe(403);

    const audit = await ctx.db
      .selectFrom('auditLog')
      .select('changes')
      .where('municipalityId', '=', m.id)
      .where('entity', '=', 'competence_assessment')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) expect(JSON.stringify(a.changes)).not.toMatch(/level/);
  });
});

describe('anonymous overview', () => {
  it(`shows nothing below ${T} assessed people, then means and shares per competence`, async () => {
    const { m, coord } = await setup();
    await assessing(m.id, T - 1, null, 4);
    const few = (await coord.get('/api/v1/competences/overview')).json();
    expect(few.assessed).toBeNull();
    expect(few.competences.every((c: { mean: unknown }) => c.mean === null)).toBe(true);
    expect(few.weakest).toEqual([]);
    await assessing(m.id, 1, null, 2);
    const o = (await coord.get('/api/v1/competences/overview')).json();
    expect(o.assessed).toBe(T);
    const c11 = o.competences.find((c: { code: string }) => c.code === '1.1');
    expect(c11.mean).toBeCloseTo(((T - 1) * 4 + 2) / T, 1);
    expect(c11.shareBelow).toBeCloseTo(1 / T, 2);
    expect(c11.targetMean).toBe(5);
    expect(o.weakest[0]).toMatchObject({ code: '4.2', mean: 1 });
    // people without a department are never a row of the heatmap
    expect(o.heatmap.rows).toEqual([]);
  });

  it('shows a department only at the threshold and never leaves a small rest to compute', async () => {
    const { m, coord, departments } = await setup();
    const [a, b, c] = [departments[0]!, departments[1]!, departments[2]!];
    await assessing(m.id, T + 1, a.id, 5);
    await assessing(m.id, T, b.id, 3);
    const two = (await coord.get('/api/v1/competences/overview')).json();
    expect(two.heatmap.rows.map((r: { departmentId: string }) => r.departmentId).sort()).toEqual([a.id, b.id].sort());
    const rowA = two.heatmap.rows.find((r: { departmentId: string }) => r.departmentId === a.id);
    expect(rowA.people).toBe(T + 1);
    expect(rowA.cells.find((x: { area: number }) => x.area === 1).mean).toBe(5);

    // two people of a third department save: fewer than T changed since the release, so nothing moves —
    // comparing before and after tells nobody what they entered
    const pair = await assessing(m.id, 2, c.id, 8);
    expect((await coord.get('/api/v1/competences/overview')).json()).toEqual(two);
    // re-saving unchanged levels (or only the share flag) is no change: it cannot force a release
    for (const p of pair) {
      const me = (await p.client.get('/api/v1/competences/me')).json();
      await p.client.put('/api/v1/competences/me', { ...me, shareWithManager: true, can: undefined });
    }
    expect((await coord.get('/api/v1/competences/overview')).json()).toEqual(two);
    // once T people changed, a new release: the two are withheld, and so is the smallest shown department,
    // or "all minus A minus B" would be their figure
    await assessing(m.id, T - 2, a.id, 5);
    const three = (await coord.get('/api/v1/competences/overview')).json();
    expect(three.assessed).toBe(3 * T + 1);
    expect(three.heatmap.rows.map((r: { departmentId: string }) => r.departmentId)).toEqual([a.id]);
    expect(three.heatmap.withheld).toBe(2);
    const json = JSON.stringify(three.heatmap);
    expect(json).not.toContain(c.id);
    expect(json).not.toContain(b.id);
  });
});

describe('trainings and the plan', () => {
  it('suggests catalogue trainings for the weakest competence; the plan shows people only their own', async () => {
    const { m, coord, departments } = await setup();
    const dept = departments[0]!;
    const people = await assessing(m.id, T, dept.id, 4);
    const staff = people[0]!.client;
    expect((await staff.post('/api/v1/competences/trainings/starter')).statusCode).toBe(403);
    const starter = await coord.post('/api/v1/competences/trainings/starter');
    expect(starter.json().created).toBeGreaterThan(5);
    expect((await coord.post('/api/v1/competences/trainings/starter')).json().created).toBe(0);
    const catalogue = (await staff.get('/api/v1/competences/trainings')).json();
    expect(
      catalogue.items
        .filter((t: { provider: string }) => t.provider === 'eGov-Campus')
        .every((t: { costCents: number }) => t.costCents === 0),
    ).toBe(true);
    expect(
      catalogue.items
        .filter((t: { provider: string }) => t.provider !== 'eGov-Campus')
        .every((t: { costCents: unknown }) => t.costCents === null),
    ).toBe(true);

    const o = (await coord.get('/api/v1/competences/overview')).json();
    expect(o.weakest[0].code).toBe('4.2');
    const suggestion = o.weakest[0].trainings[0];
    expect(suggestion.title).toBeTruthy();

    const assign = { trainingId: suggestion.id, departmentId: dept.id, dueOn: '2027-06-30' };
    expect((await staff.post('/api/v1/competences/plan', assign)).statusCode).toBe(403);
    const both = await coord.post('/api/v1/competences/plan', { ...assign, userId: people[1]!.id });
    expect(both.json().errors[0]).toMatchObject({ code: 'person_or_department' });
    const created = await coord.post('/api/v1/competences/plan', assign);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ department: dept.name, status: 'planned', training: suggestion.title });
    const personal = (
      await coord.post('/api/v1/competences/plan', { ...assign, departmentId: null, userId: people[1]!.id })
    ).json();

    const forStaff = (await staff.get('/api/v1/competences/plan')).json();
    expect(forStaff.items.map((i: { id: string }) => i.id)).toEqual([created.json().id]);
    expect(forStaff.people).toEqual([]);
    expect((await people[1]!.client.get('/api/v1/competences/plan')).json().items).toHaveLength(2);
    const full = (await coord.get('/api/v1/competences/plan')).json();
    expect(full.items).toHaveLength(2);
    expect(full.people.length).toBe(T + 1);

    const upd = await coord.put(`/api/v1/competences/plan/${personal.id}`, {
      version: 1,
      dueOn: null,
      status: 'attended',
    });
    expect(upd.json()).toMatchObject({ version: 2, status: 'attended', dueOn: null });
    expect(
      (await coord.put(`/api/v1/competences/plan/${personal.id}`, { version: 1, dueOn: null, status: 'cancelled' }))
        .statusCode,
    ).toBe(409);
    expect((await coord.del(`/api/v1/competences/plan/${personal.id}`)).statusCode).toBe(200);

    const t = catalogue.items[0];
    const edit = { ...t, costCents: 12_000, hours: 7.5, version: 1 };
    delete edit.id;
    const edited = await coord.put(`/api/v1/competences/trainings/${t.id}`, edit);
    expect(edited.json()).toMatchObject({ costCents: 12_000, hours: 7.5, version: 2 });
    expect((await coord.put(`/api/v1/competences/trainings/${t.id}`, edit)).statusCode).toBe(409);
    const badCode = await coord.post('/api/v1/competences/trainings', { ...edit, competences: ['5.9'] });
    expect(badCode.json().errors[0]).toMatchObject({ path: 'body.competences.0', code: 'unknown_competence' });
    expect((await coord.del(`/api/v1/competences/trainings/${t.id}`)).statusCode).toBe(200);

    // another municipality can neither plan with this catalogue nor for these people
    const other = await buildMunicipality(ctx.db);
    const foreign = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: other.id, role: 'coordinator' })).email,
    );
    const stolen = await foreign.post('/api/v1/competences/plan', { trainingId: suggestion.id, departmentId: dept.id });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().errors[0]).toMatchObject({ path: 'body.trainingId', code: 'unknown_training' });
    await foreign.post('/api/v1/competences/trainings/starter');
    const own = (await foreign.get('/api/v1/competences/trainings')).json().items[0];
    const person = await foreign.post('/api/v1/competences/plan', { trainingId: own.id, userId: people[0]!.id });
    expect(person.json().errors[0]).toMatchObject({ path: 'body.userId', code: 'unknown_person' });
    expect((await foreign.get('/api/v1/competences/overview')).json().assessed).toBeNull();
  });
});
