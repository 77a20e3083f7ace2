import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import {
  type Client,
  createTestContext,
  login,
  mailTexts,
  multipart,
  type TestContext,
} from '../../../test/helpers.js';
import { expectTaggedPdf } from '../../../test/pdf-tags.js';
import { pdfText } from '../../../test/pdf-text.js';
import { newId } from '../../lib/ids.js';
import { PRIVATE_MARKERS, PUBLIC } from './exchange.test-data.js';

let ctx: TestContext;
let a: Client; // publisher (Gemeinde A, 9,000 inhabitants)
let b: Client; // adopter (Gemeinde B, 18,000 inhabitants, other Kreis nearby)
let c: Client; // network partner of A only
let staffA: Client;
let moderator: Client;
const m: Record<string, { id: string; name: string }> = {};
type Person = { id: string; email: string };
const people = {} as Record<'a' | 'aStaff' | 'b' | 'c' | 'mod', Person>;
let networkId = '';
let projectId = '';
let publicFileId = '';

async function place(id: string, kreisKey: string, lat: number, lon: number) {
  await ctx.db
    .updateTable('municipalities')
    .set({ kreisKey, kreis: `Kreis ${kreisKey}`, lat, lon })
    .where('id', '=', id)
    .execute();
}

beforeAll(async () => {
  ctx = await createTestContext();
  const A = await buildMunicipality(ctx.db, { name: 'Gemeinde Alpha', population: 9_000, landCode: '06' });
  const B = await buildMunicipality(ctx.db, { name: 'Gemeinde Beta', population: 18_000, landCode: '06' });
  const C = await buildMunicipality(ctx.db, { name: 'Gemeinde Gamma', population: 4_000, landCode: '09' });
  Object.assign(m, { A, B, C });
  await place(A.id, '06531', 50.59, 8.68);
  await place(B.id, '06532', 50.75, 8.77); // ~19 km away, neighbouring Kreis
  await place(C.id, '09162', 48.14, 11.58);
  people.a = await buildUser(ctx.db, { municipalityId: A.id, role: 'coordinator', name: 'Anna Alpha' });
  people.aStaff = await buildUser(ctx.db, { municipalityId: A.id, role: 'staff', name: 'Sven Sachbearbeiter' });
  people.b = await buildUser(ctx.db, { municipalityId: B.id, role: 'coordinator', name: 'Bernd Beta' });
  people.c = await buildUser(ctx.db, { municipalityId: C.id, role: 'coordinator', name: 'Carla Gamma' });
  people.mod = await buildUser(ctx.db, { name: 'Moni Moderation' });
  const net = await buildNetwork(ctx.db, people.mod.id, [A.id, C.id], 'Zirkel Alpha-Gamma');
  networkId = net.id;
  [a, b, c, staffA, moderator] = await Promise.all([
    login(ctx.app, people.a.email),
    login(ctx.app, people.b.email),
    login(ctx.app, people.c.email),
    login(ctx.app, people.aStaff.email),
    login(ctx.app, people.mod.email),
  ]);
  // A's project with private parts around the public ones
  const need = (await a.post('/api/v1/needs', { title: 'Mängelmelder für den Bauhof', source: 'employee' })).json();
  projectId = (
    await a.post('/api/v1/projects', {
      title: 'Digitaler Bauhof',
      description: 'Interne Notiz: Haushaltssperre droht',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      needIds: [need.id],
    })
  ).json().id;
  await a.post(`/api/v1/projects/${projectId}/milestones`, { title: 'Pilot im Bauhof', dueOn: '2026-03-01' });
  await a.post(`/api/v1/projects/${projectId}/tasks`, {
    title: 'Tablets beschaffen',
    dueOn: '2026-02-01',
    assigneeId: people.aStaff.id,
  });
  await a.post(`/api/v1/projects/${projectId}/comments`, { body: 'Vertraulicher Kommentar zum Personalrat' });
  await a.post(`/api/v1/projects/${projectId}/status-reports`, {
    reportedOn: '2026-02-15',
    scope: 'green',
    schedule: 'yellow',
    budget: 'green',
    overall: 'yellow',
    summary: 'Geheimer Statusbericht',
  });
  const up = (name: string) =>
    a.inject({ method: 'POST', url: `/api/v1/projects/${projectId}/files`, ...multipart(name, Buffer.from(name)) });
  await up('privat-angebot.pdf');
  const pd = (await up('leitfaden-bauhof.pdf')).json();
  publicFileId = pd.files.find((f: { fileName: string }) => f.fileName === 'leitfaden-bauhof.pdf').id;
  await a.put(`/api/v1/projects/${projectId}/finance`, {
    version: 0,
    costs: [
      {
        kind: 'one_time',
        category: 'investment',
        label: 'Tablets',
        year: 0,
        min: 400_000,
        likely: 500_000,
        max: 700_000,
      },
      {
        kind: 'recurring',
        category: 'licences',
        label: 'App-Lizenz',
        year: 0,
        min: 100_000,
        likely: 120_000,
        max: 150_000,
      },
    ],
  });
  await a.post(`/api/v1/projects/${projectId}/risks`, {
    title: 'Lieferverzug der Tablets',
    category: 'vendor',
    probability: 30,
    costMin: 10_000,
    costLikely: 20_000,
    costMax: 50_000,
    ownerId: people.aStaff.id,
    mitigation: 'Rahmenvertrag nutzen',
  });
});
afterAll(() => ctx?.close());

describe('publishing', () => {
  it('prefills a private draft and previews exactly what becomes visible', async () => {
    const st = (await a.get(`/api/v1/projects/${projectId}/publication`)).json();
    expect(st.status).toBe('private');
    expect(st.input.problem).toContain('Mängelmelder für den Bauhof');
    expect(st.input.tcoCents).toBeGreaterThan(0);
    expect(st.files.map((f: { name: string }) => f.name).sort()).toEqual([
      'leitfaden-bauhof.pdf',
      'privat-angebot.pdf',
    ]);
    // nobody else sees anything yet
    expect((await b.get('/api/v1/exchange?q=Bauhof')).json().total).toBe(0);
    const prev = await a.post(`/api/v1/projects/${projectId}/publication/preview`, {
      ...PUBLIC,
      documentIds: [publicFileId],
    });
    expect(prev.statusCode).toBe(200);
    const body = prev.body;
    for (const marker of PRIVATE_MARKERS) expect(body).not.toContain(marker);
    const e = prev.json();
    expect(e.documents).toEqual([{ id: publicFileId, name: 'leitfaden-bauhof.pdf', size: 20 }]);
    expect(e.template.milestones).toEqual([{ title: 'Pilot im Bauhof', offsetDays: 59 }]);
    expect(e.template.tasks).toEqual([{ title: 'Tablets beschaffen', offsetDays: 31 }]);
    expect(e.template.costs.map((x: { label: string }) => x.label)).toEqual(['Tablets', 'App-Lizenz']);
    expect(e.template.risks[0]).toMatchObject({
      title: 'Lieferverzug der Tablets',
      mitigation: 'Rahmenvertrag nutzen',
    });
    expect(e.municipality).toMatchObject({
      name: 'Gemeinde Alpha',
      sizeClass: 7,
      land: 'Hessen',
      kreis: 'Kreis 06531',
    });
    // the preview wrote nothing
    expect((await a.get(`/api/v1/projects/${projectId}/publication`)).json().status).toBe('private');
  });

  it('checks networks, documents and rights', async () => {
    const bad = await a.put(`/api/v1/projects/${projectId}/publication`, { ...PUBLIC, visibility: 'networks' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('networkIds');
    const foreignNet = await buildNetwork(ctx.db, people.mod.id, [m.B!.id]);
    const notMember = await a.put(`/api/v1/projects/${projectId}/publication`, {
      ...PUBLIC,
      visibility: 'networks',
      networkIds: [foreignNet.id],
    });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().errors[0].code).toBe('unknown_network');
    const otherDoc = await a.put(`/api/v1/projects/${projectId}/publication`, {
      ...PUBLIC,
      documentIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(otherDoc.json().errors[0].code).toBe('unknown_document');
    expect((await staffA.put(`/api/v1/projects/${projectId}/publication`, PUBLIC)).statusCode).toBe(403);
    expect((await a.get(`/api/v1/projects/${projectId}/publication`)).json().status).toBe('private');
  });

  it('publishes to a network: its members see it, others do not', async () => {
    const res = await a.put(`/api/v1/projects/${projectId}/publication`, {
      ...PUBLIC,
      visibility: 'networks',
      networkIds: [networkId],
      documentIds: [publicFileId],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', version: 1 });
    const id = res.json().publicationId as string;
    expect((await c.get('/api/v1/exchange?q=Bauhof')).json().items[0].id).toBe(id);
    expect((await b.get('/api/v1/exchange?q=Bauhof')).json().total).toBe(0);
    expect((await b.get(`/api/v1/exchange/${id}`)).statusCode).toBe(404);
    expect((await b.get(`/api/v1/exchange/${id}/documents/${publicFileId}`)).statusCode).toBe(404);
    const facets = (await b.get('/api/v1/exchange')).json().facets;
    expect(facets.land.find((f: { value: string }) => f.value === '06')).toBeUndefined();
    // a stale version is refused
    const stale = await a.put(`/api/v1/projects/${projectId}/publication`, { ...PUBLIC, version: 0 });
    expect(stale.statusCode).toBe(409);
  });

  it('publishes to all: found by another word form, never with private fields', async () => {
    const res = await a.put(`/api/v1/projects/${projectId}/publication`, {
      ...PUBLIC,
      version: 1,
      documentIds: [publicFileId],
    });
    expect(res.json().version).toBe(2);
    const id = res.json().publicationId as string;
    for (const word of ['Bauhöfe', 'Bauhofs', 'Mängelmeldungen', 'Personalrates']) {
      const list = await b.get(`/api/v1/exchange?q=${encodeURIComponent(word)}`);
      expect(
        list.json().items.map((x: { id: string }) => x.id),
        word,
      ).toContain(id);
    }
    const detail = await b.get(`/api/v1/exchange/${id}`);
    for (const marker of PRIVATE_MARKERS) expect(detail.body).not.toContain(marker);
    expect(detail.json()).toMatchObject({ own: false, reuse: null, can: { adopt: true, ask: true } });
    const doc = await b.get(`/api/v1/exchange/${id}/documents/${publicFileId}`);
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toBe('leitfaden-bauhof.pdf');
    // the private file is not downloadable through the exchange
    const st = (await a.get(`/api/v1/projects/${projectId}/publication`)).json();
    const privateId = st.files.find((f: { name: string }) => f.name === 'privat-angebot.pdf').id;
    expect((await b.get(`/api/v1/exchange/${id}/documents/${privateId}`)).statusCode).toBe(404);
    // and not through the project routes either
    expect((await b.get(`/api/v1/projects/${projectId}/files/${privateId}`)).statusCode).toBe(404);
  });

  it('filters and counts facets in SQL', async () => {
    const all = (await b.get('/api/v1/exchange?q=Bauhof')).json();
    expect(all.facets.land).toEqual([{ value: '06', label: 'Hessen', count: 1 }]);
    expect(all.facets.sizeClass).toEqual([{ value: '7', label: 'GK 7', count: 1 }]);
    expect((await b.get('/api/v1/exchange?q=Bauhof&land=09')).json().total).toBe(0);
    expect((await b.get('/api/v1/exchange?q=Bauhof&sizeClass=7&stage=completed')).json().total).toBe(1);
    expect((await b.get('/api/v1/exchange?q=Bauhof&costMin=16000')).json().total).toBe(0);
    expect((await b.get('/api/v1/exchange?q=Bauhof&costMax=15000')).json().total).toBe(1);
    // the land facet still lists Hessen when filtered to another Land (counted without its own filter)
    expect((await b.get('/api/v1/exchange?q=Bauhof&land=09')).json().facets.land[0].value).toBe('06');
    expect((await b.get('/api/v1/exchange?costMin=abc')).statusCode).toBe(400);
  });

  it('finds entries similar to my open needs', async () => {
    await b.post('/api/v1/needs', { title: 'Meldungen für Bauhöfe digital erfassen', source: 'department' });
    const res = (await b.get('/api/v1/exchange?mode=similar')).json();
    expect(res.searched).toContain('Bauhöfe');
    expect(res.items[0].title).toBe('Digitaler Bauhof');
  });
});

describe('reuse', () => {
  let id = '';
  beforeAll(async () => {
    id = (await a.get(`/api/v1/projects/${projectId}/publication`)).json().publicationId;
  });

  it('previews the template with costs scaled by population', async () => {
    const p = (await b.get(`/api/v1/exchange/${id}/adoption`)).json();
    expect(p.factor).toBe(2);
    expect(p.ownPopulation).toBe(18_000);
    expect((await a.get(`/api/v1/exchange/${id}/adoption`)).statusCode).toBe(400);
  });

  it('refuses a wrong number of factors without writing anything', async () => {
    const before = await ctx.db.selectFrom('projects').select('id').where('municipalityId', '=', m.B!.id).execute();
    const res = await b.post(`/api/v1/exchange/${id}/adoption`, {
      title: 'Bauhof digital Beta',
      startsOn: '2027-01-01',
      factors: [1],
    });
    expect(res.statusCode).toBe(400);
    const after = await ctx.db.selectFrom('projects').select('id').where('municipalityId', '=', m.B!.id).execute();
    expect(after.length).toBe(before.length);
  });

  it('adopts as a new project with relative dates, scaled costs and a link to the original', async () => {
    const res = await b.post(`/api/v1/exchange/${id}/adoption`, {
      title: 'Bauhof digital Beta',
      startsOn: '2027-01-01',
      factors: [2, 1.5],
    });
    expect(res.statusCode).toBe(201);
    const pid = res.json().id as string;
    const p = (await b.get(`/api/v1/projects/${pid}`)).json();
    expect(p.phase).toBe('idea');
    expect(p.milestones.map((x: { title: string; dueOn: string }) => [x.title, x.dueOn])).toEqual([
      ['Pilot im Bauhof', '2027-03-01'],
    ]);
    expect(p.tasks[0]).toMatchObject({ title: 'Tablets beschaffen', dueOn: '2027-02-01', assignee: null });
    const f = (await b.get(`/api/v1/projects/${pid}/finance`)).json();
    expect(f.costs.map((x: { likely: number }) => x.likely)).toEqual([1_000_000, 180_000]);
    const risks = (await b.get(`/api/v1/projects/${pid}/risks`)).json().items;
    expect(risks[0]).toMatchObject({ title: 'Lieferverzug der Tablets', costLikely: 40_000, ownerId: null });
    const st = (await b.get(`/api/v1/projects/${pid}/publication`)).json();
    expect(st.origin).toEqual({ publicationId: id, title: 'Digitaler Bauhof', municipality: 'Gemeinde Alpha' });
    // the publisher sees how often and by whom (size class, Land) — not the adopter's name
    const mine = await a.get(`/api/v1/exchange/${id}`);
    expect(mine.json().reuse).toEqual({
      count: 1,
      bySizeClass: [{ sizeClass: 6, count: 1 }],
      byLand: [{ landCode: '06', land: 'Hessen', count: 1 }],
    });
    expect(mine.body).not.toContain('Gemeinde Beta');
    expect((await b.get(`/api/v1/exchange/${id}`)).json().adoptedAs).toEqual([
      { projectId: pid, title: 'Bauhof digital Beta' },
    ]);
  });
});

describe('lighthouse marks and discussion', () => {
  let id = '';
  beforeAll(async () => {
    id = (await a.get(`/api/v1/projects/${projectId}/publication`)).json().publicationId;
  });

  it('lets the network moderator mark the entry, nobody else', async () => {
    // a lighthouse needs a network of at least three member municipalities
    const D = await buildMunicipality(ctx.db, { name: 'Gemeinde Delta' });
    await ctx.db
      .insertInto('networkMembers')
      .values({ id: newId(), networkId, municipalityId: D.id, joinedOn: '2024-01-01', status: 'accepted' })
      .execute();
    expect((await b.put(`/api/v1/exchange/${id}/lighthouse/${networkId}`)).statusCode).toBe(403);
    const res = await moderator.put(`/api/v1/exchange/${id}/lighthouse/${networkId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().lighthouse).toEqual([{ networkId, network: 'Zirkel Alpha-Gamma' }]);
    const list = (await c.get('/api/v1/exchange?lighthouse=true')).json();
    expect(list.items[0]).toMatchObject({ id, lighthouse: true });
    const other = await buildNetwork(ctx.db, people.mod.id, [m.B!.id]);
    const moderator2 = await login(ctx.app, people.mod.email);
    const wrong = await moderator2.put(`/api/v1/exchange/${id}/lighthouse/${other.id}`);
    expect(wrong.statusCode).toBe(400);
    expect((await moderator2.del(`/api/v1/exchange/${id}/lighthouse/${networkId}`)).json().lighthouse).toEqual([]);
    await moderator2.put(`/api/v1/exchange/${id}/lighthouse/${networkId}`);
  });

  it('mails the publisher about a question and the asker about the answer', async () => {
    const q = await b.post(`/api/v1/exchange/${id}/posts`, { body: 'Welche Tablets haben Sie genommen?' });
    expect(q.statusCode).toBe(201);
    expect(
      (await mailTexts(ctx.outbox, people.a.email)).some((t) => t.includes('Welche Tablets haben Sie genommen?')),
    ).toBe(true);
    const qid = q.json().questions[0].id as string;
    const ans = await a.post(`/api/v1/exchange/${id}/posts`, { body: 'Robuste Outdoor-Tablets.', parentId: qid });
    expect(ans.json().questions[0].answers[0]).toMatchObject({ body: 'Robuste Outdoor-Tablets.', fromPublisher: true });
    expect((await mailTexts(ctx.outbox, people.b.email)).some((t) => t.includes('Robuste Outdoor-Tablets.'))).toBe(
      true,
    );
    const bad = await b.post(`/api/v1/exchange/${id}/posts`, { body: 'x' });
    expect(bad.statusCode).toBe(400);
    const wrongParent = await b.post(`/api/v1/exchange/${id}/posts`, {
      body: 'Antwort ins Leere',
      parentId: '00000000-0000-4000-8000-000000000009',
    });
    expect(wrongParent.statusCode).toBe(400);
  });

  it('withdraws: only the own municipality still sees it', async () => {
    const st = (await a.get(`/api/v1/projects/${projectId}/publication`)).json();
    const w = await a.post(`/api/v1/projects/${projectId}/publication/withdraw`, { version: st.version });
    expect(w.json().status).toBe('withdrawn');
    expect((await b.get(`/api/v1/exchange/${id}`)).statusCode).toBe(404);
    expect((await b.get('/api/v1/exchange?q=Bauhof')).json().total).toBe(0);
    expect((await a.get(`/api/v1/exchange/${id}`)).statusCode).toBe(200);
    // republish for the following tests
    const again = await a.put(`/api/v1/projects/${projectId}/publication`, {
      ...PUBLIC,
      version: w.json().version,
      documentIds: [publicFileId],
    });
    expect(again.json().status).toBe('published');
  });
});

describe('partner matching and contact requests', () => {
  it('suggests municipalities with reasons, from published entries and opened needs only', async () => {
    const need = (await b.post('/api/v1/needs', { title: 'Bauhof-Mängel per App melden', source: 'employee' })).json();
    const res = await b.get(`/api/v1/needs/${need.id}/partners`);
    expect(res.statusCode).toBe(200);
    const alpha = res
      .json()
      .items.find((x: { municipality: { name: string } }) => x.municipality.name === 'Gemeinde Alpha');
    expect(alpha.reasons).toEqual(expect.arrayContaining(['similar_project', 'neighbour_kreis', 'across_districts']));
    expect(alpha.distanceKm).toBeGreaterThan(10);
    expect(alpha.distanceKm).toBeLessThan(30);
    expect(alpha.matches[0]).toMatchObject({ kind: 'project', title: 'Digitaler Bauhof' });
    // C's private need does not count until C opens it for partner search
    const cNeed = (await c.post('/api/v1/needs', { title: 'Bauhof-App für Mängel', source: 'employee' })).json();
    const names = async () =>
      (await b.get(`/api/v1/needs/${need.id}/partners`))
        .json()
        .items.map((x: { municipality: { name: string } }) => x.municipality.name);
    expect(await names()).not.toContain('Gemeinde Gamma');
    expect(
      (await c.put(`/api/v1/needs/${cNeed.id}/partner-search`, { version: 1, seekingPartners: true })).statusCode,
    ).toBe(200);
    expect(await names()).toContain('Gemeinde Gamma');
    expect((await b.get(`/api/v1/needs/${cNeed.id}/partners`)).statusCode).toBe(404);
  });

  it('shares contact details only after the request is accepted', async () => {
    const sent = await b.post('/api/v1/contact-requests', {
      toMunicipalityId: m.A!.id,
      about: 'Digitaler Bauhof',
      message: 'Wir würden gern von Ihren Erfahrungen lernen.',
    });
    expect(sent.statusCode).toBe(201);
    const mail = (await mailTexts(ctx.outbox, people.a.email)).find((t) =>
      t.includes('Kontaktanfrage von Gemeinde Beta'),
    );
    expect(mail).toBeDefined();
    expect(mail).not.toContain(people.b.email);
    expect(
      (await b.post('/api/v1/contact-requests', { toMunicipalityId: m.A!.id, message: 'Noch eine Anfrage bitte' }))
        .statusCode,
    ).toBe(409);
    const inbox = (await a.get('/api/v1/contact-requests')).json();
    expect(inbox.incoming[0]).toMatchObject({ municipality: 'Gemeinde Beta', status: 'open', contact: null });
    expect((await b.get('/api/v1/contact-requests')).json().outgoing[0].contact).toBeNull();
    // only the addressed municipality answers
    expect((await c.post(`/api/v1/contact-requests/${inbox.incoming[0].id}/answer`, { accept: true })).statusCode).toBe(
      404,
    );
    const ok = await a.post(`/api/v1/contact-requests/${inbox.incoming[0].id}/answer`, { accept: true });
    expect(ok.json().incoming[0].contact).toMatchObject({ email: people.b.email, name: 'Bernd Beta' });
    expect((await b.get('/api/v1/contact-requests')).json().outgoing[0].contact).toMatchObject({
      email: people.a.email,
      name: 'Anna Alpha',
    });
    expect((await mailTexts(ctx.outbox, people.b.email)).some((t) => t.includes('angenommen'))).toBe(true);
    expect(
      (await a.post(`/api/v1/contact-requests/${inbox.incoming[0].id}/answer`, { accept: false })).statusCode,
    ).toBe(409);
  });
});

describe('joint projects', () => {
  let jid = '';
  it('splits the costs by population to the cent and invites the partner', async () => {
    const bad = await a.post('/api/v1/joint-projects', {
      title: 'Gemeinsamer Bauhof',
      costKey: 'custom',
      partners: [
        { municipalityId: m.A!.id, customPercent: 50 },
        { municipalityId: m.B!.id, customPercent: 40 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const noOwn = await a.post('/api/v1/joint-projects', {
      title: 'Ohne mich',
      costKey: 'equal',
      partners: [{ municipalityId: m.B!.id }, { municipalityId: m.C!.id }],
    });
    expect(noOwn.json().errors[0].code).toBe('lead_missing');
    const res = await a.post('/api/v1/joint-projects', {
      title: 'Gemeinsamer Bauhof',
      costKey: 'population',
      costLines: [
        { label: 'App-Lizenz', amountCents: 1_000_001 },
        { label: 'Schulung', amountCents: 200_000 },
      ],
      partners: [{ municipalityId: m.A!.id }, { municipalityId: m.B!.id }],
    });
    expect(res.statusCode).toBe(201);
    jid = res.json().id;
    const d = (await a.get(`/api/v1/joint-projects/${jid}`)).json();
    expect(d.totalCents).toBe(1_200_001);
    const [pa, pb] = d.partners;
    expect(pa.shareCents + pb.shareCents).toBe(1_200_001);
    expect(pa.shareCents).toBe(400_000); // 9,000 of 27,000
    expect(pb).toMatchObject({ status: 'invited', shareCents: 800_001 });
    expect((await mailTexts(ctx.outbox, people.b.email)).some((t) => t.includes('Gemeinsamer Bauhof'))).toBe(true);
    expect((await c.get(`/api/v1/joint-projects/${jid}`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/joint-projects/${jid}/statement`)).statusCode).toBe(404);
  });

  it('lets the partner accept, share entries and keep private notes private', async () => {
    const before = (await b.get('/api/v1/joint-projects')).json();
    expect(before.items[0]).toMatchObject({ id: jid, myStatus: 'invited', myShareCents: 800_001 });
    expect(
      (await b.post(`/api/v1/joint-projects/${jid}/entries`, { kind: 'decision', title: 'Zu früh' })).statusCode,
    ).toBe(403);
    expect((await b.post(`/api/v1/joint-projects/${jid}/answer`, { accept: true })).statusCode).toBe(200);
    await b.post(`/api/v1/joint-projects/${jid}/entries`, {
      kind: 'note',
      title: 'Nur für Beta',
      body: 'Verhandlungsspielraum 10 %',
      private: true,
    });
    await b.post(`/api/v1/joint-projects/${jid}/entries`, { kind: 'status', title: 'Stand März', light: 'green' });
    const shared = await b.post(`/api/v1/joint-projects/${jid}/entries`, {
      kind: 'decision',
      title: 'Gemeinderat Beta stimmt zu',
    });
    expect(shared.statusCode).toBe(201);
    expect(
      (await b.post(`/api/v1/joint-projects/${jid}/entries`, { kind: 'decision', title: 'Privat?', private: true }))
        .statusCode,
    ).toBe(400);
    expect(
      (await b.post(`/api/v1/joint-projects/${jid}/entries`, { kind: 'status', title: 'Ohne Ampel' })).statusCode,
    ).toBe(400);
    const doc = await a.inject({
      method: 'POST',
      url: `/api/v1/joint-projects/${jid}/documents`,
      ...multipart('vertrag.txt', Buffer.from('Kooperationsvertrag')),
    });
    expect(doc.statusCode).toBe(201);
    const seenByA = await a.get(`/api/v1/joint-projects/${jid}`);
    expect(seenByA.body).not.toContain('Verhandlungsspielraum');
    expect(seenByA.body).not.toContain('Nur für Beta');
    const titles = seenByA.json().entries.map((e: { title: string }) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['Stand März', 'Gemeinderat Beta stimmt zu', 'vertrag.txt']));
    const docId = seenByA.json().entries.find((e: { kind: string }) => e.kind === 'document').id;
    expect((await b.get(`/api/v1/joint-projects/${jid}/entries/${docId}/file`)).body).toBe('Kooperationsvertrag');
    expect((await c.get(`/api/v1/joint-projects/${jid}/entries/${docId}/file`)).statusCode).toBe(404);
    const note = (await b.get(`/api/v1/joint-projects/${jid}`))
      .json()
      .entries.find((e: { private: boolean }) => e.private);
    expect(note.title).toBe('Nur für Beta');
    expect((await a.del(`/api/v1/joint-projects/${jid}/entries/${note.id}`)).statusCode).toBe(404);
  });

  it('gives every partner its cost statement as PDF and XLSX', async () => {
    const pdf = await b.get(`/api/v1/joint-projects/${jid}/statement?format=pdf`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(await expectTaggedPdf(pdf.rawPayload)).toEqual(expect.arrayContaining(['H1', 'H2', 'H3', 'Table', 'TH']));
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Kostenaufstellung · Gemeinde Beta');
    expect(text).toMatch(/Anteil Gemeinde Beta: 8\.000,01\s€/);
    expect(text).toContain('nach Einwohnerzahl');
    const xlsx = await a.get(`/api/v1/joint-projects/${jid}/statement?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Kostenaufstellung')!;
    expect(ws.getCell('A1').value).toBe('Kostenaufstellung Gemeinde Alpha');
    expect(ws.getCell('B4').value).toBe(4000);
    // the share as a number with a percent format (was text '33.33 %'), amounts in euros
    expect(ws.getCell('C4').value).toBe(0.3333);
    expect(ws.getCell('C4').numFmt).toBe('0.00 %');
    expect(ws.getCell('B4').numFmt).toBe('#,##0.00 "€"');
    const beta = ws.getColumn(1).values.indexOf('Gemeinde Beta');
    expect(ws.getCell(beta, 3).value).toBe(0.6667);
    expect(ws.getCell(beta, 3).numFmt).toBe('0.00 %');
    expect(ws.getCell(beta, 2).numFmt ?? '').not.toContain('€'); // the basis is text, not euros
    expect((await a.get(`/api/v1/joint-projects/${jid}/statement?municipalityId=${m.C!.id}`)).statusCode).toBe(400);
  });

  it('refuses a stale update and keeps the other partner’s acceptance', async () => {
    const d = (await a.get(`/api/v1/joint-projects/${jid}`)).json();
    const body = {
      version: d.version,
      title: d.title,
      description: 'Neu',
      costKey: 'equal',
      costLines: d.costLines,
      partners: [{ municipalityId: m.A!.id }, { municipalityId: m.B!.id }, { municipalityId: m.C!.id }],
    };
    const ok = await a.put(`/api/v1/joint-projects/${jid}`, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().partners.map((p: { status: string }) => p.status)).toEqual(['accepted', 'accepted', 'invited']);
    // the agreed shares stay in force; the new key's split waits as a proposal
    expect(ok.json().partners.map((p: { shareCents: number }) => p.shareCents)).toEqual([400_000, 800_001, 0]);
    expect(ok.json().partners.map((p: { proposedShareCents: number }) => p.proposedShareCents)).toEqual([
      400_001, 400_000, 400_000,
    ]);
    expect(ok.json().shares).toMatchObject({ pending: true, proposedTotalCents: 1_200_001 });
    expect((await a.put(`/api/v1/joint-projects/${jid}`, body)).statusCode).toBe(409);
    expect((await b.put(`/api/v1/joint-projects/${jid}`, { ...body, version: d.version + 1 })).statusCode).toBe(403);
    expect((await c.get(`/api/v1/joint-projects/${jid}`)).json().can.answer).toBe(true);
  });
});
