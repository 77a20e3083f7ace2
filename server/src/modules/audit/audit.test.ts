import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { openCsvInCalc } from '../../../test/libreoffice.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('audit trail', () => {
  it('records every write with actor, entity and before/after of the changed fields only', async () => {
    const m = await buildMunicipality(ctx.db);
    const u = await buildUser(ctx.db, { municipalityId: m.id, role: 'admin', name: 'Anna Admin' });
    const c = await login(ctx.app, u.email);
    const d = (await c.post('/api/v1/departments', { code: '80', name: 'Wirtschaftsförderung' })).json();
    await c.patch(`/api/v1/departments/${d.id}`, { version: 1, code: '80', name: 'Wirtschaft und Tourismus' });
    const page = (await c.get('/api/v1/audit?entity=department')).json();
    expect(page.total).toBe(2);
    const [update, create] = page.items;
    expect(update).toMatchObject({
      action: 'update',
      entity: 'department',
      entityId: d.id,
      actorId: u.id,
      actorName: 'Anna Admin',
    });
    expect(update.changes).toEqual({ name: { before: 'Wirtschaftsförderung', after: 'Wirtschaft und Tourismus' } });
    expect(create.changes.name).toEqual({ before: null, after: 'Wirtschaftsförderung' });
    const filtered = (await c.get('/api/v1/audit?action=create&entity=department')).json();
    expect(filtered.total).toBe(1);
    const future = (await c.get('/api/v1/audit?from=2999-01-01')).json();
    expect(future.total).toBe(0);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('exports CSV for admins, filtered to the own municipality', async () => {
    const m = await buildMunicipality(ctx.db);
    const u = await buildUser(ctx.db, { municipalityId: m.id, role: 'admin', name: '=2+3' });
    const c = await login(ctx.app, u.email);
    await c.post('/api/v1/departments', { name: 'Exportamt' });
    await c.post('/api/v1/departments', { code: '-5', name: '@SUMME(1;2)' });
    const res = await c.get('/api/v1/audit/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body).toMatch(/^\uFEFF.*\r\n$/s);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Zeitpunkt;Person;Personen-ID;Aktion;Objekt;Betrifft;Objekt-ID;Änderungen');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('Exportamt');
    // German LibreOffice with formulas evaluated: every cell arrives as text, nothing runs
    const { a } = await openCsvInCalc({ a: res.body });
    expect(a).toHaveLength(3);
    // (an entry about no account leaves „Betrifft“ empty)
    expect(a.flat().every((cell) => cell.kind === 'text' || cell.kind === 'empty')).toBe(true);
    expect(a.flat().filter((cell) => cell.kind === 'text').length).toBeGreaterThan(a.length * 6);
    expect(a[1]?.[1]?.value).toBe("'=2+3");
    expect(a[1]?.[7]?.value).toContain('@SUMME(1;2)');
  });

  it('is only for admins', async () => {
    const m = await buildMunicipality(ctx.db);
    const c = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    expect((await c.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await c.get('/api/v1/audit/export.csv')).statusCode).toBe(403);
  });
});
