import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from './factories.js';
import { type Client, createTestContext, login, type TestContext } from './helpers.js';
import { buildResources, fillIds, fillPath } from './resource-fixtures.js';
import { ROUTES } from './tenancy-routes.js';
import { WRITE_BODIES } from './write-bodies.js';

/**
 * Cross-tenant suite: enumerates every registered API route. A user of municipality A, holding B's
 * resource ids, must get 403/404 on every route that takes an id, and routes without ids must never
 * return B's data. A route missing from ROUTES fails the test, so new routes must be classified in tenancy-routes.ts.
 */

let ctx: TestContext;
let a: Client;
const ids: Record<string, string> = {};
const markers: string[] = [];
let aEmail = '';

beforeAll(async () => {
  ctx = await createTestContext();
  const A = await buildMunicipality(ctx.db, { name: 'Gemeinde A' });
  const B = await buildMunicipality(ctx.db, { name: 'Gemeinde B' });
  const ua = await buildUser(ctx.db, { municipalityId: A.id, role: 'admin' });
  aEmail = ua.email;
  const ub = await buildUser(ctx.db, {
    municipalityId: B.id,
    role: 'admin',
    email: 'geheim-b@example.org',
    name: 'Berta Geheim',
  });
  const ub2 = await buildUser(ctx.db, { municipalityId: B.id, role: 'staff', email: 'kollege-b@example.org' });
  const built = await buildResources(ctx, B, ub, ub2);
  Object.assign(ids, built.ids, { B_MUNICIPALITY: B.id, A_MUNICIPALITY: A.id, A_EMAIL: ua.email });
  markers.push(...built.markers);
  a = await login(ctx.app, ua.email);
});
afterAll(() => ctx?.close());

const fill = (url: string) => fillPath(url, ids);
const fillBody = (body?: Record<string, unknown>) => fillIds(body, ids);

describe('cross-tenant isolation', () => {
  it('classifies every registered route', () => {
    const api = ctx.app.routeList.filter(
      (r) =>
        r.url.startsWith('/api/v1') || r.url.startsWith('/oparl/') || ['/health', '/ready', '/metrics'].includes(r.url),
    );
    const unclassified = api.map((r) => `${r.method} ${r.url}`).filter((k) => !(k in ROUTES));
    expect(unclassified).toEqual([]);
    expect(api.every((r) => r.access)).toBe(true);
    // a route declared public must be classified public here, and vice versa
    const mismatch = api.filter((r) => (r.access === 'public') !== (ROUTES[`${r.method} ${r.url}`]?.kind === 'public'));
    expect(mismatch).toEqual([]);
    const stale = Object.keys(ROUTES).filter((k) => !api.some((r) => `${r.method} ${r.url}` === k));
    expect(stale).toEqual([]);
  });

  it('answers 403/404 to A on every route that names B’s resources', async () => {
    const failures: string[] = [];
    for (const r of ctx.app.routeList) {
      const key = `${r.method} ${r.url}`;
      const spec = ROUTES[key];
      if (spec?.kind !== 'foreign') continue;
      const res: LightMyRequestResponse = await a.inject({
        method: r.method as 'GET',
        url: fill(r.url),
        payload: fillBody(spec.body ?? WRITE_BODIES[key]),
      });
      if (res.statusCode !== 403 && res.statusCode !== 404)
        failures.push(`${key} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  });

  it('never shows B’s data on A’s own routes', async () => {
    const leaks: string[] = [];
    for (const r of ctx.app.routeList) {
      const key = `${r.method} ${r.url}`;
      const spec = ROUTES[key];
      if (spec?.kind !== 'own' || r.method !== 'GET') continue;
      const res = await a.inject({ method: 'GET', url: r.url });
      expect(res.statusCode, key).toBeLessThan(400);
      for (const m of markers) if (res.body.includes(m)) leaks.push(`${key} contains ${m}`);
    }
    expect(leaks).toEqual([]);
  });

  it('lets A mark only its own notifications as read, never B’s', async () => {
    const res = await a.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      payload: fillBody({ ids: ['notificationId'] }),
    });
    expect(res.statusCode).toBe(200);
    const n = await ctx.db
      .selectFrom('notifications')
      .select('readAt')
      .where('id', '=', ids.notificationId!)
      .executeTakeFirstOrThrow();
    expect(n.readAt).toBeNull();
  });

  it('left B’s data untouched after all attempts', async () => {
    const dept = await ctx.db
      .selectFrom('departments')
      .select(['name', 'version'])
      .where('id', '=', ids.departmentId!)
      .executeTakeFirstOrThrow();
    expect(dept.version).toBe(1);
    const m = await ctx.db
      .selectFrom('memberships')
      .select('role')
      .where('userId', '=', ids.userId!)
      .executeTakeFirstOrThrow();
    expect(m.role).toBe('staff');
    const inv = await ctx.db
      .selectFrom('invitations')
      .select('revokedAt')
      .where('id', '=', ids.invitationId!)
      .executeTakeFirstOrThrow();
    expect(inv.revokedAt).toBeNull();
    const n = await ctx.db
      .selectFrom('networks')
      .select(['name', 'version'])
      .where('id', '=', ids.networkId!)
      .executeTakeFirstOrThrow();
    expect(n).toEqual({ name: 'Geheimer Zirkel B', version: 1 });
    const sv = await ctx.db
      .selectFrom('surveys')
      .select(['title', 'version', 'status'])
      .where('id', '=', ids.surveyId!)
      .executeTakeFirstOrThrow();
    expect(sv).toEqual({ title: 'Geheime Umfrage B', version: 2, status: 'open' });
    const resp = await ctx.db
      .selectFrom('surveyResponses')
      .select(['answers', 'status'])
      .where('surveyId', '=', ids.surveyId!)
      .execute();
    expect(resp).toEqual([{ answers: { groesster: 'Geheimer Schmerz B' }, status: 'draft' }]);
    const wsRow = await ctx.db
      .selectFrom('workshops')
      .select(['title', 'version', 'status'])
      .where('id', '=', ids.workshopId!)
      .executeTakeFirstOrThrow();
    expect(wsRow).toEqual({ title: 'Geheimer Workshop B', version: 1, status: 'planned' });
    expect(
      await ctx.db.selectFrom('needs').select(['title', 'version', 'status']).where('id', '=', ids.needId!).execute(),
    ).toEqual([{ title: 'Geheimer Bedarf Bauhof B', version: 1, status: 'open' }]);
    expect(
      await ctx.db
        .selectFrom('communicationItems')
        .select(['message', 'version', 'status'])
        .where('id', '=', ids.communicationId!)
        .execute(),
    ).toEqual([{ message: 'Geheime Botschaft B', version: 1, status: 'planned' }]);
    expect(
      await ctx.db.selectFrom('trainings').select(['title', 'version']).where('id', '=', ids.trainingId!).execute(),
    ).toEqual([{ title: 'Geheime Schulung B', version: 1 }]);
    expect(
      await ctx.db
        .selectFrom('trainingAssignments')
        .select(['version', 'status'])
        .where('id', '=', ids.assignmentId!)
        .execute(),
    ).toEqual([{ version: 1, status: 'planned' }]);
    // A's template may not add items to B's project
    expect(
      await ctx.db.selectFrom('communicationItems').select('id').where('projectId', '=', ids.projectId!).execute(),
    ).toHaveLength(1);
    expect(
      await ctx.db
        .selectFrom('staffCouncilChecks')
        .select(['note', 'version', 'status'])
        .where('projectId', '=', ids.projectId!)
        .execute(),
    ).toEqual([{ note: 'Geheime Personalratsnotiz B', version: 1, status: 'informed' }]);
    // B's network guide (version 2 after its file), its file and its ticks for B and B's project
    expect(
      await ctx.db
        .selectFrom('guides')
        .select(['title', 'version', 'archivedAt'])
        .where('id', '=', ids.guideId!)
        .execute(),
    ).toEqual([{ title: 'Geheime Hilfe B', version: 2, archivedAt: null }]);
    expect(
      await ctx.db.selectFrom('guideFiles').select('id').where('guideId', '=', ids.guideId!).execute(),
    ).toHaveLength(1);
    expect(
      await ctx.db.selectFrom('guideTicks').select('itemKey').where('guideId', '=', ids.guideId!).execute(),
    ).toHaveLength(2);
    expect(
      await ctx.db
        .selectFrom('projects')
        .select(['title', 'version', 'phase'])
        .where('id', '=', ids.projectId!)
        .execute(),
    ).toEqual([{ title: 'Geheimes Projekt B', version: 2, phase: 'idea' }]);
    expect(
      await ctx.db.selectFrom('staffCapacity').select('hoursPerWeek').where('userId', '=', ids.userId!).execute(),
    ).toEqual([{ hoursPerWeek: 7 }]);
    expect(
      await ctx.db.selectFrom('projectEffort').select('hours').where('projectId', '=', ids.projectId!).execute(),
    ).toEqual([{ hours: 12 }]);
    expect(
      await ctx.db.selectFrom('risks').select(['title', 'version']).where('projectId', '=', ids.projectId!).execute(),
    ).toEqual([{ title: 'Geheimes Risiko B', version: 1 }]);
    expect(
      await ctx.db.selectFrom('costLines').select('label').where('projectId', '=', ids.projectId!).execute(),
    ).toEqual([{ label: 'Geheime Kostenzeile B' }]);
    for (const t of ['milestones', 'tasks', 'projectLinks', 'projectFiles', 'projectComments'] as const)
      expect(await ctx.db.selectFrom(t).select('id').where('projectId', '=', ids.projectId!).execute(), t).toHaveLength(
        1,
      );
    expect(
      await ctx.db.selectFrom('ideas').select(['title', 'version', 'status']).where('id', '=', ids.ideaId!).execute(),
    ).toEqual([{ title: 'Geheime Idee der Belegschaft B', version: 1, status: 'new' }]);
    expect(
      await ctx.db.selectFrom('ideaSupports').select('userId').where('ideaId', '=', ids.ideaId!).execute(),
    ).toEqual([]);
    expect(
      await ctx.db.selectFrom('workshopItems').select('id').where('workshopId', '=', ids.workshopId!).execute(),
    ).toHaveLength(1);
    expect(
      await ctx.db.selectFrom('workshopIdeas').select('text').where('workshopId', '=', ids.workshopId!).execute(),
    ).toEqual([{ text: 'Geheime Idee B' }]);
    expect(
      await ctx.db
        .selectFrom('workshopActions')
        .select(['what', 'version'])
        .where('workshopId', '=', ids.workshopId!)
        .execute(),
    ).toEqual([{ what: 'Geheime Aufgabe B', version: 1 }]);
    const mods = await ctx.db
      .selectFrom('networkModerators')
      .select('userId')
      .where('networkId', '=', ids.networkId!)
      .execute();
    expect(mods).toHaveLength(1);
    const muni = await ctx.db
      .selectFrom('municipalities')
      .select('name')
      .where('id', '=', ids.municipalityId!)
      .executeTakeFirstOrThrow();
    expect(muni.name).toBe('Gemeinde B');
    const aAudit = await ctx.db
      .selectFrom('auditLog')
      .select('id')
      .where('municipalityId', '=', ids.B_MUNICIPALITY!)
      .where('actorId', 'in', [
        (await ctx.db.selectFrom('users').select('id').where('email', '=', aEmail).executeTakeFirstOrThrow()).id,
      ])
      .execute();
    expect(aAudit).toEqual([]);
    const pub = await ctx.db
      .selectFrom('publications')
      .select(['version', 'title', 'status'])
      .where('id', '=', ids.publicationId!)
      .executeTakeFirstOrThrow();
    expect(pub).toEqual({ version: 1, title: 'Geheimes Projekt B', status: 'published' });
    expect(await ctx.db.selectFrom('lighthouseMarks').selectAll().execute()).toEqual([]);
    expect(await ctx.db.selectFrom('exchangePosts').selectAll().execute()).toEqual([]);
    expect(await ctx.db.selectFrom('reuses').selectAll().execute()).toEqual([]);
    const req = await ctx.db
      .selectFrom('contactRequests')
      .select('status')
      .where('id', '=', ids.requestId!)
      .executeTakeFirstOrThrow();
    expect(req.status).toBe('open');
    const joint = await ctx.db
      .selectFrom('jointProjects')
      .select(['version', 'title'])
      .where('id', '=', ids.jointId!)
      .executeTakeFirstOrThrow();
    expect(joint).toEqual({ version: 1, title: 'Geheimes Gemeinschaftsprojekt B' });
    const entries = await ctx.db
      .selectFrom('jointEntries')
      .select('id')
      .where('jointProjectId', '=', ids.jointId!)
      .execute();
    expect(entries).toHaveLength(1);
  });

  it('shows a published entry only as published: search, facets, detail, matching and exports', async () => {
    const b = await login(ctx.app, 'geheim-b@example.org');
    const open = (
      await b.post('/api/v1/projects', { title: 'Offene Bürgerdienste B', description: 'Geheime Projektnotiz B2' })
    ).json().id as string;
    await b.post(`/api/v1/projects/${open}/comments`, { body: 'Geheimer Kommentar B2' });
    await b.post(`/api/v1/projects/${open}/tasks`, { title: 'Öffentliche Aufgabe', assigneeId: ids.userId });
    const pub = (
      await b.put(`/api/v1/projects/${open}/publication`, {
        version: 0,
        visibility: 'all',
        title: 'Offene Bürgerdienste B',
        problem: 'Bürgerdienste sind nur vor Ort erreichbar.',
        stage: 'running',
        contactRole: 'Hauptamt',
      })
    ).json().publicationId as string;
    const secret = [...markers, 'Geheime Projektnotiz B2', 'Geheimer Kommentar B2'];
    const responses = [
      await a.get('/api/v1/exchange?q=Bürgerdienst'),
      await a.get('/api/v1/exchange?q=Geheim'),
      await a.get('/api/v1/exchange?mode=similar'),
      await a.get(`/api/v1/exchange/${pub}`),
    ];
    const own = (await a.post('/api/v1/needs', { title: 'Bürgerdienste online anbieten', source: 'citizen' })).json();
    responses.push(await a.get(`/api/v1/needs/${own.id}/partners`));
    const search = responses[0]!.json();
    expect(search.items.map((x: { id: string }) => x.id)).toEqual([pub]);
    expect(search.facets.stage).toEqual([{ value: 'running', label: 'running', count: 1 }]);
    // B's network-only entry is not even counted for A
    expect(responses[1]!.json().total).toBe(0);
    const partner = responses[4]!
      .json()
      .items.find((x: { municipality: { name: string } }) => x.municipality.name === 'Gemeinde B');
    expect(partner.matches).toEqual([{ kind: 'project', id: pub, title: 'Offene Bürgerdienste B' }]);
    for (const r of responses) {
      expect(r.statusCode).toBeLessThan(400);
      for (const m of secret) expect(r.body, m).not.toContain(m);
    }
    expect(responses[3]!.json().template.tasks).toEqual([{ title: 'Öffentliche Aufgabe', offsetDays: null }]);
    // A adopting the entry gets a template, never B's people
    const adopted = (
      await a.post(`/api/v1/exchange/${pub}/adoption`, { title: 'Von B übernommen', startsOn: '2027-01-01' })
    ).json().id;
    const copy = await a.get(`/api/v1/projects/${adopted}`);
    for (const m of secret) expect(copy.body, m).not.toContain(m);
    const csv = await a.get('/api/v1/projects/export?format=csv');
    for (const m of secret) expect(csv.body, m).not.toContain(m);
  });

  it('denies every non-public route without a session (401)', async () => {
    const failures: string[] = [];
    for (const r of ctx.app.routeList) {
      const key = `${r.method} ${r.url}`;
      const spec = ROUTES[key];
      if (!spec || r.access === 'public') continue;
      const res = await ctx.app.inject({
        method: r.method as 'GET',
        url: fill(r.url),
        payload: fillBody(('body' in spec ? spec.body : undefined) ?? WRITE_BODIES[key]),
      });
      if (res.statusCode !== 401) failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
