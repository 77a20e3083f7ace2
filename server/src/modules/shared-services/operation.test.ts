import { addMonths, monthOf } from '@dz/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import {
  type Client,
  createTestContext,
  login,
  mailTexts,
  multipart,
  type TestContext,
} from '../../../test/helpers.js';
import { openCsvInCalc } from '../../../test/libreoffice.js';
import { pdfText } from '../../../test/pdf-text.js';

/**
 * A shared building yard in operation: live, a team from both partners, work orders filed by the partners and
 * triaged by the team, time and material, the monthly statement and closing a month — and who sees what.
 */
let ctx: TestContext;
let kc: Client; // Kastellaun's coordination (lead)
let kTeam: Client; // Kastellaun's yard worker, on the team
let bc: Client; // Bell's coordination
let bs: Client; // Bell's staff, files orders
let council: Client; // Bell's council member (reads only)
let stranger: Client;
const ids = {} as Record<'k' | 'b' | 'kTeam' | 'bs' | 'bsOther', string>;
let bsEmail = '';
const base = () => `/api/v1/shared-services/studies/${studyId}`;
let studyId = '';
const now = new Date();
const thisMonth = monthOf(now);
const lastMonth = addMonths(thisMonth, -1);
const today = now.toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestContext();
  const [k, b, o] = await Promise.all([
    buildMunicipality(ctx.db, { name: 'Kastellaun', population: 5_400 }),
    buildMunicipality(ctx.db, { name: 'Bell (Hunsrück)', population: 1_100 }),
    buildMunicipality(ctx.db, { name: 'Fremdingen', population: 3_000 }),
  ]);
  ids.k = k.id;
  ids.b = b.id;
  const users = await Promise.all([
    buildUser(ctx.db, { municipalityId: k.id, role: 'coordinator' }),
    buildUser(ctx.db, { municipalityId: k.id, role: 'staff' }),
    buildUser(ctx.db, { municipalityId: b.id, role: 'coordinator' }),
    buildUser(ctx.db, { municipalityId: b.id, role: 'staff' }),
    buildUser(ctx.db, { municipalityId: b.id, role: 'council' }),
    buildUser(ctx.db, { municipalityId: o.id, role: 'coordinator' }),
    buildUser(ctx.db, { municipalityId: b.id, role: 'staff' }),
  ]);
  ids.kTeam = users[1].id;
  ids.bs = users[3].id;
  ids.bsOther = users[6].id;
  bsEmail = users[3].email;
  const clients = await Promise.all(users.map((u) => login(ctx.app, u.email)));
  [kc, kTeam, bc, bs, council, stranger] = clients as [Client, Client, Client, Client, Client, Client];
  const s = await kc.post('/api/v1/shared-services/studies', {
    title: 'Gemeinsamer Bauhof',
    serviceKey: 'bauhof',
    partnerIds: [b.id],
  });
  studyId = s.json().id;
  expect((await bc.post(`${base()}/answer`, { accept: true })).statusCode).toBe(200);
  for (const [c, orders] of [
    [kc, 950],
    [bc, 160],
  ] as const) {
    const mine = (await c.get(base()))
      .json()
      .partners.find((p: { municipalityId: string }) => p.municipalityId === (c === kc ? ids.k : ids.b));
    const r = await c.put(`${base()}/status-quo`, {
      version: mine.statusQuoVersion,
      staff: [{ payGroup: 'EG 5', fte: c === kc ? 6 : 1.5 }],
      volumes: { work_orders: orders },
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  const d = (await kc.get(base())).json();
  const r = await kc.put(base(), {
    version: d.version,
    title: d.title,
    target: {
      staff: [{ payGroup: 'EG 5', fte: 7 }],
      fixedCents: 1_200_000,
      variableCentsPerUnit: { work_orders: 2_500, hours: 1_000 },
    },
    allocation: { key: 'case_volume', unit: 'work_orders', baseShare: 0.3 },
    vatTaxable: false,
    hoursPerFte: 1_600,
    discountRate: 0.009,
    horizonYears: 5,
  });
  expect(r.statusCode, r.body).toBe(200);
}, 120_000);
afterAll(() => ctx?.close());

describe('a shared service goes live', () => {
  it('moves calculation → agreed → live only by the lead, in order', async () => {
    let d = (await kc.get(base())).json();
    expect(d.can).toMatchObject({ advance: true, file: false, close: false });
    expect((await bc.post(`${base()}/advance`, { version: d.version, status: 'agreed' })).statusCode).toBe(403);
    expect((await kc.post(`${base()}/advance`, { version: d.version, status: 'live' })).statusCode).toBe(409);
    const agreed = await kc.post(`${base()}/advance`, { version: d.version, status: 'agreed' });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect((await kc.post(`${base()}/advance`, { version: d.version, status: 'live' })).statusCode).toBe(409); // stale
    d = agreed.json();
    const live = await kc.post(`${base()}/advance`, { version: d.version, status: 'live', liveFrom: lastMonth });
    expect(live.statusCode, live.body).toBe(200);
    expect(live.json()).toMatchObject({ status: 'live', liveFrom: lastMonth });
    // going live is a news draft in each partner municipality
    const news = await ctx.db
      .selectFrom('newsPosts')
      .select(['title', 'body'])
      .where('sourceKey', '=', `service_live:${studyId}`)
      .execute();
    expect(news).toHaveLength(2);
    expect(news[0]!.title).toBe('Gemeinsam stark: Bauhof startet');
    expect(live.json().can).toMatchObject({ advance: false, file: true, close: true, work: false });
    expect((await bc.get(base())).json().can).toMatchObject({ file: true, close: false, team: true });
    expect((await council.get(base())).json().can).toMatchObject({ file: false, work: false });
  });

  it('lets each partner name its own colleagues to the team, priced by a pay group', async () => {
    const t = (await kc.get(`${base()}/team`)).json();
    expect(t.candidates.map((c: { userId: string }) => c.userId)).toContain(ids.kTeam);
    expect(t.candidates.map((c: { userId: string }) => c.userId)).not.toContain(ids.bs);
    const foreign = await kc.post(`${base()}/team`, { userId: ids.bs, payGroup: 'EG 5' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('body.userId');
    const badGroup = await kc.post(`${base()}/team`, { userId: ids.kTeam, payGroup: 'constructor' });
    expect(badGroup.json().errors[0].path).toBe('body.payGroup');
    expect((await kc.post(`${base()}/team`, { userId: ids.kTeam, payGroup: 'EG 5' })).statusCode).toBe(200);
    expect((await bs.post(`${base()}/team`, { userId: ids.bs, payGroup: 'EG 5' })).statusCode).toBe(403);
    const both = await bc.post(`${base()}/team`, { userId: ids.bsOther, payGroup: 'EG 8' });
    expect(both.json().members).toHaveLength(2);
    // Kastellaun cannot take Bell's member off the team
    expect((await kc.del(`${base()}/team/${ids.bsOther}`)).statusCode).toBe(404);
    expect((await stranger.get(`${base()}/team`)).statusCode).toBe(404);
  });
});

describe('work orders', () => {
  let bellOrder = '';
  let kOrder = '';

  it('are filed by the partners from the catalogue’s tasks, with field errors', async () => {
    const bad = await bs.post(`${base()}/orders`, { type: 'Raumfahrt', title: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.title']);
    const badType = await bs.post(`${base()}/orders`, { type: 'Raumfahrt', title: 'Bank reparieren' });
    expect(badType.json().errors[0].path).toBe('body.type');
    const past = await bs.post(`${base()}/orders`, {
      type: 'Grünflächenpflege',
      title: 'Bank reparieren',
      dueOn: '2020-01-01',
    });
    expect(past.json().errors[0].path).toBe('body.dueOn');
    const r = await bs.post(`${base()}/orders`, {
      type: 'Grünflächenpflege',
      title: 'Hecke am Spielplatz schneiden',
      location: 'Spielplatz Am Weiher',
      priority: 'high',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().number).toBe(1);
    bellOrder = r.json().id;
    const k = await kc.post(`${base()}/orders`, { type: 'Winterdienst', title: 'Streugut nachfüllen' });
    expect(k.json().number).toBe(2);
    kOrder = k.json().id;
    expect((await council.post(`${base()}/orders`, { type: 'Winterdienst', title: 'Streuen' })).statusCode).toBe(403);
    expect((await stranger.post(`${base()}/orders`, { type: 'Winterdienst', title: 'Streuen' })).statusCode).toBe(404);
  });

  it('are seen by their partner and by the team, never by another partner or a stranger', async () => {
    const bell = (await bs.get(`${base()}/orders`)).json();
    expect(bell.team).toBe(false);
    expect(bell.items.map((o: { id: string }) => o.id)).toEqual([bellOrder]);
    expect(bell.tasks).toContain('Winterdienst');
    const lead = (await kc.get(`${base()}/orders`)).json();
    expect(lead.items.map((o: { id: string }) => o.id)).toEqual([kOrder]);
    const team = (await kTeam.get(`${base()}/orders?status=open`)).json();
    expect(team.team).toBe(true);
    expect(team.items.map((o: { id: string }) => o.id).sort()).toEqual([bellOrder, kOrder].sort());
    expect((await bs.get(`${base()}/orders/${kOrder}`)).statusCode).toBe(404);
    expect((await kc.get(`${base()}/orders/${bellOrder}`)).statusCode).toBe(404);
    expect((await stranger.get(`${base()}/orders/${bellOrder}`)).statusCode).toBe(404);
    expect((await stranger.get(`${base()}/orders`)).statusCode).toBe(404);
    const own = (await bs.get(`${base()}/orders/${bellOrder}`)).json();
    expect(own.can).toEqual({ work: false, attach: true });
    expect(own.team).toEqual([]);
  });

  it('carry photos that only their partner and the team can open', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const up = await bs.inject({
      method: 'POST',
      url: `${base()}/orders/${bellOrder}/attachments`,
      ...multipart('hecke.png', png, 'image/png'),
    });
    expect(up.statusCode, up.body).toBe(201);
    const att = up.json().id;
    const path = `${base()}/orders/${bellOrder}/attachments/${att}`;
    expect((await kTeam.get(path)).statusCode).toBe(200);
    expect((await kTeam.get(path)).headers['content-type']).toBe('image/png');
    expect((await kc.get(path)).statusCode).toBe(404);
    expect((await stranger.get(path)).statusCode).toBe(404);
    const foreign = await kc.inject({
      method: 'POST',
      url: `${base()}/orders/${bellOrder}/attachments`,
      ...multipart('x.png', png, 'image/png'),
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('are triaged by the team only: forward statuses, assignee from the team, a reason to reject', async () => {
    const o = (await kTeam.get(`${base()}/orders/${bellOrder}`)).json();
    expect(o.can.work).toBe(true);
    expect(o.next).toEqual(['planned', 'in_progress', 'rejected']);
    const body = { version: o.version, status: 'planned', assigneeId: ids.kTeam, priority: 'high', dueOn: null };
    expect((await bs.put(`${base()}/orders/${bellOrder}`, body)).statusCode).toBe(403);
    expect((await bc.put(`${base()}/orders/${bellOrder}`, body)).statusCode).toBe(403);
    const notTeam = await kTeam.put(`${base()}/orders/${bellOrder}`, { ...body, assigneeId: ids.bs });
    expect(notTeam.json().errors[0].path).toBe('body.assigneeId');
    const noReason = await kTeam.put(`${base()}/orders/${bellOrder}`, { ...body, status: 'rejected' });
    expect(noReason.json().errors[0].path).toBe('body.rejectReason');
    const planned = await kTeam.put(`${base()}/orders/${bellOrder}`, body);
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json()).toMatchObject({ status: 'planned', assigneeId: ids.kTeam });
    expect((await kTeam.put(`${base()}/orders/${bellOrder}`, body)).statusCode).toBe(409); // stale version
    const skip = await kTeam.put(`${base()}/orders/${bellOrder}`, {
      ...body,
      version: planned.json().version,
      status: 'done',
    });
    expect(skip.statusCode).toBe(409);
  });

  it('collect time priced by pay group and material at cost; done mails whoever filed it', async () => {
    const t = await kTeam.post(`${base()}/orders/${bellOrder}/entries`, {
      kind: 'time',
      userId: ids.kTeam,
      minutes: 90,
      workedOn: today,
    });
    expect(t.statusCode, t.body).toBe(200);
    expect(t.json().entries[0]).toMatchObject({
      person: expect.any(String),
      payGroup: 'EG 5',
      minutes: 90,
      cents: 8_250,
    });
    const notTeam = await kTeam.post(`${base()}/orders/${bellOrder}/entries`, {
      kind: 'time',
      userId: ids.bs,
      minutes: 30,
      workedOn: today,
    });
    expect(notTeam.json().errors[0].path).toBe('body.userId');
    const future = await kTeam.post(`${base()}/orders/${bellOrder}/entries`, {
      kind: 'material',
      label: 'Grünschnittsäcke',
      quantity: 2,
      unitCents: 450,
      workedOn: '2999-01-01',
    });
    expect(future.json().errors[0].path).toBe('body.workedOn');
    const m = await kTeam.post(`${base()}/orders/${bellOrder}/entries`, {
      kind: 'material',
      label: 'Grünschnittsäcke',
      quantity: 2,
      unitCents: 450,
      workedOn: today,
    });
    expect(m.json().totals).toEqual({ minutes: 90, timeCents: 8_250, materialCents: 900 });
    expect(
      (
        await bs.post(`${base()}/orders/${bellOrder}/entries`, {
          kind: 'time',
          userId: ids.kTeam,
          minutes: 5,
          workedOn: today,
        })
      ).statusCode,
    ).toBe(403);
    let o = m.json();
    for (const status of ['in_progress', 'done']) {
      const r = await kTeam.put(`${base()}/orders/${bellOrder}`, {
        version: o.version,
        status,
        assigneeId: ids.kTeam,
        priority: 'high',
        dueOn: null,
      });
      expect(r.statusCode, r.body).toBe(200);
      o = r.json();
    }
    expect(o.doneAt).not.toBeNull();
    expect(o.next).toEqual([]);
    const mails = await mailTexts(ctx.outbox, bsEmail);
    expect(mails.some((t) => t.includes('Nr. 1') && t.includes('erledigt'))).toBe(true);
  });
});

describe('monthly statements', () => {
  it('charge each partner its share of the fixed costs plus its use, and show a partner its own line only', async () => {
    const lead = (await kc.get(`${base()}/statements`)).json();
    expect(lead.month).toBe(thisMonth);
    expect(lead.months.map((m: { month: string }) => m.month)).toEqual([thisMonth, lastMonth]);
    expect(lead.lines.map((l: { name: string }) => l.name)).toEqual(['Kastellaun', 'Bell (Hunsrück)']);
    const bell = lead.lines[1];
    // one order done (25 €) + 1.5 h (10 €/h) + material 9 €
    expect(bell).toMatchObject({ orders: 1, hours: 1.5, materialCents: 900, usageCents: 2_500 + 1_500 + 900 });
    expect(bell.totalCents).toBe(bell.baseCents + bell.usageCents + bell.correctionCents);
    // the month's fixed costs (a twelfth of the pool's year) split by order volume 950 : 160, to the cent
    const year = lead.rates.fixedCentsPerYear;
    const month = lead.lines.reduce((a: number, l: { baseCents: number }) => a + l.baseCents, 0);
    expect(Math.abs(month - year / 12)).toBeLessThan(1);
    expect(Math.abs(bell.baseCents - (month * 160) / 1_110)).toBeLessThan(1);
    expect(lead.totalCents).toBe(lead.lines.reduce((a: number, l: { totalCents: number }) => a + l.totalCents, 0));
    const own = (await bc.get(`${base()}/statements`)).json();
    expect(own.lines).toEqual([bell]);
    expect(own.can.close).toBe(false);
    expect(own.volumes.every((v: { municipality: string }) => v.municipality === 'Bell (Hunsrück)')).toBe(true);
    expect((await stranger.get(`${base()}/statements`)).statusCode).toBe(404);
    expect((await kc.get(`${base()}/statements?month=2001-01`)).statusCode).toBe(404);
  });

  it('close in order, freeze, and carry late bookings of a closed month into the next one as corrections', async () => {
    expect((await bc.post(`${base()}/statements/close`, { month: lastMonth })).statusCode).toBe(403);
    expect((await kc.post(`${base()}/statements/close`, { month: thisMonth })).statusCode).toBe(409);
    const closed = await kc.post(`${base()}/statements/close`, { month: lastMonth });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ month: lastMonth, closed: true });
    const frozen = closed.json().lines;
    expect((await kc.post(`${base()}/statements/close`, { month: lastMonth })).statusCode).toBe(409);
    // an hour of last month on Bell's order, booked after the close
    const orders = (await kTeam.get(`${base()}/orders`)).json().items;
    const bellOrder = orders.find((o: { municipality: { id: string } }) => o.municipality.id === ids.b).id;
    const late = await kTeam.post(`${base()}/orders/${bellOrder}/entries`, {
      kind: 'time',
      userId: ids.kTeam,
      minutes: 60,
      workedOn: `${lastMonth}-15`,
    });
    expect(late.statusCode, late.body).toBe(200);
    const entry = late.json().entries.find((e: { correctionOf: string | null }) => e.correctionOf);
    expect(entry).toMatchObject({ billedMonth: thisMonth, correctionOf: lastMonth });
    expect((await kTeam.del(`${base()}/orders/${bellOrder}/entries/${entry.id}`)).statusCode).toBe(200);
    const again = await kTeam.post(`${base()}/orders/${bellOrder}/entries`, {
      kind: 'time',
      userId: ids.kTeam,
      minutes: 60,
      workedOn: `${lastMonth}-15`,
    });
    expect(again.statusCode).toBe(200);
    const before = (await kc.get(`${base()}/statements?month=${lastMonth}`)).json();
    expect(before.lines).toEqual(frozen);
    const cur = (await kc.get(`${base()}/statements?month=${thisMonth}`)).json();
    const bell = cur.lines.find((l: { municipalityId: string }) => l.municipalityId === ids.b);
    expect(bell.corrections).toEqual([{ month: lastMonth, cents: 1_000 }]);
    expect(bell.correctionCents).toBe(1_000);
    // a booking of a closed month cannot be deleted
    await kc.post(`${base()}/statements/close`, { month: thisMonth });
    const detail = (await kTeam.get(`${base()}/orders/${bellOrder}`)).json();
    const old = detail.entries.find((e: { billedMonth: string }) => e.billedMonth === thisMonth);
    expect((await kTeam.del(`${base()}/orders/${bellOrder}/entries/${old.id}`)).statusCode).toBe(409);
    expect((await kc.post(`${base()}/statements/close`, { month: addMonths(thisMonth, 1) })).statusCode).toBe(409);
  });

  it('exports the statement as PDF, XLSX and CSV with the same amounts', async () => {
    const st = (await bc.get(`${base()}/statements?month=${thisMonth}`)).json();
    const line = st.lines[0];
    const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(line.totalCents / 100);
    const pdf = await bc.get(`${base()}/statements/export?month=${thisMonth}&format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Bell (Hunsrück)');
    expect(text).not.toContain('Kastellaun\n');
    expect(text.replace(/\s/g, ' ')).toContain(euro.replace(/\s/g, ' '));
    expect(text).toContain(`Korrektur aus ${lastMonth.slice(5)}/${lastMonth.slice(0, 4)}`);
    const csv = await bc.get(`${base()}/statements/export?month=${thisMonth}&format=csv`);
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`;${String(line.totalCents / 100).replace('.', ',')}`);
    // German LibreOffice Calc reads the amounts as numbers, to the cent
    const { c } = await openCsvInCalc({ c: csv.body });
    expect(c[1]?.[1]).toEqual({ kind: 'text', value: 'Bell (Hunsrück)' });
    expect(c[1]?.[7]).toEqual({ kind: 'number', value: line.totalCents / 100 });
    const xlsx = await kc.get(`${base()}/statements/export?month=${thisMonth}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values: unknown[] = [];
    ws.eachRow((r) => values.push(r.getCell(8).value));
    expect(values).toContain(line.totalCents / 100);
    expect((await stranger.get(`${base()}/statements/export?month=${thisMonth}`)).statusCode).toBe(404);
  });
});
