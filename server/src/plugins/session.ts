import { AppError } from '@dz/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type CompiledQuery, sql } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { hashSecret } from '../lib/ids.js';
import type { Scope, TenantScope } from '../lib/scope.js';
import type { ScopeCache, ScopeEntry } from './scope-cache.js';

export const SESSION_COOKIE = 'dz_session';

/** How a route may be reached. Every API route must declare one (checked at registration). */
export type Access = 'public' | 'user' | 'tenant' | 'platform';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    scope: Scope | null;
  }
}

function scopeQuery(db: Database, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .leftJoin('memberships as m', (j) =>
      j.onRef('m.userId', '=', 's.userId').onRef('m.municipalityId', '=', 's.activeMunicipalityId'),
    )
    .select([
      's.id as sessionId',
      's.activeMunicipalityId',
      's.csrfToken',
      's.lastSeenAt',
      's.expiresAt',
      'u.id',
      'u.email',
      'u.name',
      'u.locale',
      'u.isPlatformAdmin',
      'm.role',
      sql<string[]>`coalesce((select array_agg(nm.network_id::text) from network_members nm
        where nm.municipality_id = s.active_municipality_id and nm.left_on is null
          and nm.status = 'accepted'), '{}')`.as('networkIds'),
      sql<string[]>`coalesce((select array_agg(mo.network_id::text) from network_moderators mo
        where mo.user_id = u.id), '{}')`.as('moderatedNetworkIds'),
    ])
    .where('s.tokenHash', '=', tokenHash)
    .where('s.expiresAt', '>', now);
}

type ScopeRow = Awaited<ReturnType<ReturnType<typeof scopeQuery>['executeTakeFirstOrThrow']>>;

/**
 * The scope query runs on every request: it is built and compiled once per database, then only its
 * parameters (token hash, now) change.
 */
const compiledScopeQueries = new WeakMap<Database, CompiledQuery<ScopeRow>>();

/** Loads the scope for a raw session token: user, active municipality, its role and networks. */
export async function loadScope(db: Database, token: string): Promise<Scope | null> {
  return (await loadScopeEntry(db, hashSecret(token)))?.scope ?? null;
}

/** The scope of a session token hash with what the scope cache needs to keep it exact. */
async function loadScopeEntry(db: Database, tokenHash: string): Promise<ScopeEntry | null> {
  let compiled = compiledScopeQueries.get(db);
  if (!compiled) {
    compiled = scopeQuery(db, '', new Date(0)).compile();
    if (compiled.parameters.length !== 2 || compiled.parameters[0] !== '') throw new Error('scope query parameters');
    compiledScopeQueries.set(db, compiled);
  }
  const query: CompiledQuery<ScopeRow> = { ...compiled, parameters: [tokenHash, new Date()] };
  const result = await db.executeQuery(query);
  const row = result.rows[0];
  if (!row) return null;
  const scope: Scope = {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    lastSeenAt: row.lastSeenAt,
    user: { id: row.id, email: row.email, name: row.name, locale: row.locale, isPlatformAdmin: row.isPlatformAdmin },
    municipalityId: row.role ? row.activeMunicipalityId : null,
    roles: row.role ? [row.role] : [],
    networkIds: row.networkIds,
    moderatedNetworkIds: row.moderatedNetworkIds,
  };
  return { scope, activeMunicipalityId: row.activeMunicipalityId, expiresAt: row.expiresAt };
}

/** The scope of a token hash: from the cache when it holds a valid entry, otherwise from the database. */
async function scopeFor(db: Database, cache: ScopeCache | null, tokenHash: string): Promise<Scope | null> {
  const hit = cache?.get(tokenHash);
  if (hit) return hit.scope;
  const generation = cache?.begin() ?? 0;
  const entry = await loadScopeEntry(db, tokenHash);
  if (entry) cache?.set(tokenHash, entry, generation);
  return entry?.scope ?? null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Session and scope in one place: reads the session cookie, builds request.scope, enforces the route's
 * declared access level and checks the CSRF token on state-changing requests.
 */
export function registerSession(app: FastifyInstance, db: Database, config: Config, cache: ScopeCache | null = null) {
  app.decorateRequest('scope', null);

  if (cache) {
    // Exact on this instance without waiting for the notification: a write may have changed any scope (a role,
    // a membership, a session), so the whole cache goes before its answer leaves. Reads keep it; see ADR 0006.
    app.addHook('onSend', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS') cache.clear();
    });
  }

  app.addHook('onRoute', (route) => {
    if ((route.url.startsWith('/api/v1') || route.url.startsWith('/oparl/')) && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access level`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const token = request.cookies[SESSION_COOKIE];
    const tokenHash = token ? hashSecret(token) : null;
    const scope = tokenHash ? await scopeFor(db, cache, tokenHash) : null;
    request.scope = scope;
    if (access === 'public') return;
    if (!scope) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
    const methods = Array.isArray(request.method) ? request.method : [request.method];
    if (methods.some((m) => UNSAFE.has(m))) {
      const sent = request.headers['x-csrf-token'];
      if (sent !== scope.csrfToken)
        throw new AppError(
          'csrf_failed',
          'Das Sicherheitsmerkmal der Anfrage fehlt oder ist falsch. Bitte laden Sie die Seite neu.',
        );
    }
    if (access === 'tenant' && !scope.municipalityId) {
      throw new AppError('forbidden', 'Bitte wählen Sie zuerst eine Kommune.');
    }
    if (access === 'platform' && !scope.user.isPlatformAdmin) {
      throw new AppError('forbidden', 'Das darf nur die Plattform-Administration.');
    }
    // sliding expiry, at most once a minute per session (no round trip in between)
    if (scope.lastSeenAt.getTime() > Date.now() - 60_000) return;
    const lastSeenAt = new Date();
    const expiresAt = new Date(lastSeenAt.getTime() + config.sessionTtlHours * 3600_000);
    await db
      .updateTable('sessions')
      .set({ lastSeenAt, expiresAt })
      .where('id', '=', scope.sessionId)
      .where('lastSeenAt', '<', new Date(Date.now() - 60_000))
      .execute();
    // the trigger ignores a later expiry (nothing cached becomes wrong), so the entry is updated here
    if (tokenHash) cache?.touch(tokenHash, lastSeenAt, expiresAt);
  });
}

/** The scope of an authenticated route (the access hook guarantees it). */
export function scopeOf(request: FastifyRequest): Scope {
  if (!request.scope) throw new AppError('unauthenticated');
  return request.scope;
}

/** The scope of a tenant route, with the active municipality. */
export function tenantScopeOf(request: FastifyRequest): TenantScope {
  const s = scopeOf(request);
  if (!s.municipalityId) throw new AppError('forbidden');
  return s as TenantScope;
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: config.sessionTtlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}
