import fs from 'node:fs';
import { allQuestions, painPointTemplate } from '@dz/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, outboxFiles, type TestContext } from '../../../test/helpers.js';
import { openCsvInCalc } from '../../../test/libreoffice.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** A complete valid response to the pain-point template with a chosen staff-capacity score. */
function answers(personal: number, text = 'Zu wenig Personal für alles') {
  const a: Record<string, unknown> = {
    personal,
    finanzen: 4,
    wissen: 3,
    stunden: 10,
    bereitschaft: { fuehrung: 4, mittlere: 3, mitarbeitende: 2 },
    kommunikation: 3,
    kommunikationsstrategie: 'teilweise',
    strategie_stand: 'in_arbeit',
    strategie: 4,
    management: { prozess: 4, projekt: 3 },
    ikz_erfahrung: 'einzelne',
    ikz_interesse: 4,
    ikz_raum: ['kreisuebergreifend'],
    shared_services: ['bauhof', 'it'],
    rangfolge: ['personal', 'finanzen', 'wissen', 'veraenderung', 'strategie', 'prozesse'],
    groesster: text,
  };
  return a;
}

/** Municipalities of the given sizes (all in one Land unless given: results group by Land too). */
async function setup(populations: number[], lands: string[] = []) {
  const mod = await buildUser(ctx.db, { name: 'Moderation' });
  const munis = [];
  for (const [i, p] of populations.entries())
    munis.push(await buildMunicipality(ctx.db, { population: p, landCode: lands[i] ?? '09' }));
  const net = await buildNetwork(
    ctx.db,
    mod.id,
    munis.map((m) => m.id),
  );
  const coords: Client[] = [];
  const staff: Client[] = [];
  for (const m of munis) {
    coords.push(await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email));
    staff.push(await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email));
  }
  const moderator = await login(ctx.app, mod.email);
  const created = await moderator.post('/api/v1/surveys', {
    networkId: net.id,
    title: 'Schmerzpunkte 2026',
    mode: 'municipality',
    source: 'template',
  });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  return { mod, moderator, munis, net, coords, staff, id };
}

async function openWith(moderator: Client, id: string, threshold: number) {
  const d = (await moderator.get(`/api/v1/surveys/${id}`)).json();
  const upd = await moderator.patch(`/api/v1/surveys/${id}`, {
    version: d.version,
    title: d.title,
    titleEn: d.titleEn,
    intro: 'Bitte bis Ende des Monats.',
    mode: d.mode,
    opensOn: null,
    closesOn: null,
    threshold,
    anonymous: d.anonymous,
    networkIds: [],
    definition: d.definition,
  });
  expect(upd.statusCode).toBe(200);
  const opened = await moderator.post(`/api/v1/surveys/${id}/open`, { version: upd.json().version });
  expect(opened.statusCode).toBe(200);
  return opened.json();
}

async function close(moderator: Client, id: string) {
  const d = (await moderator.get(`/api/v1/surveys/${id}`)).json();
  const res = await moderator.post(`/api/v1/surveys/${id}/close`, { version: d.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function submit(c: Client, id: string, a: Record<string, unknown>) {
  const cur = (await c.get(`/api/v1/surveys/${id}/response`)).json();
  const res = await c.post(`/api/v1/surveys/${id}/response/submit`, { version: cur.version, answers: a });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('surveys', () => {
  it('builds from the template, distributes to member municipalities and invites their coordinators', async () => {
    const { moderator, coords, id, munis } = await setup([8_000, 9_000, 12_000]);
    const d = (await moderator.get(`/api/v1/surveys/${id}`)).json();
    expect(allQuestions(d.definition).length).toBe(allQuestions(painPointTemplate()).length);
    expect(d.can.edit).toBe(true);
    // not visible to members while a draft
    expect((await coords[0]!.get(`/api/v1/surveys/${id}`)).statusCode).toBe(404);
    await openWith(moderator, id, 3);
    const part = (await moderator.get(`/api/v1/surveys/${id}/participation`)).json();
    expect(part.total).toBe(munis.length);
    expect(part.items.every((i: { invited: number }) => i.invited === 1)).toBe(true);
    const mails = (await outboxFiles(ctx.outbox)).map((f) => fs.readFileSync(`${ctx.outbox}/${f}`, 'utf8'));
    expect(mails.filter((m) => m.includes('Schmerzpunkte 2026')).length).toBeGreaterThanOrEqual(munis.length);
    const list = (await coords[0]!.get('/api/v1/surveys')).json();
    expect(list.items.find((s: { id: string }) => s.id === id)?.myResponse).toBe('none');
    // the definition is locked once sent
    const open = (await moderator.get(`/api/v1/surveys/${id}`)).json();
    const changed = structuredClone(open.definition);
    changed.sections[0].questions.pop();
    const locked = await moderator.patch(`/api/v1/surveys/${id}`, { ...open, definition: changed });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('survey_locked');
    // …but title, intro and dates stay editable (was: every edit of a sent survey failed with 409,
    // because jsonb returns the definition's keys in another order than the client sends them)
    const renamed = await moderator.patch(`/api/v1/surveys/${id}`, { ...open, title: 'Schmerzpunkte 2026/27' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().title).toBe('Schmerzpunkte 2026/27');
  });

  it('staff draft with autosave, concurrent drafts conflict, only the coordinator submits, and can reopen', async () => {
    const { moderator, coords, staff, id } = await setup([8_000, 9_000, 12_000]);
    await openWith(moderator, id, 3);
    const s = staff[0]!;
    const first = await s.put(`/api/v1/surveys/${id}/response`, { version: 0, answers: { personal: 5 } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'draft', version: 1, answers: { personal: 5 } });
    // the coordinator resumes the same municipal draft
    const resumed = (await coords[0]!.get(`/api/v1/surveys/${id}/response`)).json();
    expect(resumed.answers).toEqual({ personal: 5 });
    const a = await s.put(`/api/v1/surveys/${id}/response`, { version: 1, answers: { personal: 4 } });
    const b = await coords[0]!.put(`/api/v1/surveys/${id}/response`, { version: 1, answers: { personal: 2 } });
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(b.json().code).toBe('version_conflict');
    expect(b.json().current.answers).toEqual({ personal: 4 });
    // invalid values and missing required answers come back as field errors
    const bad = await s.put(`/api/v1/surveys/${id}/response`, { version: 2, answers: { personal: 9 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'body.answers.personal' });
    const incomplete = await coords[0]!.post(`/api/v1/surveys/${id}/response/submit`, {
      version: 2,
      answers: { personal: 4 },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((e: { path: string }) => e.path)).toContain('body.answers.groesster');
    // staff may draft but not submit
    const staffSubmit = await s.post(`/api/v1/surveys/${id}/response/submit`, { version: 2, answers: answers(4) });
    expect(staffSubmit.statusCode).toBe(403);
    const done = await submit(coords[0]!, id, answers(4));
    expect(done.status).toBe('submitted');
    expect((await s.put(`/api/v1/surveys/${id}/response`, { version: 3, answers: {} })).json().code).toBe(
      'already_submitted',
    );
    const part = (await moderator.get(`/api/v1/surveys/${id}/participation`)).json();
    expect(part.submitted).toBe(1);
    // the moderator sees who answered, never what
    expect(JSON.stringify(part)).not.toContain('Zu wenig Personal');
    const reopened = await coords[0]!.post(`/api/v1/surveys/${id}/response/reopen`);
    expect(reopened.json().status).toBe('draft');
    const rows = await ctx.db.selectFrom('surveyAnswers').select('responseId').where('surveyId', '=', id).execute();
    expect(rows).toEqual([]);
  });

  it('aggregates in SQL and never shows a group under the threshold, also via filters', async () => {
    // GK6: one municipality, GK7: three → threshold 3
    const { moderator, coords, id } = await setup([12_000, 5_000, 6_000, 7_000]);
    await openWith(moderator, id, 3);
    await submit(coords[0]!, id, answers(5, 'Stadt: Geld'));
    await submit(coords[1]!, id, answers(4));
    await submit(coords[2]!, id, answers(4));
    await submit(coords[3]!, id, answers(2));
    // members do not see results while open; the managers see that there are none yet
    expect((await coords[1]!.get(`/api/v1/surveys/${id}/results`)).statusCode).toBe(404);
    const early = (await moderator.get(`/api/v1/surveys/${id}/results`)).json();
    expect(early).toMatchObject({ released: false, suppressed: true, responses: 0, groups: [] });
    expect((await moderator.get(`/api/v1/surveys/${id}/raw.csv`)).statusCode).toBe(409);
    await close(moderator, id);
    // releasing the results drafts a news post in every municipality that took part
    const drafts = await ctx.db
      .selectFrom('newsPosts')
      .select(['municipalityId', 'sourceKind', 'sourcePath'])
      .where('sourceKey', '=', `survey_released:${id}`)
      .execute();
    expect(drafts).toHaveLength(4);
    expect(drafts[0]).toMatchObject({ sourceKind: 'survey_released', sourcePath: `/umfragen/${id}/ergebnisse` });
    const all = (await moderator.get(`/api/v1/surveys/${id}/results`)).json();
    expect(all.released).toBe(true);
    expect(all.responses).toBe(4);
    const personal = all.groups[0].questions.find((q: { questionId: string }) => q.questionId === 'personal');
    expect(personal.answered).toBe(4);
    expect(personal.mean).toBeCloseTo(3.75);
    expect(personal.median).toBe(4);
    expect(personal.distribution.reduce((s: number, d: { count: number }) => s + d.count, 0)).toBe(4);
    const rank = all.groups[0].questions.find((q: { questionId: string }) => q.questionId === 'rangfolge');
    expect(rank.borda[0]).toEqual({ option: 'personal', points: 20 });
    const texts = all.groups[0].questions.find((q: { questionId: string }) => q.questionId === 'groesster').texts;
    expect(texts).toHaveLength(4);
    // by size class: GK6 (1) is under 3, and GK7 (3) would reveal it as total minus GK7 → both hidden,
    // and neither is named
    const bySize = (await moderator.get(`/api/v1/surveys/${id}/results?groupBy=sizeClass`)).json();
    expect(bySize.groups.map((g: { key: string }) => g.key)).toEqual(['*']);
    expect(bySize.hiddenGroups).toBe(2);
    expect(JSON.stringify(bySize)).not.toContain('GK6');
    // filter GK7: 3 responses, but the whole set differs by one → refused
    const f7 = (await moderator.get(`/api/v1/surveys/${id}/results?sizeClass=7`)).json();
    expect(f7.suppressed).toBe(true);
    expect(f7.groups).toEqual([]);
    const f6 = (await moderator.get(`/api/v1/surveys/${id}/results?sizeClass=6&groupBy=land`)).json();
    expect(f6.suppressed).toBe(true);
    // exports keep the same rules
    const csv = await moderator.get(`/api/v1/surveys/${id}/results.csv?groupBy=sizeClass`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Wie stark bremst fehlende personelle Kapazität');
    // German spreadsheets: decimal comma (the mean 3.75 of "personal" in the total)
    const totalCsv = (await moderator.get(`/api/v1/surveys/${id}/results.csv`)).body;
    expect(totalCsv).toMatch(/;3,75;4;/);
    expect(totalCsv).not.toMatch(/;3\.75;/);
    const raw0 = (await moderator.get(`/api/v1/surveys/${id}/raw.csv`)).body;
    const calc = await openCsvInCalc({ total: totalCsv, raw: raw0 });
    const mean = calc.total?.find((r) => r.some((c) => c.value === 3.75));
    expect(mean?.[1]?.kind).toBe('number'); // answers in the group
    expect(calc.total?.flat().some((c) => c.kind === 'formula')).toBe(false);
    expect(calc.raw).toHaveLength(5);
    expect(calc.raw?.flat().every((c) => c.kind === 'text' || c.kind === 'number' || c.kind === 'empty')).toBe(true);
    expect(csv.body).toContain('2 weitere Gruppe(n) ausgeblendet');
    expect(csv.body).not.toContain('GK6');
    const f7csv = await moderator.get(`/api/v1/surveys/${id}/results.csv?sizeClass=7`);
    expect(f7csv.body).toContain('nichts auswertbar');
    const xlsx = await moderator.get(`/api/v1/surveys/${id}/results.xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Ergebnisse')!;
    expect([ws.getCell('A2').value, ws.getCell('B2').type]).toEqual([
      'Anonymitätsschwelle (Antworten)',
      ExcelJS.ValueType.Number,
    ]);
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
    const meanRow = ws.getColumn(8).values.indexOf(3.75);
    expect(meanRow).toBeGreaterThan(0);
    expect(ws.getCell(meanRow, 8).numFmt).toBe('0.00');
    // rows: managers only, no quasi-identifier, no free text, no numbers
    const raw = await moderator.get(`/api/v1/surveys/${id}/raw.csv`);
    expect(raw.statusCode).toBe(200);
    expect(raw.body.split('\n').filter(Boolean)).toHaveLength(5);
    expect(raw.body).not.toMatch(/GK ?\d|Größenklasse|Stadt: Geld|Zu wenig Personal/);
    expect((await coords[1]!.get(`/api/v1/surveys/${id}/raw.csv`)).statusCode).toBe(404);
    // after closing, coordinators see the aggregates
    expect((await coords[1]!.get(`/api/v1/surveys/${id}/results`)).statusCode).toBe(200);
    // closed is final: no reopening of responses or of the survey (no second differencing window)
    expect((await coords[1]!.post(`/api/v1/surveys/${id}/response/reopen`)).statusCode).toBe(409);
    const again = await moderator.post(`/api/v1/surveys/${id}/open`, {
      version: (await moderator.get(`/api/v1/surveys/${id}`)).json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('survey_final');
  }, 30_000); // many sequential requests: on a busy PostgreSQL it can pass 5 s

  it('shows a group once it reaches the threshold and the remainder is safe', async () => {
    const { moderator, coords, id, net } = await setup([12_000, 13_000, 14_000, 5_000, 6_000, 7_000]);
    await openWith(moderator, id, 3);
    for (const c of coords) await submit(c, id, answers(3));
    await close(moderator, id);
    const bySize = (await moderator.get(`/api/v1/surveys/${id}/results?groupBy=sizeClass`)).json();
    expect(bySize.groups.map((g: { key: string; responses: number }) => [g.key, g.responses])).toEqual([
      ['*', 6],
      ['6', 3],
      ['7', 3],
    ]);
    // by network: all six answered through the one network → one group, named after it
    const byNetwork = (await moderator.get(`/api/v1/surveys/${id}/results?groupBy=network`)).json();
    expect(byNetwork.groups.map((g: { key: string; responses: number }) => [g.key, g.responses])).toEqual([
      ['*', 6],
      [net.id, 6],
    ]);
    // free texts only for all respondents together, never per group
    for (const g of bySize.groups.slice(1))
      for (const q of g.questions) expect(q.texts, `${g.key} ${q.questionId}`).toEqual([]);
    // the groups add up to the total: answered counts and every distribution bucket
    const [total, ...groups] = bySize.groups;
    for (const [qi, tq] of total.questions.entries()) {
      const parts = groups.map((g: { questions: { answered: number }[] }) => g.questions[qi]!);
      expect(
        parts.reduce((s: number, p: { answered: number }) => s + p.answered, 0),
        tq.questionId,
      ).toBe(tq.answered);
      for (const d of tq.distribution) {
        const sum = parts
          .flatMap((p: { distribution: { itemId: string; value: string; count: number }[] }) => p.distribution)
          .filter((x: { itemId: string; value: string }) => x.itemId === d.itemId && x.value === d.value)
          .reduce((s: number, x: { count: number }) => s + x.count, 0);
        expect(sum).toBe(d.count);
      }
    }
  });

  it('reminds those who have not submitted', async () => {
    const { moderator, coords, id } = await setup([8_000, 9_000]);
    await openWith(moderator, id, 3);
    await submit(coords[0]!, id, answers(3));
    const r = await moderator.post(`/api/v1/surveys/${id}/remind`);
    expect(r.json().reminded).toBe(1);
    expect((await coords[0]!.post(`/api/v1/surveys/${id}/remind`)).statusCode).toBe(403);
  });

  it('duplicates, exports and re-imports a definition; deletes drafts only', async () => {
    const { moderator, net, id } = await setup([8_000]);
    const copy = await moderator.post(`/api/v1/surveys/${id}/duplicate`);
    expect(copy.statusCode).toBe(201);
    const exported = (await moderator.get(`/api/v1/surveys/${id}/definition.json`)).json();
    expect(exported.format).toBe('digitalzirkel-survey/1');
    const imported = await moderator.post('/api/v1/surveys', {
      networkId: net.id,
      title: 'Importiert',
      mode: 'municipality',
      source: 'import',
      definition: exported.definition,
    });
    expect(imported.statusCode).toBe(201);
    const again = (await moderator.get(`/api/v1/surveys/${imported.json().id}`)).json();
    expect(again.definition).toEqual(exported.definition);
    const broken = await moderator.post('/api/v1/surveys', {
      networkId: net.id,
      title: 'Kaputt',
      mode: 'municipality',
      source: 'import',
      definition: {
        sections: [
          { id: 'a', title: { de: 'A' }, questions: [{ id: 'x', type: 'single', text: { de: 'X' }, required: true }] },
        ],
      },
    });
    expect(broken.statusCode).toBe(400);
    expect((await moderator.del(`/api/v1/surveys/${copy.json().id}`)).statusCode).toBe(200);
    await openWith(moderator, id, 3);
    expect((await moderator.del(`/api/v1/surveys/${id}`)).statusCode).toBe(409);
  });

  it('internal person surveys store anonymous personal responses', async () => {
    const m = await buildMunicipality(ctx.db);
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    const staffUsers = [];
    for (let i = 0; i < 3; i++) staffUsers.push(await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' }));
    const netAttempt = await coord.post('/api/v1/surveys', { networkId: null, title: 'Intern', mode: 'municipality' });
    expect(netAttempt.statusCode).toBe(400);
    const created = await coord.post('/api/v1/surveys', {
      networkId: null,
      title: 'Mitarbeitendenbefragung',
      mode: 'person',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    await openWith(coord, id, 3);
    const c0 = await login(ctx.app, staffUsers[0]!.email);
    const saved = await c0.put(`/api/v1/surveys/${id}/response`, { version: 0, answers: { personal: 2 } });
    expect(saved.statusCode).toBe(200);
    const row = await ctx.db
      .selectFrom('surveyResponses')
      .selectAll()
      .where('surveyId', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(staffUsers[0]!.id);
    expect(row.respondentKey).toMatch(/^[0-9a-f]{64}$/);
    // another person has an own response
    const c1 = await login(ctx.app, staffUsers[1]!.email);
    expect((await c1.get(`/api/v1/surveys/${id}/response`)).json().status).toBe('none');
    // staff of another municipality sees nothing
    const other = await buildMunicipality(ctx.db);
    const stranger = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: other.id, role: 'admin' })).email);
    expect((await stranger.get(`/api/v1/surveys/${id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/surveys/${id}/response`)).statusCode).toBe(404);
    expect((await stranger.get('/api/v1/surveys')).json().items).toEqual([]);
  });
});
