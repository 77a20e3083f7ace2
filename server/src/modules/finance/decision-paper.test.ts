import { BUDGET_SIMULATION, projectSimulationInput, simulate } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf-text.js';
import { newId } from '../../lib/ids.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function setup(over: { landCode?: string; name?: string } = {}) {
  const m = await buildMunicipality(ctx.db, { population: 10_000, landCode: over.landCode ?? '01', name: over.name });
  const coordUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
  const staffUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
  const coord = await login(ctx.app, coordUser.email);
  const staff = await login(ctx.app, staffUser.email);
  const project = async (title: string) =>
    (await coord.post('/api/v1/projects', { title, startsOn: '2027-01-01', endsOn: '2027-12-31' })).json().id as string;
  return { m, coord, staff, project, projectId: await project('E-Akte') };
}

/** One-time and running costs start in year `start`; funding: 2,000 € granted, 30 % of one-time costs planned. */
const plan = (start: number, funding = 'planned') => ({
  version: 0,
  costs: [
    {
      kind: 'one_time',
      category: 'investment',
      label: 'Software',
      year: start,
      min: 800_000,
      likely: 1_000_000,
      max: 1_500_000,
    },
    {
      kind: 'recurring',
      category: 'licences',
      label: 'Lizenz',
      year: start,
      min: 90_000,
      likely: 100_000,
      max: 120_000,
    },
  ],
  staff: [
    {
      kind: 'one_time',
      label: 'Einführung',
      payGroup: 'EG 9b',
      year: start,
      hours: { min: 80, likely: 100, max: 150 },
    },
  ],
  funding: [
    { programme: 'Landesprogramm', amountCents: 200_000, status: 'approved' },
    {
      programme: 'Bundesprogramm',
      sharePercent: 30,
      status: funding,
      deadline: '2027-03-31',
      conditions: 'Eigenanteil 70 %',
    },
  ],
  benefits: [{ label: 'Zeitersparnis', hoursPerYear: 50, payGroup: 'EG 9b', fromYear: start + 1 }],
  budgetAvailableCents: 2_000_000,
  budgetLine: '1.1.1',
});

const text = async (pdf: Buffer) => (await pdfText(pdf)).replace(/\s+/g, ' ');
const euro = (c: number) =>
  `${(c / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

async function paper(c: Awaited<ReturnType<typeof setup>>['coord'], projectId: string) {
  const draft = (await c.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
  const { figures: _f, basedOnVersion: _b, ...input } = draft;
  const made = await c.post(`/api/v1/projects/${projectId}/decision-papers`, input);
  expect(made.statusCode, made.body).toBe(201);
  const pdf = await c.get(`/api/v1/projects/${projectId}/decision-papers/${made.json().id}/pdf`);
  return { draft, id: made.json().id as string, pdf, text: await text(pdf.rawPayload) };
}

describe('figures of the council paper against a calculation by hand', () => {
  it('running costs from year 0 (2027): five running years, granted and planned funding apart', async () => {
    const { coord, projectId } = await setup();
    expect((await coord.put(`/api/v1/projects/${projectId}/finance`, plan(0))).statusCode).toBe(200);
    const { draft, text: t } = await paper(coord, projectId);
    // year 2027: 10,000 € software + 1,000 € licence + 100 h × 68 € = 17,800 €; 2028–2031: 1,000 € each
    for (const line of [
      'Einmalige Kosten (inkl. eigenes Personal) 16.800,00 €',
      'Laufende Kosten pro Jahr (Durchschnitt 2027–2031) 1.000,00 €',
      'Folgekosten (laufende Kosten) über 5 Jahre 5.000,00 €',
      'Gesamtkosten über 5 Jahre (2027–2031) 21.800,00 €',
      'Förderung, bewilligt 2.000,00 €',
      'Kosten nach bewilligter Förderung 19.800,00 €',
      'Förderung beantragt oder geplant (nicht eingerechnet) 3.000,00 €',
      'Kosten je Einwohnerin und Einwohner (2027–2031, nach bewilligter Förderung) 1,98 €',
      'Verfügbare Haushaltsmittel (1.1.1) 20.000,00 €',
      'Deckung 2027 (verfügbar − Bedarf nach bewilligter Förderung) 4.200,00 €',
      // −15,800 € in 2027, then 4 × (50 h × 68 € − 1,000 €) = 2,400 €, discounted at 0.9 %
      'Kapitalwert (0,9 % p. a.) -6.412,17 €',
      // own staff time: −6,800 € in 2027, then 4 × 3,400 €
      'davon bewertete Arbeitszeit eigenen Personals (nicht haushaltswirksam) 6.499,42 €',
      'abgezinst mit 0,9 % p. a. (Quelle: BMF',
      'Geplant (wahrscheinlichste Werte, ohne Risiken): 21.800,00 €',
      'Alle Beträge brutto, also mit Umsatzsteuer, wo sie anfällt',
      // PERT means: (8+40+15)/6 k€ + 5 × (0.9+4+1.2)/6 k€ + (544+2,720+1,020)/6 € = 22,723.33 €
      'Der Mittelwert der Simulation ohne Risiken liegt bei 22.723,33 €',
      'Bundesprogramm geplant, noch nicht beantragt 3.000,00 € 31.03.2027 Eigenanteil 70 %',
      'Landesprogramm bewilligt 2.000,00 €',
      // appendices are part of the PDF: cost plan with the lifecycle table, risk register
      'Anlage 1: Kostenplan und Lebenszykluskosten Kostenzeilen',
      // net and gross next to each other (this line is without VAT)
      'Software einmalig 2027 8.000,00 € 10.000,00 € 15.000,00 € nein 10.000,00 €',
      '2027 10.000,00 € 1.000,00 € 6.800,00 € 17.800,00 € 2.000,00 € 0,00 € -15.800,00 €',
      '2028 0,00 € 1.000,00 € 0,00 € 1.000,00 € 0,00 € 3.400,00 € 2.400,00 €',
      // the costs per year as a chart, each bar with its year and amount
      'Kosten je Jahr 2027–2031 (inkl. Umsatzsteuer und eigenem Personal) 2027 17.800,00 € 2028 1.000,00 €',
      'Anlage 2: Risikoregister',
    ])
      expect(t).toContain(line);
    expect(t).not.toContain('1.250,00 €');
    expect(draft.figures).toMatchObject({ recurringPerYear: 100_000, funding: 200_000, fundingPending: 300_000 });
    // the resolution asks to apply for the planned programme only
    expect(draft.resolution).toContain('die Förderung aus „Bundesprogramm“ zu beantragen');
    expect(draft.resolution).not.toContain('Landesprogramm');
  });

  it('running costs from year 1 (2028): four running years; coverage in the first year with costs', async () => {
    const { coord, projectId } = await setup();
    await coord.put(`/api/v1/projects/${projectId}/finance`, plan(1));
    const { text: t } = await paper(coord, projectId);
    for (const line of [
      'Einmalige Kosten (inkl. eigenes Personal) 16.800,00 €',
      'Laufende Kosten pro Jahr (Durchschnitt 2028–2031) 1.000,00 €',
      'Folgekosten (laufende Kosten) über 5 Jahre 4.000,00 €',
      'Gesamtkosten über 5 Jahre (2027–2031) 20.800,00 €',
      'Förderung, bewilligt 2.000,00 €',
      'Kosten nach bewilligter Förderung 18.800,00 €',
      'Förderung beantragt oder geplant (nicht eingerechnet) 3.000,00 €',
      'Kosten je Einwohnerin und Einwohner (2027–2031, nach bewilligter Förderung) 1,88 €',
      'Deckung 2028 (verfügbar − Bedarf nach bewilligter Förderung) 4.200,00 €',
      'Kapitalwert (0,9 % p. a.) -8.649,83 €',
      'davon bewertete Arbeitszeit eigenen Personals (nicht haushaltswirksam) 3.190,40 €',
      'Geplant (wahrscheinlichste Werte, ohne Risiken): 20.800,00 €',
      'Der Mittelwert der Simulation ohne Risiken liegt bei 21.706,67 €',
      '2027 0,00 € 0,00 € 0,00 € 0,00 € 0,00 € 0,00 € 0,00 €',
      '2028 10.000,00 € 1.000,00 € 6.800,00 € 17.800,00 € 2.000,00 € 0,00 € -15.800,00 €',
    ])
      expect(t).toContain(line);
  });

  it('asks to apply for funding only when some is left to apply for', async () => {
    const { coord, projectId } = await setup();
    await coord.put(`/api/v1/projects/${projectId}/finance`, plan(0, 'applied'));
    const d = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
    expect(d.resolution).not.toContain('zu beantragen');
    expect(d.resolution).toContain(
      'Über die Entscheidung zu den beantragten Mitteln („Bundesprogramm“) wird berichtet.',
    );
    expect(d.figures.fundingPending).toBe(300_000);
    await coord.put(`/api/v1/projects/${projectId}/finance`, { ...plan(0, 'rejected'), version: 1 });
    const r = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
    expect(r.resolution).not.toMatch(/beantrag/);
    expect(r.figures.fundingPending).toBe(0);
  });
});

const RISKS = [
  {
    title: 'Schnittstelle teurer',
    category: 'technical',
    probability: 40,
    costMin: 500_000,
    costLikely: 1_000_000,
    costMax: 3_000_000,
    weeks: 6,
  },
  {
    title: 'Anbieter insolvent',
    category: 'vendor',
    probability: 10,
    costMin: 1_000_000,
    costLikely: 2_000_000,
    costMax: 9_000_000,
    weeks: 12,
  },
  {
    title: 'Schulung dauert länger',
    category: 'staff',
    probability: 60,
    costMin: 100_000,
    costLikely: 200_000,
    costMax: 400_000,
    weeks: 2,
  },
  {
    title: 'Datenschutz-Nachbesserung',
    category: 'legal',
    probability: 25,
    costMin: 200_000,
    costLikely: 300_000,
    costMax: 1_500_000,
    weeks: 4,
  },
] as const;

describe('reproducible P80', () => {
  it('the screen, the simulation API and the paper give the same P80 after risks were edited', async () => {
    const { coord, projectId } = await setup();
    await coord.put(`/api/v1/projects/${projectId}/finance`, plan(0));
    for (const r of RISKS) await coord.post(`/api/v1/projects/${projectId}/risks`, r);
    // an edited risk is stored anew: every reader must still take the register in one order (regression guard;
    // the shuffled-insert test below is the one that fails without the fixed order)
    const first = (await coord.get(`/api/v1/projects/${projectId}/risks`)).json().items[0];
    const edited = await coord.patch(`/api/v1/projects/${projectId}/risks/${first.id}`, {
      ...first,
      mitigation: 'Früh testen',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const finance = (await coord.get(`/api/v1/projects/${projectId}/finance`)).json();
    const risks = (await coord.get(`/api/v1/projects/${projectId}/risks`)).json();
    const project = (await coord.get(`/api/v1/projects/${projectId}`)).json();
    const screen = simulate({
      ...projectSimulationInput(finance, finance.settings.rates, finance.settings.horizonYears, risks.items, project),
      ...BUDGET_SIMULATION,
    });
    const api = (await coord.post(`/api/v1/projects/${projectId}/simulation`, BUDGET_SIMULATION)).json();
    const { draft, text: t } = await paper(coord, projectId);
    expect(api.p80).toBe(screen.p80);
    expect(draft.figures.p80).toBe(screen.p80);
    expect(t).toContain(`Risikoangepasstes Budget (P80, 2027–2031, vor Förderung) ${euro(screen.p80)}`);
  });

  it('the same risks stored in another order (same timestamps, shuffled inserts) give the same P80', async () => {
    const { coord, project } = await setup();
    const at = new Date('2026-05-01T10:00:00Z');
    const p80s: number[] = [];
    for (const order of [
      [0, 1, 2, 3],
      [3, 1, 0, 2],
      [2, 3, 1, 0],
    ]) {
      const id = await project(`Variante ${order.join('')}`);
      await coord.put(`/api/v1/projects/${id}/finance`, { ...plan(0), costs: [...plan(0).costs].reverse() });
      for (const i of order) {
        const r = RISKS[i]!;
        await ctx.db
          .insertInto('risks')
          .values({
            id: newId(),
            projectId: id,
            title: r.title,
            category: r.category,
            probability: r.probability,
            costMinCents: r.costMin,
            costLikelyCents: r.costLikely,
            costMaxCents: r.costMax,
            weeks: r.weeks,
            createdAt: at,
          })
          .execute();
      }
      const draft = (await coord.get(`/api/v1/projects/${id}/decision-papers/draft`)).json();
      const api = (await coord.post(`/api/v1/projects/${id}/simulation`, BUDGET_SIMULATION)).json();
      expect(api.p80).toBe(draft.figures.p80);
      p80s.push(draft.figures.p80);
    }
    expect(new Set(p80s).size).toBe(1);
  });
});

describe('versions of a paper', () => {
  it('a new version keeps the number and starts from the edited text; file names agree', async () => {
    const { coord, projectId, project } = await setup();
    await coord.put(`/api/v1/projects/${projectId}/finance`, plan(0));
    const d1 = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
    expect(d1.basedOnVersion).toBeNull();
    const year = new Date().getFullYear();
    expect(d1.reference).toBe(`BV/${year}/001`);
    const { figures: _f, basedOnVersion: _b, ...input } = d1;
    const v1 = await coord.post(`/api/v1/projects/${projectId}/decision-papers`, {
      ...input,
      resolution: 'Vom Kämmerer überarbeiteter Beschlussvorschlag.',
      reasoning: 'Eigene Begründung.',
    });
    expect(v1.statusCode, v1.body).toBe(201);
    const d2 = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
    expect(d2).toMatchObject({
      basedOnVersion: 1,
      reference: `BV/${year}/001`,
      resolution: 'Vom Kämmerer überarbeiteter Beschlussvorschlag.',
      reasoning: 'Eigene Begründung.',
    });
    const { figures: _f2, basedOnVersion: _b2, ...input2 } = d2;
    // a changed number is not taken: every Fassung carries the paper's number
    const v2 = (
      await coord.post(`/api/v1/projects/${projectId}/decision-papers`, { ...input2, reference: 'BV/1999/999' })
    ).json();
    expect(v2.versionNo).toBe(2);
    const list = (await coord.get(`/api/v1/projects/${projectId}/decision-papers`)).json();
    expect(list.items.map((p: { reference: string }) => p.reference)).toEqual([`BV/${year}/001`, `BV/${year}/001`]);
    const pdf = await coord.get(`/api/v1/projects/${projectId}/decision-papers/${v2.id}/pdf`);
    const oparl = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/${v2.id}/oparl`)).json();
    const fileName = `Beschlussvorlage-BV_${year}_001-Fassung-2.pdf`;
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${fileName}"`);
    expect(oparl.mainFile.fileName).toBe(fileName);
    expect(await text(pdf.rawPayload)).toContain(`BV/${year}/001 (Fassung 2)`);
    // the next paper of the municipality gets the next number, not one per version
    const other = await project('Ratsinformationssystem');
    expect((await coord.get(`/api/v1/projects/${other}/decision-papers/draft`)).json().reference).toBe(
      `BV/${year}/002`,
    );
  });
});

describe('documents after the commit', () => {
  const stored = (projectId: string) =>
    ctx.db
      .selectFrom('paperSimulations')
      .select(['inputHash', 'computedAt'])
      .where('projectId', '=', projectId)
      .executeTakeFirstOrThrow();

  it('stores the simulation once per state of the data: a second draft reuses it, a cost change recomputes', async () => {
    const { coord, projectId } = await setup();
    await coord.put(`/api/v1/projects/${projectId}/finance`, plan(0));
    const d1 = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
    const first = await stored(projectId);
    const d2 = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
    expect(await stored(projectId)).toEqual(first);
    expect(d2.figures.p80).toBe(d1.figures.p80);
    // a changed cost line is new input: computed again, and the paper shows the new result
    const finance = (await coord.get(`/api/v1/projects/${projectId}/finance`)).json();
    const more = plan(0);
    more.costs[0]!.max = 3_000_000;
    expect(
      (await coord.put(`/api/v1/projects/${projectId}/finance`, { ...more, version: finance.version })).statusCode,
    ).toBe(200);
    const d3 = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
    const second = await stored(projectId);
    expect(second.inputHash).not.toBe(first.inputHash);
    expect(second.computedAt.getTime()).toBeGreaterThanOrEqual(first.computedAt.getTime());
    expect(d3.figures.p80).toBeGreaterThan(d1.figures.p80);
    // a new risk changes the input as well
    await coord.post(`/api/v1/projects/${projectId}/risks`, RISKS[0]);
    await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`);
    expect((await stored(projectId)).inputHash).not.toBe(second.inputHash);
  });

  it('renders the PDF from the stored version alone; a version without PDF gets it on first download, then keeps it', async () => {
    const { coord, projectId } = await setup();
    await coord.put(`/api/v1/projects/${projectId}/finance`, plan(0));
    const { id, pdf } = await paper(coord, projectId);
    const row = await ctx.db
      .selectFrom('decisionPapers')
      .select(['pdf', 'appendix'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.appendix).toMatchObject({
      municipality: { population: 10_000 },
      costs: expect.arrayContaining([expect.objectContaining({ label: 'Software' })]),
    });
    expect(Buffer.from(row.pdf!).equals(pdf.rawPayload)).toBe(true);
    // the data behind the paper changes afterwards: the version's PDF does not
    await coord.put(`/api/v1/projects/${projectId}/finance`, {
      ...plan(1),
      version: (await coord.get(`/api/v1/projects/${projectId}/finance`)).json().version,
    });
    // as if the rendering after the commit had failed: the first download renders it from the stored version
    await ctx.db.updateTable('decisionPapers').set({ pdf: null }).where('id', '=', id).execute();
    const again = await coord.get(`/api/v1/projects/${projectId}/decision-papers/${id}/pdf`);
    expect(again.statusCode).toBe(200);
    const t = await text(again.rawPayload);
    expect(t).toContain('Software');
    expect(t).toContain(euro(1_000_000));
    const kept = await ctx.db.selectFrom('decisionPapers').select('pdf').where('id', '=', id).executeTakeFirstOrThrow();
    expect(Buffer.from(kept.pdf!).equals(again.rawPayload)).toBe(true);
    const third = await coord.get(`/api/v1/projects/${projectId}/decision-papers/${id}/pdf`);
    expect(third.rawPayload.equals(again.rawPayload)).toBe(true);
  });
});

describe('council bodies per Land', () => {
  it('a town in Niedersachsen: Hauptausschuss prepares, the Rat decides; the setting is remembered', async () => {
    const { coord, staff, projectId } = await setup({ landCode: '03', name: 'Musterstadt, Stadt' });
    await coord.put(`/api/v1/projects/${projectId}/finance`, plan(0));
    const s = (await coord.get('/api/v1/finance/council')).json();
    expect(s).toMatchObject({ version: 0, kind: 'stadt', council: 'Rat', committee: 'Hauptausschuss', landCode: '03' });
    const d = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
    expect(d.consultation.map((c: { body: string; role: string }) => [c.body, c.role])).toEqual([
      ['Hauptausschuss', 'preliminary'],
      ['Rat', 'decision'],
    ]);
    expect(d.resolution).toMatch(/^Der Rat beschließt/);
    // edited once for the municipality, then every draft uses it
    const saved = await coord.put('/api/v1/finance/council', {
      version: 0,
      kind: 'stadt',
      council: 'Rat',
      committee: 'Verwaltungsausschuss',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, committee: 'Verwaltungsausschuss' });
    const d2 = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
    expect(d2.consultation[0].body).toBe('Verwaltungsausschuss');
    // stale version, staff, bad input
    expect(
      (await coord.put('/api/v1/finance/council', { version: 0, kind: 'stadt', council: 'Rat', committee: '' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await staff.put('/api/v1/finance/council', { version: 1, kind: 'stadt', council: 'Rat', committee: '' }))
        .statusCode,
    ).toBe(403);
    expect((await coord.put('/api/v1/finance/council', { version: 1, kind: 'dorf', council: 'R' })).statusCode).toBe(
      400,
    );
  });

  it('Hessen: Stadtverordnetenversammlung; an Ortsgemeinde in Rheinland-Pfalz: Ortsgemeinderat without committee', async () => {
    const he = await setup({ landCode: '06', name: 'Hessenstadt, Stadt' });
    await he.coord.put(`/api/v1/projects/${he.projectId}/finance`, plan(0));
    const d = (await he.coord.get(`/api/v1/projects/${he.projectId}/decision-papers/draft`)).json();
    expect(d.consultation.map((c: { body: string }) => c.body)).toEqual([
      'Haupt- und Finanzausschuss',
      'Stadtverordnetenversammlung',
    ]);
    expect(d.resolution).toMatch(/^Die Stadtverordnetenversammlung beschließt/);
    const rp = await setup({ landCode: '07' });
    await rp.coord.put('/api/v1/finance/council', {
      version: 0,
      kind: 'ortsgemeinde',
      council: 'Ortsgemeinderat',
      committee: '',
    });
    const r = (await rp.coord.get(`/api/v1/projects/${rp.projectId}/decision-papers/draft`)).json();
    expect(r.consultation).toEqual([{ body: 'Ortsgemeinderat', date: null, role: 'decision' }]);
    expect((await rp.coord.get('/api/v1/finance/council')).json().suggested.council).toBe('Ortsgemeinderat');
  });
});
