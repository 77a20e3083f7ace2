import { MATURITY_DIMENSIONS, percentileCont } from '@dz/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { openCsvInCalc } from '../../../test/libreoffice.js';
import { expectTaggedPdf } from '../../../test/pdf-tags.js';
import { pdfText } from '../../../test/pdf-text.js';
import { newId } from '../../lib/ids.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const YEAR = new Date().getUTCFullYear();
type Answer = {
  criterionKey: string;
  level: number | null;
  version: number;
  overridden: boolean;
  prefill: { level: number; source: string; note: string } | null;
};

async function coordinatorOf(opts: { population?: number; landCode?: string } = {}) {
  const m = await buildMunicipality(ctx.db, opts);
  const u = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
  return { m, c: await login(ctx.app, u.email) };
}

let serviceNo = 0;
async function services(municipalityId: string, levels: number[]) {
  await ctx.db
    .insertInto('processServices')
    .values(
      levels.map((ozgLevel, i) => ({
        id: newId(),
        municipalityId,
        name: `Leistung ${++serviceNo}-${i}`,
        ozgLevel,
        casesPerYear: 100,
      })),
    )
    .execute();
}

describe('self-assessment', () => {
  it('pre-fills from the platform and the last assessment, keeps overrides, refuses stale and unfinished', async () => {
    const { m, c } = await coordinatorOf();
    const staff = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
    const council = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'council' })).email);
    await services(m.id, [3, 3, 1, 0, 2, 4, 0, 0]); // 3 of 8 online → 37,5 % → level 3
    expect((await staff.post('/api/v1/maturity/assessments')).statusCode).toBe(403);
    const created = await c.post('/api/v1/maturity/assessments');
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    expect((await c.post('/api/v1/maturity/assessments')).statusCode).toBe(409);
    const online = a.answers.find((x: Answer) => x.criterionKey === 'online_share') as Answer;
    expect(online).toMatchObject({
      level: 3,
      overridden: false,
      prefill: { level: 3, source: 'services_online_share' },
    });
    expect(online.prefill!.note).toContain('3 von 8 Leistungen');
    // the inventory also answers "Leistungsverzeichnis": 8 services with volumes, none with minutes → 3
    expect(a.answers.find((x: Answer) => x.criterionKey === 'service_inventory')).toMatchObject({ level: 3 });
    // nothing known → nothing suggested (no previous assessment yet)
    expect(a.answers.find((x: Answer) => x.criterionKey === 'security')).toMatchObject({ level: null, prefill: null });

    // staff answer with evidence, the council only reads
    const put = (client: typeof c, key: string, body: object) =>
      client.put(`/api/v1/maturity/assessments/${a.id}/answers/${key}`, body);
    expect((await put(council, 'security', { level: 2, version: 1 })).statusCode).toBe(403);
    const saved = await put(staff, 'online_share', {
      level: 2,
      evidenceUrl: '/prozesse',
      evidenceNote: 'Nur Formulare',
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().answers.find((x: Answer) => x.criterionKey === 'online_share')).toMatchObject({
      level: 2,
      overridden: true,
      version: 2,
    });
    expect((await put(c, 'online_share', { level: 4, version: 1 })).statusCode).toBe(409);
    const bad = await put(c, 'security', { level: 2, evidenceUrl: 'javascript:alert(1)', version: 1 });
    expect(bad.statusCode).toBe(400);
    expect((await put(c, 'no_such_criterion', { level: 2, version: 0 })).statusCode).toBe(404);

    // a refresh keeps the override; another service online moves the suggestion, not the answer
    await services(m.id, [4]);
    const refreshed = (await c.post(`/api/v1/maturity/assessments/${a.id}/prefill`)).json();
    expect(refreshed.answers.find((x: Answer) => x.criterionKey === 'online_share')).toMatchObject({
      level: 2,
      prefill: { level: 3 },
    });
    expect(refreshed.answers.find((x: Answer) => x.criterionKey === 'online_share').prefill.note).toContain('4 von 9');

    // too few answers: a field error per dimension without a level
    const early = await c.post(`/api/v1/maturity/assessments/${a.id}/complete`);
    expect(early.statusCode).toBe(400);
    expect(early.json().errors.map((e: { path: string }) => e.path)).toContain('dimensions.technology');
    for (const d of MATURITY_DIMENSIONS)
      for (const cr of d.criteria.slice(0, 2)) {
        const cur = (await c.get(`/api/v1/maturity/assessments/${a.id}`))
          .json()
          .answers.find((x: Answer) => x.criterionKey === cr.key) as Answer;
        if (cur.level === null)
          expect(
            (await put(c, cr.key, { level: d.key === 'technology' ? 4 : 2, version: cur.version })).statusCode,
          ).toBe(200);
      }
    expect((await staff.post(`/api/v1/maturity/assessments/${a.id}/complete`)).statusCode).toBe(403);
    const done = await c.post(`/api/v1/maturity/assessments/${a.id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed' });
    expect(done.json().profile.find((p: { key: string }) => p.key === 'technology').level).toBe(4);
    expect((await put(c, 'security', { level: 3, version: 2 })).statusCode).toBe(409);
    expect((await c.del(`/api/v1/maturity/assessments/${a.id}`)).statusCode).toBe(409);

    // the next assessment carries the answers the platform cannot know over from this one
    const next = (await c.post('/api/v1/maturity/assessments')).json();
    expect(next.answers.find((x: Answer) => x.criterionKey === 'security')).toMatchObject({
      level: 4,
      prefill: { level: 4, source: 'previous_assessment' },
    });
    const overview = (await council.get('/api/v1/maturity')).json();
    expect(overview.assessments.map((x: { status: string }) => x.status)).toEqual(['draft', 'completed']);
    expect(overview.can).toEqual({ assess: false, manage: false });
    expect((await c.del(`/api/v1/maturity/assessments/${next.id}`)).statusCode).toBe(200);

    // another municipality never reaches it
    const other = await coordinatorOf();
    expect((await other.c.get(`/api/v1/maturity/assessments/${a.id}`)).statusCode).toBe(404);
    expect(
      (await other.c.put(`/api/v1/maturity/assessments/${a.id}/answers/security`, { level: 1, version: 2 })).statusCode,
    ).toBe(404);
  });

  it('lets the platform administration publish a new model version; assessments keep theirs', async () => {
    const admin = await login(ctx.app, (await buildUser(ctx.db, { isPlatformAdmin: true })).email);
    const { c } = await coordinatorOf();
    const model = (await c.get('/api/v1/maturity/model')).json();
    expect(model.can).toEqual({ edit: false });
    const dims = model.dimensions.map((d: { criteria: { prefill: string | null }[] }) => ({
      ...d,
      criteria: d.criteria.map(({ prefill, ...cr }) => (prefill ? { ...cr, prefill } : cr)),
    }));
    dims[0].criteria[0].levels[0] = 'Es gibt kein Zielbild (neu formuliert).';
    const body = { basedOn: model.version, note: 'Stufe 1 des Zielbilds klarer', dimensions: dims };
    expect((await c.put('/api/v1/maturity/model', body)).statusCode).toBe(403);
    const dup = structuredClone(body);
    dup.dimensions[1].criteria[0].key = dup.dimensions[0].criteria[0].key;
    expect((await admin.put('/api/v1/maturity/model', dup)).statusCode).toBe(400);
    const res = await admin.put('/api/v1/maturity/model', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).not.toBe(model.version);
    expect((await admin.put('/api/v1/maturity/model', body)).statusCode).toBe(409);
    const a = (await c.post('/api/v1/maturity/assessments')).json();
    expect(a.modelVersion).toBe(res.json().version);
  });
});

describe('key figures and benchmark', () => {
  it('enters, computes and exports values; compares them with peers under the threshold and differencing rule', async () => {
    const modUser = await buildUser(ctx.db);
    const moderator = await login(ctx.app, modUser.email);
    const me = await coordinatorOf({ population: 12_000, landCode: '09' });
    // 7 GK6 peers in Bavaria, 1 GK6 and 5 GK7 in Hesse (the Hessian GK6 alone would be differenced out of GK6)
    const peers = [
      ...(await Promise.all(
        Array.from({ length: 7 }, () => buildMunicipality(ctx.db, { population: 15_000, landCode: '09' })),
      )),
      await buildMunicipality(ctx.db, { population: 11_000, landCode: '06' }),
      ...(await Promise.all(
        Array.from({ length: 5 }, () => buildMunicipality(ctx.db, { population: 4_000, landCode: '06' })),
      )),
    ];
    const net = await buildNetwork(ctx.db, modUser.id, [me.m.id, ...peers.map((p) => p.id)]);
    const c = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: me.m.id, role: 'coordinator' })).email);
    const created = await moderator.post(`/api/v1/maturity/networks/${net.id}/key-figures`, {
      name: 'Anteil digital versandter Bescheide',
      definition: 'Digital zugestellte Bescheide geteilt durch alle Bescheide des Jahres.',
      unit: '%',
      direction: 'higher',
      source: 'Fachverfahren',
      decimals: 1,
      min: 0,
      max: 100,
    });
    expect(created.statusCode, created.body).toBe(201);
    const fig = created.json().figures[0];
    expect((await c.post(`/api/v1/maturity/networks/${net.id}/key-figures`, {})).statusCode).toBe(400);
    const values = [40, 55, 60, 62, 70, 75, 90, 33, 20, 25, 30, 35, 45];
    await ctx.db
      .insertInto('keyFigureValues')
      .values(
        peers.map((p, i) => ({
          keyFigureId: fig.id,
          municipalityId: p.id,
          year: YEAR,
          value: values[i]!,
          origin: 'entered' as const,
        })),
      )
      .execute();

    // entering: range, German field error, stale version
    const url = `/api/v1/maturity/key-figures/${fig.id}/values/${YEAR}`;
    const tooHigh = await c.put(url, { value: 120, version: 0 });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().errors[0]).toMatchObject({
      path: 'value',
      message: expect.stringContaining('nicht über 100'),
    });
    expect((await c.put(url, { value: 30, version: 0 })).statusCode).toBe(200);
    expect((await c.put(url, { value: 31, version: 0 })).statusCode).toBe(409);
    const list = (await c.get('/api/v1/maturity/key-figures')).json();
    expect(list.figures.find((f: { id: string }) => f.id === fig.id).values[0]).toMatchObject({
      year: YEAR,
      value: 30,
      origin: 'entered',
      version: 1,
    });

    const b = (await c.get(`/api/v1/maturity/benchmark?figureId=${fig.id}`)).json();
    expect(b).toMatchObject({ sizeClass: 6, land: 'Bayern', threshold: 5 });
    const groups = Object.fromEntries(b.figures[0].groups.map((g: { kind: string }) => [g.kind, g]));
    // compared with the others: the own 30 is not in the distribution (else moving it would tell the neighbours)
    const bavaria = values.slice(0, 7);
    expect(groups.size_land).toMatchObject({ shown: true, quarter: 4 });
    expect(groups.size_land.distribution).toMatchObject({
      n: 7,
      // under 10 values no 10th/90th percentile: with 5 they would give away the smallest and the largest
      p10: null,
      p90: null,
      q1: percentileCont(bavaria, 0.25),
      median: percentileCont(bavaria, 0.5),
      q3: percentileCont(bavaria, 0.75),
    });
    // GK6 = the 8 Bavarian + 1 Hessian: shown, it would set the Hessian GK6 apart from Hesse minus its GK7 → withheld
    expect(groups.size_class).toMatchObject({ shown: false, reason: 'differencing', distribution: null });
    expect(groups.network).toMatchObject({ shown: true });
    expect(groups.network.distribution.n).toBe(13);
    // rounded to the figure's one decimal: more digits would only show the interpolation weights
    expect(groups.network.distribution.p10).toBe(Number(percentileCont(values, 0.1)?.toFixed(1)));
    // the Hessian municipality: its Land and size class in Land are too few; never a count
    const hesse = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: peers[7]!.id, role: 'coordinator' })).email,
    );
    const hb = (await hesse.get(`/api/v1/maturity/benchmark?figureId=${fig.id}`)).json();
    const hg = Object.fromEntries(hb.figures[0].groups.map((g: { kind: string }) => [g.kind, g]));
    expect(hg.size_land).toMatchObject({ shown: false, reason: 'too_few', distribution: null });
    expect(JSON.stringify(hb)).not.toMatch(/"n":[1-4][,}]/);

    // exports: the own values with the shown groups' medians only
    const csv = await c.get(`/api/v1/maturity/key-figures/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Anteil digital versandter Bescheide;%;höher');
    expect(csv.body).toContain(`${YEAR};30;eingegeben`);
    // opened as a German user would: LibreOffice Calc reads numbers as numbers, a hidden group's median stays empty
    const { k: calc } = await openCsvInCalc({ k: csv.body });
    expect(calc[0]?.slice(0, 6).map((cell) => cell.value)).toEqual([
      'Kennzahl',
      'Einheit',
      'Besser ist',
      'Verbund',
      'Jahr',
      'Wert',
    ]);
    const own = calc.find((r) => r[0]?.value === 'Anteil digital versandter Bescheide' && r[4]?.value === YEAR);
    expect(own?.[5]).toEqual({ kind: 'number', value: 30 });
    expect(own?.[8]).toEqual({ kind: 'number', value: percentileCont(bavaria, 0.5) });
    expect(own?.[9]?.kind).toBe('empty');
    const xlsx = await c.get(`/api/v1/maturity/key-figures/export.xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Kennzahlen');
    const row = sheet
      ?.getRows(2, sheet.rowCount - 1)
      ?.find((r) => r.getCell(1).value === 'Anteil digital versandter Bescheide' && r.getCell(5).value === YEAR);
    expect(row?.getCell(6).value).toBe(30);
    expect(row?.getCell(9).value).toBe(percentileCont(bavaria, 0.5));
    expect(row?.getCell(10).value).toBeNull();

    // computed figures: online share from the inventory, stored as computed, an entered value stays
    await services(me.m.id, [3, 0, 0, 1]);
    expect((await c.post('/api/v1/maturity/key-figures/compute', { year: YEAR - 1 })).statusCode).toBe(400);
    const computed = (await c.post('/api/v1/maturity/key-figures/compute', { year: YEAR })).json();
    const share = computed.figures.find((f: { key: string }) => f.key === 'online_share');
    expect(share.values[0]).toMatchObject({ value: 25, origin: 'computed' });
    expect(share.values[0].note).toContain('1 von 4');

    // the network's ring: the moderation sees the distribution without names
    const ring = (await moderator.get(`/api/v1/maturity/networks/${net.id}/ring`)).json();
    const rf = ring.figures.find((f: { id: string }) => f.id === fig.id);
    expect(rf).toMatchObject({ shown: true, named: [] });
    expect(rf.distribution.n).toBe(14);
    // open ring: names only for those who joined, only of those who joined
    const peerC = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: peers[0]!.id, role: 'coordinator' })).email,
    );
    expect((await c.put(`/api/v1/maturity/networks/${net.id}/ring`, { open: true })).statusCode).toBe(200);
    expect(
      (await peerC.get(`/api/v1/maturity/networks/${net.id}/ring`))
        .json()
        .figures.find((f: { id: string }) => f.id === fig.id).named,
    ).toEqual([]);
    const joined = (await peerC.put(`/api/v1/maturity/networks/${net.id}/ring`, { open: true })).json();
    const named = joined.figures
      .find((f: { id: string }) => f.id === fig.id)
      .named.map((x: { value: number }) => x.value)
      .sort();
    expect(named).toEqual([30, 40]);
    expect(joined.openRing).toMatchObject({ joined: true, count: 2 });
    const outsider = await coordinatorOf();
    expect((await outsider.c.get(`/api/v1/maturity/networks/${net.id}/ring`)).statusCode).toBe(404);
    expect((await outsider.c.put(`/api/v1/maturity/networks/${net.id}/ring`, { open: true })).statusCode).toBe(404);
    expect((await outsider.c.put(url, { value: 1, version: 0 })).statusCode).toBe(404);
  });
});

describe('recommendations and the council report', () => {
  it('points to contactable peers further ahead, and prints radar, benchmark and the top three', async () => {
    const me = await coordinatorOf({ population: 9_000, landCode: '03' });
    const ahead = await coordinatorOf({ population: 8_000, landCode: '03' });
    const shy = await coordinatorOf({ population: 8_500, landCode: '03' });
    const complete = async (client: typeof me.c, level: (dim: string) => number) => {
      const a = (await client.post('/api/v1/maturity/assessments')).json();
      for (const x of a.answers as Answer[]) {
        const dim = MATURITY_DIMENSIONS.find((d) => d.criteria.some((cr) => cr.key === x.criterionKey))!.key;
        await client.put(`/api/v1/maturity/assessments/${a.id}/answers/${x.criterionKey}`, {
          level: level(dim),
          version: x.version,
        });
      }
      const r = await client.post(`/api/v1/maturity/assessments/${a.id}/complete`);
      expect(r.statusCode, r.body).toBe(200);
    };
    await complete(me.c, (d) => (d === 'change' ? 1 : d === 'cooperation' ? 2 : d === 'technology' ? 4 : 3));
    await complete(ahead.c, () => 4);
    await complete(shy.c, () => 5);
    expect((await ahead.c.put('/api/v1/maturity/settings', { contactable: true, version: 0 })).statusCode).toBe(200);
    expect((await ahead.c.put('/api/v1/maturity/settings', { contactable: true, version: 0 })).statusCode).toBe(409);

    const recs = (await me.c.get('/api/v1/maturity/recommendations')).json();
    expect(recs.dimensions.map((d: { key: string }) => d.key).slice(0, 2)).toEqual(['change', 'cooperation']);
    const change = recs.dimensions[0];
    expect(change.guides.length).toBeGreaterThan(0);
    // the method library's guides for the topic join the guided paths (an article first)
    expect(change.guides).toContainEqual(
      expect.objectContaining({
        title: 'Einen Kommunikationsplan für ein Digitalisierungsprojekt aufstellen',
        link: expect.stringMatching(/^\/hilfen\/[0-9a-f-]{36}$/),
      }),
    );
    expect(change.peers.map((p: { municipalityId: string }) => p.municipalityId)).toContain(ahead.m.id);
    expect(JSON.stringify(recs)).not.toContain(shy.m.id);
    // contact through the exchange's request; details only after acceptance
    const sent = await me.c.post('/api/v1/contact-requests', {
      toMunicipalityId: ahead.m.id,
      about: 'Veränderung und Kommunikation',
      message: 'Wie haben Sie Ihren Veränderungspuls eingeführt?',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const after = (await me.c.get('/api/v1/maturity/recommendations')).json();
    expect(
      after.dimensions[0].peers.find((p: { municipalityId: string }) => p.municipalityId === ahead.m.id).request,
    ).toBe('open');
    expect(JSON.stringify(after)).not.toMatch(/@/);

    const pdf = await me.c.get('/api/v1/maturity/report.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await expectTaggedPdf(pdf.rawPayload)).toContain('Figure');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Digitaler Reifegrad und Kennzahlenvergleich');
    expect(text).toContain('Veränderung und Kommunikation');
    expect(text).toContain('Empfehlungen');
    expect(text).toContain(ahead.m.name);
  });
});

describe('the ring against an attacker', () => {
  it("keeps the own value out of what one sees, and a year's network group fixed against joining and leaving", async () => {
    const modUser = await buildUser(ctx.db);
    const moderator = await login(ctx.app, modUser.email);
    const me = await coordinatorOf({ population: 1_500, landCode: '13' });
    const peers = await Promise.all(
      Array.from({ length: 6 }, () => buildMunicipality(ctx.db, { population: 1_800, landCode: '13' })),
    );
    const net = await buildNetwork(ctx.db, modUser.id, [me.m.id, ...peers.map((p) => p.id)]);
    const fig = (
      await moderator.post(`/api/v1/maturity/networks/${net.id}/key-figures`, {
        name: 'Anteil digitaler Sitzungsunterlagen',
        definition: 'Digital versandte Sitzungsunterlagen geteilt durch alle.',
        unit: '%',
        direction: 'higher',
        source: 'Ratsinformationssystem',
        decimals: 1,
        min: 0,
        max: 100,
      })
    ).json().figures[0];
    const values = [12, 27.5, 33, 48, 71, 80];
    await ctx.db
      .insertInto('keyFigureValues')
      .values(
        peers.map((p, i) => ({
          keyFigureId: fig.id,
          municipalityId: p.id,
          year: YEAR,
          value: values[i]!,
          origin: 'entered' as const,
        })),
      )
      .execute();
    const networkGroup = async () =>
      (await me.c.get(`/api/v1/maturity/benchmark?figureId=${fig.id}`))
        .json()
        .figures[0].groups.find((g: { kind: string }) => g.kind === 'network');

    // probing: whatever the own value, the distribution one sees stays the same
    const url = `/api/v1/maturity/key-figures/${fig.id}/values/${YEAR}`;
    const seen = [];
    for (const [version, value] of [
      [0, 0],
      [1, 50],
      [2, 100],
    ] as const) {
      expect((await me.c.put(url, { value, version })).statusCode).toBe(200);
      seen.push((await networkGroup()).distribution);
    }
    expect(seen[0]).toMatchObject({ n: 6, q1: Number(percentileCont(values, 0.25)?.toFixed(1)), p10: null, p90: null });
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);

    // the moderator's view: all seven (the moderator belongs to none of them); a member leaving today — even
    // back-dated — and a municipality joining today change nothing in this year's group
    const ringOf = async () =>
      (await moderator.get(`/api/v1/maturity/networks/${net.id}/ring`))
        .json()
        .figures.find((f: { id: string }) => f.id === fig.id).distribution;
    const before = await ringOf();
    expect(before.n).toBe(7);
    const left = await moderator.post(`/api/v1/networks/${net.id}/members/${peers[0]!.id}/leave`, {
      leftOn: '2024-06-01',
    });
    expect(left.statusCode, left.body).toBe(200);
    // a municipality joining today (in another Land, beside five others there, so no group differences it out)
    const elsewhere = await Promise.all(
      Array.from({ length: 6 }, () => buildMunicipality(ctx.db, { population: 1_700, landCode: '01' })),
    );
    const late = elsewhere[0]!;
    await ctx.db
      .insertInto('networkMembers')
      .values({
        id: newId(),
        networkId: net.id,
        municipalityId: late.id,
        joinedOn: '2020-01-01',
        status: 'accepted',
        answeredAt: new Date(),
      })
      .execute();
    await ctx.db
      .insertInto('keyFigureValues')
      .values(
        elsewhere.map((m, i) => ({
          keyFigureId: fig.id,
          municipalityId: m.id,
          year: YEAR,
          value: 90 + i,
          origin: 'entered' as const,
        })),
      )
      .execute();
    expect(await ringOf()).toEqual(before);
    // a network's own figure counts only the year's members, in every group: the six who are no members (one
    // joined today) are in none of them
    const all = (await me.c.get(`/api/v1/maturity/benchmark?figureId=${fig.id}`))
      .json()
      .figures[0].groups.find((g: { kind: string }) => g.kind === 'all');
    expect(all.distribution).toEqual(seen[0]);

    // values as precise as the figure is defined: a hidden marker in the 8th decimal is refused
    const marker = await me.c.put(url, { value: 50.00000001, version: 3 });
    expect(marker.statusCode).toBe(400);
    expect(marker.json().errors[0].message).toBe('Bitte höchstens 1 Nachkommastelle.');
    expect((await me.c.put(url, { value: 1.1 + 2.2, version: 3 })).json().figures).toBeDefined();
  });
});
