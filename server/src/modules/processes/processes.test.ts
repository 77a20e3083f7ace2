import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainTask, chainXml } from '../../../test/bpmn-chain.js';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, multipart, type TestContext } from '../../../test/helpers.js';
import { openCsvInCalc } from '../../../test/libreoffice.js';
import { PUBLIC } from '../exchange/exchange.test-data.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const service = {
  name: 'Gewerbe anmelden',
  subjectArea: 'Unternehmensführung & -entwicklung',
  casesPerYear: 260,
  minutesPerCase: 60,
  ozgLevel: 2,
  ozgTarget: 3,
  mediaBreaks: 3,
};

/** Gewerbeanmeldung today: 3 media breaks, a rework loop after the check (20 % of cases). */
const AS_IS: ChainTask[] = [
  { name: 'Antrag annehmen', minutes: 10, mediaBreak: true },
  { name: 'Daten erfassen', minutes: 15, mediaBreak: true },
  { name: 'Antrag prüfen', minutes: 20, rework: { probability: 0.2, task: 'Unterlagen nachfordern', minutes: 20 } },
  { name: 'An Stellen weiterleiten', minutes: 12, mediaBreak: true },
  { name: 'Ablegen', minutes: 5 },
];
/** Online: the application arrives as data, forwarding is automatic. */
const TO_BE: ChainTask[] = [
  { name: 'Antrag prüfen', minutes: 20, rework: { probability: 0.2, task: 'Unterlagen nachfordern', minutes: 20 } },
  { name: 'An Stellen weiterleiten', minutes: 2 },
  { name: 'Ablegen', minutes: 5 },
];

async function setup(population = 5000) {
  const m = await buildMunicipality(ctx.db, { population });
  const coordUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
  const coord = await login(ctx.app, coordUser.email);
  const staff = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
  const council = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'council' })).email);
  return { m, coord, staff, council };
}

async function modelWith(c: Client, serviceId: string, kind: 'as_is' | 'to_be', name: string, tasks: ChainTask[]) {
  const created = await c.post('/api/v1/processes/models', { serviceId, kind, name });
  expect(created.statusCode).toBe(201);
  const saved = await c.put(`/api/v1/processes/models/${created.json().id}`, {
    version: 1,
    name,
    xml: chainXml(name, tasks),
  });
  expect(saved.statusCode).toBe(200);
  return saved.json();
}

describe('service inventory', () => {
  it('the coordination keeps the inventory; LeiKa keys, names and departments are checked in German', async () => {
    const { coord, staff, council } = await setup();
    expect((await staff.post('/api/v1/processes/services', service)).statusCode).toBe(403);
    const created = await coord.post('/api/v1/processes/services', { ...service, leikaKey: '99 0500 1210 4000' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      leikaKey: '99050012104000',
      hoursPerYear: 260,
      fromModel: false,
      models: 0,
    });

    const shortKey = await coord.post('/api/v1/processes/services', { ...service, name: 'Hund', leikaKey: '1234' });
    expect(shortKey.statusCode).toBe(400);
    expect(shortKey.json().errors[0]).toMatchObject({
      path: 'body.leikaKey',
      message: 'Der LeiKa-Schlüssel hat genau 14 Ziffern.',
    });
    const twice = await coord.post('/api/v1/processes/services', { ...service, name: 'gewerbe ANMELDEN' });
    expect(twice.json().errors[0]).toMatchObject({ path: 'body.name', code: 'duplicate_name' });
    const level = await coord.post('/api/v1/processes/services', { ...service, name: 'X-Dienst', ozgLevel: 5 });
    expect(level.json().errors[0].path).toBe('body.ozgLevel');
    const below = await coord.post('/api/v1/processes/services', {
      ...service,
      name: 'X-Dienst',
      ozgLevel: 4,
      ozgTarget: 2,
    });
    expect(below.json().errors[0]).toMatchObject({
      path: 'body.ozgTarget',
      message: 'Das Ziel liegt unter dem heutigen Reifegrad. Wählen Sie mindestens die heutige Stufe.',
    });

    const id = created.json().id;
    const upd = await coord.put(`/api/v1/processes/services/${id}`, { ...service, version: 1, casesPerYear: 300 });
    expect(upd.json()).toMatchObject({ version: 2, hoursPerYear: 300 });
    expect((await coord.put(`/api/v1/processes/services/${id}`, { ...service, version: 1 })).statusCode).toBe(409);
    expect((await council.put(`/api/v1/processes/services/${id}`, { ...service, version: 2 })).statusCode).toBe(403);
    const list = (await council.get('/api/v1/processes/services')).json();
    expect(list.items).toHaveLength(1);
    expect(list.can).toEqual({ edit: false, model: false, createProject: false });
    expect((await staff.get('/api/v1/processes/services')).json().can).toEqual({
      edit: false,
      model: true,
      createProject: false,
    });
  });

  it('offers the starter list scaled to the population and adds the ticked services once', async () => {
    const { coord } = await setup(5000);
    const list = (await coord.get('/api/v1/processes/services/starter')).json();
    expect(list.population).toBe(5000);
    const gewerbe = list.items.find((s: { key: string }) => s.key === 'gewerbe-an');
    // 8 per 1,000 inhabitants
    expect(gewerbe).toMatchObject({ name: 'Gewerbe anmelden', casesPerYear: 40, added: false });
    const add = await coord.post('/api/v1/processes/services/starter', { keys: ['gewerbe-an', 'hundesteuer'] });
    expect(add.json()).toEqual({ created: 2 });
    expect((await coord.post('/api/v1/processes/services/starter', { keys: ['gewerbe-an'] })).json()).toEqual({
      created: 0,
    });
    const again = (await coord.get('/api/v1/processes/services/starter')).json();
    expect(again.items.find((s: { key: string }) => s.key === 'gewerbe-an').added).toBe(true);
    const unknown = await coord.post('/api/v1/processes/services/starter', { keys: ['kfz-zulassung'] });
    expect(unknown.statusCode).toBe(400);
    const services = (await coord.get('/api/v1/processes/services?sort=name')).json();
    expect(services.items.map((s: { name: string }) => s.name)).toEqual([
      'Gewerbe anmelden',
      'Hund zur Hundesteuer an- oder abmelden',
    ]);
    expect(services.totals).toMatchObject({ services: 2, notOnline: 2 });
  });

  it('imports CSV and XLSX with a report per line: preview stores nothing, commit writes the good lines', async () => {
    const { coord, m } = await setup();
    await ctx.db
      .insertInto('departments')
      .values({ id: crypto.randomUUID(), municipalityId: m.id, code: '32', name: '32 Ordnungsamt' })
      .execute();
    const csv = [
      'Leistung;OZG-Themenfeld;LeiKa-Schlüssel;Fachbereich;Fälle pro Jahr;Minuten pro Fall;OZG-Reifegrad',
      'Gewerbe anmelden;Unternehmensführung & -entwicklung;99050012104000;32 Ordnungsamt;260;25,5;2',
      'Fundsache melden;Recht & Ordnung;123;Ordnungsamt;30;15;0',
      'Plakatierung;;;Plakatamt;12;20;0',
      '',
      'Sondernutzung;;;;-4;20;0',
    ].join('\r\n');
    const file = multipart('leistungen.csv', Buffer.from(`\uFEFF${csv}`, 'utf8'), 'text/csv');
    const preview = await coord.inject({
      method: 'POST',
      url: '/api/v1/processes/services/import?mode=preview',
      ...file,
    });
    expect(preview.statusCode).toBe(200);
    const report = preview.json();
    expect(report, JSON.stringify(report.lines)).toMatchObject({
      mode: 'preview',
      created: 1,
      updated: 0,
      rejected: 3,
    });
    expect(report.lines[0], JSON.stringify(report.lines[0])).toMatchObject({
      line: 2,
      name: 'Gewerbe anmelden',
      status: 'new',
    });
    expect(report.lines[1]).toMatchObject({ line: 3, status: 'error' });
    expect(report.lines[1].errors[0]).toEqual({
      field: 'LeiKa-Schlüssel',
      message: 'Der LeiKa-Schlüssel hat genau 14 Ziffern.',
    });
    expect(report.lines[2].errors[0]).toEqual({
      field: 'Fachbereich',
      message: '„Plakatamt“ gibt es in Ihrer Kommune nicht',
    });
    expect(report.lines[3]).toMatchObject({ line: 6, status: 'error' });
    expect(report.lines[3].errors[0]).toEqual({ field: 'Fälle pro Jahr', message: 'mindestens 0' });
    expect((await coord.get('/api/v1/processes/services')).json().items).toHaveLength(0);

    const commit = await coord.inject({
      method: 'POST',
      url: '/api/v1/processes/services/import?mode=commit',
      ...file,
    });
    expect(commit.json()).toMatchObject({ created: 1, rejected: 3 });
    const [row] = (await coord.get('/api/v1/processes/services')).json().items;
    expect(row).toMatchObject({ name: 'Gewerbe anmelden', minutesPerCase: 25.5, department: '32 Ordnungsamt' });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Leistungen');
    ws.addRow(['Leistung', 'Fälle pro Jahr', 'Minuten pro Fall']);
    ws.addRow(['Gewerbe anmelden', 300, 20]);
    ws.addRow(['Hundesteuer', 80, 15]);
    const xlsx = multipart('leistungen.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const x = (
      await coord.inject({ method: 'POST', url: '/api/v1/processes/services/import?mode=commit', ...xlsx })
    ).json();
    expect(x).toMatchObject({ created: 1, updated: 1, rejected: 0 });
    expect(x.lines.map((l: { status: string }) => l.status)).toEqual(['update', 'new']);
    // an update writes only the file's columns: the LeiKa key, subject area and department stay
    const [updatedRow] = (await coord.get('/api/v1/processes/services?sort=name')).json().items;
    expect(updatedRow).toMatchObject({
      name: 'Gewerbe anmelden',
      casesPerYear: 300,
      minutesPerCase: 20,
      leikaKey: '99050012104000',
      department: '32 Ordnungsamt',
      ozgLevel: 2,
    });
    // Excel's "CSV (Trennzeichen-getrennt)" is Windows-1252
    const ansi = multipart(
      'ansi.csv',
      Buffer.from('Leistung;Fälle pro Jahr\r\nHundesteuer;90\r\n', 'latin1'),
      'text/csv',
    );
    const a = (await coord.inject({ method: 'POST', url: '/api/v1/processes/services/import', ...ansi })).json();
    expect(a.lines).toEqual([{ line: 2, name: 'Hundesteuer', status: 'update', errors: [] }]);

    const exported = await coord.get('/api/v1/processes/services.csv');
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    expect(exported.body).toContain('Leistung;OZG-Themenfeld');
    expect(exported.body).toContain('Gewerbe anmelden;');
    // LibreOffice Calc (de-DE) reads the export: headings as text, volumes and minutes as numbers
    const { a: sheet } = await openCsvInCalc({ a: exported.body });
    expect(sheet[0]?.[0]).toEqual({ kind: 'text', value: 'Leistung' });
    const gewerbe = sheet.find((r) => r[0]?.value === 'Gewerbe anmelden');
    expect(gewerbe?.[5]).toEqual({ kind: 'number', value: 300 });
    expect(gewerbe?.[6]).toEqual({ kind: 'number', value: 20 });

    const garbage = multipart('x.csv', Buffer.from('kein;Kopf\n1;2'), 'text/csv');
    const g = (await coord.inject({ method: 'POST', url: '/api/v1/processes/services/import', ...garbage })).json();
    expect(g.lines[0].errors[0].field).toBe('Datei');
  });
});

describe('process models', () => {
  it('computes effort and savings that match the hand calculation, and makes a project of the to-be model', async () => {
    const { coord, staff, council } = await setup();
    const s = (await coord.post('/api/v1/processes/services', service)).json();
    expect(
      (await council.post('/api/v1/processes/models', { serviceId: s.id, kind: 'as_is', name: 'Ist' })).statusCode,
    ).toBe(403);
    // staff model processes
    const asIs = await modelWith(staff, s.id, 'as_is', 'Ist-Prozess', AS_IS);
    // by hand: 10 + 15 + 20 × 1/(1 − 0.2) + 20 × 0.2/(1 − 0.2) + 12 + 5 = 72 minutes; EG 8 at 62 €/h → 74.40 € a case
    expect(asIs.analysis.effort).toMatchObject({
      minutesPerCase: 72,
      mediaBreaks: 3,
      hoursPerYear: 312,
      centsPerYear: 1_934_400,
    });
    expect(asIs.analysis.effort.centsPerCase).toBeCloseTo(7440, 6);
    const check = asIs.analysis.tasks.find((t: { name: string }) => t.name === 'Antrag prüfen');
    expect(check.visits).toBeCloseTo(1.25, 9);
    expect(asIs.analysis.effortErrors).toEqual([]);

    const second = await coord.post('/api/v1/processes/models', { serviceId: s.id, kind: 'as_is', name: 'Noch einer' });
    expect(second.json().errors[0]).toMatchObject({ path: 'body.kind', code: 'as_is_exists' });

    const copy = await staff.post('/api/v1/processes/models', {
      serviceId: s.id,
      kind: 'to_be',
      name: 'Online',
      copyOf: asIs.id,
    });
    expect(copy.statusCode).toBe(201);
    expect(copy.json().xml).toBe(asIs.xml);
    expect(copy.json().analysis.savings).toMatchObject({ hours: 0, cents: 0, mediaBreaksRemoved: 0 });
    const toBe = (
      await staff.put(`/api/v1/processes/models/${copy.json().id}`, {
        version: 1,
        name: 'Online',
        xml: chainXml('Online', TO_BE),
      })
    ).json();
    // by hand: 25 + 5 + 2 + 5 = 37 minutes; saved 35 minutes × 260 cases = 151.7 hours, × 62 €/h = 9,403.33 €
    expect(toBe.analysis.effort).toMatchObject({ minutesPerCase: 37, mediaBreaks: 0 });
    expect(toBe.analysis.savings).toEqual({ hours: 151.7, fte: 0.09, cents: 940_333, mediaBreaksRemoved: 3 });

    const detail = (await coord.get(`/api/v1/processes/services/${s.id}`)).json();
    expect(detail).toMatchObject({
      fromModel: true,
      hoursPerYear: 312,
      models: 2,
      savingsHours: 151.7,
      savingsCents: 940_333,
    });
    expect(detail.modelList.map((x: { kind: string }) => x.kind)).toEqual(['as_is', 'to_be']);
    expect(detail.modelList[1].savings).toEqual({ hours: 151.7, fte: 0.09, cents: 940_333, mediaBreaksRemoved: 3 });

    // a project from the to-be model, its saved hours pre-filled as the finance plan's benefit
    expect((await staff.post(`/api/v1/processes/models/${toBe.id}/project`, {})).statusCode).toBe(403);
    expect((await coord.post(`/api/v1/processes/models/${asIs.id}/project`, {})).json().errors[0].code).toBe(
      'not_to_be',
    );
    const made = await coord.post(`/api/v1/processes/models/${toBe.id}/project`, {});
    expect(made.statusCode).toBe(201);
    const projectId = made.json().projectId;
    const finance = (await coord.get(`/api/v1/projects/${projectId}/finance`)).json();
    expect(finance.benefits).toEqual([
      {
        label: 'Eingesparte Arbeitszeit Gewerbe anmelden (EG 8)',
        centsPerYear: 0,
        hoursPerYear: 151.7,
        payGroup: 'EG 8',
        fromYear: 1,
      },
    ]);
    expect((await coord.get(`/api/v1/projects/${projectId}`)).json().title).toBe('Gewerbe anmelden: Online');
    expect((await coord.post(`/api/v1/processes/models/${toBe.id}/project`, {})).statusCode).toBe(409);
    const linked = (await coord.get(`/api/v1/processes/projects/${projectId}/models`)).json();
    expect(linked.items).toEqual([
      { id: toBe.id, name: 'Online', kind: 'to_be', serviceId: s.id, service: 'Gewerbe anmelden' },
    ]);
    expect((await coord.get(`/api/v1/processes/models/${toBe.id}`)).json().projectId).toBe(projectId);
  });

  it('puts work moved to another pay group into the project as a staff cost, so the plan nets out', async () => {
    const { coord } = await setup();
    const s = (await coord.post('/api/v1/processes/services', { ...service, casesPerYear: 600 })).json();
    await modelWith(coord, s.id, 'as_is', 'Ist', [
      { name: 'Erfassen', minutes: 30, payGroup: 'EG 8' },
      { name: 'Freigeben', minutes: 10, payGroup: 'EG 11' },
    ]);
    const toBe = await modelWith(coord, s.id, 'to_be', 'Soll', [
      { name: 'Prüfen und freigeben', minutes: 25, payGroup: 'EG 11' },
    ]);
    // 600 × 15 minutes = 150 hours saved in all: 300 hours less in EG 8, 150 hours more in EG 11
    expect(toBe.analysis.savings.hours).toBe(150);
    const projectId = (await coord.post(`/api/v1/processes/models/${toBe.id}/project`, {})).json().projectId;
    const finance = (await coord.get(`/api/v1/projects/${projectId}/finance`)).json();
    expect(finance.benefits).toMatchObject([{ hoursPerYear: 300, payGroup: 'EG 8' }]);
    expect(finance.staff).toMatchObject([
      { kind: 'recurring', payGroup: 'EG 11', year: 1, hours: { min: 150, likely: 150, max: 150 } },
    ]);
    expect((await coord.get(`/api/v1/projects/${projectId}`)).json().description).toContain(
      '150 Stunden Arbeitszeit weniger im Jahr',
    );
  });

  it('rounds the portfolio in SQL as core rounds the model, and an empty as-is model does not make a service free', async () => {
    const { coord } = await setup();
    const s = (
      await coord.post('/api/v1/processes/services', { ...service, casesPerYear: 90, minutesPerCase: 30 })
    ).json();
    const empty = (
      await coord.post('/api/v1/processes/models', { serviceId: s.id, kind: 'as_is', name: 'Ist' })
    ).json();
    // no steps yet: the service keeps its estimate (90 × 30 minutes = 45 hours)
    expect((await coord.get(`/api/v1/processes/services/${s.id}`)).json()).toMatchObject({
      fromModel: false,
      hoursPerYear: 45,
      modelMinutesPerCase: null,
    });
    const saved = (
      await coord.put(`/api/v1/processes/models/${empty.id}`, {
        version: 1,
        name: 'Ist',
        xml: chainXml('Ist', [{ name: 'Kurz prüfen', minutes: 0.7 }]),
      })
    ).json();
    // 90 × 0.7 / 60 is 1.0499999999999998 in floating point: both sides say 1.1
    expect(saved.analysis.effort.hoursPerYear).toBe(1.1);
    expect((await coord.get(`/api/v1/processes/services/${s.id}`)).json()).toMatchObject({
      fromModel: true,
      hoursPerYear: 1.1,
      modelMinutesPerCase: 0.7,
    });
  });

  it('stores nothing from bad XML, conflicts on stale saves and exports an imported file byte for byte', async () => {
    const { coord } = await setup();
    const s = (await coord.post('/api/v1/processes/services', service)).json();
    const m = await modelWith(coord, s.id, 'as_is', 'Ist-Prozess', AS_IS);
    for (const xml of [
      'kein XML',
      '<html><body/></html>',
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
    ]) {
      const bad = await coord.put(`/api/v1/processes/models/${m.id}`, { version: m.version, name: 'Ist-Prozess', xml });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('body.xml');
    }
    const still = (await coord.get(`/api/v1/processes/models/${m.id}`)).json();
    expect(still).toMatchObject({ version: m.version, xml: m.xml });
    const stale = await coord.put(`/api/v1/processes/models/${m.id}`, {
      version: m.version - 1,
      name: 'Alt',
      xml: m.xml,
    });
    expect(stale.statusCode, stale.body).toBe(409);

    const original = chainXml('Importiert', AS_IS).replace('<bpmn:process', '<!-- aus Signavio -->\n  <bpmn:process');
    const imp = await coord.inject({
      method: 'POST',
      url: `/api/v1/processes/services/${s.id}/models/import?name=Importiert`,
      ...multipart('gewerbe.bpmn', Buffer.from(original), 'application/xml'),
    });
    expect(imp.statusCode).toBe(201);
    const out = await coord.get(`/api/v1/processes/models/${imp.json().id}/bpmn`);
    expect(out.headers['content-type']).toMatch(/application\/xml/);
    expect(out.headers['content-disposition']).toMatch(/^attachment;.*\.bpmn/);
    expect(out.headers['content-security-policy']).toContain('sandbox');
    expect(out.body).toBe(original);

    const huge = Buffer.alloc(20 * 1024 * 1024, 'a');
    const tooBig = await coord.inject({
      method: 'POST',
      url: `/api/v1/processes/services/${s.id}/models/import`,
      ...multipart('riesig.bpmn', huge, 'application/xml'),
    });
    expect(tooBig.statusCode).toBe(413);
    const notBpmn = await coord.inject({
      method: 'POST',
      url: `/api/v1/processes/services/${s.id}/models/import?kind=to_be`,
      ...multipart('kaputt.bpmn', Buffer.from('<bpmn:definitions'), 'application/xml'),
    });
    expect(notBpmn.statusCode).toBe(400);
    expect(notBpmn.json().errors[0].path).toBe('body.file');
    const models = (await coord.get(`/api/v1/processes/services/${s.id}`)).json().modelList;
    expect(models).toHaveLength(2);

    const checked = (await coord.post(`/api/v1/processes/models/${m.id}/check`, { xml: chainXml('x', TO_BE) })).json();
    expect(checked.effort.minutesPerCase).toBe(37);
    expect((await coord.get(`/api/v1/processes/models/${m.id}`)).json().version).toBe(m.version);
    expect((await coord.del(`/api/v1/processes/models/${imp.json().id}`)).statusCode).toBe(200);
    expect((await coord.del(`/api/v1/processes/services/${s.id}`)).statusCode).toBe(200);
    expect((await coord.get(`/api/v1/processes/models/${m.id}`)).statusCode).toBe(404);
  });
});

describe('process models in the exchange', () => {
  it('travel with a published project and are copied on adoption, never shown as BPMN to others', async () => {
    const { coord } = await setup();
    const other = await setup();
    const s = (await coord.post('/api/v1/processes/services', service)).json();
    await modelWith(coord, s.id, 'as_is', 'Ist-Prozess', AS_IS);
    const toBe = await modelWith(coord, s.id, 'to_be', 'Online', TO_BE);
    const projectId = (await coord.post(`/api/v1/processes/models/${toBe.id}/project`, {})).json().projectId;
    // the model made for the project is offered and chosen first
    const state = (await coord.get(`/api/v1/projects/${projectId}/publication`)).json();
    expect(state.input.processModelIds).toEqual([toBe.id]);
    expect(state.processModels[0]).toMatchObject({ id: toBe.id, linked: true, service: 'Gewerbe anmelden' });
    const foreignModel = (await other.coord.post('/api/v1/processes/services', { ...service, name: 'Fremd' })).json();
    const foreign = await modelWith(other.coord, foreignModel.id, 'as_is', 'Fremdes Modell', AS_IS);
    const refused = await coord.put(`/api/v1/projects/${projectId}/publication`, {
      ...PUBLIC,
      processModelIds: [foreign.id],
    });
    expect(refused.json().errors[0]).toMatchObject({ path: 'processModelIds', code: 'unknown_process_model' });
    const pub = await coord.put(`/api/v1/projects/${projectId}/publication`, { ...PUBLIC, processModelIds: [toBe.id] });
    expect(pub.statusCode, pub.body).toBe(200);
    const entryId = (await coord.get(`/api/v1/projects/${projectId}/publication`)).json().publicationId;

    const entry = await other.coord.get(`/api/v1/exchange/${entryId}`);
    expect(entry.json().template.processes).toEqual([{ name: 'Online', kind: 'to_be', service: 'Gewerbe anmelden' }]);
    expect(entry.body).not.toContain('bpmn:definitions');
    const adopted = await other.coord.post(`/api/v1/exchange/${entryId}/adoption`, {
      title: 'Gewerbeanmeldung online',
      startsOn: '2027-01-01',
    });
    expect(adopted.statusCode, adopted.body).toBe(201);
    const mine = (await other.coord.get('/api/v1/processes/services?sort=name')).json().items;
    const copied = mine.find((x: { name: string }) => x.name === 'Gewerbe anmelden');
    expect(copied).toMatchObject({ casesPerYear: 0, models: 1 });
    const detail = (await other.coord.get(`/api/v1/processes/services/${copied.id}`)).json();
    // the adopter has no as-is model yet: the shared to-be variant stays a to-be variant
    expect(detail.modelList[0]).toMatchObject({ kind: 'to_be', name: 'Online', project: 'Gewerbeanmeldung online' });
    const model = (await other.coord.get(`/api/v1/processes/models/${detail.modelList[0].id}`)).json();
    expect(model.xml).toBe(toBe.xml);
    expect(model.analysis.effort.minutesPerCase).toBe(37);
  });
});
