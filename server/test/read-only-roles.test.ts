import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from './factories.js';
import { type Client, createTestContext, login, multipart, type TestContext } from './helpers.js';
import { ROLES, type Role, type Spec, WRITES } from './read-only-routes.js';
import { buildResources, fillIds, fillPath } from './resource-fixtures.js';
import { WRITE_BODIES } from './write-bodies.js';

/**
 * Read-only roles suite: enumerates every registered write route (POST, PUT, PATCH, DELETE). Members of
 * the same municipality in the roles that may not do something (council everywhere; staff and mayor
 * where the role matrix in members.policy.ts leaves them out) hold real ids of their own municipality's
 * resources, created by a coordinator, and must get 403/404 on every such route — and nothing in the
 * database or the outbox may change. A write route missing from WRITES fails the suite, so new routes
 * must be classified here.
 */

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let ctx: TestContext;
const ids: Record<string, string> = {};
const clients = {} as Record<Role, Client>;
const userIds = {} as Record<Role, string>;
let owner: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  const M = await buildMunicipality(ctx.db, { name: 'Gemeinde Ratsdorf' });
  const other = await buildMunicipality(ctx.db, { name: 'Gemeinde Nachbarort' });
  const coordinator = await buildUser(ctx.db, { municipalityId: M.id, role: 'coordinator' });
  const colleague = await buildUser(ctx.db, { municipalityId: M.id, role: 'staff' });
  const built = await buildResources(ctx, M, coordinator, colleague);
  owner = await login(ctx.app, coordinator.email);
  const otherNeed = await owner.post('/api/v1/needs', { title: 'Zweiter Bedarf', source: 'citizen' });
  expect(otherNeed.statusCode, otherNeed.body).toBe(201);
  Object.assign(ids, built.ids, {
    OWNER: coordinator.id,
    COLLEAGUE_EMAIL: colleague.email,
    OTHER_MUNICIPALITY: other.id,
    OTHER_NEED: otherNeed.json().id as string,
  });
  for (const role of ROLES) {
    const u = await buildUser(ctx.db, { municipalityId: M.id, role });
    userIds[role] = u.id;
    clients[role] = await login(ctx.app, u.email);
  }
});
afterAll(() => ctx?.close());

/** Every row of every table (sessions aside: their sliding expiry moves on reads), plus the outbox. */
async function snapshot(): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'sessions'
    order by table_name`.execute(ctx.db);
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(ctx.db);
    out[name] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  out.outbox = fs.existsSync(ctx.outbox) ? fs.readdirSync(ctx.outbox).sort() : [];
  return out;
}

function changedTables(before: Record<string, string[]>, after: Record<string, string[]>) {
  return Object.keys({ ...before, ...after }).filter(
    (t) => JSON.stringify(before[t] ?? []) !== JSON.stringify(after[t] ?? []),
  );
}

function request(client: Client, method: string, url: string, spec: Spec) {
  const params = spec.kind === 'write' ? spec.params : undefined;
  const path = fillPath(
    url.replace(/:(\w+)/g, (m, p: string) => (params?.[p] ? `:${params[p]}` : m)),
    ids,
  );
  if (spec.kind === 'write' && spec.file)
    return client.inject({ method: method as 'POST', url: path, ...multipart('rat.txt', Buffer.from('Aus dem Rat')) });
  const body =
    spec.kind === 'write' || spec.kind === 'compute'
      ? fillIds(spec.body ?? WRITE_BODIES[`${method} ${url}`], ids)
      : undefined;
  return client.inject({ method: method as 'POST', url: path, ...(body ? { payload: body } : {}) });
}

describe('read-only roles', () => {
  it('classifies every registered write route', () => {
    const writes = ctx.app.routeList
      .filter((r) => r.url.startsWith('/api/v1') && WRITE_METHODS.has(r.method))
      .map((r) => `${r.method} ${r.url}`);
    expect(writes.filter((k) => !(k in WRITES))).toEqual([]);
    expect(Object.keys(WRITES).filter((k) => !writes.includes(k))).toEqual([]);
    // a route classified public here is declared public on the server, and vice versa
    const mismatch = ctx.app.routeList.filter(
      (r) =>
        WRITE_METHODS.has(r.method) && (r.access === 'public') !== (WRITES[`${r.method} ${r.url}`]?.kind === 'public'),
    );
    expect(mismatch.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(Object.values(ids).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
  });

  for (const role of ROLES) {
    it(`answers 403/404 to ${role} on every write the matrix does not grant, and changes nothing`, async () => {
      const before = await snapshot();
      const failures: string[] = [];
      for (const r of ctx.app.routeList) {
        const key = `${r.method} ${r.url}`;
        const spec = WRITES[key];
        if (spec?.kind !== 'write' || spec.allow?.includes(role)) continue;
        const res = await request(clients[role], r.method, r.url, spec);
        if (res.statusCode !== 403 && res.statusCode !== 404)
          failures.push(
            `${key} → ${res.statusCode} ${res.body.slice(0, 160)} ${res.statusCode === 400 ? JSON.stringify(res.json().errors) : ''}`,
          );
      }
      expect(failures).toEqual([]);
      expect(changedTables(before, await snapshot())).toEqual([]);
    });
  }

  it('answers computations to every role without storing anything', async () => {
    const before = await snapshot();
    for (const role of ROLES)
      for (const r of ctx.app.routeList) {
        const spec = WRITES[`${r.method} ${r.url}`];
        if (spec?.kind !== 'compute') continue;
        const res = await request(clients[role], r.method, r.url, spec);
        expect(res.statusCode, `${role} ${r.method} ${r.url} ${res.body.slice(0, 160)}`).toBeLessThan(400);
      }
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it('lets a council member named owner or on the team still only read; staff in that place edits', async () => {
    const make = async (role: Role) => {
      const res = await owner.post('/api/v1/projects', {
        title: `Projekt mit ${role}`,
        ownerId: userIds[role],
        teamIds: [userIds[role]],
      });
      expect(res.statusCode, res.body).toBe(201);
      return (await owner.get(`/api/v1/projects/${res.json().id}`)).json();
    };
    const councils = await make('council');
    expect((await clients.council.get(`/api/v1/projects/${councils.id}`)).json().can).toMatchObject({
      edit: false,
      comment: false,
    });
    const before = await snapshot();
    const attempts = [
      await clients.council.patch(`/api/v1/projects/${councils.id}`, {
        version: councils.version,
        title: 'Gekapert',
        phase: 'done',
      }),
      await clients.council.post(`/api/v1/projects/${councils.id}/milestones`, {
        title: 'Gekapert',
        dueOn: '2027-01-01',
      }),
      await clients.council.post(`/api/v1/projects/${councils.id}/comments`, { body: 'Gekapert' }),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    expect(attempts[2]!.json().detail).toBe('Ihre Rolle darf nur lesen.');
    expect(changedTables(before, await snapshot())).toEqual([]);
    const staffs = await make('staff');
    const ok = await clients.staff.patch(`/api/v1/projects/${staffs.id}`, {
      version: staffs.version,
      title: 'Umbenannt',
      phase: 'planning',
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
