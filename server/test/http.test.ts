import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from './factories.js';
import { createTestContext, login, type TestContext } from './helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('operations', () => {
  it('answers /health and /ready (database reachable)', async () => {
    expect((await ctx.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await ctx.app.inject({ url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('sends security headers: CSP without inline scripts, no framing, nosniff, referrer policy, request id', async () => {
    const res = await ctx.app.inject({ url: '/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS and Secure cookies behind TLS', async () => {
    const tls = await createTestContext({ secureCookies: true, publicUrl: 'https://dz.example.org' });
    try {
      expect((await tls.app.inject({ url: '/health' })).headers['strict-transport-security']).toContain(
        'max-age=31536000',
      );
      const u = await buildUser(tls.db);
      const res = await tls.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: 'correct horse battery staple' },
      });
      expect(res.cookies.find((c) => c.name === 'dz_session')?.secure).toBe(true);
    } finally {
      await tls.close();
    }
  });

  it('publishes the OpenAPI 3.1 document with every API route', async () => {
    const res = await ctx.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const api = ctx.app.routeList.filter((r) => r.url.startsWith('/api/v1')).map((r) => `${r.method} ${r.url}`);
    expect(api.filter((r) => !documented.includes(r))).toEqual([]);
    expect(doc.paths['/api/v1/departments'].post.requestBody).toBeTruthy();
    expect((await ctx.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});

describe('metrics', () => {
  it('serves Prometheus metrics to platform admins or with the bearer token only', async () => {
    expect((await ctx.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    const m = await buildMunicipality(ctx.db);
    const admin = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    expect((await admin.get('/metrics')).statusCode).toBe(403);
    const platform = await login(ctx.app, (await buildUser(ctx.db, { isPlatformAdmin: true })).email);
    await platform.get('/api/v1/auth/session');
    const res = await platform.get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain(
      'http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/auth/session",status="200"}',
    );
    expect(res.body).toContain('nodejs_eventloop_lag_seconds');
    const withToken = await createTestContext({ metricsToken: 'geheimes-metrik-token-123' });
    try {
      expect(
        (await withToken.app.inject({ url: '/metrics', headers: { authorization: 'Bearer falsch' } })).statusCode,
      ).toBe(401);
      const ok = await withToken.app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer geheimes-metrik-token-123' },
      });
      expect(ok.statusCode).toBe(200);
      // statements the application sent: /health sends none, /ready exactly one
      const statements = async () => {
        const body = (
          await withToken.app.inject({
            url: '/metrics',
            headers: { authorization: 'Bearer geheimes-metrik-token-123' },
          })
        ).body;
        return Number(/^db_statements_total (\d+)$/m.exec(body)?.[1]);
      };
      const before = await statements();
      expect(Number.isInteger(before)).toBe(true);
      await withToken.app.inject({ url: '/health' });
      expect(await statements()).toBe(before);
      await withToken.app.inject({ url: '/ready' });
      await withToken.app.inject({ url: '/ready' });
      expect(await statements()).toBe(before + 2);
    } finally {
      await withToken.close();
    }
  });
});

describe('bad input', () => {
  it('answers problem+json with field errors, never 5xx', async () => {
    const m = await buildMunicipality(ctx.db);
    const c = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    const cases: [string, string, unknown][] = [
      ['POST', '/api/v1/departments', { name: 1 }],
      ['POST', '/api/v1/departments', { name: 'x'.repeat(100_000) }],
      ['POST', '/api/v1/departments', {}],
      ['PATCH', '/api/v1/departments/not-a-uuid', { version: 1, name: 'X' }],
      ['PATCH', `/api/v1/municipalities/${m.id}`, { version: 'eins', name: 'Ort', population: 1.5 }],
      ['POST', '/api/v1/invitations', { email: "x'; DROP TABLE users; --", role: 'staff' }],
      ['POST', '/api/v1/networks', { name: '<script>', type: 'sekte' }],
      ['GET', '/api/v1/municipalities?page=-1', undefined],
      ['GET', '/api/v1/audit?from=gestern', undefined],
    ];
    for (const [method, url, payload] of cases) {
      const res = await c.inject({ method: method as 'POST', url, payload: payload as object });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(body.errors.length).toBeGreaterThan(0);
    }
    const malformed = await c.inject({
      method: 'POST',
      url: '/api/v1/departments',
      payload: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    const plain = await c.inject({
      method: 'POST',
      url: '/api/v1/departments',
      payload: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.statusCode).toBe(400);
    const xml = await c.inject({
      method: 'POST',
      url: '/api/v1/departments',
      payload: '<name/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('unsupported_media_type');
    const unknown = await c.get('/api/v1/gibtsnicht');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  it('turns values the database cannot store (NUL bytes) into 400, not 500, and writes nothing', async () => {
    const m = await buildMunicipality(ctx.db);
    const c = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    const before = (await c.get('/api/v1/departments')).json().items.length;
    const res = await c.post('/api/v1/departments', { name: 'Null\u0000Byte' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect((await c.get('/api/v1/departments')).json().items).toHaveLength(before);
    const audit = await ctx.db.selectFrom('auditLog').select('id').where('municipalityId', '=', m.id).execute();
    expect(audit).toHaveLength(0);
  });

  it('stores HTML as text', async () => {
    const m = await buildMunicipality(ctx.db);
    const c = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    const res = await c.post('/api/v1/departments', { name: '<img src=x onerror=alert(1)>' });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('<img src=x onerror=alert(1)>');
  });
});
