import fs from 'node:fs';
import { type Cell, cellKey, cellsOfClass, type QiClass, type SurveyDefinition } from '@dz/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, outboxFiles, type TestContext } from '../../../test/helpers.js';

/**
 * The attacker's view of survey anonymity (issue 15): a curious manager or council member who reads
 * every result, filter, grouping, export and participation list they can reach and combines them.
 * Each test reproduces an attack from the security review; the property test generates surveys and
 * answer sets and proves that nothing reachable pins an answer to fewer than threshold respondents.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const T = 3;
const choice = (id: string) => ({ id, label: { de: id.toUpperCase() } });
const DEF: SurveyDefinition = {
  sections: [
    {
      id: 's',
      title: { de: 'Abschnitt' },
      questions: [
        { id: 'q_scale', type: 'scale', text: { de: 'Skala' }, required: true },
        {
          id: 'q_opt',
          type: 'single',
          text: { de: 'Optional' },
          required: false,
          options: [choice('ja'), choice('nein')],
        },
        {
          id: 'q_matrix',
          type: 'matrix',
          text: { de: 'Matrix' },
          required: false,
          items: [choice('r1'), choice('r2')],
        },
        { id: 'q_text', type: 'text', text: { de: 'Freitext' }, required: false },
      ],
    },
  ],
};
const POPULATION: Record<string, number> = { '5': 30_000, '6': 15_000, '7': 5_000 };

interface Person {
  sizeClass: '5' | '6' | '7';
  land: '01' | '09' | '14';
  answers: Record<string, unknown>;
}

/** A network survey in municipality mode over the given respondents; returns clients and ids. */
async function surveyWith(people: Person[], opts: { mode?: 'municipality' | 'person'; anonymous?: boolean } = {}) {
  const mod = await buildUser(ctx.db, { name: 'Moderation' });
  const munis = [];
  for (const p of people)
    munis.push(await buildMunicipality(ctx.db, { population: POPULATION[p.sizeClass], landCode: p.land }));
  const net = await buildNetwork(
    ctx.db,
    mod.id,
    munis.map((m) => m.id),
  );
  const moderator = await login(ctx.app, mod.email);
  const created = await moderator.post('/api/v1/surveys', {
    networkId: net.id,
    title: 'Angriffsprobe',
    mode: opts.mode ?? 'municipality',
    anonymous: opts.anonymous ?? true,
    source: 'import',
    definition: DEF,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const d = (await moderator.get(`/api/v1/surveys/${id}`)).json();
  const upd = await moderator.patch(`/api/v1/surveys/${id}`, { ...d, threshold: T });
  expect(upd.statusCode, upd.body).toBe(200);
  const opened = await moderator.post(`/api/v1/surveys/${id}/open`, { version: upd.json().version });
  expect(opened.statusCode, opened.body).toBe(200);
  return { moderator, munis, net, id };
}

async function answerAll(id: string, munis: { id: string }[], people: Person[]) {
  const coords: Client[] = [];
  for (const [i, m] of munis.entries()) {
    const c = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    coords.push(c);
    const res = await c.post(`/api/v1/surveys/${id}/response/submit`, { version: 0, answers: people[i]!.answers });
    expect(res.statusCode, res.body).toBe(200);
  }
  return coords;
}

async function close(moderator: Client, id: string) {
  const d = (await moderator.get(`/api/v1/surveys/${id}`)).json();
  expect((await moderator.post(`/api/v1/surveys/${id}/close`, { version: d.version })).statusCode).toBe(200);
}

/** Mail bodies as text (the outbox keeps quoted-printable .eml files). */
function quotedPrintable(eml: string): string {
  return Buffer.from(
    eml.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}

const person = fc.record({
  sizeClass: fc.constantFrom('5' as const, '6' as const, '7' as const),
  land: fc.constantFrom('01' as const, '09' as const, '14' as const),
  scale: fc.integer({ min: 1, max: 5 }),
  opt: fc.option(fc.constantFrom('ja', 'nein'), { nil: undefined }),
  r1: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  r2: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  text: fc.boolean(),
});

type PersonDraft = typeof person extends fc.Arbitrary<infer A> ? A : never;

function toPeople(raw: PersonDraft[]): Person[] {
  return raw.map((r, i) => {
    const answers: Record<string, unknown> = { q_scale: r.scale };
    if (r.opt) answers.q_opt = r.opt;
    const m: Record<string, number> = {};
    if (r.r1 !== undefined) m.r1 = r.r1;
    if (r.r2 !== undefined) m.r2 = r.r2;
    if (Object.keys(m).length) answers.q_matrix = m;
    if (r.text) answers.q_text = `Freitext-Marke-${i}`;
    return { sizeClass: r.sizeClass, land: r.land, answers };
  });
}

/** Units (question or matrix row) a person answered. */
function unitsOf(p: Person): string[] {
  const out = Object.keys(p.answers).map((q) => `${q}|`);
  for (const k of Object.keys((p.answers.q_matrix as Record<string, number>) ?? {})) out.push(`q_matrix|${k}`);
  return out;
}

type Stats = {
  questionId: string;
  answered: number;
  suppressed: boolean;
  items: { itemId: string; answered: number }[];
  texts: string[];
};
type Results = {
  released: boolean;
  suppressed: boolean;
  groups: { key: string; responses: number; questions: Stats[] }[];
};

describe('survey anonymity under attack', () => {
  it('no combination of results, filters, groupings, exports and participation pins an answer to fewer than the threshold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 3, maxLength: 9 }), async (raw) => {
        const people = toPeople(raw);
        const { moderator, munis, net, id } = await surveyWith(people);
        const coords = await answerAll(id, munis, people);
        // while open: nothing to difference against later
        const early: Results = (await moderator.get(`/api/v1/surveys/${id}/results`)).json();
        expect(early.released).toBe(false);
        expect(early.groups).toEqual([]);
        await close(moderator, id);
        const council = await login(
          ctx.app,
          (await buildUser(ctx.db, { municipalityId: munis[0]!.id, role: 'council' })).email,
        );
        const classes: QiClass[] = people.map((p) => ({ sizeClass: p.sizeClass, land: p.land, network: net.id }));
        const published = new Map<string, Set<string>>();
        const texts = new Set<string>();
        for (const viewer of [moderator, council]) {
          for (const groupBy of ['none', 'sizeClass', 'land', 'network'] as const)
            for (const sizeClass of [undefined, '5', '6', '7'])
              for (const land of [undefined, '01', '09', '14']) {
                const qs = new URLSearchParams({
                  groupBy,
                  ...(sizeClass ? { sizeClass } : {}),
                  ...(land ? { land } : {}),
                });
                const res = await viewer.get(`/api/v1/surveys/${id}/results?${qs}`);
                expect(res.statusCode).toBe(200);
                const r: Results = res.json();
                const base: Cell = { sizeClass, land };
                const dim = groupBy === 'none' ? null : groupBy;
                for (const g of r.groups) {
                  const cell = cellKey(g.key === '*' || !dim ? base : { ...base, [dim]: g.key });
                  const members = people.filter((_, i) => cellsOfClass(classes[i]!).includes(cell));
                  expect(g.responses).toBe(members.length);
                  expect(members.length).toBeGreaterThanOrEqual(T);
                  for (const st of g.questions) {
                    if (st.texts.length) {
                      // texts only for everybody together: never in a group or under a filter
                      expect(g.key === '*' && !sizeClass && !land).toBe(true);
                      for (const x of st.texts) texts.add(x);
                    }
                    if (st.suppressed) {
                      expect(st.answered).toBe(0);
                      continue;
                    }
                    if (st.answered === 0) continue;
                    const unit = `${st.questionId}|`;
                    expect(st.answered, unit).toBe(members.filter((p) => unitsOf(p).includes(unit)).length);
                    expect(st.answered).toBeGreaterThanOrEqual(T);
                    published.set(unit, (published.get(unit) ?? new Set()).add(cell));
                    for (const it of st.items) {
                      const u = `${st.questionId}|${it.itemId}`;
                      expect(it.answered, u).toBe(members.filter((p) => unitsOf(p).includes(u)).length);
                      expect(it.answered).toBeGreaterThanOrEqual(T);
                      published.set(u, (published.get(u) ?? new Set()).add(cell));
                    }
                  }
                }
              }
        }
        // the attacker's finest sets: people lying in exactly the same published cells of a unit
        for (const [unit, cells] of published) {
          const atoms = new Map<string, number>();
          people.forEach((p, i) => {
            if (!unitsOf(p).includes(unit)) return;
            const sig = cellsOfClass(classes[i]!)
              .filter((c) => cells.has(c))
              .join(',');
            if (sig) atoms.set(sig, (atoms.get(sig) ?? 0) + 1);
          });
          for (const [sig, n] of atoms) expect(n, `${unit} ${sig}`).toBeGreaterThanOrEqual(T);
        }
        // exports: rows only for managers, without any quasi-identifier or free text
        const rawCsv = await moderator.get(`/api/v1/surveys/${id}/raw.csv`);
        expect(rawCsv.statusCode).toBe(200);
        expect(rawCsv.body).not.toMatch(/Freitext|GK ?\d|Größenklasse|Land/);
        expect((await council.get(`/api/v1/surveys/${id}/raw.csv`)).statusCode).toBe(404);
        expect((await coords[0]!.get(`/api/v1/surveys/${id}/raw.csv`)).statusCode).toBe(404);
        const csv = (await council.get(`/api/v1/surveys/${id}/results.csv?groupBy=land`)).body;
        for (const x of texts) expect(csv).not.toContain(x);
        // participation: who, never when
        const part = (await moderator.get(`/api/v1/surveys/${id}/participation`)).json();
        expect(JSON.stringify(part)).not.toMatch(/invitedAt|submittedAt|updatedAt/);
      }),
      { numRuns: 6 },
    );
  }, 240_000);

  it('hides a matrix row rated by one person everywhere: API, CSV, row export and workshop report', async () => {
    const people: Person[] = [0, 1, 2, 3].map((i) => ({
      sizeClass: '7',
      land: '09',
      answers: { q_scale: 3, q_matrix: i === 0 ? { r1: 4, r2: 1 } : { r1: 2 } },
    }));
    const { moderator, munis, id, net } = await surveyWith(people);
    await answerAll(id, munis, people);
    await close(moderator, id);
    const r: Results = (await moderator.get(`/api/v1/surveys/${id}/results`)).json();
    const matrix = r.groups[0]!.questions.find((q) => q.questionId === 'q_matrix')!;
    expect(matrix.items.map((i) => i.itemId)).toEqual(['r1']);
    expect(JSON.stringify(matrix)).not.toContain('"r2"');
    const csv = (await moderator.get(`/api/v1/surveys/${id}/results.csv`)).body;
    expect(csv).not.toContain('R2');
    const rows = (await moderator.get(`/api/v1/surveys/${id}/raw.csv`)).body;
    expect(rows).toContain('R1: 4');
    expect(rows).not.toContain('R2');
    const ws = await moderator.post('/api/v1/workshops', {
      networkId: net.id,
      surveyId: id,
      title: 'Sondersitzung',
      heldOn: '2026-06-10',
      place: 'Rathaus',
      leitfrage: 'Was hakt?',
      votesPerPerson: 2,
      municipalityIds: munis.map((m) => m.id),
    });
    expect(ws.statusCode, ws.body).toBe(201);
    const md = (await moderator.get(`/api/v1/workshops/${ws.json().id}/report.md`)).body;
    expect(md).toContain('R1');
    expect(md).not.toContain('R2');
  });

  it('does not tell "nobody answered" from "a few answered" (was: the suppressed flag differed)', async () => {
    const people: Person[] = [0, 1, 2].map((i) => ({
      sizeClass: '7',
      land: '09',
      answers: i === 0 ? { q_scale: 3, q_opt: 'ja' } : { q_scale: 3 },
    }));
    const { moderator, munis, id } = await surveyWith(people);
    await answerAll(id, munis, people);
    await close(moderator, id);
    const r: Results = (await moderator.get(`/api/v1/surveys/${id}/results`)).json();
    const stub = (qid: string) => {
      const { questionId: _, ...rest } = r.groups[0]!.questions.find((q) => q.questionId === qid)!;
      return rest;
    };
    expect(stub('q_opt')).toEqual(stub('q_text')); // one answer vs. none
    const csv = (await moderator.get(`/api/v1/surveys/${id}/results.csv`)).body.split('\n');
    const line = (text: string) => csv.find((l) => l.includes(text))?.replace(text, '…');
    expect(line('Optional')).toBeDefined();
    expect(line('Optional')).toBe(line('Freitext'));
  });

  it('suppresses a question in a group when "all minus the group" would reveal one answer', async () => {
    // GK7: three answer the optional question, GK6: one does → total 4, GK7 3: 4 − 3 = that one answer
    const people: Person[] = [
      ...[0, 1, 2].map(() => ({ sizeClass: '7' as const, land: '09' as const, answers: { q_scale: 2, q_opt: 'ja' } })),
      { sizeClass: '6', land: '09', answers: { q_scale: 5, q_opt: 'nein' } },
      { sizeClass: '6', land: '09', answers: { q_scale: 5 } },
      { sizeClass: '6', land: '09', answers: { q_scale: 5 } },
    ];
    const { moderator, munis, id } = await surveyWith(people);
    await answerAll(id, munis, people);
    await close(moderator, id);
    const all: Results = (await moderator.get(`/api/v1/surveys/${id}/results`)).json();
    expect(all.groups[0]!.questions.find((q) => q.questionId === 'q_opt')).toMatchObject({ answered: 4 });
    const bySize: Results = (await moderator.get(`/api/v1/surveys/${id}/results?groupBy=sizeClass`)).json();
    for (const g of bySize.groups.slice(1)) {
      expect(g.responses).toBe(3);
      expect(g.questions.find((q) => q.questionId === 'q_opt')).toMatchObject({ suppressed: true, answered: 0 });
      // the required question is fine per group
      expect(g.questions.find((q) => q.questionId === 'q_scale')).toMatchObject({ suppressed: false, answered: 3 });
    }
    // the threshold is final once results are out (two thresholds would publish two overlapping cell sets)
    const d = (await moderator.get(`/api/v1/surveys/${id}`)).json();
    const lower = await moderator.patch(`/api/v1/surveys/${id}`, { ...d, threshold: 4 });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().errors[0]).toMatchObject({ path: 'body.threshold', code: 'threshold_final' });
    const f7: Results = (await moderator.get(`/api/v1/surveys/${id}/results?sizeClass=7`)).json();
    expect(f7.groups[0]!.questions.find((q) => q.questionId === 'q_opt')?.suppressed).toBe(true);
    expect((await moderator.get(`/api/v1/surveys/${id}/results.csv?sizeClass=7`)).body).not.toContain(';JA;');
  });

  it('never shows two groupings whose common part is a single municipality', async () => {
    // GK7 = 4 and Bayern = 4 each pass alone; GK7 in Bayern is one municipality
    const people: Person[] = [
      { sizeClass: '7', land: '09', answers: { q_scale: 1, q_text: 'Einzelstimme' } },
      ...[0, 1, 2].map(() => ({ sizeClass: '7' as const, land: '01' as const, answers: { q_scale: 4 } })),
      ...[0, 1, 2].map(() => ({ sizeClass: '6' as const, land: '09' as const, answers: { q_scale: 4 } })),
    ];
    const { moderator, munis, id } = await surveyWith(people);
    await answerAll(id, munis, people);
    await close(moderator, id);
    const bySize: Results = (await moderator.get(`/api/v1/surveys/${id}/results?groupBy=sizeClass`)).json();
    const byLand: Results = (await moderator.get(`/api/v1/surveys/${id}/results?groupBy=land`)).json();
    const gk7 = bySize.groups.some((g) => g.key === '7');
    const by = byLand.groups.some((g) => g.key === '09');
    expect(gk7 && by).toBe(false);
    // the free text appears once, for everybody, and nowhere it could be matched to a group
    expect(JSON.stringify(bySize.groups.slice(1))).not.toContain('Einzelstimme');
    expect(JSON.stringify(byLand.groups.slice(1))).not.toContain('Einzelstimme');
  });

  it('person surveys: counts per municipality unless declared non-anonymous up front, and the invitation says which', async () => {
    const m = await buildMunicipality(ctx.db, { population: 5_000, landCode: '09' });
    const staff: { id: string; email: string }[] = [];
    for (let i = 0; i < 4; i++)
      staff.push(await buildUser(ctx.db, { municipalityId: m.id, role: 'staff', name: `Person Geheim ${i}` }));
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    const make = async (anonymous: boolean) => {
      const c = await coord.post('/api/v1/surveys', {
        networkId: null,
        title: anonymous ? 'Puls anonym' : 'Puls namentlich',
        mode: 'person',
        anonymous,
        source: 'import',
        definition: DEF,
      });
      const id = c.json().id as string;
      const d = (await coord.get(`/api/v1/surveys/${id}`)).json();
      const opened = await coord.post(`/api/v1/surveys/${id}/open`, { version: d.version });
      expect(opened.statusCode).toBe(200);
      return id;
    };
    const anon = await make(true);
    const named = await make(false);
    const s0 = await login(ctx.app, staff[0]!.email);
    for (const id of [anon, named])
      expect(
        (await s0.post(`/api/v1/surveys/${id}/response/submit`, { version: 0, answers: { q_scale: 2 } })).statusCode,
      ).toBe(200);
    const pa = (await coord.get(`/api/v1/surveys/${anon}/participation`)).json();
    expect(pa.byPerson).toBe(false);
    expect(JSON.stringify(pa)).not.toContain('Person Geheim');
    expect(pa.items).toEqual([expect.objectContaining({ name: m.name, submitted: 1 })]);
    const pn = (await coord.get(`/api/v1/surveys/${named}/participation`)).json();
    expect(pn.byPerson).toBe(true);
    expect(pn.items.find((i: { name: string }) => i.name === 'Person Geheim 0')).toMatchObject({ submitted: 1 });
    // invitations say what applies
    const mails = (await outboxFiles(ctx.outbox)).map((f) =>
      quotedPrintable(fs.readFileSync(`${ctx.outbox}/${f}`, 'utf8')),
    );
    const invite = (title: string) => mails.find((x) => x.includes(title) && x.includes('Person Geheim 1')) ?? '';
    expect(invite('Puls anonym')).toContain('anonym');
    expect(invite('Puls anonym')).not.toContain('nicht anonym');
    expect(invite('Puls namentlich')).toContain('nicht anonym');
    // the audit trail does not name who answered the anonymous survey
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['actorId', 'entity'])
      .where('entity', '=', 'survey_response')
      .where('municipalityId', '=', m.id)
      .execute();
    expect(audit.filter((a) => a.actorId === staff[0]!.id)).toHaveLength(1); // the named survey only
    // anonymity cannot be switched off after sending
    const d = (await coord.get(`/api/v1/surveys/${anon}`)).json();
    const flip = await coord.patch(`/api/v1/surveys/${anon}`, { ...d, anonymous: false });
    expect(flip.statusCode).toBe(409);
  });
});
