import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { compiledQuery } from './compiled.js';

/** A statement compiled once per shape must answer every later call with that call's values, never the first's. */
let ctx: TestContext;
const names: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  for (const [landCode, population] of [
    ['09', 1_000],
    ['09', 2_000],
    ['05', 3_000],
  ] as const) {
    names.push((await buildMunicipality(ctx.db, { landCode, population, name: `Kompiliert ${population}` })).name);
  }
}, 60_000);
afterAll(() => ctx?.close());

const query = compiledQuery((db, v: { prefix: string; land?: string; min?: number; limit: number }, shape) => {
  let q = db.selectFrom('municipalities').select(['name', 'population', 'landCode']).where('name', 'like', v.prefix);
  if (v.land) q = q.where('landCode', '=', v.land);
  if (v.min !== undefined) q = q.where('population', '>=', v.min);
  return q.orderBy('population', shape === 'desc' ? 'desc' : 'asc').limit(v.limit);
});

describe('compiledQuery', () => {
  it('binds each call’s values into the statement compiled for its shape', async () => {
    const run = (shape: string, v: { land?: string; min?: number; limit?: number }) =>
      query(ctx.db, shape, { prefix: 'Kompiliert %', limit: 10, ...v }).then((rows) => rows.map((r) => r.population));
    expect(await run('asc', { land: '09' })).toEqual([1_000, 2_000]);
    expect(await run('asc', { land: '05' })).toEqual([3_000]);
    // a filter left out is absent from the statement, not bound as null
    expect(await run('asc', {})).toEqual([1_000, 2_000, 3_000]);
    expect(await run('asc', { land: undefined, min: 2_000 })).toEqual([2_000, 3_000]);
    expect(await run('asc', { land: '09', min: 1_500 })).toEqual([2_000]);
    expect(await run('desc', { limit: 2 })).toEqual([3_000, 2_000]);
    expect(await run('asc', { limit: 1 })).toEqual([1_000]);
    // rows come back through the camelCase plugin like any other statement
    const [row] = await query(ctx.db, 'asc', { prefix: names[0]!, limit: 1 });
    expect(row).toEqual({ name: names[0], population: 1_000, landCode: '09' });
  });
});
