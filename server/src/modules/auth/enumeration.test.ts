import * as argon2 from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildUser } from '../../../test/factories.js';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/helpers.js';
import { buildApp } from '../../app.js';

// every argon2 verification goes through this spy, so the tests see whether a hash check ran
vi.mock('@node-rs/argon2', async (original) => {
  const real = await original<typeof import('@node-rs/argon2')>();
  return { ...real, verify: vi.fn(real.verify) };
});
const verify = vi.mocked(argon2.verify);

/** Security review (issue 15, item 8): sign-in and password reset do not tell which accounts exist. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** What a client can compare between two answers (request id, date and the per-client counter aside). */
function visible(r: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  const {
    'x-request-id': _id,
    date: _date,
    'x-ratelimit-remaining': _remaining,
    'x-ratelimit-reset': _reset,
    ...headers
  } = r.headers;
  return { status: r.statusCode, headers, body: r.body };
}

describe('sign-in', () => {
  it('checks a password hash for unknown emails too, and answers alike', async () => {
    const u = await buildUser(ctx.db);
    const attempt = async (email: string) => {
      verify.mockClear();
      const r = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'falsches passwort' },
      });
      return { r, hashChecks: verify.mock.calls.map(([hash]) => String(hash).slice(0, 10)) };
    };
    const known = await attempt(u.email);
    const unknown = await attempt('gibt-es-nicht@example.org');
    expect(known.hashChecks).toEqual(['$argon2id$']);
    expect(unknown.hashChecks).toEqual(['$argon2id$']);
    expect(visible(unknown.r)).toEqual(visible(known.r));
    expect(known.r.statusCode).toBe(401);
  });
});

describe('password reset request', () => {
  let gated: FastifyInstance;
  let open: () => void = () => {};
  const sent: string[] = [];
  beforeAll(async () => {
    // a mailer that holds every mail until the test opens the gate
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    gated = await buildApp({
      config: ctx.config,
      db: ctx.db,
      listen: ctx.listen,
      logger: false,
      mailer: {
        send: async (m) => {
          await gate;
          sent.push(m.to);
        },
      },
    });
    await gated.ready();
  });
  afterAll(async () => {
    open();
    await gated?.close();
  });

  it('answers known and unknown emails alike, before any mail is sent', async () => {
    const u = await buildUser(ctx.db);
    const ask = (email: string) =>
      gated.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
    const known = await ask(u.email);
    const unknown = await ask('gibt-es-auch-nicht@example.org');
    expect(known.statusCode).toBe(202);
    expect(visible(unknown)).toEqual(visible(known));
    // the answer for the existing account came while its mail was still held back
    expect(sent).toEqual([]);
    open();
    await gated.detached.settled();
    expect(sent).toEqual([u.email]);
    const tokens = await ctx.db.selectFrom('tokens').select('userId').where('purpose', '=', 'password_reset').execute();
    expect(tokens.map((t) => t.userId)).toEqual([u.id]);
  });
});

describe('control', () => {
  it('signs in with the right password (the spy passes through)', async () => {
    const u = await buildUser(ctx.db);
    const r = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: TEST_PASSWORD },
    });
    expect(r.statusCode).toBe(200);
  });
});
