import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import {
  clientFromCookie,
  createTestContext,
  lastMailLink,
  login,
  sessionCookie,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/helpers.js';
import { loginBackoffSeconds } from './auth.policy.js';
import { ensureSetupLink } from './auth.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ loginMaxFailures: 3 });
});
afterAll(() => ctx?.close());

describe('login and session', () => {
  it('signs in with email and password and returns the scope with can-flags', async () => {
    const m = await buildMunicipality(ctx.db, { population: 9_999 });
    const u = await buildUser(ctx.db, {
      municipalityId: m.id,
      role: 'coordinator',
      email: 'Mixed.Case@Example.org'.toLowerCase(),
    });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'MIXED.case@example.org', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'dz_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const c = await clientFromCookie(ctx.app, sessionCookie(res));
    const s = (await c.get('/api/v1/auth/session')).json();
    expect(s.user.id).toBe(u.id);
    expect(s.activeMunicipalityId).toBe(m.id);
    expect(s.roles).toEqual(['coordinator']);
    expect(s.can.invite).toBe(true);
    expect(s.can.view_audit).toBe(false);
  });

  it('rejects a wrong password with 401 and the same answer for unknown accounts', async () => {
    const u = await buildUser(ctx.db);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: 'nope-nope-nope' },
    });
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.org', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().code).toBe('invalid_credentials');
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('backs off the attacking client only: the owner still signs in from elsewhere', async () => {
    const u = await buildUser(ctx.db);
    const attacker = '203.0.113.66';
    const attempt = (email: string, password: string, remoteAddress: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });
    const codes: number[] = [];
    for (let i = 0; i < 20; i++) codes.push((await attempt(u.email, `wrong-password-${i}`, attacker)).statusCode);
    // loginMaxFailures = 3 in this file: three answers 401, then the client waits
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(new Set(codes.slice(3))).toEqual(new Set([429]));
    const owner = await attempt(u.email, TEST_PASSWORD, '198.51.100.7');
    expect(owner.statusCode).toBe(200);
    // the attacking client stays backed off even with the right password, and is told how long
    const still = await attempt(u.email, TEST_PASSWORD, attacker);
    expect(still.statusCode).toBe(429);
    expect(still.json().code).toBe('rate_limited');
    expect(Number(still.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // a client that failed before signs in again once its wait is over, and its count starts anew
    await ctx.db
      .updateTable('loginThrottles')
      .set({ blockedUntil: new Date(Date.now() - 1000) })
      .execute();
    expect((await attempt(u.email, TEST_PASSWORD, attacker)).statusCode).toBe(200);
    expect((await attempt(u.email, 'wrong-again-1', attacker)).statusCode).toBe(401);
  });

  it('waits twice as long after each further failure, capped', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((f) => loginBackoffSeconds(f, 3, 900))).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(loginBackoffSeconds(40, 3, 900)).toBe(900);
    expect(loginBackoffSeconds(10_000, 3, 900)).toBe(900);
  });

  it('backs off a client that sprays many accounts (global per-client limit)', async () => {
    const limited = await createTestContext({ loginMaxFailures: 100, loginIpMaxFailures: 4 });
    try {
      const u = await buildUser(limited.db);
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `spray-${i}@example.org`, password: 'whatever-123' },
          remoteAddress: '203.0.113.99',
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
      const other = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: TEST_PASSWORD },
        remoteAddress: '203.0.113.99',
      });
      expect(other.statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('answers an unknown email exactly like a known one, also during the backoff', async () => {
    const u = await buildUser(ctx.db);
    const run = async (email: string, remoteAddress: string) => {
      const out: { status: number; body: Record<string, unknown> }[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password: `wrong-password-${i}` },
          remoteAddress,
        });
        const { retryAfterSeconds: _, ...body } = r.json();
        out.push({ status: r.statusCode, body });
      }
      return out;
    };
    const known = await run(u.email, '192.0.2.10');
    const unknown = await run('niemand-hier@example.org', '192.0.2.11');
    expect(unknown).toEqual(known);
    expect(known.map((k) => k.status)).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const m = await buildMunicipality(ctx.db);
    const u = await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' });
    const c = await login(ctx.app, u.email);
    const without = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: c.cookie },
      payload: { name: 'Ohne Token' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: c.cookie, 'x-csrf-token': 'x' },
      payload: { name: 'Falsches Token' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await c.post('/api/v1/departments', { name: 'Mit Token' })).statusCode).toBe(201);
  });

  it('logs out one session, and everywhere ends all sessions of the user', async () => {
    const u = await buildUser(ctx.db);
    const a = await login(ctx.app, u.email);
    const b = await login(ctx.app, u.email);
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await a.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await b.get('/api/v1/auth/session')).statusCode).toBe(200);
    const c = await login(ctx.app, u.email);
    expect((await c.post('/api/v1/auth/logout-everywhere')).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('switches between the municipalities a user belongs to, never to another one', async () => {
    const m1 = await buildMunicipality(ctx.db, { name: 'Aadorf' });
    const m2 = await buildMunicipality(ctx.db, { name: 'Bebach' });
    const other = await buildMunicipality(ctx.db);
    const u = await buildUser(ctx.db, { municipalityId: m1.id, role: 'coordinator' });
    await ctx.db.insertInto('memberships').values({ userId: u.id, municipalityId: m2.id, role: 'staff' }).execute();
    const c = await login(ctx.app, u.email);
    const s = (await c.get('/api/v1/auth/session')).json();
    expect(s.municipalities.map((x: { id: string }) => x.id).sort()).toEqual([m1.id, m2.id].sort());
    expect((await c.post('/api/v1/auth/switch', { municipalityId: m2.id })).statusCode).toBe(200);
    const after = (await c.get('/api/v1/auth/session')).json();
    expect(after.activeMunicipalityId).toBe(m2.id);
    expect(after.roles).toEqual(['staff']);
    // the next sign-in starts where the person last worked (either way round, whatever the names)
    for (const m of [m2, m1, m2]) {
      expect((await c.post('/api/v1/auth/switch', { municipalityId: m.id })).statusCode).toBe(200);
      const again = await login(ctx.app, u.email);
      expect((await again.get('/api/v1/auth/session')).json().activeMunicipalityId).toBe(m.id);
    }
    expect((await c.get('/api/v1/dashboard')).json().municipality.id).toBe(m2.id);
    expect((await c.post('/api/v1/auth/switch', { municipalityId: other.id })).statusCode).toBe(404);
  });
});

describe('password reset', () => {
  it('sends a single-use link by email that sets a new password and ends old sessions', async () => {
    const u = await buildUser(ctx.db);
    const old = await login(ctx.app, u.email);
    const req = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: u.email },
    });
    expect(req.statusCode).toBe(202);
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'ghost@example.org' },
    });
    expect(unknown.statusCode).toBe(202);
    await ctx.app.detached.settled(); // the mail leaves after the answer
    const { link, text } = await lastMailLink(ctx.outbox, u.email);
    expect(text).toContain('Passwort');
    const token = new URL(link).searchParams.get('token')!;
    const confirm = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'ein ganz neues passwort' },
    });
    expect(confirm.statusCode).toBe(200);
    expect((await old.get('/api/v1/auth/session')).statusCode).toBe(401);
    await login(ctx.app, u.email, 'ein ganz neues passwort');
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'noch ein passwort!' },
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('token_invalid');
  });

  it('kills every older or newer reset link of the account once one of them is used', async () => {
    for (const use of ['second', 'first'] as const) {
      const u = await buildUser(ctx.db);
      const linkFor = async () => {
        await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: u.email } });
        await ctx.app.detached.settled();
        return new URL((await lastMailLink(ctx.outbox, u.email)).link).searchParams.get('token')!;
      };
      const first = await linkFor();
      await new Promise((r) => setTimeout(r, 5)); // outbox files are ordered by time
      const second = await linkFor();
      expect(second).not.toBe(first);
      const [used, stale] = use === 'second' ? [second, first] : [first, second];
      const ok = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token: used, password: 'das neue passwort 1' },
      });
      expect(ok.statusCode).toBe(200);
      const attack = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token: stale, password: 'das passwort des angreifers' },
      });
      expect(attack.statusCode, use).toBe(404);
      expect(attack.json().code).toBe('token_invalid');
      await login(ctx.app, u.email, 'das neue passwort 1');
    }
  });

  it('rejects a too short new password with a field error', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: 'x'.repeat(43), password: 'kurz' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.some((e: { path: string }) => e.path === 'body.password')).toBe(true);
  });
});

describe('first start without demo data', () => {
  it('creates a one-time setup link that makes the first platform administrator', async () => {
    const empty = await createTestContext();
    try {
      const link = await ensureSetupLink({
        db: empty.db,
        config: empty.config,
        log: empty.app.log,
      });
      expect(link).toMatch(/\/einrichtung\?token=/);
      const token = new URL(link!).searchParams.get('token')!;
      // the setup page checks its link on load, before the form is filled
      const status = async (t: string) => {
        const r = await empty.app.inject({ method: 'GET', url: `/api/v1/auth/setup/${t}` });
        if (r.statusCode === 200) return 'valid';
        expect(r.statusCode).toBe(404);
        expect(r.json().code).toBe('token_invalid');
        return r.json().reason;
      };
      expect(await status(token)).toBe('valid');
      expect(await status('x'.repeat(43))).toBe('unknown');
      const setupTokens = () => empty.db.updateTable('tokens').where('purpose', '=', 'setup');
      await setupTokens()
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .execute();
      expect(await status(token)).toBe('expired');
      await setupTokens()
        .set({ expiresAt: new Date(Date.now() + 3600_000) })
        .execute();
      const res = await empty.app.inject({
        method: 'POST',
        url: '/api/v1/auth/setup',
        payload: {
          token,
          name: 'Erste Administration',
          email: 'admin@example.org',
          password: 'sehr sicheres passwort',
        },
      });
      expect(res.statusCode).toBe(200);
      const c = await clientFromCookie(empty.app, sessionCookie(res));
      expect((await c.get('/api/v1/auth/session')).json().user.isPlatformAdmin).toBe(true);
      const twice = await empty.app.inject({
        method: 'POST',
        url: '/api/v1/auth/setup',
        payload: { token, name: 'Zweiter Versuch', email: 'evil@example.org', password: 'sehr sicheres passwort' },
      });
      expect(twice.statusCode).toBe(404);
      expect(await status(token)).toBe('used');
      // once the platform has its administrator, any setup link is spent
      expect(await status('x'.repeat(43))).toBe('used');
      expect(
        await ensureSetupLink({
          db: empty.db,
          config: empty.config,
          log: empty.app.log,
        }),
      ).toBeNull();
    } finally {
      await empty.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with a problem document after too many credential attempts', async () => {
    const limited = await createTestContext({ authRateLimitMax: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `x${i}@example.org`, password: 'whatever-123' },
        });
        codes.push(r.statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
