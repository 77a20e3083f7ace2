import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import {
  type Client,
  clientFromCookie,
  createTestContext,
  lastMailLink,
  login,
  sessionCookie,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/helpers.js';
import {
  countSessions,
  expectRefused,
  POST_LOGOUT,
  PUBLIC_URL,
  REDIRECT_URI,
  signIn,
} from '../../../test/oidc-browser.js';
import { startTestProvider, type TestProvider } from '../../../test/oidc-provider.js';

/**
 * Accepting an invitation: signed in as the invited person (password or identity provider) without a password;
 * with a password only while the password sign-in is on, through the sign-in's backoff; an invited person the
 * claim mapping does not place gets an account from the provider to accept with.
 */
let ctx: TestContext;
let op: TestProvider;
let ploen: { id: string; ags: string };
let uslar: { id: string; ags: string };
/** The administrations that invite (password sessions on the app without a provider). */
let ploenAdmin: Client;
let uslarAdmin: Client;
/** The same database with the provider configured: password sign-in on, and switched off. */
let withPassword: FastifyInstance;
let providerOnly: FastifyInstance;

beforeAll(async () => {
  op = await startTestProvider({ redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [POST_LOGOUT] });
  ctx = await createTestContext({ publicUrl: PUBLIC_URL, loginMaxFailures: 3 });
  ploen = await buildMunicipality(ctx.db, { name: 'Plön' });
  uslar = await buildMunicipality(ctx.db, { name: 'Uslar' });
  ploenAdmin = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: ploen.id, role: 'admin' })).email);
  uslarAdmin = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: uslar.id, role: 'admin' })).email);
  const oidc = {
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    scopes: 'openid email profile',
    displayName: 'Testanbieter',
    redirectUri: REDIRECT_URI,
    postLogoutRedirectUri: POST_LOGOUT,
    mapping: [{ claim: 'groups', value: 'dz-ploen', ags: ploen.ags, role: 'staff' as const }],
    mappingAuthoritative: false,
    allowHttp: true,
  };
  withPassword = (await ctx.secondInstance({ oidc })).app;
  providerOnly = (await ctx.secondInstance({ oidc, passwordLogin: false })).app;
}, 60_000);
afterAll(async () => {
  await ctx?.close();
  await op?.close();
});

/** Invites `email` and returns the token of the link in the mail. */
async function invite(by: Client, email: string, role = 'staff') {
  expect((await by.post('/api/v1/invitations', { email, role })).statusCode).toBe(201);
  return new URL((await lastMailLink(ctx.outbox, email)).link).searchParams.get('token')!;
}

const acceptWithPassword = (
  app: FastifyInstance,
  body: { token: string; name?: string; password: string },
  more: { remoteAddress?: string; cookie?: string } = {},
) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/invitations/accept',
    payload: { name: 'Neue Person', ...body },
    ...(more.remoteAddress ? { remoteAddress: more.remoteAddress } : {}),
    ...(more.cookie ? { headers: { cookie: more.cookie } } : {}),
  });

const acceptSignedIn = (c: Client, token: string) => c.post('/api/v1/auth/invitations/accept-signed-in', { token });

const roleIn = async (userId: string, municipalityId: string) =>
  (
    await ctx.db
      .selectFrom('memberships')
      .select('role')
      .where('userId', '=', userId)
      .where('municipalityId', '=', municipalityId)
      .executeTakeFirst()
  )?.role;

const userByEmail = (email: string) =>
  ctx.db.selectFrom('users').select(['id', 'passwordHash']).where('email', '=', email).executeTakeFirst();

const stillOpen = async (token: string) =>
  (await ctx.app.inject({ method: 'GET', url: `/api/v1/auth/invitations/${token}` })).statusCode === 200;

describe('accepting an invitation while signed in', () => {
  it('adds the membership without a password and keeps the session, now in the municipality joined', async () => {
    const u = await buildUser(ctx.db, { municipalityId: uslar.id, role: 'staff', email: 'uslar@uslar.example' });
    const token = await invite(ploenAdmin, u.email, 'coordinator');
    const c = await login(ctx.app, u.email);
    // a session and its CSRF token are needed
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept-signed-in',
      payload: { token },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(
      (
        await c.inject({
          method: 'POST',
          url: '/api/v1/auth/invitations/accept-signed-in',
          payload: { token },
          headers: { 'x-csrf-token': 'falsch' },
        })
      ).statusCode,
    ).toBe(403);
    expect(await roleIn(u.id, ploen.id)).toBeUndefined();

    const res = await acceptSignedIn(c, token);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((x) => x.name === 'dz_session')).toBeUndefined();
    const s = (await c.get('/api/v1/auth/session')).json();
    expect(s.user.id).toBe(u.id);
    expect(s.activeMunicipalityId).toBe(ploen.id);
    expect(s.roles).toEqual(['coordinator']);
    expect(s.municipalities).toHaveLength(2);
    expect(await roleIn(u.id, uslar.id)).toBe('staff');
    // the link is used up
    const again = await acceptSignedIn(c, token);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('token_invalid');
  });

  it('lets an account from the identity provider (no password) accept with its provider session', async () => {
    op.accounts.set('ilse-sub', { email: 'ilse@ploen.example', email_verified: true, groups: ['dz-ploen'] });
    const first = await signIn(withPassword, 'ilse-sub');
    expect(first.done.statusCode).toBe(302);
    const ilse = (await userByEmail('ilse@ploen.example'))!;
    expect(ilse.passwordHash).toBeNull();
    const token = await invite(uslarAdmin, 'ilse@ploen.example', 'council');
    // with a password it never could (there is none) …
    expect((await acceptWithPassword(withPassword, { token, password: TEST_PASSWORD })).statusCode).toBe(401);
    // … signed in through the provider it can
    const c = await clientFromCookie(withPassword, sessionCookie(first.done));
    expect((await acceptSignedIn(c, token)).statusCode).toBe(200);
    expect(await roleIn(ilse.id, uslar.id)).toBe('council');
    expect(await roleIn(ilse.id, ploen.id)).toBe('staff');
  });

  it('refuses a session of another person with 409 and says to sign out first — with or without a password', async () => {
    const invited = await buildUser(ctx.db, { email: 'eingeladen@uslar.example' });
    const other = await buildUser(ctx.db, { municipalityId: uslar.id, role: 'staff' });
    const token = await invite(ploenAdmin, invited.email);
    const c = await login(ctx.app, other.email);
    const res = await acceptSignedIn(c, token);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invitation_other_account');
    expect(res.json().detail).toContain(other.email);
    expect(res.json().detail).toContain('melden Sie sich zuerst ab');
    // the invited person's password does not help while another person's session is there
    const pw = await acceptWithPassword(ctx.app, { token, password: TEST_PASSWORD }, { cookie: c.cookie });
    expect(pw.statusCode).toBe(409);
    expect(pw.json().code).toBe('invitation_other_account');
    expect(await roleIn(other.id, ploen.id)).toBeUndefined();
    expect(await roleIn(invited.id, ploen.id)).toBeUndefined();
    expect(await stillOpen(token)).toBe(true);
    // signed out, the invited person accepts as before
    expect((await acceptWithPassword(ctx.app, { token, password: TEST_PASSWORD })).statusCode).toBe(200);
    expect(await roleIn(invited.id, ploen.id)).toBe('staff');
  });
});

describe('with the password sign-in switched off', () => {
  it('refuses every password path of accepting: existing accounts and new ones', async () => {
    const u = await buildUser(ctx.db, { municipalityId: uslar.id, role: 'staff', email: 'uslar2@uslar.example' });
    const token = await invite(ploenAdmin, u.email);
    const existing = await acceptWithPassword(providerOnly, { token, password: TEST_PASSWORD });
    expect(existing.statusCode).toBe(403);
    expect(existing.json().code).toBe('password_login_disabled');
    expect(existing.json().detail).toContain('zuerst über den Anmeldedienst Ihrer Verwaltung an');
    expect(existing.cookies.find((x) => x.name === 'dz_session')).toBeUndefined();
    expect(await roleIn(u.id, ploen.id)).toBeUndefined();

    const newToken = await invite(ploenAdmin, 'fremd@example.org');
    const created = await acceptWithPassword(providerOnly, { token: newToken, password: 'ein ganz neues passwort' });
    expect(created.statusCode).toBe(403);
    expect(created.json().code).toBe('password_login_disabled');
    expect(await userByEmail('fremd@example.org')).toBeUndefined();
    expect(await stillOpen(token)).toBe(true);
    expect(await stillOpen(newToken)).toBe(true);

    // the way that is left: through the provider (verified email), back to the invitation page, accept signed in
    op.accounts.set('uslar2-sub', { email: u.email, email_verified: true });
    const { done } = await signIn(providerOnly, 'uslar2-sub', `/einladung?token=${token}`);
    expect(done.headers.location).toBe(`/einladung?token=${token}`);
    const c = await clientFromCookie(providerOnly, sessionCookie(done));
    expect((await acceptSignedIn(c, token)).statusCode).toBe(200);
    expect(await roleIn(u.id, ploen.id)).toBe('staff');
    expect((await c.get('/api/v1/auth/session')).json().activeMunicipalityId).toBe(ploen.id);
  });
});

describe('an invited person without an account at the identity provider', () => {
  it('gets an account through a pending invitation to the verified email, returns to it and accepts', async () => {
    const token = await invite(ploenAdmin, 'neu.eingeladen@example.org', 'coordinator');
    // the mapping does not place this person (no group of it)
    op.accounts.set('neu-sub', {
      email: 'Neu.Eingeladen@example.org',
      email_verified: true,
      name: 'Nele Neu',
      groups: ['andere-gruppe'],
    });
    const { done } = await signIn(providerOnly, 'neu-sub', `/einladung?token=${token}`);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe(`/einladung?token=${token}`);
    const user = (await userByEmail('neu.eingeladen@example.org'))!;
    expect(user.passwordHash).toBeNull();
    const c = await clientFromCookie(providerOnly, sessionCookie(done));
    const before = (await c.get('/api/v1/auth/session')).json();
    expect(before.municipalities).toEqual([]);
    expect(before.user.name).toBe('Nele Neu');
    expect((await acceptSignedIn(c, token)).statusCode).toBe(200);
    const after = (await c.get('/api/v1/auth/session')).json();
    expect(after.activeMunicipalityId).toBe(ploen.id);
    expect(after.roles).toEqual(['coordinator']);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'entity'])
      .where('entityId', '=', user.id)
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'create', entity: 'user' },
        { action: 'oidc_link', entity: 'user' },
      ]),
    );
  });

  it('gets no account without an open invitation: expired, withdrawn, used, another address or unverified', async () => {
    const expired = await invite(ploenAdmin, 'abgelaufen@example.org');
    await ctx.db
      .updateTable('invitations')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('email', '=', 'abgelaufen@example.org')
      .execute();
    const { id: revokedId } = (
      await ploenAdmin.post('/api/v1/invitations', { email: 'zurueckgezogen@example.org', role: 'staff' })
    ).json();
    expect((await ploenAdmin.del(`/api/v1/invitations/${revokedId}`)).statusCode).toBe(200);
    await invite(ploenAdmin, 'benutzt@example.org');
    await ctx.db
      .updateTable('invitations')
      .set({ acceptedAt: new Date() })
      .where('email', '=', 'benutzt@example.org')
      .execute();
    await invite(ploenAdmin, 'offen@example.org');
    const before = await countSessions(ctx.db);
    const cases: [string, Record<string, unknown>, string][] = [
      ['abgelaufen', { email: 'abgelaufen@example.org', email_verified: true }, 'oidc_no_account'],
      ['zurueck', { email: 'zurueckgezogen@example.org', email_verified: true }, 'oidc_no_account'],
      ['benutzt', { email: 'benutzt@example.org', email_verified: true }, 'oidc_no_account'],
      ['andere', { email: 'nicht-offen@example.org', email_verified: true }, 'oidc_no_account'],
      ['unbestaetigt', { email: 'offen@example.org', email_verified: false }, 'oidc_email_unverified'],
    ];
    for (const [sub, claims, code] of cases) {
      op.accounts.set(`${sub}-sub`, claims);
      expectRefused((await signIn(providerOnly, `${sub}-sub`, `/einladung?token=${expired}`)).done, code);
      expect(await userByEmail(claims.email as string), sub).toBeUndefined();
    }
    expect(await countSessions(ctx.db)).toBe(before);
  });
});

describe('accepting with a password into an existing account', () => {
  it('counts failures like the sign-in: the same backoff, shared with /login, the owner elsewhere unaffected', async () => {
    const u = await buildUser(ctx.db, { municipalityId: uslar.id, role: 'staff', email: 'ziel@uslar.example' });
    const token = await invite(ploenAdmin, u.email);
    const attacker = '203.0.113.99';
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await acceptWithPassword(
        ctx.app,
        { token, password: `falsch-${i}-falsch` },
        { remoteAddress: attacker },
      );
      codes.push(res.statusCode);
    }
    // loginMaxFailures = 3 in this file: three answers 401, then the client waits
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(new Set(codes.slice(3))).toEqual(new Set([429]));
    // the right password does not get through during the wait, neither here nor at the sign-in
    const right = await acceptWithPassword(ctx.app, { token, password: TEST_PASSWORD }, { remoteAddress: attacker });
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('rate_limited');
    expect(Number(right.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const signInThere = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: TEST_PASSWORD },
      remoteAddress: attacker,
    });
    expect(signInThere.statusCode).toBe(429);
    expect(await roleIn(u.id, ploen.id)).toBeUndefined();
    // the owner, from their own device, accepts
    const owner = await acceptWithPassword(
      ctx.app,
      { token, password: TEST_PASSWORD },
      { remoteAddress: '198.51.100.8' },
    );
    expect(owner.statusCode).toBe(200);
    expect(await roleIn(u.id, ploen.id)).toBe('staff');
  });
});
