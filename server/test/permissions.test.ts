import { flagsOf, type Resource, RULES } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/lib/ids.js';
import { buildMunicipality, buildNetwork, buildUser } from './factories.js';
import { type Client, createTestContext, login, type TestContext } from './helpers.js';
import {
  ACTORS,
  type Actor,
  DERIVED,
  type Env,
  type Json,
  ok,
  type Probe,
  READ_FLAGS,
} from './permission-probe-kit.js';
import { MUNICIPAL_PROBES, VARIANTS } from './permission-probes.js';
import { EXCHANGE_PROBES } from './permission-probes-exchange.js';

const PROBES: Record<string, Probe> = { ...MUNICIPAL_PROBES, ...EXCHANGE_PROBES };

/**
 * The `can` flags equal the checks. For every resource of the one permission model (core/domain/permissions.ts)
 * and every flag of its rule, a probe reads the flag as the UI gets it and then tries the write the flag
 * stands for — as every role of a municipality and as a network moderator, each on a fresh resource. A
 * flag that says yes must meet a write that succeeds; a flag that says no, a write that is refused. A rule
 * or flag without a probe fails the suite, so a new resource must be proven here.
 */
let ctx: TestContext;
let M: string;
const clients = {} as Record<Actor, Client>;
const users = {} as Record<Actor, { id: string; email: string }>;
let base: Omit<Env, 'actor' | 'db' | 'M'>;

beforeAll(async () => {
  ctx = await createTestContext();
  const m = await buildMunicipality(ctx.db, { name: 'Rechtehausen' });
  M = m.id;
  const other = await buildMunicipality(ctx.db, { name: 'Nachbarort' });
  // the owner creates the fixtures: a coordinator who moderates the network of M and the other municipality
  const ownerUser = await buildUser(ctx.db, { municipalityId: M, role: 'coordinator' });
  const otherUser = await buildUser(ctx.db, { municipalityId: other.id, role: 'coordinator' });
  const net = await buildNetwork(ctx.db, ownerUser.id, [M, other.id], 'Rechtezirkel');
  for (const a of ACTORS) {
    users[a] =
      a === 'moderator'
        ? ownerUser
        : await buildUser(ctx.db, { municipalityId: M, role: a, email: `${a}-${newId()}@example.org` });
    clients[a] = await login(ctx.app, users[a].email);
  }
  const otherOwner = await login(ctx.app, otherUser.email);
  // another municipality's project, published to everybody
  const op = await ok(otherOwner.post('/api/v1/projects', { title: 'Digitale Bauakte' }));
  const pub = await ok(
    otherOwner.put(`/api/v1/projects/${op.id}/publication`, {
      version: 0,
      visibility: 'all',
      title: 'Digitale Bauakte',
      stage: 'running',
      contactRole: 'Bauamt',
    }),
  );
  base = {
    owner: clients.moderator,
    ownerUser,
    other,
    otherOwner,
    networkId: net.id,
    entryId: pub.publicationId,
  };
}, 120_000);
afterAll(() => ctx?.close());

describe('one permission model: every can flag equals what its write answers', () => {
  it('has a probe for every flag of every rule (or says why a flag is a read or derived)', () => {
    const missing: string[] = [];
    for (const resource of Object.keys(RULES) as Resource[]) {
      if (resource in DERIVED) continue;
      for (const f of flagsOf(resource)) {
        const key = `${resource}.${f}`;
        if (!(key in PROBES) && !(key in READ_FLAGS)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    const unknown = Object.keys(PROBES).filter((k) => !(k.split('.')[0]! in RULES));
    expect(unknown).toEqual([]);
  });

  for (const actor of ACTORS)
    it(`as ${actor}: a flag that says yes meets a write that succeeds, a no one that is refused`, async () => {
      const env: Env = { ...base, actor: users[actor], db: ctx.db, M };
      const mismatches: string[] = [];
      for (const [key, probe] of [...Object.entries(PROBES), ...Object.entries(VARIANTS)]) {
        const c = await probe(env);
        const read = await clients[actor].get(c.read);
        const json: Json = read.statusCode === 200 ? read.json() : {};
        const flags = read.statusCode === 200 ? (c.can ?? ((j: Json) => j.can))(json) : {};
        const flag = key.split(' ')[0]!.split('.')[1]!;
        const says = Boolean(flags?.[flag]);
        const url = c.url.replace('MUNICIPALITY', M).replace('PROJECT', c.read.split('/').pop()!);
        const res = await clients[actor].inject({
          method: c.method,
          url,
          ...(c.body ? { payload: c.body(json) } : {}),
        });
        expect(res.statusCode, `${actor} ${key}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        const done = res.statusCode < 300;
        if (says !== done)
          mismatches.push(`${key}: can=${says}, ${c.method} ${c.url} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      expect(mismatches).toEqual([]);
    });
});
