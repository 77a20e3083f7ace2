import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildNetwork, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { orQuery } from './needs.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function setup() {
  const m = await buildMunicipality(ctx.db);
  const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
  const staff = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
  const council = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'council' })).email);
  return { m, coord, staff, council };
}

describe('needs register', () => {
  it('builds a safe German OR query from free text', () => {
    expect(orQuery("Bauhöfe & 'DROP' | Digitalisierungsvorhaben!")).toBe(
      'bauhöfe:* | drop:* | digitalisierungsvorhaben:*',
    );
    expect(orQuery('a b')).toBeNull();
  });

  it('staff enter needs; similar needs are found with other German word forms', async () => {
    const { coord, staff, council } = await setup();
    const a = await staff.post('/api/v1/needs', {
      title: 'Digitale Einsatzplanung im Bauhof',
      description: 'Touren und Arbeitszeiten der Bauhöfe werden noch auf Papier geplant.',
      service: 'Bauhof',
      source: 'employee',
      urgency: 'high',
    });
    expect(a.statusCode).toBe(201);
    await coord.post('/api/v1/needs', { title: 'Online-Terminvergabe Bürgerbüro', source: 'citizen' });
    const similar = (await staff.get(`/api/v1/needs/similar?q=${encodeURIComponent('Bauhöfe Planung')}`)).json();
    expect(similar.items.map((x: { title: string }) => x.title)).toEqual(['Digitale Einsatzplanung im Bauhof']);
    const list = (await council.get(`/api/v1/needs?q=${encodeURIComponent('Terminvergaben')}`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.can.create).toBe(false);
    // a word still being typed
    expect((await staff.get('/api/v1/needs/similar?q=Einsatzpl')).json().items).toHaveLength(1);
    expect((await council.post('/api/v1/needs', { title: 'Rat will auch', source: 'citizen' })).statusCode).toBe(403);
    // staff may not change status
    const d = (await staff.get(`/api/v1/needs/${a.json().id}`)).json();
    expect(d.can.edit).toBe(false);
    const upd = await staff.patch(`/api/v1/needs/${d.id}`, { ...d, status: 'planned' });
    expect(upd.statusCode).toBe(403);
  });

  it('coordinators change status with a version check and merge duplicates keeping history', async () => {
    const { coord } = await setup();
    const a = (await coord.post('/api/v1/needs', { title: 'E-Rechnung einführen', source: 'department' })).json().id;
    const b = (
      await coord.post('/api/v1/needs', { title: 'Elektronische Rechnungen verarbeiten', source: 'employee' })
    ).json().id;
    const d = (await coord.get(`/api/v1/needs/${a}`)).json();
    const ok = await coord.patch(`/api/v1/needs/${a}`, { ...d, status: 'planned' });
    expect(ok.statusCode).toBe(200);
    const stale = await coord.patch(`/api/v1/needs/${a}`, { ...d, status: 'done' });
    expect(stale.statusCode).toBe(409);
    const bd = (await coord.get(`/api/v1/needs/${b}`)).json();
    const merged = await coord.post(`/api/v1/needs/${b}/merge`, { version: bd.version, intoId: a });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().merged).toEqual([{ id: b, title: 'Elektronische Rechnungen verarbeiten', description: '' }]);
    const old = (await coord.get(`/api/v1/needs/${b}`)).json();
    expect(old).toMatchObject({ status: 'merged', mergedInto: { id: a } });
    expect(old.history.map((h: { action: string }) => h.action)).toEqual(['merge', 'create']);
    // merged needs leave the default list but stay findable by status
    const list = (await coord.get('/api/v1/needs')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([a]);
    expect((await coord.get('/api/v1/needs?status=merged')).json().total).toBe(1);
    expect((await coord.post(`/api/v1/needs/${a}/merge`, { version: 2, intoId: a })).statusCode).toBe(400);
  });

  it('turns a workshop follow-up action into a need, linked by its stable id', async () => {
    const { m, coord } = await setup();
    const mod = await buildUser(ctx.db);
    const net = await buildNetwork(ctx.db, mod.id, [m.id]);
    const moderator = await login(ctx.app, mod.email);
    const ws = (
      await moderator.post('/api/v1/workshops', {
        networkId: net.id,
        title: 'Workshop',
        heldOn: '2026-06-10',
        municipalityIds: [m.id],
      })
    ).json().id;
    const action = (
      await moderator.post(`/api/v1/workshops/${ws}/actions`, { what: 'Shared Service Bauhof prüfen' })
    ).json().actions[0].id;
    const res = await coord.post('/api/v1/needs', {
      title: 'Shared Service Bauhof prüfen',
      source: 'department',
      workshopActionId: action,
    });
    expect(res.statusCode).toBe(201);
    const d = (await coord.get(`/api/v1/needs/${res.json().id}`)).json();
    expect(d).toMatchObject({ source: 'workshop', workshopAction: { id: action, workshopId: ws } });
    // another municipality cannot link that action
    const other = await setup();
    const foreign = await other.coord.post('/api/v1/needs', {
      title: 'Fremd',
      source: 'department',
      workshopActionId: action,
    });
    expect(foreign.statusCode).toBe(400);
  });
});
