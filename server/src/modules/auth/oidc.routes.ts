import { authOptions, oidcCallbackQuery, oidcStartQuery } from '@dz/core';
import type { FastifyReply } from 'fastify';
import type { Deps } from '../../lib/deps.js';
import type { Router } from '../../lib/route.js';
import { setSessionCookie } from '../../plugins/session.js';
import { refusalOf } from './oidc.client.js';
import { finishOidcLogin, OIDC_STATE_TTL_MS, startOidcLogin } from './oidc.service.js';

/** The browser's half of a sign-in under way (its hash keys the state, nonce and verifier on the server). */
export const OIDC_COOKIE = 'dz_oidc';
const COOKIE_PATH = '/api/v1/auth/oidc';

const tags = ['Anmeldung'];

/**
 * Sign-in through the municipality's identity provider (OpenID Connect): the options the sign-in page shows,
 * the start (a redirect to the provider) and the callback (a redirect into the app, or back to the sign-in page
 * with `?fehler=<code>`). Registered inside the auth module's plugin.
 */
export function oidcRoutes(r: Router, deps: Deps, credentialLimit: { max: number; timeWindow: string }) {
  const refuse = (reply: FastifyReply, err: unknown) => {
    const refusal = refusalOf(err);
    deps.log.warn({ code: refusal.code, detail: refusal.detail }, 'OIDC sign-in refused');
    return reply.redirect(`/anmelden?fehler=${refusal.code}`, 302);
  };
  r.get('/options', { schema: { tags, response: { 200: authOptions } }, config: { access: 'public' } }, async () => ({
    passwordLogin: deps.config.passwordLogin,
    oidc: deps.config.oidc ? { name: deps.config.oidc.displayName } : null,
  }));
  r.get(
    '/oidc/start',
    { schema: { tags, querystring: oidcStartQuery }, config: { access: 'public', rateLimit: credentialLimit } },
    async (req, reply) => {
      try {
        const { url, browser } = await startOidcLogin(deps, req.query.weiter);
        reply.setCookie(OIDC_COOKIE, browser, {
          path: COOKIE_PATH,
          httpOnly: true,
          // the provider's redirect back is a top-level GET navigation: Lax sends the cookie with it
          sameSite: 'lax',
          secure: deps.config.secureCookies,
          maxAge: OIDC_STATE_TTL_MS / 1000,
        });
        return reply.redirect(url, 302);
      } catch (err) {
        return refuse(reply, err);
      }
    },
  );
  r.get(
    '/oidc/callback',
    { schema: { tags, querystring: oidcCallbackQuery }, config: { access: 'public', rateLimit: credentialLimit } },
    async (req, reply) => {
      const browser = req.cookies[OIDC_COOKIE];
      reply.clearCookie(OIDC_COOKIE, {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
      });
      try {
        // the registered redirect URI with the provider's parameters (PUBLIC_URL may carry a path behind a proxy)
        const query = req.url.indexOf('?');
        const currentUrl = new URL(
          `${deps.config.oidc?.redirectUri ?? 'http://invalid/'}${query >= 0 ? req.url.slice(query) : ''}`,
        );
        const { token, returnTo } = await finishOidcLogin(deps, currentUrl, browser);
        // a GET that wrote memberships and a session: nothing cached on this instance may outlive it (ADR 0006)
        r.scopeCache?.clear();
        setSessionCookie(reply, deps.config, token);
        return reply.redirect(returnTo, 302);
      } catch (err) {
        return refuse(reply, err);
      }
    },
  );
}
