import { DEFAULT_STAFF_RATES, evaluate, STUDY_DEFAULTS, type Study } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, mailTexts, type TestContext } from '../../../test/helpers.js';
import { openDocxInWriter } from '../../../test/libreoffice.js';
import { pdfText } from '../../../test/pdf-text.js';

let ctx: TestContext;
let kastellaun: Client;
let bell: Client;
let bellStaff: Client;
let stranger: Client;
const ids = {} as Record<'kastellaun' | 'bell' | 'other', string>;
let bellEmail = '';

beforeAll(async () => {
  ctx = await createTestContext();
  const [k, b, o] = await Promise.all([
    buildMunicipality(ctx.db, { name: 'Kastellaun', population: 5_400 }),
    buildMunicipality(ctx.db, { name: 'Bell (Hunsrück)', population: 1_100 }),
    buildMunicipality(ctx.db, { name: 'Fremdingen', population: 3_000 }),
  ]);
  Object.assign(ids, { kastellaun: k.id, bell: b.id, other: o.id });
  const kc = await buildUser(ctx.db, { municipalityId: k.id, role: 'coordinator' });
  const bc = await buildUser(ctx.db, { municipalityId: b.id, role: 'coordinator' });
  const bs = await buildUser(ctx.db, { municipalityId: b.id, role: 'staff' });
  const oc = await buildUser(ctx.db, { municipalityId: o.id, role: 'coordinator' });
  bellEmail = bc.email;
  [kastellaun, bell, bellStaff, stranger] = await Promise.all([
    login(ctx.app, kc.email),
    login(ctx.app, bc.email),
    login(ctx.app, bs.email),
    login(ctx.app, oc.email),
  ]);
});
afterAll(() => ctx?.close());

const yard = (fte: number, truckCents: number, orders: number) => ({
  staff: [{ payGroup: 'EG 5', fte }],
  assets: [{ label: 'Unimog', purchaseCents: truckCents, depreciationYears: 10, runningCentsPerYear: 800_000 }],
  materialCents: 2_000_000,
  otherCents: 500_000,
  volumes: { work_orders: orders },
  serviceLevel: 'Winterdienst bis 7 Uhr',
});
const target = {
  staff: [{ payGroup: 'EG 5', fte: 6.5 }],
  assets: [{ label: 'Unimog', purchaseCents: 18_000_000, depreciationYears: 10, runningCentsPerYear: 800_000 }],
  fixedCents: 1_000_000,
  variableCentsPerUnit: { work_orders: 2_000 },
  transitionCents: 3_000_000,
  location: 'Bauhof Kastellaun',
};
const settings = {
  allocation: { key: 'population', unit: 'work_orders', baseShare: 0.3 },
  vatTaxable: false,
  hoursPerFte: 1_600,
  discountRate: 0.009,
  horizonYears: 5,
};

describe('shared-service feasibility study', () => {
  let id = '';

  it('starts a study, invites the partner by mail and lists the catalogue', async () => {
    const cat = await kastellaun.get('/api/v1/shared-services/catalogue');
    expect(cat.json().items.map((c: { key: string }) => c.key)).toContain('bauhof');
    const bad = await kastellaun.post('/api/v1/shared-services/studies', {
      title: 'Gemeinsamer Bauhof',
      serviceKey: 'bauhof',
      partnerIds: [ids.kastellaun],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.partnerIds');
    const res = await kastellaun.post('/api/v1/shared-services/studies', {
      title: 'Gemeinsamer Bauhof',
      serviceKey: 'bauhof',
      partnerIds: [ids.bell],
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect((await mailTexts(ctx.outbox, bellEmail)).some((t) => t.includes('Gemeinsamer Bauhof'))).toBe(true);
    const list = (await bell.get('/api/v1/shared-services/studies')).json();
    expect(list.items).toEqual([expect.objectContaining({ id, myStatus: 'invited', lead: 'Kastellaun', partners: 2 })]);
  });

  it('shows an invited partner neither the inputs nor the figures; strangers get 404', async () => {
    await kastellaun.put(`/api/v1/shared-services/studies/${id}/status-quo`, {
      version: 0,
      ...yard(6, 18_000_000, 900),
    });
    const seen = (await bell.get(`/api/v1/shared-services/studies/${id}`)).json();
    expect(seen.partners.every((p: { statusQuo: unknown }) => p.statusQuo === null)).toBe(true);
    expect(seen.figures).toBeNull();
    // nor the lead's target model, staff cost rates or checklist answers
    expect(seen.rates).toEqual([]);
    expect(seen.target.staff).toEqual([]);
    expect(seen.legalAnswers).toEqual({});
    expect(seen.can).toMatchObject({ edit: false, answer: true, statusQuo: false, team: false, file: false });
    expect((await stranger.get(`/api/v1/shared-services/studies/${id}`)).statusCode).toBe(404);
    expect((await stranger.put(`/api/v1/shared-services/studies/${id}/status-quo`, { version: 0 })).statusCode).toBe(
      404,
    );
    // staff may not answer for the municipality
    expect((await bellStaff.post(`/api/v1/shared-services/studies/${id}/answer`, { accept: true })).statusCode).toBe(
      403,
    );
  });

  it('computes alone vs. pool for both partners once they accepted and entered their status quo', async () => {
    expect((await bell.post(`/api/v1/shared-services/studies/${id}/answer`, { accept: true })).statusCode).toBe(200);
    // a second answer (a colleague a moment later) does not undo the first
    expect((await bell.post(`/api/v1/shared-services/studies/${id}/answer`, { accept: false })).statusCode).toBe(403);
    // staff of the partner enter the figures they know
    const sq = await bellStaff.put(`/api/v1/shared-services/studies/${id}/status-quo`, {
      version: 0,
      ...yard(1.5, 12_000_000, 150),
    });
    expect(sq.statusCode, sq.body).toBe(200);
    const lead = (await kastellaun.get(`/api/v1/shared-services/studies/${id}`)).json();
    const upd = await kastellaun.put(`/api/v1/shared-services/studies/${id}`, {
      version: lead.version,
      title: 'Gemeinsamer Bauhof',
      target,
      ...settings,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    const d = upd.json();
    const rates = Object.fromEntries(DEFAULT_STAFF_RATES.map((r) => [r.payGroup, r.centsPerHour]));
    const expected = evaluate({
      ...STUDY_DEFAULTS,
      rates,
      partners: [
        { name: 'Kastellaun', population: 5_400, statusQuo: yard(6, 18_000_000, 900) },
        { name: 'Bell (Hunsrück)', population: 1_100, statusQuo: yard(1.5, 12_000_000, 150) },
      ],
      target,
      allocation: settings.allocation as Study['allocation'],
    });
    expect(d.figures.savingsCents).toBe(expected.savingsCents);
    expect(d.figures.partners.map((p: { pooledCents: number }) => p.pooledCents)).toEqual(
      expected.partners.map((p) => p.pooledCents),
    );
    expect(d.figures.partners[1].municipalityId).toBe(ids.bell);
    expect(d.sensitivity.leavers).toHaveLength(2);
    expect(d.uncertainty.p80Cents).toBeGreaterThan(0);
    // the partner sees both status quos now
    const seen = (await bell.get(`/api/v1/shared-services/studies/${id}`)).json();
    expect(seen.partners.map((p: { statusQuo: { serviceLevel: string } }) => p.statusQuo.serviceLevel)).toEqual([
      'Winterdienst bis 7 Uhr',
      'Winterdienst bis 7 Uhr',
    ]);
    expect(seen.can).toMatchObject({
      edit: false,
      answer: false,
      statusQuo: true,
      team: true,
      advance: false,
      file: false,
    });
  });

  it('refuses pay groups the cost rates do not know (also names of object properties) with a field error', async () => {
    const d = (await bell.get(`/api/v1/shared-services/studies/${id}`)).json();
    const mine = d.partners.find((p: { municipalityId: string }) => p.municipalityId === ids.bell);
    for (const payGroup of ['constructor', 'EG 99']) {
      const r = await bell.put(`/api/v1/shared-services/studies/${id}/status-quo`, {
        version: mine.statusQuoVersion,
        staff: [{ payGroup, fte: 1 }],
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].path).toBe('body.staff.0.payGroup');
    }
    expect((await bell.get(`/api/v1/shared-services/studies/${id}`)).statusCode).toBe(200);
  });

  it('refuses stale versions (409), percentages that do not add up (400) and edits by the partner (403)', async () => {
    const d = (await kastellaun.get(`/api/v1/shared-services/studies/${id}`)).json();
    const stale = await kastellaun.put(`/api/v1/shared-services/studies/${id}`, {
      version: d.version - 1,
      title: 'Alt',
      target,
      ...settings,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    const staleSq = await bell.put(`/api/v1/shared-services/studies/${id}/status-quo`, {
      version: 0,
      materialCents: 1,
    });
    expect(staleSq.statusCode, staleSq.body).toBe(409);
    const custom = await kastellaun.put(`/api/v1/shared-services/studies/${id}`, {
      version: d.version,
      title: 'Gemeinsamer Bauhof',
      target,
      ...settings,
      allocation: { key: 'custom', unit: 'work_orders', baseShare: 0.3 },
      customPercents: { [ids.kastellaun]: 70, [ids.bell]: 20 },
    });
    expect(custom.statusCode).toBe(400);
    expect(custom.json().errors[0].path).toBe('body.customPercents');
    const byPartner = await bell.put(`/api/v1/shared-services/studies/${id}`, {
      version: d.version,
      title: 'Übernommen',
      target,
      ...settings,
    });
    expect(byPartner.statusCode).toBe(403);
    const after = (await kastellaun.get(`/api/v1/shared-services/studies/${id}`)).json();
    expect(after.version).toBe(d.version);
    expect(after.title).toBe('Gemeinsamer Bauhof');
  });

  it('flags a partner that pays more in the pool and names keys that fix it', async () => {
    const d = (await kastellaun.get(`/api/v1/shared-services/studies/${id}`)).json();
    const res = await kastellaun.put(`/api/v1/shared-services/studies/${id}`, {
      version: d.version,
      title: 'Gemeinsamer Bauhof',
      target: { ...target, staff: [{ payGroup: 'EG 5', fte: 7.4 }] },
      ...settings,
      allocation: { key: 'equal', unit: 'work_orders', baseShare: 0.3 },
    });
    const f = res.json();
    expect(f.figures.partners[1].worseOff).toBe(true);
    expect(f.betterKeys.length).toBeGreaterThan(0);
    expect(f.betterKeys[0].minSavingsCents).toBeGreaterThan(
      Math.min(...f.figures.partners.map((p: { savingsCents: number }) => p.savingsCents)),
    );
  });

  it('keeps the answers of both checklists and derives the legal form and the § 2b UStG guidance', async () => {
    const d = (await kastellaun.get(`/api/v1/shared-services/studies/${id}`)).json();
    expect(d.legalForms[0].key).toBe('zweckvereinbarung_mandatierend');
    const res = await kastellaun.put(`/api/v1/shared-services/studies/${id}`, {
      version: d.version,
      title: 'Gemeinsamer Bauhof',
      target,
      ...settings,
      legalAnswers: { ownBudget: true, manyPartners: true, transferResponsibility: true },
      vatAnswers: { longTermPublicLaw: true, publicTask: true, costReimbursementOnly: false, mainlyPublicBodies: true },
      vatTaxable: true,
    });
    const f = res.json();
    expect(f.legalForms[0].key).toBe('zweckverband');
    expect(f.vat.taxable).toBe(true);
    expect(f.vatAnswers.costReimbursementOnly).toBe(false);
    // taxable: every partner pays 19 % on its share
    expect(f.figures.partners[0].pooledGrossCents).toBe(Math.round(f.figures.partners[0].pooledCents * 1.19));
  });

  it('drafts the agreement as DOCX (opened in LibreOffice Writer) and PDF with the shares of the study', async () => {
    const d = (await bell.get(`/api/v1/shared-services/studies/${id}`)).json();
    const share = (i: number) =>
      new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' })
        .format(d.figures.partners[i].pooledCents / 100)
        .replace(/\u00a0/g, ' ');
    const docx = await bell.get(`/api/v1/shared-services/studies/${id}/agreement?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = openDocxInWriter(docx.rawPayload);
    expect(text).toContain('Öffentlich-rechtliche Vereinbarung über Bauhof');
    expect(text).toContain('Kastellaun');
    expect(text).toContain('Bell (Hunsrück)');
    expect(text).toContain(share(0));
    expect(text).toContain(share(1));
    expect(text).toContain('19 %'); // taxable since the previous test
    const pdf = await kastellaun.get(`/api/v1/shared-services/studies/${id}/agreement?format=pdf`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const pt = await pdfText(pdf.rawPayload);
    expect(pt).toContain(share(0));
    expect(pt).toContain('§ 3 Beginn, Laufzeit und Kündigung');
    // not for strangers
    expect((await stranger.get(`/api/v1/shared-services/studies/${id}/agreement`)).statusCode).toBe(404);
  });

  it('prepares one council paper per partner from its share through the decision-paper module', async () => {
    const d = (await bell.get(`/api/v1/shared-services/studies/${id}`)).json();
    const mine = d.figures.partners.find((p: { municipalityId: string }) => p.municipalityId === ids.bell);
    const r = await bell.post(`/api/v1/shared-services/studies/${id}/council-paper`, {});
    expect(r.statusCode, r.body).toBe(200);
    const { projectId } = r.json();
    // a second click answers with the same project
    expect((await bell.post(`/api/v1/shared-services/studies/${id}/council-paper`, {})).json().projectId).toBe(
      projectId,
    );
    const fin = (await bell.get(`/api/v1/projects/${projectId}/finance`)).json();
    expect(fin.costs.map((c: { likely: number }) => c.likely)).toEqual([mine.transitionCents, mine.pooledGrossCents]);
    expect(fin.benefits[0].centsPerYear).toBe(mine.aloneCents);
    const draft = await bell.get(`/api/v1/projects/${projectId}/decision-papers/draft`);
    expect(draft.statusCode, draft.body).toBe(200);
    // Kastellaun's paper is its own project, invisible to Bell
    const k = (await kastellaun.post(`/api/v1/shared-services/studies/${id}/council-paper`, {})).json();
    expect(k.projectId).not.toBe(projectId);
    expect((await bell.get(`/api/v1/projects/${k.projectId}`)).statusCode).toBe(404);
    // a stranger gets 404 and no project is left behind
    const before = (await bell.get('/api/v1/projects')).json().total;
    expect((await stranger.post(`/api/v1/shared-services/studies/${id}/council-paper`, {})).statusCode).toBe(404);
    expect((await bell.get('/api/v1/projects')).json().total).toBe(before);
  });

  it('lets a declined partner no longer see the study', async () => {
    const r = await kastellaun.post('/api/v1/shared-services/studies', {
      title: 'Gemeinsames Standesamt',
      serviceKey: 'standesamt',
      partnerIds: [ids.bell],
    });
    const sid = r.json().id;
    expect((await bell.post(`/api/v1/shared-services/studies/${sid}/answer`, { accept: false })).statusCode).toBe(200);
    expect((await bell.get(`/api/v1/shared-services/studies/${sid}`)).statusCode).toBe(404);
    const lead = (await kastellaun.get(`/api/v1/shared-services/studies/${sid}`)).json();
    expect(lead.partners[1].status).toBe('declined');
  });
});

describe('service catalogue of a network', () => {
  it('lets a network’s moderators add their own type that only its members use; studies keep their copy', async () => {
    const moderator = await buildUser(ctx.db, { municipalityId: ids.kastellaun, role: 'coordinator' });
    const net = await buildNetwork(ctx.db, moderator.id, [ids.kastellaun, ids.bell], 'Hunsrück-Verbund');
    const mod = await login(ctx.app, moderator.email);
    const type = {
      networkId: net.id,
      name: 'Gemeinsame Friedhofsverwaltung',
      tasks: ['Grabvergabe', 'Gebührenbescheide'],
      costDrivers: ['Personal'],
      units: ['cases'],
    };
    expect((await kastellaun.post('/api/v1/shared-services/catalogue', type)).statusCode).toBe(403);
    const bad = await mod.post('/api/v1/shared-services/catalogue', { ...type, tasks: [], units: ['lightyears'] });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.tasks', 'body.units.0']);
    const created = await mod.post('/api/v1/shared-services/catalogue', type);
    expect(created.statusCode, created.body).toBe(201);
    const typeId = created.json().id;
    const seen = (await bell.get('/api/v1/shared-services/catalogue')).json();
    expect(seen.items.find((i: { key: string }) => i.key === typeId)).toMatchObject({
      name: 'Gemeinsame Friedhofsverwaltung',
      network: { name: 'Hunsrück-Verbund' },
      editable: false,
    });
    expect((await mod.get('/api/v1/shared-services/catalogue')).json().networks).toEqual([
      { id: net.id, name: 'Hunsrück-Verbund' },
    ]);
    // a municipality outside the network neither sees nor uses it
    const outside = (await stranger.get('/api/v1/shared-services/catalogue')).json();
    expect(outside.items.some((i: { key: string }) => i.key === typeId)).toBe(false);
    const foreign = await stranger.post('/api/v1/shared-services/studies', {
      title: 'Friedhof',
      serviceKey: typeId,
      partnerIds: [ids.kastellaun],
    });
    expect(foreign.json().errors[0].path).toBe('body.serviceKey');
    const study = await bell.post('/api/v1/shared-services/studies', {
      title: 'Friedhofsverwaltung Bell und Kastellaun',
      serviceKey: typeId,
      partnerIds: [ids.kastellaun],
    });
    expect(study.statusCode, study.body).toBe(201);
    // renaming or removing the type leaves the study's copy alone; only the moderators may
    expect((await kastellaun.put(`/api/v1/shared-services/catalogue/${typeId}`, type)).statusCode).toBe(404);
    const renamed = await mod.put(`/api/v1/shared-services/catalogue/${typeId}`, { ...type, name: 'Friedhofsamt' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await kastellaun.del(`/api/v1/shared-services/catalogue/${typeId}`)).statusCode).toBe(404);
    expect((await mod.del(`/api/v1/shared-services/catalogue/${typeId}`)).statusCode).toBe(200);
    const d = (await bell.get(`/api/v1/shared-services/studies/${study.json().id}`)).json();
    expect(d.serviceName).toBe('Gemeinsame Friedhofsverwaltung');
    expect(d.allocation.unit).toBe('cases');
  });
});

describe('a study a network’s moderation starts', () => {
  it('names the lead among the members; lead and partners accept; the moderation sees answers, never figures', async () => {
    // a moderator without a municipality of their own
    const moderator = await buildUser(ctx.db);
    const net = await buildNetwork(ctx.db, moderator.id, [ids.kastellaun, ids.bell], 'Zirkel Hunsrück');
    const mod = await login(ctx.app, moderator.email);
    const body = {
      networkId: net.id,
      leadId: ids.kastellaun,
      title: 'Bauhof im Zirkel',
      serviceKey: 'bauhof',
      partnerIds: [ids.bell],
    };
    // a coordinator who does not moderate the network may not; nor may the moderation invite non-members
    expect((await kastellaun.post('/api/v1/shared-services/network-studies', body)).statusCode).toBe(403);
    const outsider = await mod.post('/api/v1/shared-services/network-studies', { ...body, partnerIds: [ids.other] });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0]).toMatchObject({ path: 'body.partnerIds', code: 'not_a_member' });
    const outLead = await mod.post('/api/v1/shared-services/network-studies', { ...body, leadId: ids.other });
    expect(outLead.json().errors[0]).toMatchObject({ path: 'body.leadId', code: 'not_a_member' });
    const alone = await mod.post('/api/v1/shared-services/network-studies', { ...body, partnerIds: [ids.kastellaun] });
    expect(alone.json().errors[0].path).toBe('body.partnerIds');
    const res = await mod.post('/api/v1/shared-services/network-studies', body);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    // the lead's coordination got an invitation from the network's moderation
    const mails = await mailTexts(ctx.outbox, bellEmail);
    expect(mails.some((m) => m.includes('Die Moderation des Verbunds „Zirkel Hunsrück“') && m.includes(id))).toBe(true);
    // before the lead accepts, an accepted partner sees none of the lead's cost rates and cannot enter figures
    expect((await bell.post(`/api/v1/shared-services/studies/${id}/answer`, { accept: true })).statusCode).toBe(200);
    const early = (await bell.get(`/api/v1/shared-services/studies/${id}`)).json();
    expect(early.rates).toEqual([]);
    expect(early.figures).toBeNull();
    expect(early.can.statusQuo).toBe(false);
    const sq = await bell.put(`/api/v1/shared-services/studies/${id}/status-quo`, { version: 0, serviceLevel: 'Früh' });
    expect(sq.statusCode).toBe(409);
    // the lead is invited like every partner: no edits until it accepts
    const invited = (await kastellaun.get(`/api/v1/shared-services/studies/${id}`)).json();
    expect(invited).toMatchObject({
      myStatus: 'invited',
      network: { name: 'Zirkel Hunsrück' },
      lead: { id: ids.kastellaun },
    });
    expect(invited.can).toMatchObject({ answer: true, edit: false });
    expect((await kastellaun.post(`/api/v1/shared-services/studies/${id}/answer`, { accept: true })).statusCode).toBe(
      200,
    );
    const lead = (await kastellaun.get(`/api/v1/shared-services/studies/${id}`)).json();
    expect(lead.can.edit).toBe(true);
    expect((await bell.get(`/api/v1/shared-services/studies/${id}`)).json().can.statusQuo).toBe(true);
    // the moderation follows the answers; the study itself stays with the participants
    const list = (await mod.get('/api/v1/shared-services/network-studies')).json();
    const mine = list.items.find((s: { id: string }) => s.id === id);
    expect(mine).toMatchObject({ title: 'Bauhof im Zirkel', serviceName: 'Bauhof', status: 'calculation' });
    expect(mine.partners).toEqual([
      { name: 'Kastellaun', role: 'lead', status: 'accepted' },
      { name: 'Bell (Hunsrück)', role: 'partner', status: 'accepted' },
    ]);
    expect(JSON.stringify(list)).not.toMatch(/statusQuo|target|allocation/);
    expect((await mod.get(`/api/v1/shared-services/studies/${id}`)).statusCode).toBe(403);
    // another network's moderator, and a coordinator, see none of it
    const other = await buildUser(ctx.db);
    await buildNetwork(ctx.db, other.id, [ids.other]);
    const otherMod = await login(ctx.app, other.email);
    expect((await otherMod.get('/api/v1/shared-services/network-studies')).json().items).toEqual([]);
    expect((await stranger.get('/api/v1/shared-services/network-studies')).json().items).toEqual([]);
  });

  it('ends when the lead it named declines; the moderation sees the answer', async () => {
    const moderator = await buildUser(ctx.db);
    const net = await buildNetwork(ctx.db, moderator.id, [ids.kastellaun, ids.bell]);
    const mod = await login(ctx.app, moderator.email);
    const res = await mod.post('/api/v1/shared-services/network-studies', {
      networkId: net.id,
      leadId: ids.bell,
      title: 'Bürgerbüro im Zirkel',
      serviceKey: 'buergerbuero',
      partnerIds: [ids.kastellaun],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await kastellaun.post(`/api/v1/shared-services/studies/${id}/answer`, { accept: true })).statusCode).toBe(
      200,
    );
    expect((await bell.post(`/api/v1/shared-services/studies/${id}/answer`, { accept: false })).statusCode).toBe(200);
    expect((await kastellaun.get(`/api/v1/shared-services/studies/${id}`)).statusCode).toBe(404);
    const mine = (await mod.get('/api/v1/shared-services/network-studies'))
      .json()
      .items.find((s: { id: string }) => s.id === id);
    expect(mine.partners.map((p: { status: string }) => p.status)).toEqual(['declined', 'declined']);
  });
});
