import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { expectTaggedPdf } from '../../../test/pdf-tags.js';
import { pdfText } from '../../../test/pdf-text.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('target picture', () => {
  it('starts from the default fields of action, saves goals with needs and indicators, keeps measured values', async () => {
    const m = await buildMunicipality(ctx.db);
    const coord = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator' })).email);
    const staff = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
    const need = (await coord.post('/api/v1/needs', { title: 'E-Rechnung', source: 'department' })).json().id;
    const start = (await coord.get('/api/v1/target-picture')).json();
    expect(start.version).toBe(0);
    expect(start.fields.map((f: { name: string }) => f.name)).toContain('Interkommunale Zusammenarbeit');
    const fields = structuredClone(start.fields);
    fields[1].goals = [
      {
        title: 'Rechnungen vollständig digital bearbeiten',
        needIds: [need],
        indicators: [{ name: 'Anteil E-Rechnungen', unit: '%', baseline: 10, target: 90, targetDate: '2027-12-31' }],
      },
    ];
    const saved = await coord.put('/api/v1/target-picture', { version: 0, vision: 'Digital, nah, gemeinsam.', fields });
    expect(saved.statusCode, saved.body).toBe(200);
    const tp = saved.json();
    expect(tp.version).toBe(1);
    const goal = tp.fields[1].goals[0];
    expect(goal.needIds).toEqual([need]);
    const ind = goal.indicators[0].id;
    await coord.post(`/api/v1/target-picture/indicators/${ind}/values`, { measuredOn: '2026-06-30', value: 35 });
    const withValue = (
      await coord.post(`/api/v1/target-picture/indicators/${ind}/values`, { measuredOn: '2026-12-31', value: 52 })
    ).json();
    expect(withValue.fields[1].goals[0].indicators[0].values.map((v: { value: number }) => v.value)).toEqual([35, 52]);
    // editing the goal keeps the indicator (same id) and its values
    const again = structuredClone(withValue.fields);
    again[1].goals[0].title = 'Alle Rechnungen digital';
    const second = (
      await coord.put('/api/v1/target-picture', { version: 1, vision: 'Digital, nah, gemeinsam.', fields: again })
    ).json();
    expect(second.fields[1].goals[0]).toMatchObject({ title: 'Alle Rechnungen digital' });
    expect(second.fields[1].goals[0].indicators[0].values).toHaveLength(2);
    // a project carries the goal; the PDF names it
    await coord.post('/api/v1/projects', {
      title: 'E-Rechnungs-Workflow',
      phase: 'planning',
      goalIds: [second.fields[1].goals[0].id],
    });
    // the PDF a council can adopt
    const pdf = await coord.get('/api/v1/target-picture.pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await expectTaggedPdf(pdf.rawPayload)).toEqual(expect.arrayContaining(['H1', 'H2', 'H3', 'Table', 'TH']));
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Digital, nah, gemeinsam.');
    expect(text).toContain('Alle Rechnungen digital');
    expect(text).toContain('Antwortet auf die Bedarfe:');
    expect(text).toContain('E-Rechnung');
    expect(text).toContain('Beschlussvorschlag');
    expect(text).toMatch(/Umgesetzt durch die Projekte:\s+E-Rechnungs-Workflow \(Planung\)/);
    // stale version, staff, foreign need
    expect((await coord.put('/api/v1/target-picture', { version: 1, vision: '', fields: again })).statusCode).toBe(409);
    expect((await staff.put('/api/v1/target-picture', { version: 2, vision: '', fields: again })).statusCode).toBe(403);
    const other = await buildMunicipality(ctx.db);
    const foreignCoord = await login(
      ctx.app,
      (await buildUser(ctx.db, { municipalityId: other.id, role: 'coordinator' })).email,
    );
    const foreign = structuredClone(start.fields);
    foreign[0].goals = [{ title: 'Fremder Bedarf', needIds: [need] }];
    expect(
      (await foreignCoord.put('/api/v1/target-picture', { version: 0, vision: '', fields: foreign })).statusCode,
    ).toBe(400);
    // removing the field removes goals, indicators and values with it
    const removed = (
      await coord.put('/api/v1/target-picture', { version: 2, vision: 'x', fields: again.slice(2) })
    ).json();
    expect(removed.fields).toHaveLength(4);
    expect(await ctx.db.selectFrom('indicatorValues').select('id').where('indicatorId', '=', ind).execute()).toEqual(
      [],
    );
  });
});
