import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('networks', () => {
  it('a coordinator founds a network, moderates it and their municipality is a member', async () => {
    const m = await buildMunicipality(ctx.db);
    const u = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' });
    const c = await login(ctx.app, u.email);
    const res = await c.post('/api/v1/networks', {
      name: 'Kreiskooperation Test',
      type: 'district_cooperation',
      description: 'Gemeinsam',
    });
    expect(res.statusCode).toBe(201);
    const c2 = await login(ctx.app, u.email);
    const n = (await c2.get(`/api/v1/networks/${res.json().id}`)).json();
    expect(n.members.map((x: { municipalityId: string }) => x.municipalityId)).toEqual([m.id]);
    expect(n.moderators[0].userId).toBe(u.id);
    expect(n.can.manageMembers).toBe(true);
  });

  it('a moderator adds members, records leaving with a date and keeps the history', async () => {
    const mod = await buildUser(ctx.db);
    const a = await buildMunicipality(ctx.db);
    const b = await buildMunicipality(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, [a.id]);
    const c = await login(ctx.app, mod.email);
    const added = await c.post(`/api/v1/networks/${net.id}/members`, { municipalityId: b.id, joinedOn: '2025-02-01' });
    expect(added.statusCode).toBe(201);
    expect(
      (await c.post(`/api/v1/networks/${net.id}/members`, { municipalityId: b.id, joinedOn: '2025-02-01' })).statusCode,
    ).toBe(409);
    const early = await c.post(`/api/v1/networks/${net.id}/members/${b.id}/leave`, { leftOn: '2025-01-01' });
    expect(early.statusCode).toBe(400);
    const left = await c.post(`/api/v1/networks/${net.id}/members/${b.id}/leave`, { leftOn: '2026-03-31' });
    expect(left.statusCode).toBe(200);
    const members = left.json().members;
    expect(members.find((x: { municipalityId: string }) => x.municipalityId === b.id)).toMatchObject({
      joinedOn: '2025-02-01',
      leftOn: '2026-03-31',
    });
    // rejoining creates a new period
    await c.post(`/api/v1/networks/${net.id}/members`, { municipalityId: b.id, joinedOn: '2026-06-01' });
    const again = (await c.get(`/api/v1/networks/${net.id}`)).json();
    expect(again.members.filter((x: { municipalityId: string }) => x.municipalityId === b.id)).toHaveLength(2);
    expect(
      (await c.get('/api/v1/networks')).json().items.find((x: { id: string }) => x.id === net.id).memberCount,
    ).toBe(2);
  });

  it('members see the network but cannot manage it; outsiders get 404', async () => {
    const mod = await buildUser(ctx.db);
    const a = await buildMunicipality(ctx.db);
    const outsiderM = await buildMunicipality(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, [a.id]);
    const member = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: a.id, role: 'staff' })).email);
    const outsider = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: outsiderM.id, role: 'admin' })).email,
    );
    const view = await member.get(`/api/v1/networks/${net.id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().can.manageMembers).toBe(false);
    expect(view.json().moderators[0].email).toBe('');
    expect(
      (
        await member.post(`/api/v1/networks/${net.id}/members`, {
          municipalityId: outsiderM.id,
          joinedOn: '2025-01-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await outsider.get(`/api/v1/networks/${net.id}`)).statusCode).toBe(404);
    expect((await outsider.get('/api/v1/networks')).json().items.some((x: { id: string }) => x.id === net.id)).toBe(
      false,
    );
  });

  it('updates with version check and manages moderators (at least one stays)', async () => {
    const mod = await buildUser(ctx.db);
    const second = await buildUser(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, []);
    const c = await login(ctx.app, mod.email);
    const ok = await c.patch(`/api/v1/networks/${net.id}`, {
      version: 1,
      name: 'Vergleichsring Süd',
      type: 'benchmarking_ring',
      description: 'neu',
    });
    expect(ok.json()).toMatchObject({ name: 'Vergleichsring Süd', version: 2 });
    expect(
      (
        await c.patch(`/api/v1/networks/${net.id}`, {
          version: 1,
          name: 'Überschrieben',
          type: 'circle',
          description: '',
        })
      ).statusCode,
    ).toBe(409);
    expect((await c.post(`/api/v1/networks/${net.id}/moderators`, { email: 'unbekannt@example.org' })).statusCode).toBe(
      400,
    );
    expect((await c.post(`/api/v1/networks/${net.id}/moderators`, { email: second.email })).statusCode).toBe(201);
    expect((await c.del(`/api/v1/networks/${net.id}/moderators/${second.id}`)).statusCode).toBe(200);
    expect((await c.del(`/api/v1/networks/${net.id}/moderators/${mod.id}`)).statusCode).toBe(409);
  });

  it('staff cannot found networks', async () => {
    const m = await buildMunicipality(ctx.db);
    const c = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
    expect((await c.post('/api/v1/networks', { name: 'Mein Zirkel', type: 'circle' })).statusCode).toBe(403);
  });
});
