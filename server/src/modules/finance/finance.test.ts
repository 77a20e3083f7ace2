import { BUDGET_SIMULATION, npv, projectSimulationInput, simulate } from '@dz/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { oparlPaper } from '../../../test/oparl-schema.js';
import { expectTaggedPdf } from '../../../test/pdf-tags.js';
import { pdfText } from '../../../test/pdf-text.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function setup(landCode = '01') {
  const m = await buildMunicipality(ctx.db, { population: 10_000, landCode });
  const coordUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
  const staffUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' });
  const coord = await login(ctx.app, coordUser.email);
  const staff = await login(ctx.app, staffUser.email);
  const projectId = (
    await coord.post('/api/v1/projects', { title: 'E-Akte', startsOn: '2027-01-01', endsOn: '2027-12-31' })
  ).json().id as string;
  return { m, coord, staff, coordUser, projectId };
}

const PLAN = {
  version: 0,
  costs: [
    {
      kind: 'one_time',
      category: 'investment',
      label: 'Software',
      year: 0,
      min: 4_000_000,
      likely: 5_000_000,
      max: 8_000_000,
      vat: true,
    },
    {
      kind: 'recurring',
      category: 'licences',
      label: 'Wartung',
      year: 1,
      min: 900_000,
      likely: 1_000_000,
      max: 1_200_000,
    },
  ],
  staff: [
    { kind: 'one_time', label: 'Einführung', payGroup: 'EG 9b', year: 0, hours: { min: 100, likely: 150, max: 250 } },
  ],
  funding: [{ programme: 'Digitalisierungsförderung', sharePercent: 40, status: 'approved', deadline: '2027-03-31' }],
  benefits: [
    { label: 'Weniger Papier und Porto', centsPerYear: 500_000, hoursPerYear: 400, payGroup: 'EG 9b', fromYear: 1 },
  ],
  wibe: { urgency: { legacy: 10, law: 5, stability: 5 }, strategic: { target: 8 }, external: {} },
  budgetAvailableCents: 6_000_000,
  budgetLine: '1.1.1.01',
};

describe('project finances', () => {
  it('computes lifecycle costs, NPV, amortisation, WiBe points and the hint in core; saves one versioned document', async () => {
    const { coord, staff, projectId } = await setup();
    const start = (await coord.get(`/api/v1/projects/${projectId}/finance`)).json();
    expect(start.version).toBe(0);
    expect(start.settings).toMatchObject({ discountRate: 0.009, horizonYears: 5 });
    // an empty plan pays nothing back: no amortisation year (it used to say year 2)
    expect(start.computed.amortisationYear).toBeNull();
    const res = await coord.put(`/api/v1/projects/${projectId}/finance`, PLAN);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.version).toBe(1);
    const c = f.computed;
    // year 0: 50,000 € + 19 % VAT, 150 h × 68 € staff; years 1–4: 10,000 € maintenance
    expect(c.years[0]).toMatchObject({ oneTime: 5_950_000, staff: 1_020_000 });
    expect(c.total).toBe(5_950_000 + 1_020_000 + 4 * 1_000_000);
    expect(c.fundingTotal).toBe(2_380_000);
    expect(c.perInhabitant).toBe(Math.round(c.netCost / 10_000));
    expect(c.npv).toBe(
      npv(
        c.years.map((y: { net: number }) => y.net),
        0.009,
      ),
    );
    expect(c.points).toEqual({ urgency: 70, strategic: 32, external: 0 });
    expect(c.hint).toEqual({ recommended: true, reasons: expect.arrayContaining(['urgency']) });
    expect(c.alternatives.alone).toBe(c.netCost);
    // staff read, do not edit; stale versions are refused
    expect((await staff.get(`/api/v1/projects/${projectId}/finance`)).json().can.edit).toBe(false);
    expect((await staff.put(`/api/v1/projects/${projectId}/finance`, { ...PLAN, version: 1 })).statusCode).toBe(403);
    expect((await coord.put(`/api/v1/projects/${projectId}/finance`, PLAN)).statusCode).toBe(409);
  });

  it('refuses min > likely, one-time categories on recurring lines and funding without amount or share', async () => {
    const { coord, projectId } = await setup();
    const bad = await coord.put(`/api/v1/projects/${projectId}/finance`, {
      version: 0,
      costs: [{ ...PLAN.costs[0], min: 9_000_000 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('body.costs.0');
    const kind = await coord.put(`/api/v1/projects/${projectId}/finance`, {
      version: 0,
      costs: [{ ...PLAN.costs[0], kind: 'recurring' }],
    });
    expect(kind.statusCode).toBe(400);
    const fund = await coord.put(`/api/v1/projects/${projectId}/finance`, {
      version: 0,
      funding: [{ programme: 'Leer' }],
    });
    expect(fund.statusCode).toBe(400);
    // nothing was written
    expect((await coord.get(`/api/v1/projects/${projectId}/finance`)).json().version).toBe(0);
  });

  it('compares alternatives with a population key that adds up to the cent', async () => {
    const { coord, projectId } = await setup();
    const f = (
      await coord.put(`/api/v1/projects/${projectId}/finance`, {
        ...PLAN,
        alternatives: {
          partners: [
            { name: 'Wir', population: 10_000 },
            { name: 'Nachbarort', population: 5_000 },
            { name: 'Dorf', population: 1_234 },
          ],
          key: 'population',
          sharedService: { oneTimeCents: 500_000, perYearCents: 800_000 },
          doNothingRisks: [
            {
              label: 'Ausfall Altverfahren',
              probability: 0.5,
              cost: { min: 1_000_000, likely: 2_000_000, max: 6_000_000 },
            },
          ],
        },
      })
    ).json();
    const a = f.computed.alternatives;
    expect(a.partnerShares.reduce((s: number, p: { cents: number }) => s + p.cents, 0)).toBe(a.alone);
    expect(a.withPartners).toBe(a.partnerShares[0].cents);
    expect(a.sharedService).toBe(500_000 + 5 * 800_000);
    expect(a.doNothing).toBe(
      Math.round(0.5 * ((1_000_000 + 4 * 2_000_000 + 6_000_000) / 6)) + f.computed.benefitsTotal,
    );
  });

  it('settings: discount rate with source, horizon and a per-year rate table', async () => {
    const { coord, staff, projectId } = await setup();
    const s = (await coord.get('/api/v1/finance/settings')).json();
    expect(s.version).toBe(0);
    expect(s.rates.find((r: { payGroup: string }) => r.payGroup === 'EG 9b').centsPerHour).toBe(6_800);
    const saved = await coord.put('/api/v1/finance/settings', {
      version: 0,
      discountRate: 0.02,
      discountRateSource: 'Eigene Festlegung des Kämmerers',
      horizonYears: 8,
      ratesYear: 2027,
      rates: [{ payGroup: 'EG 9b', centsPerHour: 7_000 }],
      ratesSource: 'KGSt 2026',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await coord.put(`/api/v1/projects/${projectId}/finance`, PLAN);
    const f = (await coord.get(`/api/v1/projects/${projectId}/finance`)).json();
    expect(f.computed.years).toHaveLength(8);
    expect(f.computed.years[0].staff).toBe(150 * 7_000);
    expect((await staff.put('/api/v1/finance/settings', { ...(saved.json() as object), version: 1 })).statusCode).toBe(
      403,
    );
  });
});

describe('risk register and Monte Carlo', () => {
  it('records risks with exposure; the simulation is reproducible and includes open risks only', async () => {
    const { coord, coordUser, projectId } = await setup();
    await coord.put(`/api/v1/projects/${projectId}/finance`, PLAN);
    const add = await coord.post(`/api/v1/projects/${projectId}/risks`, {
      title: 'Schnittstelle zum Fachverfahren teurer als geplant',
      category: 'technical',
      probability: 40,
      costMin: 500_000,
      costLikely: 1_000_000,
      costMax: 3_000_000,
      weeks: 6,
      ownerId: coordUser.id,
      mitigation: 'Schnittstelle früh testen',
      mitigationCents: 200_000,
    });
    expect(add.statusCode, add.body).toBe(201);
    const r = add.json().items[0];
    expect(r.exposure).toBe(Math.round(0.4 * ((500_000 + 4 * 1_000_000 + 3_000_000) / 6)));
    const sim = async () =>
      (await coord.post(`/api/v1/projects/${projectId}/simulation`, { iterations: 5000, seed: 7 })).json();
    const a = await sim();
    expect(a).toEqual(await sim());
    expect(a.p50).toBeLessThanOrEqual(a.p80);
    expect(a.p80).toBeLessThanOrEqual(a.p95);
    expect(a.weeks.p95).toBeGreaterThanOrEqual(a.weeks.p50);
    // closing the risk removes it from the simulation: P95 drops
    const closed = await coord.patch(`/api/v1/projects/${projectId}/risks/${r.id}`, { ...r, status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await sim()).p95).toBeLessThan(a.p95);
    // stale version, bad order of estimates
    expect((await coord.patch(`/api/v1/projects/${projectId}/risks/${r.id}`, { ...r })).statusCode).toBe(409);
    const bad = await coord.post(`/api/v1/projects/${projectId}/risks`, {
      title: 'Falsch herum',
      category: 'financial',
      probability: 10,
      costMin: 5,
      costLikely: 1,
      costMax: 9,
    });
    expect(bad.statusCode).toBe(400);
    expect((await coord.del(`/api/v1/projects/${projectId}/risks/${r.id}`)).json().items).toHaveLength(0);
  });
});

describe('council decision paper', () => {
  it('prefills, generates numbered versions as PDF whose figures match the screens, and exports OParl 1.1', async () => {
    const { coord, staff, projectId } = await setup();
    await coord.put(`/api/v1/projects/${projectId}/finance`, PLAN);
    await coord.post(`/api/v1/projects/${projectId}/risks`, {
      title: 'Schnittstelle teurer als geplant',
      category: 'technical',
      probability: 40,
      costMin: 500_000,
      costLikely: 1_000_000,
      costMax: 3_000_000,
      weeks: 6,
      mitigation: 'Früh testen',
    });
    const draft = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
    expect(draft.subject).toBe('E-Akte');
    expect(draft.risksText).toContain('Schnittstelle teurer als geplant');
    // the P80 on the screen (browser: same core function, same seed) equals the paper's
    const finance = (await coord.get(`/api/v1/projects/${projectId}/finance`)).json();
    const risks = (await coord.get(`/api/v1/projects/${projectId}/risks`)).json();
    const project = (await coord.get(`/api/v1/projects/${projectId}`)).json();
    const screen = simulate({
      ...projectSimulationInput(finance, finance.settings.rates, finance.settings.horizonYears, risks.items, project),
      ...BUDGET_SIMULATION,
    });
    expect(draft.figures.p80).toBe(screen.p80);
    expect(draft.figures.perInhabitant).toBe(finance.computed.perInhabitant);
    expect(draft.figures.total).toBe(finance.computed.total);
    const input = { ...draft, resolution: 'Der Gemeinderat beschließt die Einführung der E-Akte.' };
    delete input.figures;
    const first = await coord.post(`/api/v1/projects/${projectId}/decision-papers`, input);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().versionNo).toBe(1);
    const second = (
      await coord.post(`/api/v1/projects/${projectId}/decision-papers`, { ...input, public: false })
    ).json();
    expect(second.versionNo).toBe(2);
    const list = (await staff.get(`/api/v1/projects/${projectId}/decision-papers`)).json();
    expect(list.items.map((p: { versionNo: number }) => p.versionNo)).toEqual([2, 1]);
    const pdf = await staff.get(`/api/v1/projects/${projectId}/decision-papers/${second.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const roles = await expectTaggedPdf(pdf.rawPayload);
    expect(roles).toEqual(expect.arrayContaining(['H1', 'H2', 'Table', 'TH', 'L', 'LI']));
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    const euro = (c: number) =>
      `${(c / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
    expect(text).toContain('Der Gemeinderat beschließt die Einführung der E-Akte.');
    expect(text).toContain(`Risikoangepasstes Budget (P80, 2027–2031, vor Förderung) ${euro(screen.p80)}`);
    expect(text).toContain(
      `Kosten je Einwohnerin und Einwohner (2027–2031, nach bewilligter Förderung) ${euro(finance.computed.perInhabitant)}`,
    );
    expect(text).toContain('nicht öffentlich');
    expect(text).toContain('Fassung 2');
    // Schleswig-Holstein: Hauptausschuss prepares, the Gemeindevertretung decides
    expect(text).toContain('Hauptausschuss offen Vorberatung Gemeindevertretung offen Entscheidung');
    // OParl 1.1 Paper
    const oparl = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/${second.id}/oparl`)).json();
    const parsed = oparlPaper.safeParse(oparl);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(oparl.consultation.map((c: { authoritative: boolean }) => c.authoritative)).toEqual([false, true]);
    expect(oparl.mainFile.size).toBe(pdf.rawPayload.length);
    // staff may read but not generate; bad input is refused without a new version
    expect((await staff.post(`/api/v1/projects/${projectId}/decision-papers`, input)).statusCode).toBe(403);
    expect(
      (await coord.post(`/api/v1/projects/${projectId}/decision-papers`, { ...input, resolution: '' })).statusCode,
    ).toBe(400);
    expect((await coord.get(`/api/v1/projects/${projectId}/decision-papers`)).json().items).toHaveLength(2);
  });
});

describe('portfolio finances', () => {
  it('aggregates all running projects in SQL by year, category and budget line — equal to the per-project lifecycle', async () => {
    const { coord, projectId } = await setup();
    const second = (await coord.post('/api/v1/projects', { title: 'Ratsinfo', startsOn: '2028-03-01' })).json().id;
    const stopped = (await coord.post('/api/v1/projects', { title: 'Gestoppt', phase: 'stopped' })).json().id;
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await coord.put(`/api/v1/projects/${projectId}/finance`, {
      ...PLAN,
      funding: [{ programme: 'Digitalbonus', sharePercent: 40, status: 'applied', deadline }],
    });
    await coord.put(`/api/v1/projects/${second}/finance`, {
      version: 0,
      costs: [
        {
          kind: 'recurring',
          category: 'hosting',
          label: 'Hosting',
          year: 0,
          min: 100_000,
          likely: 120_000,
          max: 150_000,
          vat: true,
          budgetLine: '0111.7000',
        },
      ],
    });
    await coord.put(`/api/v1/projects/${stopped}/finance`, {
      version: 0,
      costs: [
        { kind: 'one_time', category: 'investment', label: 'Nie', year: 0, min: 1, likely: 9_999_999, max: 10_000_000 },
      ],
    });
    await coord.post(`/api/v1/projects/${second}/risks`, {
      title: 'Anbieterwechsel',
      category: 'vendor',
      probability: 50,
      costMin: 100_000,
      costLikely: 200_000,
      costMax: 600_000,
    });
    const data = (await coord.get('/api/v1/finance/portfolio')).json();
    const totals = await Promise.all(
      [projectId, second].map(async (id) => (await coord.get(`/api/v1/projects/${id}/finance`)).json().computed.total),
    );
    expect(data.rows.reduce((s: number, r: { cents: number }) => s + r.cents, 0)).toBe(totals[0] + totals[1]);
    // the E-Akte starts 2027: its software (incl. VAT) falls into 2027; hosting of the second project from 2028
    expect(data.rows).toContainEqual({ year: 2027, category: 'investment', budgetLine: '1.1.1.01', cents: 5_950_000 });
    expect(data.rows).toContainEqual({ year: 2028, category: 'hosting', budgetLine: '0111.7000', cents: 142_800 });
    expect(data.exposure).toEqual({ cents: Math.round(0.5 * ((100_000 + 4 * 200_000 + 600_000) / 6)), risks: 1 });
    expect(data.deadlines.map((d: { programme: string }) => d.programme)).toEqual(['Digitalbonus']);
    const xlsx = await coord.get('/api/v1/finance/portfolio.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nach Kategorie', 'Nach Haushaltsstelle', 'Risiken und Fristen']);
    // the funding deadline as a date cell shown as a German date (was text '2027-01-31')
    const frist = wb.getWorksheet('Risiken und Fristen')!.getCell('C4');
    expect(frist.type).toBe(ExcelJS.ValueType.Date);
    expect((frist.value as Date).toISOString().slice(0, 10)).toBe(deadline);
    expect(frist.numFmt).toBe('dd.mm.yyyy');
  });
});
