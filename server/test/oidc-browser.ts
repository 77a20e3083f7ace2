import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../src/db/schema.js';

/**
 * The browser's side of a sign-in through the test provider (`oidc-provider.ts`): the app's redirect to the
 * provider, the provider's sign-in page, its redirects back to the callback — plain HTTP with a cookie jar per
 * browser. The app under test answers at PUBLIC_URL (through app.inject).
 */
export const PUBLIC_URL = 'http://localhost:3000';
export const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
export const POST_LOGOUT = `${PUBLIC_URL}/anmelden`;

/** The cookies of one browser at the provider. */
export class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface Started {
  res: LightMyRequestResponse;
  /** The browser's sign-in cookie at the app. */
  oidcCookie: string;
  jar: Jar;
}

export async function start(app: FastifyInstance, weiter = '/projekte'): Promise<Started> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start?weiter=${encodeURIComponent(weiter)}` });
  const oidcCookie = res.cookies.find((c) => c.name === 'dz_oidc')?.value ?? '';
  return { res, oidcCookie, jar: new Jar() };
}

/** Follows the provider's redirects, signs in as `account` on its page and returns the callback URL. */
export async function throughProvider(url: string, account: string, jar: Jar): Promise<string> {
  let next = url;
  for (let i = 0; i < 12; i++) {
    if (next.startsWith(REDIRECT_URI)) return next;
    const res = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      next = new URL(res.headers.get('location')!, next).href;
      continue;
    }
    if (res.status === 200 && next.includes('/interaction/')) {
      expect(await res.text()).toContain('Benutzername');
      const post = await fetch(next, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login: account }).toString(),
      });
      jar.take(post);
      next = new URL(post.headers.get('location')!, next).href;
      continue;
    }
    throw new Error(`unexpected ${res.status} at ${next}: ${await res.text()}`);
  }
  throw new Error('too many redirects');
}

export const callback = (app: FastifyInstance, url: string, oidcCookie: string) =>
  app.inject({
    method: 'GET',
    url: url.slice(PUBLIC_URL.length),
    headers: oidcCookie ? { cookie: `dz_oidc=${oidcCookie}` } : {},
  });

/** The whole browser journey: start at the app, sign in at the provider, come back to the callback. */
export async function signIn(app: FastifyInstance, account: string, weiter?: string) {
  const s = await start(app, weiter);
  expect(s.res.statusCode).toBe(302);
  const cb = await throughProvider(s.res.headers.location as string, account, s.jar);
  return { ...s, callbackUrl: cb, done: await callback(app, cb, s.oidcCookie) };
}

/** A refused sign-in: back at the sign-in page with the reason, and no session. */
export function expectRefused(res: LightMyRequestResponse, code: string) {
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe(`/anmelden?fehler=${code}`);
  expect(res.cookies.find((c) => c.name === 'dz_session' && c.value)).toBeUndefined();
}

/** Sessions in the database: a refused sign-in must not add one. */
export async function countSessions(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
