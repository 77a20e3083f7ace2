import { FORMER_STAFF_NAME } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { type Client, createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { sweepableName } from './free-text.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** A published news post of the municipality with an approved comment by `author`. */
async function commentedPost(coord: Client, author: Client, body: string) {
  const post = (await coord.post('/api/v1/news', { title: 'Aus dem Rathaus', body: 'Neues.' })).json();
  expect((await coord.post(`/api/v1/news/${post.id}/publish`, { version: post.version })).statusCode).toBe(200);
  expect((await author.post(`/api/v1/news/${post.id}/comments`, { body })).statusCode).toBe(201);
  for (const p of (await coord.get('/api/v1/news/comments/pending')).json().items)
    await coord.put(`/api/v1/news/${post.id}/comments/${p.id}`, { status: 'approved' });
  return post.id as string;
}

const commentBodies = async (c: Client, postId: string) =>
  (await c.get(`/api/v1/news/${postId}/comments`)).json().items.map((x: { body: string }) => x.body);

describe('erasure stays within the person and the municipality (found by an outside attack)', () => {
  it('a chosen name never rewrites roles, municipality names or another municipality’s texts', async () => {
    const m = await buildMunicipality(ctx.db, { name: 'Ober Löschingen' });
    const other = await buildMunicipality(ctx.db, { name: 'Unter Fremdingen' });
    const admin = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' })).email);
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    const otherCoord = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: other.id, role: 'coordinator' })).email,
    );
    const otherStaff = await buildUser(ctx.db, { municipalityId: other.id, role: 'staff' });

    // one person names themself "staff", another like the neighbouring municipality
    const plain = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff', name: 'staff' });
    const lookalike = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff', name: 'Unter Fremdingen' });
    const mine = await commentedPost(coord, coord, 'Danke an Unter Fremdingen aus dem Bauamt!');
    const theirs = await commentedPost(otherCoord, otherCoord, 'Willkommen in Unter Fremdingen!');

    const counts = [];
    for (const u of [plain, lookalike]) {
      const r = await admin.post(`/api/v1/privacy/people/${u.id}/erase`, { confirmEmail: u.email });
      expect(r.statusCode, r.body).toBe(200);
      counts.push(r.json().pseudonymisedRows);
    }
    // the colleague's comment naming the second person counts as pseudonymised content
    expect(counts[1]).toBeGreaterThan(counts[0]);
    // the trail names whose account an entry is about: an export by name, the erasure under the pseudonym
    const asked = await buildUser(ctx.db, { municipalityId: m.id, role: 'staff', name: 'Karla Auskunft' });
    expect((await admin.get(`/api/v1/privacy/people/${asked.id}/export.json`)).statusCode).toBe(200);
    const trail = (await admin.get('/api/v1/audit?pageSize=50')).json().items;
    expect(trail.find((e: { action: string }) => e.action === 'privacy.export')).toMatchObject({
      entity: 'user',
      subjectName: 'Karla Auskunft',
    });
    expect(trail.find((e: { action: string }) => e.action === 'privacy.erase').subjectName).toBe(FORMER_STAFF_NAME);

    // roles and master data untouched
    const role = await ctx.db
      .selectFrom('memberships')
      .select('role')
      .where('userId', '=', otherStaff.id)
      .executeTakeFirstOrThrow();
    expect(role.role).toBe('staff');
    const names = await ctx.db
      .selectFrom('municipalities')
      .select('name')
      .where('id', 'in', [m.id, other.id])
      .orderBy('name')
      .execute();
    expect(names.map((n) => n.name)).toEqual(['Ober Löschingen', 'Unter Fremdingen']);
    // the other municipality's text stays; the own municipality's mention of the person is pseudonymised
    expect(await commentBodies(otherCoord, theirs)).toEqual(['Willkommen in Unter Fremdingen!']);
    expect(await commentBodies(coord, mine)).toEqual([`Danke an ${FORMER_STAFF_NAME} aus dem Bauamt!`]);
  });

  it('two administrators erasing each other at once: exactly one succeeds, the municipality keeps an admin', async () => {
    const m = await buildMunicipality(ctx.db, { name: 'Zweiadminhausen' });
    const a = await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' });
    const b = await buildUser(ctx.db, { municipalityId: m.id, role: 'admin' });
    const [ca, cb] = [await login(ctx.app, a.email), await login(ctx.app, b.email)];
    const results = await Promise.all([
      ca.post(`/api/v1/privacy/people/${b.id}/erase`, { confirmEmail: b.email }),
      cb.post(`/api/v1/privacy/people/${a.id}/erase`, { confirmEmail: a.email }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, expect.any(Number)]);
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.every((r) => r.statusCode < 500)).toBe(true);
    const admins = await ctx.db
      .selectFrom('memberships')
      .select('userId')
      .where('municipalityId', '=', m.id)
      .where('role', '=', 'admin')
      .execute();
    expect(admins).toHaveLength(1);
  });

  it('sweeps a name from others’ texts only when it names a person unmistakably', () => {
    expect(sweepableName('Zacharias Löschmann')).toBe(true);
    expect(sweepableName('Anna-Lena Meier-Schulz')).toBe(true);
    expect(sweepableName('Dr. Eva Roth')).toBe(true);
    for (const n of ['staff', 'admin', 'Ebersberg', 'Kämmerei', 'A B', '  ', 'x'])
      expect(sweepableName(n), n).toBe(false);
  });
});
