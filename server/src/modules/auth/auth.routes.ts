import {
  acceptInvitationBody,
  acceptInvitationSignedInBody,
  invitationInfo,
  loginBody,
  logoutResponse,
  okResponse,
  profileBody,
  resetConfirmBody,
  resetRequestBody,
  sessionResponse,
  setupBody,
  setupLinkInfo,
  switchBody,
} from '@dz/core';
import { z } from 'zod';
import { modulePlugin } from '../../lib/route.js';
import { clearSessionCookie, scopeOf, setSessionCookie } from '../../plugins/session.js';
import * as invitations from '../members/invitation-accept.service.js';
import * as svc from './auth.service.js';
import { oidcRoutes } from './oidc.routes.js';
import { endSessionUrl } from './oidc.service.js';

const tags = ['Anmeldung'];
export const authRoutes = modulePlugin({ prefix: '/api/v1/auth', access: 'user' }, (r, deps) => {
  /** Per-client limit on credential routes (sign-in failures are throttled per email and client on top). */
  const credentialLimit = { max: deps.config.authRateLimitMax, timeWindow: '1 minute' };
  r.post(
    '/login',
    {
      schema: { tags, body: loginBody, response: { 200: okResponse } },
      config: { access: 'public', rateLimit: credentialLimit },
    },
    async (req, reply) => {
      const token = await svc.login(deps, req.body, req.ip);
      setSessionCookie(reply, deps.config, token);
      return { ok: true as const };
    },
  );
  r.post('/logout', { schema: { tags, response: { 200: logoutResponse } } }, async (req, reply) => {
    const scope = scopeOf(req);
    // a session from the identity provider ends there too: the browser goes on to its end-session URL
    const endSession = await endSessionUrl(deps, scope.sessionId);
    await svc.logout(deps, scope);
    clearSessionCookie(reply, deps.config);
    return endSession ? { ok: true as const, endSessionUrl: endSession } : { ok: true as const };
  });
  r.post('/logout-everywhere', { schema: { tags, response: { 200: okResponse } } }, async (req, reply) => {
    await svc.logoutEverywhere(deps, scopeOf(req));
    clearSessionCookie(reply, deps.config);
    return { ok: true as const };
  });
  r.get('/session', { schema: { tags, response: { 200: sessionResponse } } }, async (req) =>
    svc.sessionInfo(deps, scopeOf(req)),
  );
  r.post('/switch', { schema: { tags, body: switchBody, response: { 200: okResponse } } }, async (req) => {
    await svc.switchMunicipality(deps, scopeOf(req), req.body.municipalityId);
    return { ok: true as const };
  });
  r.patch('/profile', { schema: { tags, body: profileBody, response: { 200: okResponse } } }, async (req) => {
    await svc.updateProfile(deps, scopeOf(req), req.body);
    return { ok: true as const };
  });
  r.post(
    '/password-reset',
    {
      schema: { tags, body: resetRequestBody, response: { 202: okResponse } },
      config: { access: 'public', rateLimit: credentialLimit },
    },
    async (req, reply) => {
      svc.requestPasswordReset(deps, req.body.email);
      return reply.code(202).send({ ok: true as const });
    },
  );
  r.post(
    '/password-reset/confirm',
    {
      schema: { tags, body: resetConfirmBody, response: { 200: okResponse } },
      config: { access: 'public', rateLimit: credentialLimit },
    },
    async (req) => {
      await svc.confirmPasswordReset(deps, req.body.token, req.body.password);
      return { ok: true as const };
    },
  );
  r.post(
    '/setup',
    {
      schema: { tags, body: setupBody, response: { 200: okResponse } },
      config: { access: 'public', rateLimit: credentialLimit },
    },
    async (req, reply) => {
      const token = await svc.completeSetup(deps, req.body);
      setSessionCookie(reply, deps.config, token);
      return { ok: true as const };
    },
  );
  r.get(
    '/setup/:token',
    {
      schema: { tags, params: z.object({ token: z.string().min(20).max(200) }), response: { 200: setupLinkInfo } },
      config: { access: 'public', rateLimit: credentialLimit },
    },
    async (req) => svc.setupLinkInfo(deps, req.params.token),
  );
  r.get(
    '/invitations/:token',
    {
      schema: { tags, params: z.object({ token: z.string().min(20).max(200) }), response: { 200: invitationInfo } },
      config: { access: 'public', rateLimit: credentialLimit },
    },
    async (req) => invitations.invitationInfo(deps, req.params.token),
  );
  oidcRoutes(r, deps, credentialLimit);
  r.post(
    '/invitations/accept',
    {
      schema: { tags, body: acceptInvitationBody, response: { 200: okResponse } },
      config: { access: 'public', rateLimit: credentialLimit },
    },
    async (req, reply) => {
      // the existing account's password goes through the sign-in's backoff, per email and this client
      const token = await invitations.acceptInvitation(deps, req.body, { client: req.ip, scope: req.scope });
      setSessionCookie(reply, deps.config, token);
      return { ok: true as const };
    },
  );
  // the way in for an existing account, however it signed in: the session (with its CSRF token) replaces the password
  r.post(
    '/invitations/accept-signed-in',
    {
      schema: { tags, body: acceptInvitationSignedInBody, response: { 200: okResponse } },
      config: { rateLimit: credentialLimit },
    },
    async (req) => {
      await invitations.acceptInvitationSignedIn(deps, scopeOf(req), req.body.token);
      return { ok: true as const };
    },
  );
});
