import { problem } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from './factories.js';
import { type Client, createTestContext, login, type TestContext } from './helpers.js';

/**
 * Field errors name the limit that was broken (code and params), so the web app says "höchstens 200
 * Zeichen" at the field exactly as for its own checks — and never echo the input.
 */
let ctx: TestContext;
let coordinator: Client;
let moderator: Client;
let networkId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const m = await buildMunicipality(ctx.db);
  coordinator = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
  const mod = await buildUser(ctx.db);
  networkId = (await buildNetwork(ctx.db, mod.id, [m.id])).id;
  moderator = await login(ctx.app, mod.email);
});
afterAll(() => ctx?.close());

describe('field errors carry their limit', () => {
  it('a too long text: too_big with the maximum length, the input not echoed', async () => {
    const long = 'Bauhof'.repeat(40);
    const res = await coordinator.post('/api/v1/needs', { title: long, source: 'department' });
    expect(res.statusCode).toBe(400);
    const body = problem.parse(res.json());
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toContainEqual(
      expect.objectContaining({
        path: 'body.title',
        code: 'too_big',
        params: { origin: 'string', maximum: 200, inclusive: true },
      }),
    );
    expect(res.body).not.toContain(long);
  });

  it('too short texts, numbers out of range and too many entries name their bounds', async () => {
    const short = await coordinator.post('/api/v1/needs', { title: 'ab', source: 'department' });
    expect(short.json().errors).toContainEqual(
      expect.objectContaining({
        path: 'body.title',
        code: 'too_small',
        params: expect.objectContaining({ minimum: 3 }),
      }),
    );
    const votes = await moderator.post('/api/v1/workshops', {
      networkId,
      title: 'Sitzung',
      heldOn: '2026-06-10',
      votesPerPerson: 25,
    });
    expect(votes.statusCode).toBe(400);
    expect(votes.json().errors).toContainEqual(
      expect.objectContaining({
        path: 'body.votesPerPerson',
        code: 'too_big',
        params: expect.objectContaining({ origin: 'number', maximum: 20 }),
      }),
    );
  });

  it('format errors name the format; errors without a limit have no params', async () => {
    const res = await moderator.post('/api/v1/workshops', { networkId, title: 'Sitzung', heldOn: '10.06.2026' });
    const heldOn = res.json().errors.find((e: { path: string }) => e.path === 'body.heldOn');
    expect(heldOn).toMatchObject({ code: 'invalid_format', params: { origin: 'string', format: 'date' } });
    const missing = await moderator.post('/api/v1/workshops', { networkId, heldOn: '2026-06-10' });
    const title = missing.json().errors.find((e: { path: string }) => e.path === 'body.title');
    expect(title.code).toBe('invalid_type');
    expect(title.params).toEqual({ expected: 'string' });
  });
});
