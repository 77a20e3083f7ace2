import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from '../src/plugins/serialize.js';
import { buildMunicipality, buildUser } from './factories.js';
import { createTestContext, login, type TestContext } from './helpers.js';

const AT = new Date('2026-03-04T05:06:07.089Z');

// the idea list of the real app, with fields its contract does not name (as a careless query could return them)
vi.mock('../src/modules/ideas/ideas.service.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/modules/ideas/ideas.service.js')>();
  return {
    ...actual,
    listIdeas: async (...args: Parameters<typeof actual.listIdeas>) => {
      const list = await actual.listIdeas(...args);
      return {
        ...list,
        passwordHash: 'secret-top',
        items: list.items.map((i) => ({ ...i, createdAt: AT, submittedByEmail: 'secret-nested@example.org' })),
      };
    },
  };
});

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('responses are written from the contract', () => {
  it('drops fields outside the contract, also inside arrays, and writes dates as ISO strings', async () => {
    const m = await buildMunicipality(ctx.db);
    const staff = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
    expect((await staff.post('/api/v1/ideas', { title: 'Digitale Urlaubsanträge' })).statusCode).toBe(201);
    const res = await staff.get('/api/v1/ideas');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('secret');
    const list = res.json();
    expect(Object.keys(list).sort()).toEqual(['can', 'items']);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).not.toHaveProperty('submittedByEmail');
    expect(list.items[0].title).toBe('Digitale Urlaubsanträge');
    expect(list.items[0].createdAt).toBe('2026-03-04T05:06:07.089Z');
  });

  it('handles nullable, optional, unions, records, dates and unknown values like the Zod contract', async () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setSerializerCompiler(serializerCompiler);
    const item = z.object({ id: z.string(), note: z.string().nullable(), at: z.date().optional() });
    const shape = z.object({
      items: z.array(item),
      maybe: item.nullable(),
      choice: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('a'), a: z.number() }),
        z.object({ kind: z.literal('b'), b: z.string() }),
      ]),
      byKey: z.record(z.string(), z.object({ n: z.number().int() })),
      anything: z.unknown(),
      count: z.number().int().default(0),
    });
    const data = {
      items: [
        { id: '1', note: null, at: AT, secret: 'x' },
        { id: '2', note: 'n', secret: 'y' },
      ],
      maybe: { id: '3', note: 'm', secret: 'z' },
      choice: { kind: 'b', b: 'bee', secret: 'w' },
      byKey: { k: { n: 1, secret: 'v' } },
      anything: { free: ['form', 1] },
      count: 2,
      secret: 'top',
    };
    app.get('/x', { schema: { response: { 200: shape } } }, async () => data as never);
    app.get('/null', { schema: { response: { 200: shape } } }, async () => ({ ...data, maybe: null }) as never);
    app.get('/text', { schema: { response: { 200: shape } } }, async (_req, reply) =>
      reply.type('text/csv').send('a;b\n1;2\n' as never),
    );
    const res = await app.inject({ url: '/x' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('secret');
    expect(res.json()).toEqual({
      items: [
        { id: '1', note: null, at: AT.toISOString() },
        { id: '2', note: 'n' },
      ],
      maybe: { id: '3', note: 'm' },
      choice: { kind: 'b', b: 'bee' },
      byKey: { k: { n: 1 } },
      anything: { free: ['form', 1] },
      count: 2,
    });
    expect((await app.inject({ url: '/null' })).json().maybe).toBeNull();
    // strings (files) are sent as they are
    expect((await app.inject({ url: '/text' })).body).toBe('a;b\n1;2\n');
    await app.close();
  });

  it('answers 500 instead of sending a response that lacks a required field', async () => {
    const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
    app.setSerializerCompiler(serializerCompiler);
    app.get('/x', { schema: { response: { 200: z.object({ id: z.string() }) } } }, async () => ({}) as never);
    expect((await app.inject({ url: '/x' })).statusCode).toBe(500);
    await app.close();
  });
});
