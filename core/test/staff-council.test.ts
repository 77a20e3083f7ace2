import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessStaffCouncil,
  emptyStaffCouncilAnswers,
  STAFF_COUNCIL_ANSWERS,
  STAFF_COUNCIL_DATE_FIELDS,
  STAFF_COUNCIL_LEGAL_NOTE,
  STAFF_COUNCIL_LEVELS,
  STAFF_COUNCIL_QUESTION_IDS,
  STAFF_COUNCIL_QUESTIONS,
  STAFF_COUNCIL_STATUSES,
  type StaffCouncilAnswers,
  type StaffCouncilDates,
  staffCouncilDateIssues,
  staffCouncilSave,
} from '../src/index.js';

const allNo = (): StaffCouncilAnswers =>
  Object.fromEntries(STAFF_COUNCIL_QUESTION_IDS.map((id) => [id, 'no'])) as StaffCouncilAnswers;
const answersArb = fc.record(
  Object.fromEntries(STAFF_COUNCIL_QUESTION_IDS.map((id) => [id, fc.constantFrom(...STAFF_COUNCIL_ANSWERS)])) as Record<
    keyof StaffCouncilAnswers,
    fc.Arbitrary<(typeof STAFF_COUNCIL_ANSWERS)[number]>
  >,
);
const rank = (l: string) => STAFF_COUNCIL_LEVELS.indexOf(l as (typeof STAFF_COUNCIL_LEVELS)[number]);
const dates = (d: Partial<StaffCouncilDates> = {}): StaffCouncilDates => ({
  informedOn: null,
  consultedOn: null,
  agreedOn: null,
  concludedOn: null,
  ...d,
});

describe('staff council check', () => {
  it('asks every question with its legal basis and says which law applies', () => {
    expect(STAFF_COUNCIL_QUESTIONS.map((q) => q.id)).toEqual([...STAFF_COUNCIL_QUESTION_IDS]);
    for (const q of STAFF_COUNCIL_QUESTIONS) {
      expect(q.text.endsWith('?')).toBe(true);
      expect(q.basis).toContain('BPersVG');
    }
    const monitoring = STAFF_COUNCIL_QUESTIONS.find((q) => q.id === 'monitoring');
    expect(monitoring?.basis).toContain('§ 80');
    expect(monitoring?.level).toBe('codetermination');
    expect(STAFF_COUNCIL_LEGAL_NOTE).toMatch(/Land/);
    expect(STAFF_COUNCIL_LEGAL_NOTE).toMatch(/keine Rechtsberatung/);
  });

  it('derives co-determination, participation or information with reasons', () => {
    const none = assessStaffCouncil(allNo());
    expect(none).toMatchObject({ level: 'information', reasons: [], open: 0 });
    const monitoring = assessStaffCouncil({ ...allNo(), monitoring: 'yes', organisation: 'yes', dailyWork: 'yes' });
    expect(monitoring.level).toBe('codetermination');
    expect(monitoring.label).toBe('Mitbestimmung des Personalrats wahrscheinlich erforderlich');
    expect(monitoring.reasons.map((r) => r.questionId)).toEqual(['monitoring', 'organisation', 'dailyWork']);
    expect(assessStaffCouncil({ ...allNo(), organisation: 'yes' }).level).toBe('participation');
    const open = assessStaffCouncil({ ...allNo(), workplaces: 'unknown' });
    expect(open).toMatchObject({ level: 'codetermination', open: 1 });
    expect(open.advice).toContain('noch offen');
    expect(assessStaffCouncil(emptyStaffCouncilAnswers()).open).toBe(STAFF_COUNCIL_QUESTION_IDS.length);
  });

  it('is the strongest level among yes and open answers, and a further yes never lowers it', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...STAFF_COUNCIL_QUESTION_IDS), (answers, id) => {
        const a = assessStaffCouncil(answers);
        const raised = STAFF_COUNCIL_QUESTIONS.filter((q) => answers[q.id] !== 'no').map((q) => rank(q.level));
        expect(rank(a.level)).toBe(Math.max(0, ...raised));
        expect(a.reasons).toHaveLength(raised.length);
        expect(a.open).toBe(Object.values(answers).filter((x) => x === 'unknown').length);
        expect(rank(assessStaffCouncil({ ...answers, [id]: 'yes' }).level)).toBeGreaterThanOrEqual(rank(a.level));
        expect(rank(assessStaffCouncil({ ...answers, [id]: 'no' }).level)).toBeLessThanOrEqual(rank(a.level));
      }),
    );
  });

  it('checks that the dates fit the status and never go backwards', () => {
    expect(staffCouncilDateIssues('not_started', dates())).toEqual([]);
    expect(staffCouncilDateIssues('informed', dates())).toEqual([
      expect.objectContaining({ field: 'informedOn', code: 'status_date_required' }),
    ]);
    expect(staffCouncilDateIssues('informed', dates({ informedOn: '2027-01-10', agreedOn: '2027-02-01' }))).toEqual([
      expect.objectContaining({ field: 'agreedOn', code: 'date_beyond_status' }),
    ]);
    const backwards = staffCouncilDateIssues(
      'consulted',
      dates({ informedOn: '2027-02-10', consultedOn: '2027-02-01' }),
    );
    expect(backwards).toEqual([expect.objectContaining({ field: 'consultedOn', code: 'date_order' })]);
    expect(backwards[0]?.message).toBe(
      'Das Datum der Erörterung liegt vor dem Datum der Information. Die Schritte folgen aufeinander.',
    );
    // an earlier step may be left out; the same day is fine
    expect(staffCouncilDateIssues('agreed', dates({ consultedOn: '2027-02-01', agreedOn: '2027-02-01' }))).toEqual([]);
  });

  it('accepts exactly the ordered dates up to the status', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom(...STAFF_COUNCIL_STATUSES),
        fc.array(fc.option(day), { minLength: 4, maxLength: 4 }),
        (status, values) => {
          const d = Object.fromEntries(
            STAFF_COUNCIL_DATE_FIELDS.map((f, i) => [f, values[i] ?? null]),
          ) as StaffCouncilDates;
          const reached = STAFF_COUNCIL_STATUSES.indexOf(status);
          const given = values.slice(0, reached).filter((v): v is string => Boolean(v));
          const valid =
            values.slice(reached).every((v) => !v) &&
            (reached === 0 || Boolean(values[reached - 1])) &&
            given.every((v, i) => i === 0 || v >= (given[i - 1] as string));
          expect(staffCouncilDateIssues(status, d).length === 0).toBe(valid);
        },
      ),
    );
  });

  it('opens every question when a save leaves it out', () => {
    const parsed = staffCouncilSave.parse({ version: 0, answers: { monitoring: 'yes' }, status: 'not_started' });
    expect(parsed.answers).toEqual({ ...emptyStaffCouncilAnswers(), monitoring: 'yes' });
    expect(parsed.note).toBe('');
    expect(staffCouncilSave.safeParse({ version: 0, answers: { monitoring: 'vielleicht' }, status: 'x' }).success).toBe(
      false,
    );
  });
});
