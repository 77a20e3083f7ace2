import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, multipart, type TestContext } from '../../../test/helpers.js';
import { openDocxInWriter } from '../../../test/libreoffice.js';
import { expectTaggedPdf } from '../../../test/pdf-tags.js';
import { pdfText } from '../../../test/pdf-text.js';
import { STARTER_GUIDES } from './starter/articles.js';
import { AVV_SECTIONS } from './starter/documents.js';

let ctx: TestContext;
let admin: Client; // platform administration
let mod: Client; // moderates the network of A and B
let a: Client; // coordinator of A (member of the network)
let a2: Client; // staff of A
let aCouncil: Client;
let b: Client; // coordinator of B (member of the network)
let c: Client; // coordinator of C (not a member)
let A: { id: string };
let B: { id: string };
let networkId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  A = await buildMunicipality(ctx.db, { name: 'Stadt Plön' });
  B = await buildMunicipality(ctx.db, { name: 'Gemeinde Ascheberg' });
  const C = await buildMunicipality(ctx.db, { name: 'Gemeinde Fernab' });
  const p = await buildUser(ctx.db, { isPlatformAdmin: true });
  const m = await buildUser(ctx.db, {});
  networkId = (await buildNetwork(ctx.db, m.id, [A.id, B.id], 'Kreiskooperation Plön')).id;
  admin = await login(ctx.app, p.email);
  mod = await login(ctx.app, m.email);
  a = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: A.id, name: 'Anna Amt' })).email);
  a2 = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: A.id, role: 'staff' })).email);
  aCouncil = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: A.id, role: 'council' })).email);
  b = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: B.id })).email);
  c = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: C.id })).email);
}, 60_000);
afterAll(() => ctx?.close());

const ids = async (client: Client, query = '') =>
  ((await client.get(`/api/v1/guides${query}`)).json().items as { id: string; title: string }[]).map((g) => g.title);

async function starter(key: string) {
  const g = await ctx.db.selectFrom('guides').select('id').where('starterKey', '=', key).executeTakeFirstOrThrow();
  return g.id;
}

describe('starter content', () => {
  it('exists on a fresh installation without demo data, for everyone signed in', async () => {
    const list = (await c.get('/api/v1/guides')).json();
    expect(list.items).toHaveLength(STARTER_GUIDES.length);
    const titles = list.items.map((g: { title: string }) => g.title);
    for (const s of STARTER_GUIDES) expect(titles).toContain(s.title);
    expect(list.items.filter((g: { kind: string }) => g.kind === 'checklist').length).toBeGreaterThanOrEqual(2);
    expect(list.can).toEqual({ create: false });
    // the platform administration (no municipality) reads and may write
    const asAdmin = (await admin.get('/api/v1/guides')).json();
    expect(asAdmin.items).toHaveLength(STARTER_GUIDES.length);
    expect(asAdmin).toMatchObject({ platform: true, can: { create: true } });
    // a task finds its own checklist by the starter key (the project's staff-council section links to it)
    const own = (await c.get('/api/v1/guides?starter=staff-council-checklist')).json();
    expect(own.items.map((g: { title: string }) => g.title)).toEqual(['Checkliste Personalratsbeteiligung']);
    expect((await c.get('/api/v1/guides?starter=gibt-es-nicht')).json().items).toEqual([]);
    expect((await c.get('/api/v1/guides?starter=%27%20OR%201%3D1')).statusCode).toBe(400);
    // a guide renders its Markdown; each has version 1 with the change note
    const g = (await c.get(`/api/v1/guides/${await starter('shared-service')}`)).json();
    expect(g.html).toContain('<h2>2. Die Rechtsform wählen</h2>');
    expect(g.html).toContain('<table>');
    expect(g.body).toContain('§ 2b UStG');
    const versions = (await c.get(`/api/v1/guides/${g.id}/versions`)).json();
    expect(versions.items).toEqual([
      expect.objectContaining({ version: 1, changeNote: 'Erstfassung der Plattform (Startinhalte)', editedBy: null }),
    ]);
  });

  it('serves the processing agreement as DOCX that LibreOffice Writer opens', async () => {
    const g = (await a.get(`/api/v1/guides/${await starter('avv-template')}`)).json();
    expect(g.kind).toBe('template');
    const file = g.files[0];
    expect(file.fileName).toBe('Muster-Auftragsverarbeitung-Art-28-DSGVO.docx');
    const res = await a.get(`/api/v1/guides/${g.id}/files/${file.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain('attachment');
    const text = openDocxInWriter(res.rawPayload);
    expect(text).toContain('Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO');
    for (const s of AVV_SECTIONS) expect(text).toContain(s.heading);
    expect(text).toContain('dokumentierte Weisung');
  }, 120_000);

  it('serves the cost-key workbook whose formulas divide the whole cost, and the tagged workshop PDF', async () => {
    const g = (await a.get(`/api/v1/guides/${await starter('cost-key-template')}`)).json();
    const res = await a.get(`/api/v1/guides/${g.id}/files/${g.files[0].id}`);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Kostenschlüssel')!;
    expect(ws.getCell('A8').value).toBe('Stadt Plön');
    expect((ws.getCell('D8').value as { formula: string }).formula).toContain('SUM($B$8:$B$15)');
    // every key's sum (row 16) is the whole cost
    for (const col of ['D', 'E', 'F', 'G'])
      expect((ws.getCell(`${col}16`).value as { result: number }).result).toBe(180_000);
    const sharesByPopulation = [8, 9, 10].map((r) => (ws.getCell(`D${r}`).value as { result: number }).result);
    expect(Math.round(sharesByPopulation.reduce((s, x) => s + x, 0))).toBe(180_000);
    const w = (await a.get(`/api/v1/guides/${await starter('workshop')}`)).json();
    const pdf = await a.get(`/api/v1/guides/${w.id}/files/${w.files[0].id}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(pdf.rawPayload)).toContain('Ablaufplan: Workshop zu den Schmerzpunkten');
    await expectTaggedPdf(pdf.rawPayload);
  });
});

describe('search and filters', () => {
  it('finds German word forms (Umfragen → Umfrage), phrases, and nothing for nonsense', async () => {
    expect(await ids(c, '?q=Umfragen')).toContain('Eine Vorab-Umfrage im Verbund durchführen');
    expect(await ids(c, '?q=Umfrage')).toContain('Checkliste Vorab-Umfrage');
    expect((await ids(c, '?q=Personalr%C3%A4te'))[0]).toBe('Den Personalrat frühzeitig beteiligen');
    expect(await ids(c, '?q=Kostenschl%C3%BCssel')).toContain('Vorlage: Kostenschlüssel berechnen');
    // a checklist item's words are found too
    expect(await ids(c, '?q=Anonymit%C3%A4tsschwelle')).toContain('Checkliste Vorab-Umfrage');
    expect(await ids(c, '?q=Zwiebelkuchenrezept')).toEqual([]);
    // only stop words: no query at all, nothing found, no error
    const stop = await c.get('/api/v1/guides?q=und%20der');
    expect(stop.statusCode).toBe(200);
    expect(stop.json().items).toEqual([]);
    // websearch syntax and quotes never break the query
    for (const q of ['"Art. 28"', "'; DROP TABLE guides; --", '-', 'a | b & !c', '<script>'])
      expect((await c.get(`/api/v1/guides?q=${encodeURIComponent(q)}`)).statusCode).toBe(200);
  });

  it('finds by the abbreviations people type: AVV, DSGVO, OZG, PR (synonyms on PGlite and PostgreSQL alike)', async () => {
    const avv = (await c.get('/api/v1/guides?q=AVV')).json();
    expect(avv.items[0].title).toBe('Muster: Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO');
    expect(avv.alsoSearched).toContain('Auftragsverarbeitung');
    // and the other way round, with a word that is not a synonym and a stop word beside it
    expect(await ids(c, '?q=avv%20Muster')).toContain('Muster: Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO');
    expect(await ids(c, '?q=Auftragsverarbeitung%20f%C3%BCr')).toContain(
      'Muster: Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO',
    );
    // PR finds the staff council's guides (also its compounds: Personalratsbeteiligung), never every „Projekt“
    const pr = await ids(c, '?q=PR');
    expect(pr).toContain('Den Personalrat frühzeitig beteiligen');
    expect(pr).toContain('Checkliste Personalratsbeteiligung');
    expect(pr.length).toBeLessThan((await ids(c, '')).length);
    expect(await ids(c, '?q=Datenschutz')).toContain('Muster: Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO');
    // OZG finds the guide on online services; an access request finds the data-protection desk's help
    expect((await ids(c, '?q=OZG'))[0]).toBe('Verwaltungsleistungen online anbieten (OZG)');
    expect(await ids(c, '?q=Auskunft')).toContain('Auskunfts- und Löschanfragen beantworten (Art. 15 und 17 DSGVO)');
    expect(await ids(c, '?module=administration&kind=checklist')).toEqual(['Checkliste Auskunfts- oder Löschanfrage']);
    // without a synonym nothing changes: no words searched for as well
    expect((await c.get('/api/v1/guides?q=Umfrage')).json().alsoSearched).toEqual([]);
  });

  it('filters by module, phase and kind; bad filters are field errors', async () => {
    const finance = await ids(c, '?module=finance');
    expect(finance).toContain('Finanzielle Risiken für den Gemeinderat verständlich machen');
    expect(finance).not.toContain('Den Personalrat frühzeitig beteiligen');
    const op = await ids(c, '?module=shared_services&phase=operation&kind=template');
    expect(op).toEqual(['Muster: Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO']);
    const bad = await c.get('/api/v1/guides?module=kochen&phase=ewig');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['querystring.module', 'querystring.phase']);
  });
});

const NEW_ARTICLE = {
  kind: 'article',
  title: 'Bauhof-Disposition im Verbund',
  summary: 'Wie die Bauhöfe des Verbunds gemeinsam disponieren.',
  body: 'Erst **abstimmen**, dann <script>alert(1)</script> tauschen.',
  modules: ['shared_services'],
  phases: ['planning'],
};

describe('network-curated guides', () => {
  it('are written by the network’s moderation and seen by its members only', async () => {
    expect((await a.post('/api/v1/guides', { ...NEW_ARTICLE, networkId })).statusCode).toBe(403);
    expect((await mod.post('/api/v1/guides', { ...NEW_ARTICLE, networkId: null })).statusCode).toBe(403);
    const created = await mod.post('/api/v1/guides', { ...NEW_ARTICLE, networkId });
    expect(created.statusCode, created.body).toBe(201);
    const g = created.json();
    expect(g).toMatchObject({ networkId, network: 'Kreiskooperation Plön', version: 1, can: { edit: true } });
    // raw HTML stays text
    expect(g.html).toContain('<strong>abstimmen</strong>');
    expect(g.html).toContain('&lt;script&gt;');
    expect(g.html).not.toContain('<script>');
    // members see it first in the list and find it; a member's can says no edit
    expect((await ids(a))[0]).toBe('Bauhof-Disposition im Verbund');
    expect(await ids(b, '?q=Bauh%C3%B6fe')).toContain('Bauhof-Disposition im Verbund');
    expect((await a.get(`/api/v1/guides/${g.id}`)).json().can.edit).toBe(false);
    // another network's members never: not in the list, not in search, 404 on every route
    expect(await ids(c)).not.toContain('Bauhof-Disposition im Verbund');
    expect(await ids(c, '?q=Bauhof')).not.toContain('Bauhof-Disposition im Verbund');
    for (const url of [
      `/api/v1/guides/${g.id}`,
      `/api/v1/guides/${g.id}/versions`,
      `/api/v1/guides/${g.id}/versions/1`,
    ])
      expect((await c.get(url)).statusCode, url).toBe(404);
    expect(
      (await c.put(`/api/v1/guides/${g.id}`, { ...NEW_ARTICLE, version: 1, changeNote: 'Gekapert' })).statusCode,
    ).toBe(404);
    expect((await c.put(`/api/v1/guides/${g.id}/ticks/x`, { done: true })).statusCode).toBe(404);
    expect((await c.del(`/api/v1/guides/${g.id}`)).statusCode).toBe(404);
    // a member municipality that left the network loses it
    await ctx.db.updateTable('networkMembers').set({ status: 'declined' }).where('municipalityId', '=', B.id).execute();
    const bAfter = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: B.id })).email);
    expect((await bAfter.get(`/api/v1/guides/${g.id}`)).statusCode).toBe(404);
    await ctx.db.updateTable('networkMembers').set({ status: 'accepted' }).where('municipalityId', '=', B.id).execute();
    // the platform administration can edit it too; archiving removes it for all
    expect((await admin.get(`/api/v1/guides/${g.id}`)).json().can.edit).toBe(true);
    expect((await a.del(`/api/v1/guides/${g.id}`)).statusCode).toBe(403);
    expect((await mod.del(`/api/v1/guides/${g.id}`)).statusCode).toBe(200);
    expect((await a.get(`/api/v1/guides/${g.id}`)).statusCode).toBe(404);
  });
});

describe('versioning', () => {
  it('keeps every version with its change note and answers 409 to a stale version', async () => {
    const g = (await admin.post('/api/v1/guides', { ...NEW_ARTICLE, title: 'Versionierte Hilfe' })).json();
    const edit = {
      ...NEW_ARTICLE,
      title: 'Versionierte Hilfe (2)',
      body: 'Neu',
      version: 1,
      changeNote: 'Zweite Fassung',
    };
    const second = await admin.put(`/api/v1/guides/${g.id}`, edit);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().version).toBe(2);
    const stale = await admin.put(`/api/v1/guides/${g.id}`, { ...edit, title: 'Verloren', changeNote: 'Veraltet' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    // a change note is required
    const noNote = await admin.put(`/api/v1/guides/${g.id}`, { ...edit, version: 2, changeNote: '' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].path).toBe('body.changeNote');
    const history = (await a.get(`/api/v1/guides/${g.id}/versions`)).json().items;
    expect(history.map((v: { version: number; changeNote: string }) => [v.version, v.changeNote])).toEqual([
      [2, 'Zweite Fassung'],
      [1, 'Erstfassung'],
    ]);
    const first = (await a.get(`/api/v1/guides/${g.id}/versions/1`)).json();
    expect(first).toMatchObject({ title: 'Versionierte Hilfe', version: 1 });
    expect(first.html).toContain('<strong>abstimmen</strong>');
    expect((await a.get(`/api/v1/guides/${g.id}/versions/9`)).statusCode).toBe(404);
    // the search follows the new text
    expect(await ids(a, '?q=Versionierte')).toEqual(['Versionierte Hilfe (2)']);
    // municipalities' coordinators never write platform guides
    expect((await a.put(`/api/v1/guides/${g.id}`, { ...edit, version: 2 })).statusCode).toBe(403);
  });

  it('refuses bad input with German field errors and writes nothing', async () => {
    const before = (await ctx.db.selectFrom('guides').select(ctx.db.fn.countAll().as('n')).executeTakeFirst())!.n;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...NEW_ARTICLE, title: 'ab' }, 'title'],
      [{ ...NEW_ARTICLE, modules: [] }, 'modules'],
      [{ ...NEW_ARTICLE, modules: ['finance', 'finance'] }, 'modules'],
      [{ ...NEW_ARTICLE, kind: 'checklist', items: [] }, 'items'],
      [
        {
          ...NEW_ARTICLE,
          kind: 'checklist',
          items: [
            { key: 'a', text: 'Eins' },
            { key: 'a', text: 'Zwei' },
          ],
        },
        'items.1.key',
      ],
      [{ ...NEW_ARTICLE, kind: 'checklist', items: [{ key: 'A B', text: 'Eins' }] }, 'items.0.key'],
      [{ ...NEW_ARTICLE, networkId: '00000000-0000-4000-8000-000000000000' }, 'networkId'],
    ];
    for (const [body, path] of cases) {
      const res = await admin.post('/api/v1/guides', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(`body.${path}`);
      expect(res.json().errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    }
    const after = (await ctx.db.selectFrom('guides').select(ctx.db.fn.countAll().as('n')).executeTakeFirst())!.n;
    expect(after).toBe(before);
  });
});

describe('checklists', () => {
  it('are ticked per municipality and per project, with who and when, never seen by another municipality', async () => {
    const id = await starter('council-paper-checklist');
    const ticked = await a2.put(`/api/v1/guides/${id}/ticks/lebenszyklus`, { done: true });
    expect(ticked.statusCode, ticked.body).toBe(200);
    const item = ticked.json().items.find((i: { key: string }) => i.key === 'lebenszyklus');
    expect(item.ticked.by).toMatch(/^Person /);
    expect(Date.parse(item.ticked.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(ticked.json().ticksFor).toEqual({ projectId: null, label: 'Stadt Plön', municipality: 'Stadt Plön' });
    // twice is once
    expect((await a.put(`/api/v1/guides/${id}/ticks/lebenszyklus`, { done: true })).statusCode).toBe(200);
    // a project's checklist is its own
    const project = (await a.post('/api/v1/projects', { title: 'Digitale Bauakte' })).json().id as string;
    const forProject = await a.put(`/api/v1/guides/${id}/ticks/risiken`, { done: true, projectId: project });
    expect(forProject.json().ticksFor).toEqual({
      projectId: project,
      label: 'Digitale Bauakte',
      municipality: 'Stadt Plön',
    });
    const ticks = (j: { items: { key: string; ticked: unknown }[] }) =>
      j.items.filter((i) => i.ticked).map((i) => i.key);
    expect(ticks(forProject.json())).toEqual(['risiken']);
    expect(ticks((await a.get(`/api/v1/guides/${id}`)).json())).toEqual(['lebenszyklus']);
    expect(ticks((await a.get(`/api/v1/guides/${id}?projectId=${project}`)).json())).toEqual(['risiken']);
    expect((await a.get(`/api/v1/guides/${id}`)).json().projects).toContainEqual({
      id: project,
      title: 'Digitale Bauakte',
    });
    // another municipality sees none of it and cannot tick A's project
    const other = (await b.get(`/api/v1/guides/${id}`)).json();
    expect(ticks(other)).toEqual([]);
    expect(JSON.stringify(other)).not.toContain('Digitale Bauakte');
    expect((await b.get(`/api/v1/guides/${id}?projectId=${project}`)).statusCode).toBe(404);
    expect((await b.put(`/api/v1/guides/${id}/ticks/risiken`, { done: true, projectId: project })).statusCode).toBe(
      404,
    );
    expect((await b.put(`/api/v1/guides/${id}/ticks/risiken`, { done: false, projectId: project })).statusCode).toBe(
      404,
    );
    expect(ticks((await a.get(`/api/v1/guides/${id}?projectId=${project}`)).json())).toEqual(['risiken']);
    // B's own tick stays B's
    await b.put(`/api/v1/guides/${id}/ticks/folgekosten`, { done: true });
    expect(ticks((await a.get(`/api/v1/guides/${id}`)).json())).toEqual(['lebenszyklus']);
    // untick
    const un = await a.put(`/api/v1/guides/${id}/ticks/lebenszyklus`, { done: false });
    expect(ticks(un.json())).toEqual([]);
    // the council reads only; unknown items and articles have nothing to tick; no municipality, no ticks
    const council = await aCouncil.put(`/api/v1/guides/${id}/ticks/risiken`, { done: true });
    expect(council.statusCode).toBe(403);
    expect((await aCouncil.get(`/api/v1/guides/${id}`)).json().can).toEqual({ edit: false, tick: false });
    expect((await a.put(`/api/v1/guides/${id}/ticks/gibtsnicht`, { done: true })).statusCode).toBe(404);
    expect((await a.put(`/api/v1/guides/${await starter('workshop')}/ticks/x`, { done: true })).statusCode).toBe(404);
    expect((await admin.put(`/api/v1/guides/${id}/ticks/risiken`, { done: true })).statusCode).toBe(403);
    const bad = await a.put(`/api/v1/guides/${id}/ticks/risiken`, { done: 'ja', projectId: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.done', 'body.projectId']);
  });

  it('keep their ticks when a curator edits the item texts (items keep their keys)', async () => {
    const g = (
      await admin.post('/api/v1/guides', {
        ...NEW_ARTICLE,
        kind: 'checklist',
        title: 'Prüfliste Test',
        items: [{ text: 'Erster Punkt' }, { text: 'Zweiter Punkt' }],
      })
    ).json();
    expect(g.items.map((i: { key: string }) => i.key)).toHaveLength(2);
    const [first, second] = g.items as { key: string; text: string }[];
    await a.put(`/api/v1/guides/${g.id}/ticks/${first!.key}`, { done: true });
    const edited = await admin.put(`/api/v1/guides/${g.id}`, {
      ...NEW_ARTICLE,
      title: 'Prüfliste Test',
      items: [
        { key: first!.key, text: 'Erster Punkt, klarer' },
        { key: second!.key, text: 'Zweiter' },
        { text: 'Neu' },
      ],
      version: 1,
      changeNote: 'Punkte geschärft',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const mine = (await a.get(`/api/v1/guides/${g.id}`)).json();
    expect(mine.items.map((i: { text: string; ticked: unknown }) => [i.text, Boolean(i.ticked)])).toEqual([
      ['Erster Punkt, klarer', true],
      ['Zweiter', false],
      ['Neu', false],
    ]);
  });
});

describe('files', () => {
  it('are uploaded by curators as a new version, checked by type and content, downloaded by readers', async () => {
    const g = (
      await mod.post('/api/v1/guides', { ...NEW_ARTICLE, kind: 'template', networkId, title: 'Vorlage Verbund' })
    ).json();
    const pdf = Buffer.from('%PDF-1.4\n% Vorlage\n');
    expect(
      (await a.inject({ method: 'POST', url: `/api/v1/guides/${g.id}/files`, ...multipart('x.pdf', pdf) })).statusCode,
    ).toBe(403);
    expect(
      (await c.inject({ method: 'POST', url: `/api/v1/guides/${g.id}/files`, ...multipart('x.pdf', pdf) })).statusCode,
    ).toBe(404);
    const wrongType = await mod.inject({
      method: 'POST',
      url: `/api/v1/guides/${g.id}/files`,
      ...multipart('seite.html', Buffer.from('<script>alert(1)</script>')),
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().errors[0]).toMatchObject({ path: 'body.file', code: 'file_type' });
    const fake = await mod.inject({
      method: 'POST',
      url: `/api/v1/guides/${g.id}/files`,
      ...multipart('vertrag.docx', Buffer.from('kein zip')),
    });
    expect(fake.statusCode).toBe(400);
    const up = await mod.inject({
      method: 'POST',
      url: `/api/v1/guides/${g.id}/files`,
      ...multipart('../../Ablauf Plan.pdf', pdf, 'text/html'),
    });
    expect(up.statusCode, up.body).toBe(201);
    const detail = up.json();
    expect(detail.version).toBe(2);
    expect(detail.files).toEqual([
      expect.objectContaining({ fileName: 'Ablauf Plan.pdf', contentType: 'application/pdf' }),
    ]);
    const dl = await b.get(`/api/v1/guides/${g.id}/files/${detail.files[0].id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-security-policy']).toContain('sandbox');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect((await c.get(`/api/v1/guides/${g.id}/files/${detail.files[0].id}`)).statusCode).toBe(404);
    const history = (await b.get(`/api/v1/guides/${g.id}/versions`)).json().items;
    expect(history[0].changeNote).toBe('Datei „Ablauf Plan.pdf“ hinzugefügt');
    expect(await ids(b, '?q=Ablauf')).toContain('Vorlage Verbund');
    expect((await a.del(`/api/v1/guides/${g.id}/files/${detail.files[0].id}`)).statusCode).toBe(403);
    const removed = await mod.del(`/api/v1/guides/${g.id}/files/${detail.files[0].id}`);
    expect(removed.json()).toMatchObject({ version: 3, files: [] });
    expect((await b.get(`/api/v1/guides/${g.id}/versions/2`)).json().files).toEqual(['Ablauf Plan.pdf']);
  });
});
