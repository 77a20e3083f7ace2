import { addDays, occurrences } from '@dz/core';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { expectTaggedPdf } from '../../../test/pdf-tags.js';
import { pdfText } from '../../../test/pdf-text.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const item = {
  audience: 'staff_council',
  message: 'Personalrat über die E-Akte informieren',
  channel: 'email',
  dueOn: '2027-03-01',
};

describe('communication plan', () => {
  it('coordinators plan, everyone of the municipality reads; stale versions conflict', async () => {
    const m = await buildMunicipality(ctx.db);
    const coordUser = await buildUser(ctx.db, {
      municipalityId: m.id,
      role: 'coordinator',
      name: 'Clara Koordination',
    });
    const coord = await login(ctx.app, coordUser.email);
    const staff = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
    const council = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'council' })).email);
    const projectId = (await coord.post('/api/v1/projects', { title: 'E-Akte' })).json().id as string;

    expect((await staff.post('/api/v1/communication', item)).statusCode).toBe(403);
    expect((await council.post('/api/v1/communication', item)).statusCode).toBe(403);
    const created = await coord.post('/api/v1/communication', { ...item, projectId, ownerId: coordUser.id });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ project: 'E-Akte', owner: 'Clara Koordination', status: 'planned', cadence: 'once' });
    await coord.post('/api/v1/communication', { ...item, message: 'Rundmail an alle', audience: 'all_staff' });

    const seen = (await staff.get('/api/v1/communication')).json();
    expect(seen.items).toHaveLength(2);
    expect(seen.can).toEqual({ edit: false });
    expect((await coord.get('/api/v1/communication')).json().can).toEqual({ edit: true });
    expect((await staff.get(`/api/v1/communication?projectId=${projectId}`)).json().items).toHaveLength(1);

    const updated = await coord.put(`/api/v1/communication/${c.id}`, { ...item, version: 1, status: 'done' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, status: 'done', projectId: null });
    const stale = await coord.put(`/api/v1/communication/${c.id}`, { ...item, version: 1, status: 'skipped' });
    expect(stale.statusCode).toBe(409);
    expect((await staff.put(`/api/v1/communication/${c.id}`, { ...item, version: 2 })).statusCode).toBe(403);
    expect((await staff.del(`/api/v1/communication/${c.id}`)).statusCode).toBe(403);
    expect((await coord.del(`/api/v1/communication/${c.id}`)).statusCode).toBe(200);
    expect((await coord.del(`/api/v1/communication/${c.id}`)).statusCode).toBe(404);
  });

  it('answers with German field errors and keeps to the own municipality', async () => {
    const m = await buildMunicipality(ctx.db);
    const other = await buildMunicipality(ctx.db);
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    const foreignUser = await buildUser(ctx.db, { municipalityId: other.id, role: 'coordinator' });
    const foreign = await login(ctx.app, foreignUser.email);
    const foreignProject = (await foreign.post('/api/v1/projects', { title: 'Fremdes Projekt' })).json().id as string;
    const foreignItem = (await foreign.post('/api/v1/communication', item)).json().id as string;

    const wrongProject = await coord.post('/api/v1/communication', { ...item, projectId: foreignProject });
    expect(wrongProject.statusCode).toBe(400);
    expect(wrongProject.json().errors[0]).toMatchObject({ path: 'body.projectId', code: 'unknown_project' });
    const wrongOwner = await coord.post('/api/v1/communication', { ...item, ownerId: foreignUser.id });
    expect(wrongOwner.statusCode).toBe(400);
    expect(wrongOwner.json().errors[0]).toMatchObject({
      path: 'body.ownerId',
      message: 'Wählen Sie eine Person Ihrer eigenen Kommune.',
    });
    const noDept = await coord.post('/api/v1/communication', { ...item, audience: 'department' });
    expect(noDept.json().errors[0]).toMatchObject({ path: 'body.departmentId', code: 'department_required' });
    expect((await coord.put(`/api/v1/communication/${foreignItem}`, { ...item, version: 1 })).statusCode).toBe(404);
    expect((await coord.del(`/api/v1/communication/${foreignItem}`)).statusCode).toBe(404);
    const apply = { projectId: foreignProject, phase: 'kickoff', anchorDate: '2027-01-04' };
    expect((await coord.post('/api/v1/communication/templates/apply', apply)).statusCode).toBe(404);
    expect((await coord.get('/api/v1/communication')).json().items).toEqual([]);
  });

  it('applies a phase template relative to the anchor date and puts planned items into the calendar feed', async () => {
    const m = await buildMunicipality(ctx.db);
    const coordUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
    const coord = await login(ctx.app, coordUser.email);
    const projectId = (await coord.post('/api/v1/projects', { title: 'Bauhof-App' })).json().id as string;
    const applied = await coord.post('/api/v1/communication/templates/apply', {
      projectId,
      phase: 'before_go_live',
      anchorDate: '2027-06-01',
    });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toEqual({ created: 4 });
    const items = (await coord.get(`/api/v1/communication?projectId=${projectId}`)).json().items;
    expect(items.map((i: { dueOn: string }) => i.dueOn)).toEqual([
      '2027-05-04',
      '2027-05-11',
      '2027-05-18',
      '2027-05-25',
    ]);
    expect(items.every((i: { ownerId: string; phase: string }) => i.ownerId === coordUser.id)).toBe(true);
    expect(items.every((i: { phase: string }) => i.phase === 'before_go_live')).toBe(true);
    // a skipped item leaves the calendar; a quarterly one appears once per quarter
    const first = items[0];
    const skipped = await coord.put(`/api/v1/communication/${first.id}`, {
      version: 1,
      projectId,
      audience: first.audience,
      message: first.message,
      channel: first.channel,
      dueOn: first.dueOn,
      status: 'skipped',
    });
    expect(skipped.statusCode).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    await coord.post('/api/v1/communication', {
      ...item,
      message: 'Sachstand an den Rat',
      dueOn: today,
      cadence: 'quarterly',
    });

    const feed = (await coord.post('/api/v1/calendar-feed')).json();
    const ics = await ctx.app.inject({ method: 'GET', url: new URL(feed.url).pathname });
    expect(ics.statusCode).toBe(200);
    const events = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const summaries = events.map((e) => e.summary);
    expect(summaries).toContain(
      'Kommunikation: Aushang mit Umstellungstermin, Schulungen und Hilfe-Kontakt (Bauhof-App)',
    );
    expect(summaries.filter((s) => s.startsWith('Kommunikation:')).length).toBe(
      3 + occurrences(today, 'quarterly', addDays(today, 365)).length,
    );
    expect(summaries.some((s) => s.includes('Ablauf der Umstellung'))).toBe(false);
    const council = events.filter((e) => e.summary === 'Kommunikation: Sachstand an den Rat');
    expect(council[0]?.startDate.toString()).toBe(today);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });
});

describe('quarterly progress report for the council', () => {
  it('reads portfolio, milestones of the quarter and published successes into a tagged PDF; the council reads it', async () => {
    const m = await buildMunicipality(ctx.db, { name: 'Berichtsstadt' });
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    const council = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'council' })).email);
    const today = new Date().toISOString().slice(0, 10);
    const p = (await coord.post('/api/v1/projects', { title: 'Digitale Bauakte', phase: 'implementation' })).json();
    await coord.post(`/api/v1/projects/${p.id}/milestones`, {
      title: 'Scanstraße läuft',
      dueOn: today,
      reachedOn: today,
    });
    const publish = async (body: Record<string, unknown>) => {
      const n = (await coord.post('/api/v1/news', body)).json();
      await coord.post(`/api/v1/news/${n.id}/publish`, { version: n.version });
    };
    await publish({ title: 'Bauakten jetzt digital', body: 'Seit heute.' });
    // scheduled or for one department only: not in the report the whole council reads
    await publish({ title: 'Kommt erst noch', body: 'x', publishOn: '2099-01-01' });
    const dept = await ctx.db
      .selectFrom('departments')
      .select('id')
      .where('municipalityId', '=', m.id)
      .executeTakeFirstOrThrow();
    await publish({ title: 'Nur fürs Bauamt', body: 'x', audience: 'departments', departmentIds: [dept.id] });
    // another municipality's project stays out
    const other = await buildMunicipality(ctx.db);
    const oc = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: other.id, role: 'coordinator' })).email);
    await oc.post('/api/v1/projects', { title: 'Fremdes Vorhaben', phase: 'implementation' });

    expect((await coord.get('/api/v1/communication/progress-report?quarter=2026-Q5')).statusCode).toBe(400);
    const res = await council.get('/api/v1/communication/progress-report');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    // tagged (PDF/UA): structure tree, headings, tables with header cells
    const roles = await expectTaggedPdf(res.rawPayload);
    for (const r of ['H1', 'H2', 'Table', 'TH']) expect(roles).toContain(r);
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Sachstandsbericht Digitalisierung Q');
    expect(text).toContain('Digitale Bauakte');
    expect(text).toContain('Scanstraße läuft');
    expect(text).toContain('Bauakten jetzt digital');
    expect(text).not.toContain('Fremdes Vorhaben');
    expect(text).toContain('Es liegt noch keine abgeschlossene Runde des Veränderungspulses vor.');
    expect(text).not.toContain('Kommt erst noch');
    expect(text).not.toContain('Nur fürs Bauamt');
    // an empty past quarter says so instead of showing nothing
    const old = (
      await pdfText((await coord.get('/api/v1/communication/progress-report?quarter=2020-Q1')).rawPayload)
    ).replace(/\s+/g, ' ');
    expect(old).toContain('Im Q1/2020 wurde kein Meilenstein erreicht.');
  });
});
