import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { redactUrl } from '../src/lib/redact.js';
import { buildMunicipality, buildUser } from './factories.js';
import { createTestContext, login, type TestContext } from './helpers.js';

/** Security review (issue 15, item 8): secrets in URLs never reach the logs. */
let ctx: TestContext;
let logged: string[];
let app: FastifyInstance;

beforeAll(async () => {
  ctx = await createTestContext();
  logged = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logged.push(String(chunk));
      done();
    },
  });
  // a second app on the same database that logs at info level into memory
  app = await buildApp({
    config: { ...ctx.config, logLevel: 'info' },
    db: ctx.db,
    listen: ctx.listen,
    logStream: stream,
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('logged URLs', () => {
  it('do not contain the secret of the iCalendar feed address', async () => {
    const m = await buildMunicipality(ctx.db);
    const u = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
    const c = await login(ctx.app, u.email);
    const feed = (await c.post('/api/v1/calendar-feed')).json();
    const path = new URL(feed.url).pathname;
    const secret = path
      .split('/')
      .pop()!
      .replace(/\.ics$/, '');
    expect(secret.length).toBeGreaterThan(20);
    logged.length = 0;
    const res = await app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('BEGIN:VCALENDAR');
    const out = logged.join('');
    expect(out).toContain('/api/v1/calendar/[redacted].ics');
    expect(out).not.toContain(secret);
  });

  it('do not contain invitation tokens, reset tokens or other secret query parameters', async () => {
    const secrets = ['invSecret0123456789abcdefgh', 'qrySecret0123456789abcdef', 'liveSecret0123456789abcd'];
    logged.length = 0;
    await app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${secrets[0]}` });
    await app.inject({ method: 'GET', url: `/passwort-zuruecksetzen?x=1&token=a&TOKEN=${secrets[1]}` });
    await app.inject({ method: 'GET', url: `/api/v1/live/stream?secret=${secrets[2]}` });
    const out = logged.join('');
    expect(out).toContain('/api/v1/auth/invitations/[redacted]');
    for (const s of secrets) expect(out).not.toContain(s);
  });

  it('redacts every route parameter that carries a secret (new routes included)', () => {
    const secretRoutes = app.routeList.filter(
      (r) => /:(token|secret|file)\b/.test(r.url) && !/\/files\/:fileId/.test(r.url),
    );
    expect(secretRoutes.length).toBeGreaterThanOrEqual(2);
    for (const r of secretRoutes) {
      const url = r.url.replace(/:(\w+)/g, (_, name) =>
        name === 'file' ? 'SeCrEt0123456789abcdefgh.ics' : 'SeCrEt0123456789abcdefgh',
      );
      expect(redactUrl(url), r.url).not.toContain('SeCrEt');
    }
    expect(redactUrl('/api/v1/auth/invitations/accept')).toBe('/api/v1/auth/invitations/accept');
    expect(redactUrl('/api/v1/auth/invitations/accept-signed-in')).toBe('/api/v1/auth/invitations/accept-signed-in');
    // the invitation page's return path through the identity provider carries the token encoded
    expect(redactUrl(`/api/v1/auth/oidc/start?weiter=${encodeURIComponent('/einladung?token=SeCrEt0123')}`)).toBe(
      '/api/v1/auth/oidc/start?weiter=%2Feinladung%3Ftoken%3D[redacted]',
    );
  });
});
