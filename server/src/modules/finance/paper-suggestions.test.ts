import { costLine, PROJECT_TEMPLATES, populationFactor, riskCreate } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
let own: Client; // Gemeinde Ost, 12,000 inhabitants: prepares its first council paper
let ownStaff: Client;
let pub: Client; // Gemeinde West, 8,000 inhabitants: publishes in the exchange
let closed: Client; // Gemeinde Nord: publishes to its own network only
const names = { own: 'Gemeinde Ost', pub: 'Gemeinde West', closed: 'Gemeinde Nord' };

const ENTRY = {
  version: 0,
  visibility: 'all',
  problem: 'Rechnungen kamen auf Papier und lagen lange in den Ämtern.',
  solution: 'Digitaler Rechnungsworkflow mit XRechnung-Eingang.',
  results: 'Rechnungen in fünf Tagen bezahlt.',
  lessons: 'Kämmerei früh einbinden.',
  fieldOfAction: 'Interne Prozesse und E-Akte',
  stage: 'completed',
  contactRole: 'Kämmerei',
};

/** A project with one cost line and one risk, published under `title`. */
async function publish(c: Client, title: string, over: Record<string, unknown> = {}) {
  const id = (await c.post('/api/v1/projects', { title, startsOn: '2026-01-01' })).json().id as string;
  const plan = await c.put(`/api/v1/projects/${id}/finance`, {
    version: 0,
    costs: [
      {
        kind: 'one_time',
        category: 'investment',
        label: `${title}: Software`,
        year: 0,
        min: 800_000,
        likely: 1_000_000,
        max: 1_600_000,
        vat: true,
      },
    ],
  });
  expect(plan.statusCode, plan.body).toBe(200);
  await c.post(`/api/v1/projects/${id}/risks`, {
    title: `${title}: Rechnungsformate uneinheitlich`,
    category: 'technical',
    probability: 40,
    costMin: 100_000,
    costLikely: 200_000,
    costMax: 400_000,
    weeks: 3,
    mitigation: 'Lieferanten anschreiben',
  });
  const res = await c.put(`/api/v1/projects/${id}/publication`, { ...ENTRY, title, ...over });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const O = await buildMunicipality(ctx.db, { name: names.own, population: 12_000 });
  const W = await buildMunicipality(ctx.db, { name: names.pub, population: 8_000 });
  const N = await buildMunicipality(ctx.db, { name: names.closed, population: 5_000 });
  const ownUser = await buildUser(ctx.db, { municipalityId: O.id, role: 'coordinator' });
  const ownStaffUser = await buildUser(ctx.db, { municipalityId: O.id, role: 'staff' });
  const pubUser = await buildUser(ctx.db, { municipalityId: W.id, role: 'coordinator' });
  const closedUser = await buildUser(ctx.db, { municipalityId: N.id, role: 'coordinator' });
  const mod = await buildUser(ctx.db, {});
  const net = await buildNetwork(ctx.db, mod.id, [N.id]);
  [own, ownStaff, pub, closed] = await Promise.all([
    login(ctx.app, ownUser.email),
    login(ctx.app, ownStaffUser.email),
    login(ctx.app, pubUser.email),
    login(ctx.app, closedUser.email),
  ]);
  await publish(pub, 'E-Rechnung im Rathaus West');
  // not offered: costs not shared, or published to a network Ost is not in, or Ost's own entry
  await publish(pub, 'Rechnungseingang ohne Kosten', { shareCosts: false });
  await publish(closed, 'E-Rechnung im Verbund Nord', { visibility: 'networks', networkIds: [net.id] });
  await publish(own, 'E-Rechnung Ost (eigene)');
});
afterAll(() => ctx?.close());

describe('defaults for the first council paper', () => {
  it('guesses the type from the title and prefills the template scaled to the population, with staff hours', async () => {
    const id = (await own.post('/api/v1/projects', { title: 'E-Rechnung für alle Ämter' })).json().id;
    const res = await own.get(`/api/v1/projects/${id}/paper-suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ type: 'e_invoice', guessed: true, population: 12_000 });
    expect(s.settings).toEqual({
      discountRate: 0.009,
      discountRateSource: expect.stringContaining('BMF'),
      horizonYears: 5,
    });
    const template = s.sources[0];
    expect(template).toMatchObject({ kind: 'template', id: 'template', municipality: null, factor: 1.2 });
    expect(template.costs.map((c: { label: string }) => c.label)).toEqual(
      PROJECT_TEMPLATES.e_invoice.costs.map((c) => c.label),
    );
    // 10,000 € for 10,000 inhabitants → 12,000 € for 12,000
    expect(template.costs[0]).toMatchObject({ min: 960_000, likely: 1_200_000, max: 1_800_000, vat: true });
    for (const c of template.costs) expect(costLine.safeParse(c).success).toBe(true);
    expect(s.staff).toEqual(PROJECT_TEMPLATES.e_invoice.staff);
    // risk suggestions: every category once, each one a valid risk of the register
    expect(s.risks.map((g: { category: string }) => g.category)).toHaveLength(6);
    for (const g of s.risks) for (const r of g.items) expect(riskCreate.safeParse(r).success, r.title).toBe(true);
  });

  it('offers the cost lines and risks of comparable published projects the municipality may see, scaled', async () => {
    const id = (await own.post('/api/v1/projects', { title: 'Digitaler Rechnungseingang' })).json().id;
    const s = (await own.get(`/api/v1/projects/${id}/paper-suggestions`)).json();
    const exchange = s.sources.filter((x: { kind: string }) => x.kind === 'exchange');
    expect(exchange.map((x: { title: string }) => x.title)).toEqual(['E-Rechnung im Rathaus West']);
    const west = exchange[0];
    const factor = populationFactor(12_000, 8_000);
    expect(west).toMatchObject({ municipality: names.pub, population: 8_000, factor });
    expect(west.costs).toEqual([
      {
        kind: 'one_time',
        category: 'investment',
        label: 'E-Rechnung im Rathaus West: Software',
        year: 0,
        min: 1_200_000,
        likely: 1_500_000,
        max: 2_400_000,
        vat: true,
      },
    ]);
    // the published risk leads its category, scaled and named with its source
    const technical = s.risks.find((g: { category: string }) => g.category === 'technical');
    expect(technical.items[0]).toMatchObject({
      title: 'E-Rechnung im Rathaus West: Rechnungsformate uneinheitlich',
      costLikely: 300_000,
      source: names.pub,
    });
    const all = JSON.stringify(s);
    for (const hidden of ['Verbund Nord', 'ohne Kosten', 'Ost (eigene)']) expect(all).not.toContain(hidden);
  });

  it('takes the type the user chose; an unknown type is a 400 with the field named', async () => {
    const id = (await own.post('/api/v1/projects', { title: 'E-Rechnung' })).json().id;
    const dms = (await own.get(`/api/v1/projects/${id}/paper-suggestions?type=dms`)).json();
    expect(dms).toMatchObject({ type: 'dms', guessed: false });
    expect(dms.sources[0].title).toBe(PROJECT_TEMPLATES.dms.label);
    // read-only roles of the municipality see the same suggestions
    expect((await ownStaff.get(`/api/v1/projects/${id}/paper-suggestions?type=dms`)).statusCode).toBe(200);
    const bad = await own.get(`/api/v1/projects/${id}/paper-suggestions?type=raumfahrt`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('type');
  });

  it('another municipality’s project is not found; without a session there is nothing', async () => {
    const id = (await own.post('/api/v1/projects', { title: 'E-Rechnung intern' })).json().id;
    expect((await pub.get(`/api/v1/projects/${id}/paper-suggestions`)).statusCode).toBe(404);
    expect((await closed.get(`/api/v1/projects/${id}/paper-suggestions`)).statusCode).toBe(404);
    const anon = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${id}/paper-suggestions` });
    expect(anon.statusCode).toBe(401);
  });
});
