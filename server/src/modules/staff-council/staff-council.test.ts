import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from '../../../test/factories.js';
import { createTestContext, login, type TestContext } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf-text.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const answers = {
  monitoring: 'yes',
  workMethods: 'yes',
  workplaces: 'no',
  performance: 'no',
  organisation: 'no',
  employeeData: 'yes',
  dailyWork: 'yes',
};
const check = { version: 0, answers, status: 'informed', informedOn: '2027-01-12', note: 'Auftaktgespräch' };

async function setup() {
  const m = await buildMunicipality(ctx.db);
  const coordUser = await buildUser(ctx.db, { municipalityId: m.id, role: 'coordinator', name: 'Clara Koordination' });
  const coord = await login(ctx.app, coordUser.email);
  const projectId = (await coord.post('/api/v1/projects', { title: 'E-Rechnung' })).json().id as string;
  return { m, coord, projectId };
}

describe('staff council check', () => {
  it('is read by the municipality, saved by who edits the project, versioned and audited', async () => {
    const { m, coord, projectId } = await setup();
    const staff = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'staff' })).email);
    const council = await login(ctx.app, (await buildUser(ctx.db, { municipalityId: m.id, role: 'council' })).email);
    const url = `/api/v1/projects/${projectId}/staff-council`;

    const empty = (await staff.get(url)).json();
    expect(empty).toMatchObject({ version: 0, status: 'not_started', informedOn: null, can: { edit: false } });
    expect(empty.assessment.open).toBe(7);
    expect((await coord.get(url)).json().can).toEqual({ edit: true });

    expect((await staff.put(url, check)).statusCode).toBe(403);
    expect((await council.put(url, check)).statusCode).toBe(403);
    const saved = await coord.put(url, check);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      status: 'informed',
      informedOn: '2027-01-12',
      note: 'Auftaktgespräch',
      updatedBy: 'Clara Koordination',
      assessment: { level: 'codetermination', open: 0 },
    });
    expect(saved.json().assessment.reasons.map((r: { questionId: string }) => r.questionId)).toEqual([
      'monitoring',
      'workMethods',
      'employeeData',
      'dailyWork',
    ]);
    expect((await council.get(url)).json()).toMatchObject({ version: 1, status: 'informed' });

    // a second first save, or a stale one, conflicts
    expect((await coord.put(url, check)).statusCode).toBe(409);
    const next = { ...check, version: 1, status: 'consulted', consultedOn: '2027-02-03' };
    expect((await coord.put(url, next)).json()).toMatchObject({ version: 2, consultedOn: '2027-02-03' });
    expect((await coord.put(url, next)).statusCode).toBe(409);

    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'changes'])
      .where('entityId', '=', projectId)
      .where('action', '=', 'staff_council_check')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => a.changes)).toContainEqual(
      expect.objectContaining({ status: { before: 'informed', after: 'consulted' } }),
    );
  });

  it('answers dates that do not fit the status with German field errors', async () => {
    const { coord, projectId } = await setup();
    const url = `/api/v1/projects/${projectId}/staff-council`;
    const missing = await coord.put(url, { ...check, informedOn: null });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      {
        path: 'body.informedOn',
        code: 'status_date_required',
        message: 'Bitte geben Sie das Datum der Information an.',
      },
    ]);
    const backwards = await coord.put(url, {
      ...check,
      status: 'agreed',
      consultedOn: '2027-01-05',
      agreedOn: '2027-01-20',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([
      expect.objectContaining({ path: 'body.consultedOn', code: 'date_order' }),
    ]);
    expect(backwards.json().errors[0].message).toContain('liegt vor dem Datum der Information');
    const beyond = await coord.put(url, { ...check, concludedOn: '2027-03-01' });
    expect(beyond.json().errors[0]).toMatchObject({ path: 'body.concludedOn', code: 'date_beyond_status' });
    const bad = await coord.put(url, { ...check, answers: { monitoring: 'vielleicht' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.answers.monitoring');
    expect((await coord.get(url)).json().version).toBe(0);
  });

  it("keeps to the own municipality: another municipality's project is not found", async () => {
    const { projectId } = await setup();
    const { coord: other } = await setup();
    const url = `/api/v1/projects/${projectId}/staff-council`;
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await other.put(url, check)).statusCode).toBe(404);
  });

  it('goes into the decision paper: not made yet, then result and state with dates', async () => {
    const { coord, projectId } = await setup();
    const paperText = async () => {
      const draft = (await coord.get(`/api/v1/projects/${projectId}/decision-papers/draft`)).json();
      const { figures: _f, basedOnVersion: _b, ...input } = draft;
      const made = await coord.post(`/api/v1/projects/${projectId}/decision-papers`, input);
      expect(made.statusCode, made.body).toBe(201);
      const pdf = await coord.get(`/api/v1/projects/${projectId}/decision-papers/${made.json().id}/pdf`);
      return (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    };
    const before = await paperText();
    expect(before).toContain('Beteiligung des Personalrats');
    expect(before).toContain('wurde noch nicht vorgenommen');
    await coord.put(`/api/v1/projects/${projectId}/staff-council`, {
      ...check,
      status: 'consulted',
      consultedOn: '2027-02-03',
    });
    const after = await paperText();
    expect(after).toContain('Ergebnis der Prüfung: Mitbestimmung des Personalrats wahrscheinlich erforderlich.');
    expect(after).toContain('Stand des Verfahrens: erörtert (Information am 12.01.2027; Erörterung am 03.02.2027).');
    expect(after).toContain('§ 80 Abs. 1 BPersVG');
    expect(after).toContain('keine Rechtsberatung');
  });
});
