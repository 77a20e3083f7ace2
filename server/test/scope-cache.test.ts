import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { ScopeCache } from '../src/plugins/scope-cache.js';
import { buildMunicipality, buildNetwork, buildUser } from './factories.js';
import { type Client, clientFromCookie, createTestContext, lastMailLink, login, type TestContext } from './helpers.js';

const TODAY = new Date().toISOString().slice(0, 10);

let ctx: TestContext;
let b: { app: FastifyInstance; db: Database; statements(): number };
beforeAll(async () => {
  ctx = await createTestContext();
  b = await ctx.secondInstance();
});
afterAll(() => ctx?.close());

/** Waits until every scope notification committed so far has reached the instance (ADR 0006, "Tests"). */
async function synced(app: FastifyInstance, db: Database) {
  await app.scopeCache?.sync(db);
}

/** The response and the statements it sent through `count`. */
async function counted(count: () => number, send: () => Promise<LightMyRequestResponse>) {
  const before = count();
  const res = await send();
  return { res, statements: count() - before };
}

/** A municipality with an admin and a coordinator, both signed in on A, and the coordinator's scope cached. */
async function team() {
  const m = await buildMunicipality(ctx.db);
  const admin = await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' });
  const user = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
  const adminClient = await login(ctx.app, admin.email);
  const userClient = await login(ctx.app, user.email);
  await synced(ctx.app, ctx.db);
  await userClient.get('/api/v1/auth/session'); // loads and caches the scope
  return { m, admin, user, adminClient, userClient };
}

/** The same session (cookie) on instance B, its scope cached there (checked: a request sends no statement). */
async function onB(c: Client): Promise<Client> {
  await synced(b.app, b.db);
  const other = await clientFromCookie(b.app, c.cookie);
  expect((await counted(b.statements, () => other.get('/api/v1/networks'))).statements).toBe(0);
  return other;
}

const session = async (c: Client) => c.get('/api/v1/auth/session');

describe('scope cache on one instance', () => {
  it('serves a cached scope without a statement; a cleared cache loads it again', async () => {
    const { userClient } = await team();
    // a member without networks: the route itself sends nothing, so every statement would be the scope's
    const cached = await counted(ctx.statements, () => userClient.get('/api/v1/networks'));
    expect(cached.res.statusCode).toBe(200);
    expect(cached.statements).toBe(0);
    ctx.app.scopeCache?.clear();
    expect((await counted(ctx.statements, () => userClient.get('/api/v1/networks'))).statements).toBe(1);
  });

  it('logout and logout-everywhere take effect on the next request', async () => {
    const { user, userClient } = await team();
    const second = await login(ctx.app, user.email);
    await second.get('/api/v1/auth/session');
    expect((await userClient.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await session(userClient)).statusCode).toBe(401);
    expect((await session(second)).statusCode).toBe(200);
    const third = await login(ctx.app, user.email);
    expect((await third.post('/api/v1/auth/logout-everywhere')).statusCode).toBe(200);
    expect((await session(second)).statusCode).toBe(401);
  });

  it('a password reset ends the cached session', async () => {
    const { user, userClient } = await team();
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    await ctx.app.detached.settled();
    const token = new URL((await lastMailLink(ctx.outbox, user.email)).link).searchParams.get('token')!;
    const confirm = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'ein ganz neues passwort' },
    });
    expect(confirm.statusCode).toBe(200);
    expect((await session(userClient)).statusCode).toBe(401);
  });

  it('role change, municipality switch and membership removal change the next scope', async () => {
    const { m, user, adminClient, userClient } = await team();
    const other = await buildMunicipality(ctx.db);
    await ctx.db
      .insertInto('memberships')
      .values({ userId: user.id, municipalityId: other.id, role: 'staff' })
      .execute();
    expect((await adminClient.patch(`/api/v1/members/${user.id}`, { role: 'council', version: 1 })).statusCode).toBe(
      200,
    );
    expect((await session(userClient)).json().roles).toEqual(['council']);
    expect((await userClient.post('/api/v1/auth/switch', { municipalityId: other.id })).statusCode).toBe(200);
    const switched = (await session(userClient)).json();
    expect(switched.activeMunicipalityId).toBe(other.id);
    expect(switched.roles).toEqual(['staff']);
    // back in the first municipality, the admin removes the membership: the session there ends
    await userClient.post('/api/v1/auth/switch', { municipalityId: m.id });
    await session(userClient);
    expect((await adminClient.del(`/api/v1/members/${user.id}`)).statusCode).toBe(200);
    expect((await session(userClient)).statusCode).toBe(401);
  });

  it('leaving a network removes it from the next scope', async () => {
    const { m, user, userClient } = await team();
    const net = await buildNetwork(ctx.db, user.id, [m.id]);
    await ctx.db.deleteFrom('networkModerators').where('networkId', '=', net.id).execute();
    await synced(ctx.app, ctx.db);
    expect((await userClient.get(`/api/v1/networks/${net.id}`)).statusCode).toBe(200);
    const left = await userClient.post(`/api/v1/networks/${net.id}/members/${m.id}/leave`, { leftOn: TODAY });
    expect(left.statusCode).toBe(200);
    expect((await userClient.get(`/api/v1/networks/${net.id}`)).statusCode).toBe(404);
  });

  it('changes written directly to the database (platform admin flag, name, deletion) reach the cache', async () => {
    const { user, userClient } = await team();
    // no request of this instance wrote anything: only the trigger's notification can invalidate the entry
    await ctx.db
      .updateTable('users')
      .set({ isPlatformAdmin: true, name: 'Neu Benannt' })
      .where('id', '=', user.id)
      .execute();
    await synced(ctx.app, ctx.db);
    const s = (await session(userClient)).json();
    expect(s.user.isPlatformAdmin).toBe(true);
    expect(s.user.name).toBe('Neu Benannt');
    await ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('userId', '=', user.id).execute();
      await trx.deleteFrom('memberships').where('userId', '=', user.id).execute();
      await trx.deleteFrom('users').where('id', '=', user.id).execute();
    });
    await synced(ctx.app, ctx.db);
    expect((await session(userClient)).statusCode).toBe(401);
  });

  it('never serves an expired session; the sliding expiry updates the cached entry', async () => {
    const { user, userClient } = await team();
    await session(userClient);
    // the sliding expiry is due: it writes once, the trigger ignores it and the entry stays cached
    await ctx.db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - 120_000) })
      .where('userId', '=', user.id)
      .execute();
    ctx.app.scopeCache?.clear();
    await session(userClient); // loads (old lastSeenAt), writes the extension, touches the entry
    const cached = await counted(ctx.statements, () => userClient.get('/api/v1/networks'));
    expect(cached.statements).toBe(0);
    // an expiry moved into the past (shorter: the trigger notifies) is never served from the cache
    await ctx.db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('userId', '=', user.id)
      .execute();
    await synced(ctx.app, ctx.db);
    expect((await session(userClient)).statusCode).toBe(401);
  });

  it('an entry past its expiry is dropped even without a notification; the size is capped', async () => {
    const cache = new ScopeCache(async () => async () => {}, { max: 2, ttlMs: 60_000 });
    await cache.start(ctx.db);
    const scope = {
      sessionId: 's',
      csrfToken: 'c',
      lastSeenAt: new Date(),
      user: { id: 'u', email: 'e', name: 'n', locale: 'de', isPlatformAdmin: false },
      municipalityId: null,
      roles: [],
      networkIds: [],
      moderatedNetworkIds: [],
    };
    const soon = new Date(Date.now() + 1000);
    for (const key of ['a', 'b', 'c'])
      cache.set(key, { scope, activeMunicipalityId: null, expiresAt: soon }, cache.begin());
    expect(cache.size()).toBe(2);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).not.toBeNull();
    expect(cache.get('b', Date.now() + 2000)).toBeNull();
    // a load that overlapped an invalidation is not stored
    const generation = cache.begin();
    cache.clear();
    cache.set('d', { scope, activeMunicipalityId: null, expiresAt: soon }, generation);
    expect(cache.get('d')).toBeNull();
    await cache.close();
  });

  it('SCOPE_CACHE=off loads the scope on every request', async () => {
    const off = await createTestContext({ scopeCache: false });
    try {
      expect(off.app.scopeCache).toBeNull();
      const u = await buildUser(off.db, { municipalityId: (await buildMunicipality(off.db)).id });
      const c = await login(off.app, u.email);
      expect((await counted(off.statements, () => c.get('/api/v1/networks'))).statements).toBe(1);
      expect((await counted(off.statements, () => c.get('/api/v1/networks'))).statements).toBe(1);
    } finally {
      await off.close();
    }
  });
});

/**
 * Two app instances on one database: PostgreSQL in the PostgreSQL pass (own pools and listening connections), the
 * shared embedded database otherwise. B's scope is cached before each change through A.
 */
describe('scope cache across two instances', () => {
  it('logout through A ends the session on B', async () => {
    const { userClient } = await team();
    const other = await onB(userClient);
    expect((await userClient.post('/api/v1/auth/logout')).statusCode).toBe(200);
    await synced(b.app, b.db);
    expect((await session(other)).statusCode).toBe(401);
  });

  it('a role change through A is the role on B', async () => {
    const { user, adminClient, userClient } = await team();
    const other = await onB(userClient);
    await adminClient.patch(`/api/v1/members/${user.id}`, { role: 'staff', version: 1 });
    await synced(b.app, b.db);
    expect((await session(other)).json().roles).toEqual(['staff']);
  });

  it('a membership removal through A ends the session on B', async () => {
    const { user, adminClient, userClient } = await team();
    const other = await onB(userClient);
    expect((await adminClient.del(`/api/v1/members/${user.id}`)).statusCode).toBe(200);
    await synced(b.app, b.db);
    expect((await session(other)).statusCode).toBe(401);
  });

  it('a password reset through A ends the session on B', async () => {
    const { user, userClient } = await team();
    const other = await onB(userClient);
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    await ctx.app.detached.settled();
    const token = new URL((await lastMailLink(ctx.outbox, user.email)).link).searchParams.get('token')!;
    await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'ein ganz neues passwort' },
    });
    await synced(b.app, b.db);
    expect((await session(other)).statusCode).toBe(401);
  });
});
