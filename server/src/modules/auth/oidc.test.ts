import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OIDC_ERROR_CODES } from '@dz/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import {
  clientFromCookie,
  createTestContext,
  sessionCookie,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/helpers.js';
import {
  callback,
  countSessions,
  expectRefused,
  POST_LOGOUT,
  PUBLIC_URL,
  REDIRECT_URI,
  signIn,
  start,
  throughProvider,
} from '../../../test/oidc-browser.js';
import { startTestProvider, type TestProvider } from '../../../test/oidc-provider.js';
import { loadConfig, type OidcConfig } from '../../config.js';

/**
 * Sign-in through a real OpenID provider (oidc-provider) started here on a loopback port: the test plays the
 * browser (`test/oidc-browser.ts`) — the app's redirect to the provider, the provider's sign-in page, its
 * redirects back to the callback — with plain HTTP and a cookie jar per browser.
 */

let ctx: TestContext;
let op: TestProvider;
let ploen: { id: string; ags: string };
let uslar: { id: string; ags: string };

function oidcConfig(over: Partial<OidcConfig> = {}): OidcConfig {
  return {
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    scopes: 'openid email profile',
    displayName: 'Testanbieter',
    redirectUri: REDIRECT_URI,
    postLogoutRedirectUri: POST_LOGOUT,
    mapping: [
      { claim: 'groups', value: 'dz-ploen', ags: ploen.ags, role: 'staff' },
      { claim: 'groups', value: 'dz-ploen-koordination', ags: ploen.ags, role: 'coordinator' },
      { claim: 'groups', value: '/kreis/uslar', ags: uslar.ags, role: 'council' },
    ],
    mappingAuthoritative: false,
    allowHttp: true,
    ...over,
  };
}

beforeAll(async () => {
  op = await startTestProvider({ redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [POST_LOGOUT] });
  ctx = await createTestContext({ publicUrl: PUBLIC_URL });
  ploen = await buildMunicipality(ctx.db, { name: 'Plön' });
  uslar = await buildMunicipality(ctx.db, { name: 'Uslar' });
  // the configuration needs the municipalities' AGS: the app of the tests is a second instance on the same database
}, 60_000);
afterAll(async () => {
  await ctx?.close();
  await op?.close();
});

const apps = new Map<string, FastifyInstance>();
/** An app instance on the test database with this OIDC configuration (and other settings). */
async function appWith(key: string, oidc: Partial<OidcConfig> | null, over: Record<string, unknown> = {}) {
  let app = apps.get(key);
  if (!app) {
    app = (await ctx.secondInstance({ oidc: oidc === null ? undefined : oidcConfig(oidc), ...over })).app;
    apps.set(key, app);
  }
  return app;
}

describe('OpenID Connect sign-in', () => {
  it('tells the sign-in page which ways in exist', async () => {
    const app = await appWith('default', {});
    expect((await app.inject({ url: '/api/v1/auth/options' })).json()).toEqual({
      passwordLogin: true,
      oidc: { name: 'Testanbieter' },
    });
    expect((await ctx.app.inject({ url: '/api/v1/auth/options' })).json()).toEqual({ passwordLogin: true, oidc: null });
    expectRefused(await ctx.app.inject({ url: '/api/v1/auth/oidc/start' }), 'oidc_disabled');
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, bound to a short-lived cookie', async () => {
    const app = await appWith('default', {});
    const { res } = await start(app);
    const url = new URL(res.headers.location as string);
    expect(url.origin).toBe(op.issuer);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe(op.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    const cookie = res.cookies.find((c) => c.name === 'dz_oidc')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.maxAge).toBe(600);
    expect(cookie.path).toBe('/api/v1/auth/oidc');
  });

  it('matches an existing account by its verified email, links it, and links it again without the email', async () => {
    const app = await appWith('default', {});
    const u = await buildUser(ctx.db, { municipalityId: ploen.id, role: 'coordinator', email: 'anna@ploen.example' });
    op.accounts.set('anna-sub', { email: 'Anna@Ploen.example', email_verified: true, name: 'Anna Amt' });
    const { done } = await signIn(app, 'anna-sub', '/projekte?ansicht=tafel');
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/projekte?ansicht=tafel');
    const c = await clientFromCookie(app, sessionCookie(done));
    const s = (await c.get('/api/v1/auth/session')).json();
    expect(s.user.id).toBe(u.id);
    expect(s.activeMunicipalityId).toBe(ploen.id);
    expect(s.roles).toEqual(['coordinator']);
    const link = await ctx.db.selectFrom('userIdentities').selectAll().where('subject', '=', 'anna-sub').execute();
    expect(link).toMatchObject([{ issuer: op.issuer, userId: u.id, email: 'anna@ploen.example' }]);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'changes'])
      .where('entityId', '=', u.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['oidc_link', 'oidc_login']);
    expect(JSON.stringify(audit[1]!.changes)).toContain('"email"');

    // next time the stored link (issuer + subject) decides, even when the provider sends no email
    op.accounts.set('anna-sub', { name: 'Anna Amt' });
    const again = await signIn(app, 'anna-sub');
    expect(again.done.headers.location).toBe('/projekte');
    const c2 = await clientFromCookie(app, sessionCookie(again.done));
    expect((await c2.get('/api/v1/auth/session')).json().user.id).toBe(u.id);
  });

  it('creates a new account from the group mapping, with memberships and no password', async () => {
    const app = await appWith('default', {});
    op.accounts.set('bernd-sub', {
      email: 'bernd@kreis.example',
      email_verified: true,
      given_name: 'Bernd',
      family_name: 'Beispiel',
      groups: ['dz-ploen', 'dz-ploen-koordination', '/kreis/uslar', 'andere-gruppe'],
    });
    const { done } = await signIn(app, 'bernd-sub', '//evil.example/');
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/');
    const user = await ctx.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'bernd@kreis.example')
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('Bernd Beispiel');
    expect(user.passwordHash).toBeNull();
    const ms = await ctx.db
      .selectFrom('memberships')
      .select(['municipalityId', 'role'])
      .where('userId', '=', user.id)
      .execute();
    expect(new Map(ms.map((m) => [m.municipalityId, m.role]))).toEqual(
      new Map([
        [ploen.id, 'coordinator'],
        [uslar.id, 'council'],
      ]),
    );
    const c = await clientFromCookie(app, sessionCookie(done));
    expect((await c.get('/api/v1/auth/session')).json().municipalities).toHaveLength(2);
    // an account without a password cannot be opened with one
    const pw = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'bernd@kreis.example', password: TEST_PASSWORD },
    });
    expect(pw.statusCode).toBe(401);
    const created = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'entity', 'municipalityId'])
      .where('entityId', '=', user.id)
      .execute();
    expect(created).toEqual(
      expect.arrayContaining([
        { action: 'create', entity: 'user', municipalityId: null },
        { action: 'create', entity: 'membership', municipalityId: ploen.id },
        { action: 'create', entity: 'membership', municipalityId: uslar.id },
        { action: 'oidc_login', entity: 'user', municipalityId: null },
      ]),
    );
  });

  it('refuses a person the platform does not know and the mapping does not place', async () => {
    const app = await appWith('default', {});
    op.accounts.set('fremd-sub', { email: 'fremd@example.org', email_verified: true, groups: ['andere-gruppe'] });
    const before = await countSessions(ctx.db);
    const { done } = await signIn(app, 'fremd-sub');
    expectRefused(done, 'oidc_no_account');
    expect(await ctx.db.selectFrom('users').select('id').where('email', '=', 'fremd@example.org').execute()).toEqual(
      [],
    );
    expect(await countSessions(ctx.db)).toBe(before);
  });

  it('refuses a missing email claim and an unverified email — no account is opened by an address nobody vouches for', async () => {
    const app = await appWith('default', {});
    const victim = await buildUser(ctx.db, { municipalityId: ploen.id, role: 'admin', email: 'chefin@ploen.example' });
    const before = await countSessions(ctx.db);
    op.accounts.set('ohne-mail', { name: 'Ohne Mail', groups: ['dz-ploen'] });
    expectRefused((await signIn(app, 'ohne-mail')).done, 'oidc_email_missing');
    op.accounts.set('unbestaetigt', { email: 'chefin@ploen.example', email_verified: false, groups: ['dz-ploen'] });
    expectRefused((await signIn(app, 'unbestaetigt')).done, 'oidc_email_unverified');
    op.accounts.set('unbestaetigt2', { email: 'chefin@ploen.example' });
    expectRefused((await signIn(app, 'unbestaetigt2')).done, 'oidc_email_unverified');
    expect(await countSessions(ctx.db)).toBe(before);
    expect(
      await ctx.db.selectFrom('userIdentities').select('subject').where('userId', '=', victim.id).execute(),
    ).toEqual([]);

    // a provider that sends no email_verified at all (Entra ID) is trusted only when configured so; an explicit
    // false stays refused even then
    const trusting = await appWith('trusting', { trustEmail: true });
    expectRefused((await signIn(trusting, 'unbestaetigt')).done, 'oidc_email_unverified');
    const linked = await signIn(trusting, 'unbestaetigt2');
    expect(linked.done.statusCode).toBe(302);
    expect(linked.done.headers.location).not.toContain('fehler=');
    expect(
      await ctx.db.selectFrom('userIdentities').select('subject').where('userId', '=', victim.id).execute(),
    ).toEqual([{ subject: 'unbestaetigt2' }]);
  });

  it('refuses a provider whose discovery names another issuer than configured', async () => {
    // the document at the configured address names the provider's own issuer, not the configured one
    const app = await appWith('misnamed', { issuer: op.misnamedIssuer });
    const { res } = await start(app);
    expectRefused(res, 'oidc_issuer');
  });

  it('refuses an answer and ID token from another issuer than the configured one', async () => {
    const app = await appWith('impostor', { issuer: op.impostorIssuer });
    op.accounts.set('anna2-sub', { email: 'anna2@ploen.example', email_verified: true, groups: ['dz-ploen'] });
    const before = await countSessions(ctx.db);
    const { done } = await signIn(app, 'anna2-sub');
    expectRefused(done, 'oidc_issuer');
    expect(await countSessions(ctx.db)).toBe(before);
  });

  it('refuses a replayed callback and a code someone else redeemed first', async () => {
    const app = await appWith('default', {});
    await buildUser(ctx.db, { municipalityId: ploen.id, role: 'staff', email: 'carla@ploen.example' });
    op.accounts.set('carla-sub', { email: 'carla@ploen.example', email_verified: true });
    const first = await signIn(app, 'carla-sub');
    expect(first.done.statusCode).toBe(302);
    expect(first.done.headers.location).toBe('/projekte');
    const before = await countSessions(ctx.db);
    // the same callback (code, state, cookie) again: the sign-in it belonged to is used up
    expectRefused(await callback(app, first.callbackUrl, first.oidcCookie), 'oidc_state');

    // an intercepted code, redeemed at the provider before the browser comes back: the provider refuses it
    const s = await start(app);
    const cb = await throughProvider(s.res.headers.location as string, 'carla-sub', s.jar);
    const answer = new URL(cb).searchParams;
    const pending = await ctx.db
      .selectFrom('oidcLoginStates')
      .select('codeVerifier')
      .where('state', '=', answer.get('state')!)
      .execute();
    const code = answer.get('code')!;
    let redeemed = 0;
    for (const p of pending) {
      const r = await fetch(`${op.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT_URI,
          code_verifier: p.codeVerifier,
          client_id: op.clientId,
          client_secret: op.clientSecret,
        }).toString(),
      });
      if (r.ok) redeemed++;
    }
    expect(redeemed).toBe(1);
    expectRefused(await callback(app, cb, s.oidcCookie), 'oidc_code');
    expect(await countSessions(ctx.db)).toBe(before);
  });

  it('refuses an expired ID token', async () => {
    // the app's clock two hours ahead of the provider's: the one-hour ID token has expired when it arrives
    const app = await appWith('late', { clockSkewSeconds: 2 * 3600 });
    await buildUser(ctx.db, { municipalityId: ploen.id, role: 'staff', email: 'dora@ploen.example' });
    op.accounts.set('dora-sub', { email: 'dora@ploen.example', email_verified: true });
    const before = await countSessions(ctx.db);
    expectRefused((await signIn(app, 'dora-sub')).done, 'oidc_token_expired');
    expect(await countSessions(ctx.db)).toBe(before);
  });

  it('refuses a callback without the browser cookie, with a foreign state, or after the person cancelled', async () => {
    const app = await appWith('default', {});
    op.accounts.set('emil-sub', { email: 'emil@ploen.example', email_verified: true, groups: ['dz-ploen'] });
    const s = await start(app);
    const cb = await throughProvider(s.res.headers.location as string, 'emil-sub', s.jar);
    expectRefused(await callback(app, cb, ''), 'oidc_state');
    // the cookie of another sign-in under way does not fit this answer's state
    const other = await start(app);
    const s2 = await start(app);
    const cb2 = await throughProvider(s2.res.headers.location as string, 'emil-sub', s2.jar);
    expectRefused(await callback(app, cb2, other.oidcCookie), 'oidc_state');
    // the provider answers with an error (the person cancelled)
    const s3 = await start(app);
    const state = new URL(s3.res.headers.location as string).searchParams.get('state')!;
    const cancelled = `${REDIRECT_URI}?error=access_denied&state=${state}&iss=${encodeURIComponent(op.issuer)}`;
    expectRefused(await callback(app, cancelled, s3.oidcCookie), 'oidc_cancelled');
  });

  it('ends the session at the provider too (RP-initiated logout); a password session ends here only', async () => {
    const app = await appWith('default', {});
    await buildUser(ctx.db, { municipalityId: ploen.id, role: 'staff', email: 'frida@ploen.example' });
    op.accounts.set('frida-sub', { email: 'frida@ploen.example', email_verified: true });
    const { done, jar } = await signIn(app, 'frida-sub');
    const c = await clientFromCookie(app, sessionCookie(done));
    const out = await c.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    const url = new URL(out.json().endSessionUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${op.issuer}/session/end`);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(POST_LOGOUT);
    const hint = url.searchParams.get('id_token_hint')!;
    expect(JSON.parse(Buffer.from(hint.split('.')[1]!, 'base64url').toString()).sub).toBe('frida-sub');
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);
    // the browser at the provider: its logout page, confirmed, sends it back to the platform's sign-in page
    const confirm = await fetch(url, { headers: { cookie: jar.header() } });
    jar.take(confirm);
    const html = await confirm.text();
    expect(html).toContain('Abmelden beim Testanbieter');
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html)!;
    const fields = new URLSearchParams({ logout: 'yes' });
    for (const m of form[2]!.matchAll(/name="([^"]+)" value="([^"]*)"/g)) fields.set(m[1]!, m[2]!);
    const ended = await fetch(new URL(form[1]!, op.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });
    expect(ended.status).toBe(303);
    expect(ended.headers.get('location')).toBe(POST_LOGOUT);

    const pwUser = await buildUser(ctx.db, { municipalityId: ploen.id, role: 'staff' });
    const pw = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: pwUser.email, password: TEST_PASSWORD },
    });
    const pc = await clientFromCookie(app, sessionCookie(pw));
    expect((await pc.post('/api/v1/auth/logout')).json()).toEqual({ ok: true });
  });

  it('keeps roles given in the platform, unless the mapping is authoritative', async () => {
    const soft = await appWith('default', {});
    const strict = await appWith('strict', { mappingAuthoritative: true });
    const other = await buildMunicipality(ctx.db, { name: 'Andere' });
    const u = await buildUser(ctx.db, { municipalityId: ploen.id, role: 'admin', email: 'gerd@ploen.example' });
    await ctx.db.insertInto('memberships').values({ userId: u.id, municipalityId: other.id, role: 'staff' }).execute();
    op.accounts.set('gerd-sub', {
      email: 'gerd@ploen.example',
      email_verified: true,
      groups: ['dz-ploen', '/kreis/uslar'],
    });
    const roles = async () =>
      Object.fromEntries(
        (
          await ctx.db.selectFrom('memberships').select(['municipalityId', 'role']).where('userId', '=', u.id).execute()
        ).map((m) => [m.municipalityId, m.role]),
      );
    expect((await signIn(soft, 'gerd-sub')).done.statusCode).toBe(302);
    expect(await roles()).toEqual({ [ploen.id]: 'admin', [other.id]: 'staff', [uslar.id]: 'council' });
    const { done } = await signIn(strict, 'gerd-sub');
    expect(done.headers.location).toBe('/projekte');
    expect(await roles()).toEqual({ [ploen.id]: 'staff', [uslar.id]: 'council' });
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'municipalityId'])
      .where('entity', '=', 'membership')
      .where('entityId', '=', u.id)
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'create', municipalityId: uslar.id },
        { action: 'update', municipalityId: ploen.id },
        { action: 'delete', municipalityId: other.id },
      ]),
    );
  });

  it('switches the password sign-in off: the form goes, the route refuses with a clear message', async () => {
    const app = await appWith('no-password', {}, { passwordLogin: false });
    expect((await app.inject({ url: '/api/v1/auth/options' })).json()).toEqual({
      passwordLogin: false,
      oidc: { name: 'Testanbieter' },
    });
    const u = await buildUser(ctx.db, { municipalityId: ploen.id, role: 'staff' });
    const pw = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: TEST_PASSWORD },
    });
    expect(pw.statusCode).toBe(403);
    expect(pw.json()).toMatchObject({ code: 'password_login_disabled' });
    expect(pw.json().detail).toContain('Anmeldung mit Passwort ist abgeschaltet');
    const reset = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: u.email },
    });
    expect(reset.statusCode).toBe(403);
    // the same person comes in through the provider (matched by the verified email)
    op.accounts.set('hanna-sub', { email: u.email, email_verified: true });
    const { done } = await signIn(app, 'hanna-sub');
    expect(done.headers.location).toBe('/projekte');
  });

  it('explains every refusal in German on the sign-in page', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
    const de = JSON.parse(fs.readFileSync(path.join(root, 'web/src/i18n/de-oidc.json'), 'utf8'));
    const en = JSON.parse(fs.readFileSync(path.join(root, 'web/src/i18n/en.json'), 'utf8'));
    for (const code of OIDC_ERROR_CODES) {
      expect(de.oidc.errors[code], code).toMatch(/Sie|Anmeld/);
      expect(en.oidc.errors[code], code).toBeTruthy();
    }
  });
});

describe('OpenID Connect configuration from the environment', () => {
  const base = { DATA_DIR: '/tmp/x', PUBLIC_URL: 'https://dz.kreis.example/' };
  it('reads every variable', () => {
    const c = loadConfig({
      ...base,
      OIDC_ISSUER: 'https://login.kreis.example/realms/kommunen',
      OIDC_CLIENT_ID: 'digitalzirkel',
      OIDC_CLIENT_SECRET: 'geheim',
      OIDC_SCOPES: 'openid email profile groups',
      OIDC_DISPLAY_NAME: 'dem Landesservicekonto',
      OIDC_GROUPS_CLAIM: 'roles',
      OIDC_CLAIM_MAPPING: JSON.stringify([
        { value: 'dz-ploen', ags: '01057062', role: 'coordinator' },
        { claim: 'ags', value: '03155012', ags: '03155012', role: 'staff' },
      ]),
      OIDC_MAPPING_AUTHORITATIVE: 'true',
      OIDC_TRUST_EMAIL: 'true',
      OIDC_POST_LOGOUT_REDIRECT_URL: 'https://intranet.kreis.example/',
      PASSWORD_LOGIN: 'false',
    } as NodeJS.ProcessEnv);
    expect(c.passwordLogin).toBe(false);
    expect(c.oidc).toEqual({
      issuer: 'https://login.kreis.example/realms/kommunen',
      clientId: 'digitalzirkel',
      clientSecret: 'geheim',
      scopes: 'openid email profile groups',
      displayName: 'dem Landesservicekonto',
      redirectUri: 'https://dz.kreis.example/api/v1/auth/oidc/callback',
      postLogoutRedirectUri: 'https://intranet.kreis.example/',
      mapping: [
        { claim: 'roles', value: 'dz-ploen', ags: '01057062', role: 'coordinator' },
        { claim: 'ags', value: '03155012', ags: '03155012', role: 'staff' },
      ],
      mappingAuthoritative: true,
      trustEmail: true,
      allowHttp: false,
    });
    const plain = loadConfig(base as NodeJS.ProcessEnv);
    expect(plain.oidc).toBeUndefined();
    expect(plain.passwordLogin).toBe(true);
  });

  it('refuses settings that cannot work, naming them', () => {
    const bad = (env: Record<string, string>) => () => loadConfig({ ...base, ...env } as NodeJS.ProcessEnv);
    expect(bad({ PASSWORD_LOGIN: 'false' })).toThrow(/PASSWORD_LOGIN/);
    expect(bad({ OIDC_ISSUER: 'https://login.example/' })).toThrow(/OIDC_CLIENT_ID/);
    expect(bad({ OIDC_ISSUER: 'http://login.example/', OIDC_CLIENT_ID: 'x' })).toThrow(/must be https/);
    expect(bad({ OIDC_ISSUER: 'https://login.example/', OIDC_CLIENT_ID: 'x', OIDC_SCOPES: 'email' })).toThrow(/openid/);
    expect(bad({ OIDC_ISSUER: 'https://l.example/', OIDC_CLIENT_ID: 'x', OIDC_CLAIM_MAPPING: '[{' })).toThrow(/JSON/);
    expect(
      bad({
        OIDC_ISSUER: 'https://l.example/',
        OIDC_CLIENT_ID: 'x',
        OIDC_CLAIM_MAPPING: '[{"value":"a","ags":"123","role":"boss"}]',
      }),
    ).toThrow(/OIDC_CLAIM_MAPPING: 0\.ags.*\n.*0\.role/);
    // plain http only to a provider on this machine
    expect(
      loadConfig({ ...base, OIDC_ISSUER: 'http://127.0.0.1:9999', OIDC_CLIENT_ID: 'x' } as NodeJS.ProcessEnv).oidc
        ?.allowHttp,
    ).toBe(true);
  });
});
