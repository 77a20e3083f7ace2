import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADKAR_DIMENSIONS,
  allQuestions,
  dimensionOf,
  dimensionScores,
  PULSE_ACTIONS,
  PULSE_DEPARTMENT_QUESTION,
  PULSE_GROUP_QUESTION,
  PULSE_ITEMS,
  pulseTemplate,
  quarterLabel,
  quarterOf,
  reminderDue,
  surveyDefinition,
  validateAnswers,
  WEAK_SCORE,
  weakestDimensions,
} from '../src/index.js';

const DEPTS = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'Hauptamt' },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Bauhof' },
];

describe('pulse template', () => {
  it('is a valid survey definition with 5–8 items over the five dimensions and one open question', () => {
    const def = pulseTemplate(DEPTS);
    expect(surveyDefinition.safeParse(def).success).toBe(true);
    const qs = allQuestions(def);
    const scales = qs.filter((q) => q.type === 'scale');
    expect(scales.length).toBeGreaterThanOrEqual(5);
    expect(scales.length).toBeLessThanOrEqual(8);
    expect(new Set(scales.map((q) => dimensionOf(q.id)))).toEqual(new Set(ADKAR_DIMENSIONS));
    expect(qs.filter((q) => q.type === 'text')).toHaveLength(1);
    expect(qs.find((q) => q.id === PULSE_GROUP_QUESTION)?.options).toHaveLength(4);
    expect(qs.find((q) => q.id === PULSE_DEPARTMENT_QUESTION)?.options?.map((o) => o.id)).toEqual(
      DEPTS.map((d) => d.id),
    );
  });

  it('asks for the department only when there are at least two', () => {
    const def = pulseTemplate(DEPTS.slice(0, 1));
    expect(surveyDefinition.safeParse(def).success).toBe(true);
    expect(allQuestions(def).some((q) => q.id === PULSE_DEPARTMENT_QUESTION)).toBe(false);
  });

  it('takes a complete answer and needs every item, not the groups', () => {
    const def = pulseTemplate(DEPTS);
    const answers = Object.fromEntries(PULSE_ITEMS.map((i) => [i.id, 4]));
    expect(validateAnswers(def, answers, true).problems).toEqual([]);
    const { problems } = validateAnswers(def, { ...answers, [PULSE_ITEMS[0]!.id]: undefined as never }, true);
    expect(problems.map((p) => p.questionId)).toEqual([PULSE_ITEMS[0]!.id]);
  });
});

describe('pulse scores', () => {
  it('averages the item means per dimension', () => {
    const s = dimensionScores({ awareness_warum: 4, awareness_was: 3, desire_mittragen: 2, knowledge_wie: null });
    expect(s.awareness).toBe(3.5);
    expect(s.desire).toBe(2);
    expect(s.knowledge).toBeNull();
  });

  it('a score always lies between the smallest and largest item mean of its dimension', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 5, noNaN: true }), { minLength: 7, maxLength: 7 }), (vals) => {
        const means = Object.fromEntries(PULSE_ITEMS.map((i, k) => [i.id, vals[k]!]));
        const s = dimensionScores(means);
        for (const d of ADKAR_DIMENSIONS) {
          const own = PULSE_ITEMS.flatMap((i, k) => (i.dimension === d ? [vals[k]!] : []));
          expect(s[d]).not.toBeNull();
          expect(s[d]!).toBeGreaterThanOrEqual(Math.min(...own) - 1e-9);
          expect(s[d]!).toBeLessThanOrEqual(Math.max(...own) + 1e-9);
        }
      }),
    );
  });

  it('names the weak dimensions, weakest first, earlier steps first on ties', () => {
    const s = { awareness: 4, desire: 3, knowledge: 2.5, ability: 3, reinforcement: null };
    expect(weakestDimensions(s)).toEqual(['knowledge', 'desire']);
    expect(weakestDimensions(s, 3)).toEqual(['knowledge', 'desire', 'ability']);
    expect(weakestDimensions({ ...s, knowledge: 4, desire: 4, ability: 4 })).toEqual([]);
  });

  it('weak dimensions are below the mark and sorted', () => {
    const score = fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.tuple(score, score, score, score, score), fc.integer({ min: 0, max: 5 }), (v, limit) => {
        const s = Object.fromEntries(ADKAR_DIMENSIONS.map((d, i) => [d, v[i]!])) as Record<string, number | null>;
        const w = weakestDimensions(s as never, limit);
        expect(w.length).toBeLessThanOrEqual(limit);
        for (const d of w) expect(s[d]!).toBeLessThan(WEAK_SCORE);
        for (let i = 1; i < w.length; i++) expect(s[w[i - 1]!]!).toBeLessThanOrEqual(s[w[i]!]!);
      }),
    );
  });

  it('suggests an action with a path for every dimension', () => {
    expect(PULSE_ACTIONS.desire.path).toBe('/neuigkeiten/redaktion');
    expect(PULSE_ACTIONS.knowledge.path).toBe('/kompetenzen/qualifizierung');
    for (const d of ADKAR_DIMENSIONS) expect(PULSE_ACTIONS[d].text.length).toBeGreaterThan(20);
  });
});

describe('pulse quarters', () => {
  it('labels calendar quarters', () => {
    expect(quarterOf('2027-01-01')).toEqual({ key: '2027-Q1', label: 'Q1/2027', startsOn: '2027-01-01' });
    expect(quarterOf('2027-05-31').label).toBe('Q2/2027');
    expect(quarterOf('2026-12-31').label).toBe('Q4/2026');
    expect(quarterLabel('2027-Q3')).toBe('Q3/2027');
  });

  it('shifts quarters to the start month, the year is the one the quarter starts in', () => {
    expect(quarterOf('2027-01-15', 2)).toEqual({ key: '2026-Q4', label: 'Q4/2026', startsOn: '2026-11-01' });
    expect(quarterOf('2027-02-01', 2).key).toBe('2027-Q1');
    expect(quarterOf('2027-03-01', 3).startsOn).toBe('2027-03-01');
  });

  it('every day lies in the three months from its quarter start', () => {
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 3 }), (d, m) => {
        const iso = d.toISOString().slice(0, 10);
        const q = quarterOf(iso, m);
        expect(q.startsOn <= iso).toBe(true);
        const start = new Date(`${q.startsOn}T00:00:00Z`);
        const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1));
        expect(iso < end.toISOString().slice(0, 10)).toBe(true);
        expect((Number(q.startsOn.slice(5, 7)) - m) % 3).toBe(0);
      }),
    );
  });

  it('a reminder is due the given days after opening', () => {
    expect(reminderDue('2027-01-01', 7, '2027-01-07')).toBe(false);
    expect(reminderDue('2027-01-01', 7, '2027-01-08')).toBe(true);
  });
});
