import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function tenant(role: 'admin' | 'coordinator' | 'staff' | 'council' | 'mayor' = 'admin', population = 9_999) {
  const m = await buildMunicipality(ctx.db, { population });
  const u = await buildUser(ctx.db, { municipalityId: m.id, role });
  return { m, u, c: await login(ctx.app, u.email) };
}

describe('dashboard', () => {
  it('shows my municipality with its KGSt size class derived from the population', async () => {
    for (const [population, gk] of [
      [9_999, 7],
      [10_000, 6],
      [24_999, 6],
      [25_000, 5],
    ] as const) {
      const { c } = await tenant('council', population);
      const d = (await c.get('/api/v1/dashboard')).json();
      expect(d.municipality.sizeClass).toBe(gk);
      expect(d.departments).toBe(7);
      expect(d.members).toBe(1);
    }
  });
});

describe('master data', () => {
  it('lets the admin correct data with version check, validating the ARS against the AGS', async () => {
    const { m, c } = await tenant('admin');
    const ok = await c.patch(`/api/v1/municipalities/${m.id}`, {
      version: 1,
      name: 'Neustadt am Test, Stadt',
      ars: m.ars,
      population: 10_500,
      populationDate: '2025-06-30',
      areaKm2: 12.34,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      shortName: 'Neustadt am Test',
      sizeClass: 6,
      version: 2,
      populationDate: '2025-06-30',
    });
    const stale = await c.patch(`/api/v1/municipalities/${m.id}`, { version: 1, name: 'Alt', population: 1 });
    expect(stale.statusCode).toBe(409);
    const mismatch = await c.patch(`/api/v1/municipalities/${m.id}`, {
      version: 2,
      name: 'Neustadt',
      population: 10_500,
      ars: `${m.ags.slice(0, 5)}0000999`,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0]).toMatchObject({ path: 'body.ars', code: 'ars_mismatch' });
    const negative = await c.patch(`/api/v1/municipalities/${m.id}`, { version: 2, name: 'Neustadt', population: -5 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].path).toBe('body.population');
  });

  it('forbids coordinators to edit master data and hides other municipalities behind 404', async () => {
    const { m, c } = await tenant('coordinator');
    expect(
      (await c.patch(`/api/v1/municipalities/${m.id}`, { version: 1, name: 'Xyz', population: 5 })).statusCode,
    ).toBe(403);
    const other = await buildMunicipality(ctx.db);
    const admin = await tenant('admin');
    expect(
      (await admin.c.patch(`/api/v1/municipalities/${other.id}`, { version: 1, name: 'Xyz', population: 5 }))
        .statusCode,
    ).toBe(404);
  });
});

describe('directory', () => {
  it('filters by Land, size class and name and pages the result', async () => {
    const { c } = await tenant('staff');
    await buildMunicipality(ctx.db, { name: 'Zwergdorf', population: 300, landCode: '16' });
    await buildMunicipality(ctx.db, { name: 'Zwergstadt', population: 12_000, landCode: '16' });
    const byName = (await c.get('/api/v1/municipalities?q=zwerg&land=16')).json();
    expect(byName.items.map((x: { name: string }) => x.name).sort()).toEqual(['Zwergdorf', 'Zwergstadt']);
    const gk7 = (await c.get('/api/v1/municipalities?q=zwerg&sizeClass=7')).json();
    expect(gk7.items.every((x: { sizeClass: number }) => x.sizeClass === 7)).toBe(true);
    expect(gk7.items.some((x: { name: string }) => x.name === 'Zwergdorf')).toBe(true);
    const paged = (await c.get('/api/v1/municipalities?pageSize=2&page=1&sort=-population')).json();
    expect(paged.items).toHaveLength(2);
    expect(paged.items[0].population).toBeGreaterThanOrEqual(paged.items[1].population);
    expect(paged.total).toBeGreaterThan(2);
    expect((await c.get('/api/v1/municipalities?sizeClass=9')).statusCode).toBe(400);
    expect((await c.get('/api/v1/municipalities?q=%25')).statusCode).toBe(200);
  });
});

describe('departments', () => {
  it('creates, renames (versioned), rejects duplicates and deletes', async () => {
    const { c } = await tenant('coordinator');
    const created = await c.post('/api/v1/departments', { code: '41', name: 'Kultur und Sport' });
    expect(created.statusCode).toBe(201);
    const d = created.json();
    expect((await c.post('/api/v1/departments', { name: 'Kultur und Sport' })).statusCode).toBe(409);
    const renamed = await c.patch(`/api/v1/departments/${d.id}`, {
      version: 1,
      code: '41',
      name: 'Kultur, Sport und Ehrenamt',
    });
    expect(renamed.json()).toMatchObject({ name: 'Kultur, Sport und Ehrenamt', version: 2 });
    expect((await c.patch(`/api/v1/departments/${d.id}`, { version: 1, name: 'Verloren' })).statusCode).toBe(409);
    expect((await c.del(`/api/v1/departments/${d.id}`)).statusCode).toBe(200);
    const list = (await c.get('/api/v1/departments')).json();
    expect(list.items.some((x: { id: string }) => x.id === d.id)).toBe(false);
  });

  it('restores the KGSt default set when all were deleted', async () => {
    const { c } = await tenant('admin');
    for (const d of (await c.get('/api/v1/departments')).json().items) await c.del(`/api/v1/departments/${d.id}`);
    expect((await c.get('/api/v1/departments')).json().items).toHaveLength(0);
    await c.post('/api/v1/departments/defaults');
    const names = (await c.get('/api/v1/departments')).json().items.map((d: { name: string }) => d.name);
    expect(names).toEqual(expect.arrayContaining(['Hauptamt', 'Kämmerei', 'Bauhof']));
  });

  it('is read-only for council members', async () => {
    const { c } = await tenant('council');
    expect((await c.get('/api/v1/departments')).json().can.manage).toBe(false);
    expect((await c.post('/api/v1/departments', { name: 'Rat' })).statusCode).toBe(403);
  });
});
