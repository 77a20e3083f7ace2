import { readableDirectoryName, sizeClassOf } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type TestContext } from '../../test/helpers.js';
import { pdfText } from '../../test/pdf-text.js';
import { readGemeindenCsv } from '../../test/shared-data.js';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, DEMO_SECOND_MUNICIPALITY, demoEmail, seedDemo } from './demo-data.js';
import { DEMO_PEERS } from './demo-maturity.js';
import { DEMO_THIRD_MUNICIPALITY } from './demo-shared-services.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('demo data', () => {
  it('uses eight real GK6/GK7 municipalities from different Länder and Kreise with official keys and population', () => {
    const official = new Map(readGemeindenCsv().map((g) => [g.ags, g]));
    for (const m of [...DEMO_MUNICIPALITIES, DEMO_SECOND_MUNICIPALITY, DEMO_THIRD_MUNICIPALITY]) {
      const g = official.get(m.ags);
      expect(g, m.ags).toBeDefined();
      expect(Number(g!.einwohner)).toBe(m.population);
      expect(readableDirectoryName(g!.name)).toBe(m.name); // "Ebersberg, St" in the file
      expect(g!.ars.slice(5, 9)).toBe(m.verband);
      expect(Number(g!.flaeche_km2)).toBe(m.areaKm2);
    }
    expect(DEMO_MUNICIPALITIES).toHaveLength(8);
    expect(new Set(DEMO_MUNICIPALITIES.map((m) => m.ags.slice(0, 2))).size).toBe(8);
    expect(new Set(DEMO_MUNICIPALITIES.map((m) => m.ags.slice(0, 5))).size).toBe(8);
    expect(new Set(DEMO_MUNICIPALITIES.map((m) => sizeClassOf(m.population)))).toEqual(new Set([6, 7]));
  });

  it('seeds the innovation circle once, with a coordinator per municipality, a moderator and departments', async () => {
    expect(await seedDemo(ctx.db)).toBe(true);
    expect(await seedDemo(ctx.db)).toBe(false);
    const moderator = await login(ctx.app, demoEmail('moderation'), DEMO_PASSWORD);
    const networks = (await moderator.get('/api/v1/networks')).json().items;
    expect(networks).toHaveLength(1);
    // the eight towns and the peers that joined for the key-figure ring (demo-maturity.test.ts)
    expect(networks[0]).toMatchObject({
      name: 'Innovationszirkel Kleine Kommunen',
      memberCount: 8 + DEMO_PEERS.length,
      isModerator: true,
    });
    const coord = await login(ctx.app, demoEmail('kastellaun'), DEMO_PASSWORD);
    const session = (await coord.get('/api/v1/auth/session')).json();
    expect(session.municipalities.map((m: { name: string }) => m.name).sort()).toEqual([
      'Bell (Hunsrück)',
      'Beltheim',
      'Kastellaun',
    ]);
    const d = (await coord.get('/api/v1/dashboard')).json();
    expect(d.departments).toBe(7);
    expect(d.municipality.administeringBody).toMatchObject({ type: 'verbandsgemeinde', name: 'Kastellaun' });
    const admin = await login(ctx.app, demoEmail('admin'), DEMO_PASSWORD);
    expect((await admin.get('/api/v1/auth/session')).json().can.import_directory).toBe(true);
  });

  it('includes a building-yard study of the VG Kastellaun that pays for all three, and a back-office study in calculation', async () => {
    const coord = await login(ctx.app, demoEmail('kastellaun'), DEMO_PASSWORD);
    const list = (await coord.get('/api/v1/shared-services/studies')).json();
    const yard = list.items.find((s: { serviceName: string }) => s.serviceName === 'Bauhof');
    expect(yard).toMatchObject({ lead: 'Kastellaun, Stadt', partners: 3, status: 'live', myStatus: 'accepted' });
    const d = (await coord.get(`/api/v1/shared-services/studies/${yard.id}`)).json();
    expect(d.figures.partners.map((p: { name: string }) => p.name)).toEqual([
      'Kastellaun, Stadt',
      'Bell (Hunsrück)',
      'Beltheim',
    ]);
    expect(d.figures.partners.every((p: { savingsCents: number }) => p.savingsCents > 0)).toBe(true);
    expect(d.vat.taxable).toBe(false);
    const docx = await coord.get(`/api/v1/shared-services/studies/${yard.id}/agreement?format=docx`);
    expect(docx.statusCode).toBe(200);
    // live with two months of work orders: the first month closed, a correction of it in the second
    const base = `/api/v1/shared-services/studies/${yard.id}`;
    const team = await login(ctx.app, demoEmail('bauhof.kastellaun'), DEMO_PASSWORD);
    const queue = (await team.get(`${base}/orders`)).json();
    expect(queue.team).toBe(true);
    expect(queue.items.length).toBeGreaterThan(25);
    expect(new Set(queue.items.map((o: { municipality: { name: string } }) => o.municipality.name)).size).toBe(3);
    expect(queue.items.some((o: { overdue: boolean }) => o.overdue)).toBe(true);
    // the VG's coordinator works for all three; the lead's view is Kastellaun's
    expect((await coord.post('/api/v1/auth/switch', { municipalityId: d.lead.id })).statusCode).toBe(200);
    const st = (await coord.get(`${base}/statements`)).json();
    expect(st.months.length).toBe(3);
    expect(st.months.filter((m: { closed: boolean }) => m.closed).length).toBe(1);
    const previous = (await coord.get(`${base}/statements?month=${st.months[1].month}`)).json();
    expect(previous.lines).toHaveLength(3);
    expect(previous.lines.some((l: { corrections: unknown[] }) => l.corrections.length === 1)).toBe(true);
    const first = (await coord.get(`${base}/statements?month=${st.months[2].month}`)).json();
    expect(first.closed).toBe(true);
    expect(first.lines.every((l: { orders: number; totalCents: number }) => l.totalCents > 0)).toBe(true);
    // Bell's own staff sees its own orders and its own statement line only
    const bell = await login(ctx.app, demoEmail('ortsgemeinde.bell'), DEMO_PASSWORD);
    const own = (await bell.get(`${base}/orders`)).json();
    expect(own.team).toBe(false);
    expect(own.items.every((o: { municipality: { name: string } }) => o.municipality.name === 'Bell (Hunsrück)')).toBe(
      true,
    );
    // the circle added its own service type; its members choose it like a default one
    const catalogue = (await coord.get('/api/v1/shared-services/catalogue')).json();
    expect(
      catalogue.items.find((i: { name: string }) => i.name === 'Gemeinsame Friedhofsverwaltung')?.network,
    ).toBeTruthy();
    const nieheim = await login(ctx.app, demoEmail('nieheim'), DEMO_PASSWORD);
    const office = (await nieheim.get('/api/v1/shared-services/studies')).json().items[0];
    expect(office).toMatchObject({ serviceName: 'Bürgerbüro (Backoffice)', status: 'calculation', partners: 2 });
    const od = (await nieheim.get(`/api/v1/shared-services/studies/${office.id}`)).json();
    expect(od.partners.map((p: { statusQuoVersion: number }) => p.statusQuoVersion)).toEqual([1, 0]);
  });

  it('includes Plön’s published projects: one lighthouse entry for all, one for the circle only', async () => {
    const uslar = await login(ctx.app, demoEmail('uslar'), DEMO_PASSWORD);
    const found = (await uslar.get(`/api/v1/exchange?q=${encodeURIComponent('Terminvergaben')}`)).json();
    expect(found.items[0]).toMatchObject({ title: 'Online-Terminvergabe im Bürgerbüro', lighthouse: true });
    const entry = (await uslar.get(`/api/v1/exchange/${found.items[0].id}`)).json();
    expect(entry.tcoCents).toBeGreaterThan(0);
    expect(entry.template.costs.length).toBeGreaterThan(0);
    expect(entry.can.adopt).toBe(true);
    expect((await uslar.get('/api/v1/exchange')).json().total).toBe(2);
    // Plön's e-invoicing need finds Hünfelden, which opened a similar need for partner search
    const ploen = await login(ctx.app, demoEmail('ploen'), DEMO_PASSWORD);
    const need = (await ploen.get('/api/v1/needs?q=Eingangsrechnungen')).json().items[0];
    const partners = (await ploen.get(`/api/v1/needs/${need.id}/partners`)).json().items;
    expect(partners[0].municipality.name).toBe('Hünfelden');
    expect(partners[0].reasons).toContain('similar_need');
  });

  it('includes the closed pre-survey and the finished special session with its report', async () => {
    const moderator = await login(ctx.app, demoEmail('moderation'), DEMO_PASSWORD);
    const survey = (await moderator.get('/api/v1/surveys')).json().items[0];
    expect(survey).toMatchObject({ status: 'closed', submitted: 8, targets: 8 });
    const results = (await moderator.get(`/api/v1/surveys/${survey.id}/results?groupBy=sizeClass`)).json();
    expect(results.responses).toBe(8);
    // GK6 has 3 answers (< 5); GK7 would reveal it as total minus GK7 → both hidden
    expect(results.hiddenGroups).toBe(2);
    const ws = (await moderator.get('/api/v1/workshops')).json().items[0];
    const detail = (await moderator.get(`/api/v1/workshops/${ws.id}`)).json();
    expect(detail.status).toBe('done');
    expect(detail.items[1].ideas[0]).toMatchObject({
      text: 'Interkommunale Zusammenarbeit, auch kreisübergreifend',
      votes: 7,
    });
    expect(detail.actions).toHaveLength(3);
    const md = await moderator.get(`/api/v1/workshops/${ws.id}/report.md`);
    expect(md.body).toContain('Shared Service: Bauhöfe mit gemeinsamem kaufmännischem Management — 6 Punkte');
    // a member municipality sees the closed survey's results
    const coord = await login(ctx.app, demoEmail('ploen'), DEMO_PASSWORD);
    expect((await coord.get(`/api/v1/surveys/${survey.id}/results`)).json().responses).toBe(8);
  });

  it('gives Plön a portfolio every view can show: ranking, board, timeline, capacity overload, traceability', async () => {
    const coord = await login(ctx.app, demoEmail('ploen'), DEMO_PASSWORD);
    const list = (await coord.get('/api/v1/projects?sort=score&dir=desc')).json();
    expect(list.total).toBe(4);
    expect(list.items[0].title).toBe('Online-Terminvergabe Bürgerbüro');
    expect(list.items[0].overall).toBe('yellow');
    const prio = (await coord.get('/api/v1/priorities')).json();
    expect(prio.projects.filter((p: { rank: number | null }) => p.rank !== null)).toHaveLength(3);
    const cap = (await coord.get('/api/v1/capacity')).json();
    const me = cap.people.find((p: { name: string }) => p.name === 'Digitalisierung Plön');
    expect(me.cells[1]).toMatchObject({ planned: 50, over: true });
    const trace = (await coord.get('/api/v1/traceability')).json();
    expect(
      trace.needs.filter((n: { addressed: boolean }) => !n.addressed).map((n: { title: string }) => n.title),
    ).toEqual(['WLAN in den Sitzungsräumen']);
    expect(trace.projects.filter((p: { linked: boolean }) => !p.linked).map((p: { title: string }) => p.title)).toEqual(
      ['Neue Homepage'],
    );
    expect((await coord.get('/api/v1/timeline')).json().items.length).toBe(4);
    // the cockpit: a milestone due soon, the yellow project, the overload next month, one open need
    const att = (await coord.get('/api/v1/portfolio/attention')).json();
    expect(att.milestones.map((m: { title: string }) => m.title)).toEqual(['Testbetrieb mit zwei Schaltern']);
    expect(att.atRisk).toEqual([
      expect.objectContaining({ title: 'Online-Terminvergabe Bürgerbüro', overall: 'yellow' }),
    ]);
    expect(att.overloads).toEqual([
      expect.objectContaining({ name: 'Digitalisierung Plön', over: expect.any(Number) }),
    ]);
    expect(att.openNeeds).toBe(1);
  });

  it('gives Plön a communication plan: the kickoff template for the e-invoice project and a monthly newsroom item', async () => {
    const coord = await login(ctx.app, demoEmail('ploen'), DEMO_PASSWORD);
    const plan = (await coord.get('/api/v1/communication')).json();
    expect(plan.can.edit).toBe(true);
    const project = plan.items.filter(
      (i: { project: string | null }) => i.project === 'E-Rechnung und digitaler Rechnungsworkflow',
    );
    expect(project.length).toBeGreaterThanOrEqual(4);
    expect(project.some((i: { status: string }) => i.status === 'done')).toBe(true);
    expect(
      plan.items.some((i: { projectId: string | null; cadence: string }) => !i.projectId && i.cadence === 'monthly'),
    ).toBe(true);
  });

  it('gives Plön a process inventory: the starter services, and the business registration modelled with savings', async () => {
    const coord = await login(ctx.app, demoEmail('ploen'), DEMO_PASSWORD);
    const list = (await coord.get('/api/v1/processes/services')).json();
    expect(list.items.length).toBeGreaterThanOrEqual(20);
    // biggest savings first: the only service with a to-be variant
    const [top] = list.items;
    expect(top).toMatchObject({ name: 'Gewerbe anmelden', fromModel: true, models: 2 });
    expect(top.savingsHours).toBeGreaterThan(0);
    const detail = (await coord.get(`/api/v1/processes/services/${top.id}`)).json();
    const toBe = (await coord.get(`/api/v1/processes/models/${detail.modelList[1].id}`)).json();
    // 72 minutes a case before (rework in a fifth of the cases), 37 after; three media breaks fewer
    expect(toBe.analysis.savings).toMatchObject({ mediaBreaksRemoved: 3 });
    expect(toBe.analysis.effort.minutesPerCase).toBeCloseTo(37, 9);
    expect(toBe.analysis.effortErrors).toEqual([]);
    expect(toBe.analysis.findings.filter((f: { category: string }) => f.category === 'error')).toEqual([]);
  });

  it("gives Plön's e-invoice project a staff council check: informed, co-determination likely", async () => {
    const coord = await login(ctx.app, demoEmail('ploen'), DEMO_PASSWORD);
    const plan = (await coord.get('/api/v1/communication')).json();
    const projectId = plan.items.find(
      (i: { project: string | null }) => i.project === 'E-Rechnung und digitaler Rechnungsworkflow',
    ).projectId;
    const check = (await coord.get(`/api/v1/projects/${projectId}/staff-council`)).json();
    expect(check).toMatchObject({ version: 1, status: 'informed', assessment: { level: 'codetermination' } });
    expect(check.informedOn).toEqual(expect.any(String));
  });

  it('gives Plön enough self-assessments for the heatmap, the weakest competence with suggestions and a catalogue', async () => {
    const coord = await login(ctx.app, demoEmail('ploen'), DEMO_PASSWORD);
    const o = (await coord.get('/api/v1/competences/overview')).json();
    expect(o.assessed).toBeGreaterThan(o.threshold);
    expect(o.heatmap.rows.map((r: { department: string }) => r.department).sort()).toEqual(['Bauhof', 'Hauptamt']);
    expect(o.weakest[0]).toMatchObject({ code: '4.2' });
    expect(o.weakest[0].trainings.length).toBeGreaterThan(0);
    expect((await coord.get('/api/v1/competences/shared')).json().people).toHaveLength(3);
    const staff = await login(ctx.app, demoEmail('mitarbeit.ploen'), DEMO_PASSWORD);
    expect((await staff.get('/api/v1/competences/me')).json()).toMatchObject({ version: 0, levels: [] });
  });

  it("puts Plön's pulse trend into the council's progress report", async () => {
    const coord = await login(ctx.app, demoEmail('ploen'), DEMO_PASSWORD);
    const res = await coord.get('/api/v1/communication/progress-report');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('4. Veränderungsbereitschaft der Beschäftigten');
    expect(text).toMatch(/Q\d\/\d{4} 1[12] /);
    expect(text).toContain('Wissen');
  });

  it('gives Plön a change-readiness pulse: two closed rounds, a trend with the administration shown and small groups hidden', async () => {
    const staff = await login(ctx.app, demoEmail('kasse.ploen'), DEMO_PASSWORD);
    const overview = (await staff.get('/api/v1/pulse')).json();
    expect(overview.settings).toMatchObject({ version: 1, enabled: false });
    expect(overview.rounds.map((r: { status: string }) => r.status)).toEqual(['closed', 'closed']);
    expect(overview.currentStarted).toBe(false);
    const trend = (await staff.get('/api/v1/pulse/trend?groupBy=staffGroup')).json();
    expect(trend.rounds.map((r: { responses: number }) => r.responses)).toEqual([11, 12]);
    const latest = Object.fromEntries(
      trend.rounds[1].groups.map((g: { key: string; suppressed: boolean }) => [g.key, g.suppressed]),
    );
    expect(latest).toMatchObject({ '*': false, verwaltung: false, aussendienst: true, azubi: true });
    expect(trend.weakest[0]).toMatchObject({ dimension: 'knowledge', path: '/kompetenzen/qualifizierung' });
  });

  it('gives Plön’s coordinator notifications left by real actions: three unread, two read, no mail sent', async () => {
    const coord = await login(ctx.app, demoEmail('ploen'), DEMO_PASSWORD);
    const list = (await coord.get('/api/v1/notifications')).json();
    type Item = { event: string; title: string; path: string; readAt: string | null };
    const unread = list.items.filter((n: Item) => !n.readAt).map((n: Item) => n.event);
    const read = list.items.filter((n: Item) => n.readAt).map((n: Item) => n.event);
    expect(list.unread).toBe(3);
    expect(unread.sort()).toEqual(['contact_request', 'exchange_post', 'mention']);
    expect(read.sort()).toEqual(['exchange_post', 'mention']);
    // newest first: the unread ones on top
    expect(list.items.slice(0, 3).every((n: Item) => !n.readAt)).toBe(true);
    // each one is what the action left behind: the request waits in the contact requests, the comment names her
    const requests = (await coord.get('/api/v1/contact-requests')).json();
    expect(requests.incoming.map((r: { municipality: string }) => r.municipality)).toContain('Nieheim, Stadt');
    const mention = list.items.find((n: Item) => n.event === 'mention' && !n.readAt);
    const project = (await coord.get(`/api/v1${mention.path.replace('/projekte/', '/projects/')}`)).json();
    expect(project.title).toBe('E-Rechnung und digitaler Rechnungsworkflow');
    expect(project.comments[0]).toMatchObject({ author: 'Hauptamtsleitung Plön', mentions: ['Digitalisierung Plön'] });
    const mails = await ctx.db
      .selectFrom('mailOutbox')
      .select('id')
      .where('recipient', '=', demoEmail('ploen'))
      .execute();
    expect(mails).toEqual([]);
  });
});
