import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('idea box', () => {
  it('staff submit and support ideas once; coordinators answer with a reason or turn them into needs', async () => {
    const m = await buildMunicipality(ctx.db);
    const anna = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff', name: 'Anna' })).email,
    );
    const ben = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    const council = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'council' })).email);
    const id = (
      await anna.post('/api/v1/ideas', { title: 'Urlaubsanträge digital', description: 'Statt Papierformular' })
    ).json().id;
    const other = (await ben.post('/api/v1/ideas', { title: 'Gemeinsamer Kalender' })).json().id;
    expect((await council.post('/api/v1/ideas', { title: 'Rat hat Ideen' })).statusCode).toBe(403);
    // one support each, not for one's own idea
    expect((await anna.post(`/api/v1/ideas/${id}/support`)).statusCode).toBe(409);
    await ben.post(`/api/v1/ideas/${id}/support`);
    await ben.post(`/api/v1/ideas/${id}/support`);
    await coord.post(`/api/v1/ideas/${id}/support`);
    const list = (await ben.get('/api/v1/ideas')).json();
    expect(list.items.map((i: { id: string; supports: number }) => [i.id, i.supports])).toEqual([
      [id, 2],
      [other, 0],
    ]);
    expect(list.items[0].supportedByMe).toBe(true);
    await ben.del(`/api/v1/ideas/${id}/support`);
    expect((await ben.get(`/api/v1/ideas/${id}`)).json().supports).toBe(1);
    // staff cannot decide; the coordinator answers with a reason
    expect(
      (await ben.post(`/api/v1/ideas/${other}/status`, { version: 1, status: 'rejected', reason: 'Nein' })).statusCode,
    ).toBe(403);
    const rejected = await coord.post(`/api/v1/ideas/${other}/status`, {
      version: 1,
      status: 'rejected',
      reason: 'Der Kreis stellt ab 2027 einen gemeinsamen Kalender bereit.',
    });
    expect(rejected.statusCode).toBe(200);
    const mine = (await ben.get('/api/v1/ideas?mine=true')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({ id: other, status: 'rejected', lastReason: expect.stringContaining('Kreis') }),
    ]);
    // into the needs register
    const d = (await coord.get(`/api/v1/ideas/${id}`)).json();
    expect(d.submittedBy).toBe('Anna');
    const converted = await coord.post(`/api/v1/ideas/${id}/need`, { version: d.version });
    expect(converted.statusCode).toBe(200);
    expect((await coord.post(`/api/v1/ideas/${id}/need`, { version: d.version + 1 })).statusCode).toBe(409);
    const annaView = (await anna.get(`/api/v1/ideas/${id}`)).json();
    expect(annaView).toMatchObject({ status: 'accepted', submittedBy: null });
    expect(annaView.events.map((e: { reason: string }) => e.reason)).toEqual([
      'Eingereicht',
      'Als Bedarf in das Bedarfsregister übernommen.',
    ]);
    const need = (await coord.get(`/api/v1/needs/${annaView.needId}`)).json();
    expect(need).toMatchObject({ title: 'Urlaubsanträge digital', source: 'employee' });
  });
});
