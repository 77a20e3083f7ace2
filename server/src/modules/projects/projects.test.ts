import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { createTestContext, login, mailTexts, multipart, type TestContext } from '../../../test/helpers.js';
import { openCsvInCalc } from '../../../test/libreoffice.js';
import { mentionedNames } from './projects.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function setup() {
  const m = await buildMunicipality(ctx.db);
  const coordUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator', name: 'Clara Koordinatorin' });
  const staffUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff', name: 'Stefan Sachbearbeiter' });
  const otherUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff', name: 'Olga Ohneteam' });
  return {
    m,
    coordUser,
    staffUser,
    otherUser,
    coord: await login(ctx.app, coordUser.email),
    staff: await login(ctx.app, staffUser.email),
    other: await login(ctx.app, otherUser.email),
  };
}

function mailsTo(to: string): Promise<string[]> {
  return mailTexts(ctx.outbox, to);
}

describe('projects', () => {
  it('finds @mentions, longest name first', () => {
    expect(mentionedNames('Bitte @Anna Berg und @Bernd prüfen', ['Anna', 'Anna Berg', 'Bernd', 'Carl'])).toEqual([
      'Anna Berg',
      'Bernd',
    ]);
    expect(mentionedNames('keine Erwähnung', ['Anna'])).toEqual([]);
  });

  it('a coordinator creates a project from a need; the need moves to planned; the team edits it', async () => {
    const { coord, staff, other, staffUser } = await setup();
    const need = (await coord.post('/api/v1/needs', { title: 'Digitale Bauhof-Planung', source: 'employee' })).json()
      .id;
    const res = await coord.post('/api/v1/projects', {
      title: 'Einsatzplanung Bauhof digital',
      description: 'Touren digital planen',
      needIds: [need],
      teamIds: [staffUser.id],
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    expect((await coord.get(`/api/v1/needs/${need}`)).json().status).toBe('planned');
    const d = (await staff.get(`/api/v1/projects/${id}`)).json();
    expect(d.needs.map((n: { title: string }) => n.title)).toEqual(['Digitale Bauhof-Planung']);
    expect(d.owner.name).toBe('Clara Koordinatorin');
    expect(d.can.edit).toBe(true);
    // staff outside the team read but do not edit
    const od = (await other.get(`/api/v1/projects/${id}`)).json();
    expect(od.can.edit).toBe(false);
    expect(
      (await other.post(`/api/v1/projects/${id}/milestones`, { title: 'Abnahme', dueOn: '2027-02-01' })).statusCode,
    ).toBe(403);
    // staff may not create projects
    expect((await staff.post('/api/v1/projects', { title: 'Eigenes Projekt' })).statusCode).toBe(403);
    // end before start is refused with a field error
    const bad = await coord.post('/api/v1/projects', { title: 'Falsch', startsOn: '2027-05-01', endsOn: '2027-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.endsOn');
  });

  it('refuses needs, goals, departments and people of another municipality', async () => {
    const { coord } = await setup();
    const o = await setup();
    const foreignNeed = (await o.coord.post('/api/v1/needs', { title: 'Fremder Bedarf', source: 'citizen' })).json().id;
    const r1 = await coord.post('/api/v1/projects', { title: 'Projekt', needIds: [foreignNeed] });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().errors[0].path).toBe('body.needIds');
    const r2 = await coord.post('/api/v1/projects', { title: 'Projekt', ownerId: o.coordUser.id });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().errors[0].path).toBe('body.ownerId');
    expect((await coord.get('/api/v1/projects')).json().total).toBe(0);
  });

  it('two people editing the same project: the second gets 409 with the current state, nothing is lost', async () => {
    const { coord, staff, staffUser } = await setup();
    const id = (
      await coord.post('/api/v1/projects', { title: 'Ratsinformationssystem', teamIds: [staffUser.id] })
    ).json().id;
    const d = (await coord.get(`/api/v1/projects/${id}`)).json();
    const body = (title: string) => ({
      version: d.version,
      title,
      description: d.description,
      ownerId: d.owner.id,
      phase: 'planning',
      startsOn: null,
      endsOn: null,
      teamIds: [staffUser.id],
      departmentIds: [],
      needIds: [],
      goalIds: [],
    });
    const [a, b] = await Promise.all([
      coord.patch(`/api/v1/projects/${id}`, body('Ratsinformationssystem (Koordination)')),
      staff.patch(`/api/v1/projects/${id}`, body('Ratsinformationssystem (Team)')),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(loser.json().current.title).toBe(winner.json().title);
    expect(loser.json().currentVersion).toBe(d.version + 1);
    expect((await coord.get(`/api/v1/projects/${id}`)).json().title).toBe(winner.json().title);
  });

  it('milestones, tasks, status reports, links and files', async () => {
    const { coord, staff, staffUser } = await setup();
    const id = (await coord.post('/api/v1/projects', { title: 'E-Akte', teamIds: [staffUser.id] })).json().id;
    let d = (
      await staff.post(`/api/v1/projects/${id}/milestones`, { title: 'Ausschreibung', dueOn: '2027-03-31' })
    ).json();
    const ms = d.milestones[0];
    d = (await staff.patch(`/api/v1/projects/${id}/milestones/${ms.id}`, { ...ms, reachedOn: '2027-03-20' })).json();
    expect(d.milestones[0].reachedOn).toBe('2027-03-20');
    // stale milestone version
    expect((await staff.patch(`/api/v1/projects/${id}/milestones/${ms.id}`, { ...ms })).statusCode).toBe(409);
    d = (
      await staff.post(`/api/v1/projects/${id}/tasks`, {
        title: 'Anforderungen sammeln',
        assigneeId: staffUser.id,
        dueOn: '2027-02-15',
      })
    ).json();
    expect(d.tasks[0].assignee.id).toBe(staffUser.id);
    d = (
      await staff.patch(`/api/v1/projects/${id}/tasks/${d.tasks[0].id}`, {
        ...d.tasks[0],
        assigneeId: staffUser.id,
        status: 'done',
      })
    ).json();
    expect(d.tasks[0].status).toBe('done');
    const rep = await staff.post(`/api/v1/projects/${id}/reports`, {
      reportedOn: '2027-03-01',
      scope: 'green',
      schedule: 'yellow',
      budget: 'green',
      overall: 'yellow',
      summary: 'Ausschreibung verzögert sich um zwei Wochen.',
    });
    expect(rep.statusCode).toBe(201);
    expect(rep.json().reports[0].author).toBe('Stefan Sachbearbeiter');
    expect(
      (await staff.post(`/api/v1/projects/${id}/reports`, { reportedOn: '2027-03-01', scope: 'blau' })).statusCode,
    ).toBe(400);
    const link = await staff.post(`/api/v1/projects/${id}/links`, {
      title: 'Leistungsbeschreibung',
      url: 'javascript:alert(1)',
    });
    expect(link.statusCode).toBe(400);
    d = (
      await staff.post(`/api/v1/projects/${id}/links`, {
        title: 'Leistungsbeschreibung',
        url: 'https://example.org/lb',
      })
    ).json();
    expect(d.links[0].url).toBe('https://example.org/lb');
    const up = await staff.inject({
      method: 'POST',
      url: `/api/v1/projects/${id}/files`,
      ...multipart('Konzept Übersicht.pdf', Buffer.from('%PDF-1.4 test'), 'application/pdf'),
    });
    expect(up.statusCode).toBe(201);
    const file = up.json().files[0];
    expect(file).toMatchObject({ fileName: 'Konzept Übersicht.pdf', sizeBytes: 13 });
    const dl = await coord.get(`/api/v1/projects/${id}/files/${file.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''Konzept%20%C3%9Cbersicht.pdf");
    expect(dl.body).toBe('%PDF-1.4 test');
    // uploaded HTML is never served as HTML
    const html = await staff.inject({
      method: 'POST',
      url: `/api/v1/projects/${id}/files`,
      ...multipart('x.html', Buffer.from('<script>alert(1)</script>'), 'text/html'),
    });
    const hf = html.json().files.find((f: { fileName: string }) => f.fileName === 'x.html');
    const hdl = await coord.get(`/api/v1/projects/${id}/files/${hf.id}`);
    expect(hdl.headers['content-type']).toBe('application/octet-stream');
    expect(hdl.headers['content-disposition']).toMatch(/^attachment/);
    const empty = await staff.inject({
      method: 'POST',
      url: `/api/v1/projects/${id}/files`,
      ...multipart('leer.txt', Buffer.alloc(0)),
    });
    expect(empty.statusCode).toBe(400);
    d = (await staff.del(`/api/v1/projects/${id}/files/${hf.id}`)).json();
    expect(d.files).toHaveLength(1);
    const list = (await coord.get('/api/v1/projects')).json();
    expect(list.items[0]).toMatchObject({ title: 'E-Akte', overall: 'yellow', nextMilestone: null });
    expect((await coord.get('/api/v1/projects?overall=yellow')).json().total).toBe(1);
    expect((await coord.get('/api/v1/projects?overall=red')).json().total).toBe(0);
  });

  it('comments with @mentions notify the mentioned colleague by email', async () => {
    const { coord, staffUser, otherUser } = await setup();
    const id = (await coord.post('/api/v1/projects', { title: 'Online-Terminvergabe' })).json().id;
    const res = await coord.post(`/api/v1/projects/${id}/comments`, {
      body: '@Stefan Sachbearbeiter können Sie bitte die Schnittstelle prüfen? <b>dringend</b>',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json().comments[0];
    expect(c.mentions).toEqual(['Stefan Sachbearbeiter']);
    expect(c.body).toContain('<b>dringend</b>'); // stored as text, escaped by the UI
    const mails = await mailsTo(staffUser.email);
    expect(mails.length).toBe(1);
    expect(mails[0]).toContain('Online-Terminvergabe');
    expect(mails[0]).toContain(`/projekte/${id}`);
    expect(await mailsTo(otherUser.email)).toHaveLength(0);
  });

  it('portfolio table sorts, filters and exports CSV and XLSX; the board moves by phase and position', async () => {
    const { coord } = await setup();
    const mk = async (title: string, phase: string, endsOn: string | null) =>
      (await coord.post('/api/v1/projects', { title, phase, endsOn })).json().id as string;
    const a = await mk('Bürgerportal', 'planning', '2027-12-31');
    const b = await mk('Antragsmanagement', 'idea', '2027-03-31');
    const c = await mk('Zeiterfassung', 'planning', null);
    const byEnd = (await coord.get('/api/v1/projects?sort=endsOn&dir=asc')).json();
    expect(byEnd.items.map((p: { id: string }) => p.id)).toEqual([b, a, c]);
    const planning = (await coord.get('/api/v1/projects?phase=planning&sort=title')).json();
    expect(planning.items.map((p: { title: string }) => p.title)).toEqual(['Bürgerportal', 'Zeiterfassung']);
    expect((await coord.get('/api/v1/projects?q=portal')).json().total).toBe(1);
    const csv = await coord.get('/api/v1/projects/export?format=csv&phase=planning');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[1]).toContain('Bürgerportal;Planung');
    // in German LibreOffice (formulas evaluated): counts are numbers, a formula-looking title stays text
    await mk('=HYPERLINK("https://example.org";"Klick")', 'planning', '2027-06-30');
    const withEvil = await coord.get('/api/v1/projects/export?format=csv&phase=planning&sort=title');
    const { p } = await openCsvInCalc({ p: withEvil.body });
    expect(p.map((r) => r[0]?.kind)).toEqual(['text', 'text', 'text', 'text']);
    expect(p.map((r) => r[0]?.value)).toContain('\'=HYPERLINK("https://example.org";"Klick")');
    expect(p.slice(1).map((r) => r[8])).toEqual(Array(3).fill({ kind: 'number', value: 0 }));
    const xlsx = await coord.inject({ method: 'GET', url: '/api/v1/projects/export?format=xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Portfolio')?.rowCount).toBe(5);
    const sheet = wb.getWorksheet('Portfolio')!;
    const portal = sheet.getColumn(1).values.indexOf('Bürgerportal');
    expect(sheet.getCell(portal, 6).type).toBe(ExcelJS.ValueType.Date);
    expect((sheet.getCell(portal, 6).value as Date).toISOString()).toBe('2027-12-31T00:00:00.000Z');
    expect(sheet.getCell(portal, 6).numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell(portal, 9).value).toBe(0);
    // board: move Zeiterfassung to the top of "idea"
    const v = (await coord.get(`/api/v1/projects/${c}`)).json().version;
    const mv = await coord.post(`/api/v1/projects/${c}/move`, { version: v, phase: 'idea', position: 0 });
    expect(mv.statusCode).toBe(200);
    expect(mv.json().phase).toBe('idea');
    const board = (await coord.get('/api/v1/projects/board')).json();
    expect(board.items.filter((p: { phase: string }) => p.phase === 'idea').map((p: { id: string }) => p.id)).toEqual([
      c,
      b,
    ]);
    // a stale move is refused
    expect(
      (await coord.post(`/api/v1/projects/${c}/move`, { version: v, phase: 'done', position: 0 })).statusCode,
    ).toBe(409);
  });
});
