import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC } from '../src/modules/exchange/exchange.test-data.js';
import { buildMunicipality, buildNetwork, buildUser } from './factories.js';
import { type Client, createTestContext, login, type TestContext } from './helpers.js';

/**
 * Issue 24: with the session scope cached, each main read endpoint sends one data statement (counts,
 * totals and joins folded into it). The endpoints are those of bench/load.bench.ts.
 */
let ctx: TestContext;
let admin: Client;
let networkId = '';

beforeAll(async () => {
  ctx = await createTestContext();
  const a = await buildMunicipality(ctx.db, { name: 'Gemeinde Rundweg', population: 9_000, landCode: '09' });
  const b = await buildMunicipality(ctx.db, { population: 8_000, landCode: '09' });
  const user = await buildUser(ctx.db, { municipalityId: a.id, role: 'admin' });
  networkId = (await buildNetwork(ctx.db, user.id, [a.id, b.id])).id;
  admin = await login(ctx.app, user.email);
  for (let i = 0; i < 3; i++) {
    const res = await admin.post('/api/v1/projects', {
      title: `Digitaler Bauhof ${i}`,
      description: 'Mängel digital melden',
      startsOn: '2026-01-01',
      endsOn: `2026-0${i + 4}-30`,
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    await admin.post(`/api/v1/projects/${id}/milestones`, { title: 'Pilot', dueOn: '2026-03-01' });
    if (i === 0) {
      const pub = await admin.put(`/api/v1/projects/${id}/publication`, { ...PUBLIC, documentIds: [] });
      expect(pub.statusCode).toBe(200);
    }
  }
}, 60_000);
afterAll(() => ctx?.close());

/** The statements one request sends after a warm-up request to the same URL (so the scope is cached). */
async function statementsOf(url: string) {
  expect((await admin.get(url)).statusCode).toBe(200);
  const before = ctx.statements();
  const res = await admin.get(url);
  return { res, statements: ctx.statements() - before };
}

describe('one data statement per main read endpoint (scope cached)', () => {
  it('dashboard', async () => {
    const { res, statements } = await statementsOf('/api/v1/dashboard');
    expect(res.json()).toMatchObject({
      municipality: { name: 'Gemeinde Rundweg', sizeClass: 7 },
      members: 1,
      networks: [{ id: networkId, memberCount: 2 }],
    });
    expect(res.json().landPeers.sameSizeClass).toBeGreaterThanOrEqual(2);
    expect(statements).toBe(1);
  });

  it('municipality directory with filters, also past the last page', async () => {
    const { res, statements } = await statementsOf(
      '/api/v1/municipalities?land=09&sizeClass=7&sort=-population&page=1&pageSize=50',
    );
    expect(res.json().items.length).toBeGreaterThanOrEqual(2);
    expect(statements).toBe(1);
    const past = await statementsOf('/api/v1/municipalities?land=09&sizeClass=7&sort=-population&page=999&pageSize=50');
    expect(past.res.json()).toMatchObject({ items: [], total: res.json().total });
    expect(past.statements).toBe(1);
  });

  it('network with members and moderators', async () => {
    const { res, statements } = await statementsOf(`/api/v1/networks/${networkId}`);
    expect(res.json().members).toHaveLength(2);
    expect(res.json().moderators).toHaveLength(1);
    expect(statements).toBe(1);
  });

  it('audit log, page 2 (past the end still tells the total)', async () => {
    const { res, statements } = await statementsOf('/api/v1/audit?page=2&pageSize=50');
    expect(res.json().items).toEqual([]);
    expect(res.json().total).toBeGreaterThan(0);
    expect(statements).toBe(1);
    expect((await statementsOf('/api/v1/audit?page=1&pageSize=2')).res.json().items).toHaveLength(2);
  });

  it('project portfolio sorted by end', async () => {
    const { res, statements } = await statementsOf('/api/v1/projects?sort=endsOn&pageSize=50&page=2');
    expect(res.json().items).toEqual([]);
    expect(statements).toBe(1);
    const first = await statementsOf('/api/v1/projects?sort=endsOn&pageSize=2&page=1');
    expect(first.res.json().total).toBe(3);
    expect(first.res.json().items.map((p: { endsOn: string }) => p.endsOn)).toEqual(['2026-04-30', '2026-05-30']);
    expect(first.statements).toBe(1);
  });

  it('timeline', async () => {
    const { res, statements } = await statementsOf('/api/v1/timeline?from=2026-01-01&to=2026-12-31');
    expect(res.json().items).toHaveLength(3);
    expect(statements).toBe(1);
  });

  it('exchange full-text search with facets', async () => {
    const { res, statements } = await statementsOf(`/api/v1/exchange?q=${encodeURIComponent('Bauhöfe')}`);
    expect(res.json().total).toBe(1);
    expect(res.json().facets.kreis).toHaveLength(1);
    expect(statements).toBe(1);
    const filtered = await statementsOf('/api/v1/exchange?q=Bauhof&land=09&stage=completed');
    expect(filtered.res.json().items).toHaveLength(1);
    expect(filtered.statements).toBe(1);
  });
});
