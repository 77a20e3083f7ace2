import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function tenant(role: 'admin' | 'coordinator' | 'staff' | 'council' | 'mayor' = 'coordinator') {
  const m = await buildMunicipality(ctx.db);
  const u = await buildUser(ctx.db, { municipalityId: m.id, role });
  return { m, u, c: await login(ctx.app, u.email) };
}

type Steps = { key: string; done: boolean }[];
const stepsOf = async (c: Client) => {
  const res = await c.get('/api/v1/first-steps');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const done = async (c: Client) =>
  Object.fromEntries(((await stepsOf(c)).steps as Steps).map((s) => [s.key, s.done])) as Record<string, boolean>;

/** A council paper from the project's draft, as the cost page creates it. */
async function councilPaper(c: Client, projectId: string) {
  const draft = (await c.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
  const { figures: _f, basedOnVersion: _b, ...input } = draft;
  const made = await c.post(`/api/v1/projects/${projectId}/decision-papers`, input);
  expect(made.statusCode, made.body).toBe(201);
}

describe('first steps of a new municipality', () => {
  it('starts with only the master data done and ticks each step when its real data appears', async () => {
    const { m, c } = await tenant('coordinator');
    const first = await stepsOf(c);
    expect(first.forRole).toBe(true);
    expect(first.dismissedAt).toBeNull();
    expect(first.latestProjectId).toBeNull();
    expect(first.missingMasterData).toEqual([]);
    expect(await done(c)).toEqual({
      masterData: true,
      colleagues: false,
      needs: false,
      targetPicture: false,
      project: false,
      councilPaper: false,
      network: false,
    });

    // colleagues: an invitation on its way is enough
    expect((await c.post('/api/v1/invitations', { email: 'kollegin@example.org', role: 'staff' })).statusCode).toBe(
      201,
    );
    expect((await done(c)).colleagues).toBe(true);

    // needs: the idea box counts as well as the needs register
    const idea = await c.post('/api/v1/ideas', { title: 'Urlaubsanträge digital' });
    expect(idea.statusCode, idea.body).toBe(201);
    expect((await done(c)).needs).toBe(true);

    const tp = (await c.get('/api/v1/target-picture')).json();
    const saved = await c.put('/api/v1/target-picture', {
      version: 0,
      vision: 'Digital, nah, gemeinsam.',
      fields: tp.fields,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await done(c)).targetPicture).toBe(true);

    const project = await c.post('/api/v1/projects', { title: 'E-Akte', startsOn: '2027-01-01' });
    expect(project.statusCode, project.body).toBe(201);
    const afterProject = await stepsOf(c);
    expect(afterProject.latestProjectId).toBe(project.json().id);
    expect(afterProject.counts.projects).toBe(1);
    expect((await done(c)).project).toBe(true);
    expect((await done(c)).councilPaper).toBe(false);

    await councilPaper(c, project.json().id);
    expect((await done(c)).councilPaper).toBe(true);

    const moderator = await buildUser(ctx.db);
    await buildNetwork(ctx.db, moderator.id, [m.id]);
    const all = await stepsOf(c);
    expect((all.steps as Steps).every((s) => s.done)).toBe(true);
    expect(all.counts).toMatchObject({ members: 1, openInvitations: 1, ideas: 1, needs: 0, networks: 1 });
  });

  it('counts a second member as a colleague and a need as the first need', async () => {
    const { m, c } = await tenant('admin');
    await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
    expect((await c.post('/api/v1/needs', { title: 'E-Rechnung', source: 'department' })).statusCode).toBe(201);
    const d = await done(c);
    expect(d.colleagues).toBe(true);
    expect(d.needs).toBe(true);
  });

  it('names the master data still missing', async () => {
    const { m, c } = await tenant('coordinator');
    await ctx.db.updateTable('municipalities').set({ areaKm2: null, ars: null }).where('id', '=', m.id).execute();
    await ctx.db.deleteFrom('departments').where('municipalityId', '=', m.id).execute();
    const s = await stepsOf(c);
    expect(s.missingMasterData).toEqual(['ars', 'areaKm2', 'departments']);
    expect((await done(c)).masterData).toBe(false);
    await c.post('/api/v1/departments/defaults');
    expect((await stepsOf(c)).missingMasterData).toEqual(['ars', 'areaKm2']);
  });

  it('an invitation into a network is not membership: the step stays open, the invitation is counted', async () => {
    const { m, c } = await tenant('coordinator');
    const moderator = await buildUser(ctx.db);
    const net = await buildNetwork(ctx.db, moderator.id, []);
    await ctx.db
      .insertInto('networkMembers')
      .values({
        id: crypto.randomUUID(),
        networkId: net.id,
        municipalityId: m.id,
        joinedOn: '2026-01-01',
        status: 'invited',
      })
      .execute();
    const s = await stepsOf(c);
    expect(s.counts.networkInvitations).toBe(1);
    expect((await done(c)).network).toBe(false);
  });

  it('another municipality’s data never ticks mine', async () => {
    const mine = await tenant('coordinator');
    const other = await tenant('coordinator');
    await other.c.post('/api/v1/invitations', { email: 'fremd@example.org', role: 'staff' });
    await other.c.post('/api/v1/needs', { title: 'Fremder Bedarf', source: 'department' });
    await other.c.post('/api/v1/ideas', { title: 'Fremde Idee' });
    const tp = (await other.c.get('/api/v1/target-picture')).json();
    await other.c.put('/api/v1/target-picture', { version: 0, vision: 'Fremdes Zielbild', fields: tp.fields });
    const project = (await other.c.post('/api/v1/projects', { title: 'Fremdes Projekt' })).json();
    await councilPaper(other.c, project.id);
    const moderator = await buildUser(ctx.db);
    await buildNetwork(ctx.db, moderator.id, [other.m.id]);
    await buildUser(ctx.db, { municipalityId: other.m.id, role: 'staff' });
    // the same person in both municipalities sees each one's own state
    await ctx.db
      .insertInto('memberships')
      .values({ userId: mine.u.id, municipalityId: other.m.id, role: 'staff' })
      .execute();

    const s = await stepsOf(mine.c);
    expect((s.steps as Steps).filter((x) => x.done).map((x) => x.key)).toEqual(['masterData']);
    expect(s.counts).toEqual({
      members: 1,
      openInvitations: 0,
      needs: 0,
      ideas: 0,
      goals: 0,
      projects: 0,
      councilPapers: 0,
      networks: 0,
      networkInvitations: 0,
    });
    expect(s.latestProjectId).toBeNull();
    expect((await done(other.c)).councilPaper).toBe(true);
  });

  it('is hidden and shown again per person and municipality', async () => {
    const { m, u, c } = await tenant('coordinator');
    const colleague = await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' });
    const cc = await login(ctx.app, colleague.email);
    const second = await buildMunicipality(ctx.db);
    await ctx.db
      .insertInto('memberships')
      .values({ userId: u.id, municipalityId: second.id, role: 'coordinator' })
      .execute();

    const hidden = await c.put('/api/v1/first-steps/dismissal', { dismissed: true });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json().dismissedAt).not.toBeNull();
    expect((await stepsOf(c)).dismissedAt).not.toBeNull();
    // the colleague still gets the help, and so does the same person in the other municipality
    expect((await stepsOf(cc)).dismissedAt).toBeNull();
    expect((await c.post('/api/v1/auth/switch', { municipalityId: second.id })).statusCode).toBe(200);
    expect((await stepsOf(c)).dismissedAt).toBeNull();
    expect((await c.post('/api/v1/auth/switch', { municipalityId: m.id })).statusCode).toBe(200);

    const shown = await c.put('/api/v1/first-steps/dismissal', { dismissed: false });
    expect(shown.json().dismissedAt).toBeNull();
    expect((await stepsOf(c)).dismissedAt).toBeNull();
  });

  it('rejects a bad body with a field error, and needs a municipality and a session', async () => {
    const { c } = await tenant('coordinator');
    const bad = await c.put('/api/v1/first-steps/dismissal', { dismissed: 'ja' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('dismissed');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/first-steps' })).statusCode).toBe(401);
    const moderator = await login(ctx.app, (await buildUser(ctx.db)).email);
    expect((await moderator.get('/api/v1/first-steps')).statusCode).toBe(403);
  });

  it('is not meant for roles that do not do these steps', async () => {
    for (const role of ['staff', 'council', 'mayor'] as const) {
      const { c } = await tenant(role);
      expect((await stepsOf(c)).forRole, role).toBe(false);
    }
    expect((await stepsOf((await tenant('admin')).c)).forRole).toBe(true);
  });
});

describe('platform start', () => {
  it('ticks the next steps from platform data and lists open invitations', async () => {
    const admin = await login(ctx.app, (await buildUser(ctx.db, { isPlatformAdmin: true })).email);
    const before = (await admin.get('/api/v1/platform/start')).json();
    expect(before.steps.map((s: { key: string }) => s.key)).toEqual([
      'import',
      'invite',
      'network',
      'moderator',
      'legal',
    ]);
    const m = await buildMunicipality(ctx.db, { name: 'Einladungsdorf' });
    const inv = await admin.post(`/api/v1/municipalities/${m.id}/invitations`, {
      email: 'erste@einladungsdorf.example',
      role: 'coordinator',
    });
    expect(inv.statusCode, inv.body).toBe(201);
    await ctx.db
      .insertInto('importJobs')
      .values({ id: crypto.randomUUID(), fileName: 'GV100AD.txt', status: 'done', finishedAt: new Date() })
      .execute();
    const after = (await admin.get('/api/v1/platform/start')).json();
    expect(after.counts.imports).toBe(before.counts.imports + 1);
    expect(after.counts.openInvitations).toBe(before.counts.openInvitations + 1);
    expect(after.lastImportAt).not.toBeNull();
    const steps = Object.fromEntries(after.steps.map((s: { key: string; done: boolean }) => [s.key, s.done]));
    expect(steps.import).toBe(true);
    expect(steps.invite).toBe(true);
    expect(after.invitations).toContainEqual(
      expect.objectContaining({
        municipality: 'Einladungsdorf',
        email: 'erste@einladungsdorf.example',
        role: 'coordinator',
      }),
    );
    // a network without moderator leaves the moderation step open
    await ctx.db
      .insertInto('networks')
      .values({ id: crypto.randomUUID(), name: 'Ohne Moderation', type: 'circle', description: '' })
      .execute();
    const open = (await admin.get('/api/v1/platform/start')).json();
    expect(open.steps.find((s: { key: string }) => s.key === 'network').done).toBe(true);
    expect(open.steps.find((s: { key: string }) => s.key === 'moderator').done).toBe(false);

    // the legal texts: open while the sample's placeholders are public, done once both are filled in
    expect(open.counts.sampleLegalPages).toBe(2);
    expect(open.steps.find((s: { key: string }) => s.key === 'legal').done).toBe(false);
    for (const page of ['privacy', 'imprint']) {
      const r = await admin.put(`/api/v1/legal/${page}`, {
        markdown: `# Text\n\nKommunale IT, Hauptstraße 1`,
        version: 0,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const filled = (await admin.get('/api/v1/platform/start')).json();
    expect(filled.counts.sampleLegalPages).toBe(0);
    expect(filled.steps.find((s: { key: string }) => s.key === 'legal').done).toBe(true);
  });

  it('is for platform administrators only', async () => {
    const { c } = await tenant('admin');
    expect((await c.get('/api/v1/platform/start')).statusCode).toBe(403);
  });
});

describe('monitoring cards of the start page', () => {
  it('tell "nothing yet" apart from "all well": what there is to watch is counted', async () => {
    const { c } = await tenant('coordinator');
    const empty = (await c.get('/api/v1/portfolio/attention')).json();
    expect(empty.atRisk).toEqual([]);
    expect(empty.basis).toEqual({
      activeProjects: 0,
      reportedProjects: 0,
      openMilestones: 0,
      plannedHours: 0,
      needs: 0,
    });

    const p = (await c.post('/api/v1/projects', { title: 'E-Akte', startsOn: '2027-01-01' })).json();
    await c.post(`/api/v1/projects/${p.id}/milestones`, { title: 'Pilot', dueOn: '2099-01-01' });
    const unreported = (await c.get('/api/v1/portfolio/attention')).json();
    expect(unreported.basis).toMatchObject({ activeProjects: 1, reportedProjects: 0, openMilestones: 1 });
    const report = await c.post(`/api/v1/projects/${p.id}/reports`, {
      reportedOn: '2027-01-01',
      scope: 'green',
      schedule: 'green',
      budget: 'green',
      overall: 'green',
    });
    expect(report.statusCode, report.body).toBe(201);
    const green = (await c.get('/api/v1/portfolio/attention')).json();
    expect(green.atRisk).toEqual([]);
    expect(green.basis).toMatchObject({ activeProjects: 1, reportedProjects: 1 });
  });
});
