import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { surveyDefinition } from '../src/contracts/surveys.js';
import {
  type Answers,
  allQuestions,
  answerRows,
  bordaPoints,
  effectiveThreshold,
  isVisible,
  median,
  medianOfCounts,
  type Question,
  validateAnswers,
} from '../src/domain/survey.js';
import { painPointTemplate } from '../src/domain/survey-template.js';

const def = painPointTemplate();

/** A random complete and valid answer for a question. */
function answerFor(q: Question): fc.Arbitrary<Answers[string]> {
  const opts = (q.options ?? []).map((o) => o.id);
  switch (q.type) {
    case 'scale':
      return fc.integer({ min: 1, max: 5 });
    case 'number':
      return fc.integer({ min: q.min ?? 0, max: q.max ?? 1000 });
    case 'text':
      return fc.string({ minLength: 1, maxLength: 200 });
    case 'single':
      return fc.constantFrom(...opts);
    case 'multiple':
      return fc.subarray(opts, { minLength: 1 });
    case 'ranking':
      return fc.shuffledSubarray(opts, { minLength: opts.length, maxLength: opts.length });
    case 'matrix':
      return fc.record(Object.fromEntries((q.items ?? []).map((i) => [i.id, fc.integer({ min: 1, max: 5 })])));
  }
}
const fullAnswers = fc.record(Object.fromEntries(allQuestions(def).map((q) => [q.id, answerFor(q)])));

describe('pain-point template', () => {
  it('is a valid definition covering the seed topics', () => {
    expect(surveyDefinition.safeParse(def).success).toBe(true);
    const ids = allQuestions(def).map((q) => q.id);
    for (const t of ['personal', 'finanzen', 'wissen', 'bereitschaft', 'kommunikation', 'strategie', 'management'])
      expect(ids).toContain(t);
    expect(ids).toContain('shared_services');
    expect(allQuestions(def).find((q) => q.id === 'groesster')?.type).toBe('text');
  });

  it('rejects duplicate ids and show-if on later questions', () => {
    const bad = structuredClone(def);
    bad.sections[0]!.questions[1]!.id = 'personal';
    expect(surveyDefinition.safeParse(bad).success).toBe(false);
    const later = structuredClone(def);
    later.sections[0]!.questions[0]!.showIf = { questionId: 'groesster', op: 'equals', value: 'x' };
    expect(surveyDefinition.safeParse(later).success).toBe(false);
  });
});

describe('answers', () => {
  it('accepts every complete valid answer set and keeps only visible questions', () => {
    fc.assert(
      fc.property(fullAnswers, (answers) => {
        const { clean, problems } = validateAnswers(def, answers, true);
        expect(problems).toEqual([]);
        const interest = answers.ikz_interesse as number;
        expect('ikz_raum' in clean).toBe(interest >= 3);
      }),
    );
  });

  it('asks for required answers only on submit', () => {
    expect(validateAnswers(def, {}, false).problems).toEqual([]);
    const final = validateAnswers(def, {}, true).problems;
    expect(final.map((p) => p.questionId)).toContain('groesster');
    expect(final[0]?.message).toMatch(/Bitte/);
  });

  it('rejects values that do not fit the question', () => {
    const { problems } = validateAnswers(
      def,
      { personal: 7, kommunikationsstrategie: 'vielleicht', rangfolge: ['personal'], bereitschaft: { x: 1 } },
      false,
    );
    expect(problems.map((p) => p.questionId).sort()).toEqual(
      ['bereitschaft', 'kommunikationsstrategie', 'personal', 'rangfolge'].sort(),
    );
  });

  it('evaluates show-if conditions', () => {
    const q = allQuestions(def).find((x) => x.id === 'ikz_raum')!;
    expect(isVisible(q, { ikz_interesse: 2 }, def)).toBe(false);
    expect(isVisible(q, { ikz_interesse: 3 }, def)).toBe(true);
    expect(isVisible(q, {}, def)).toBe(false);
  });

  it('turns answers into one row per atomic value', () => {
    fc.assert(
      fc.property(fullAnswers, (answers) => {
        const { clean } = validateAnswers(def, answers, true);
        const rows = answerRows(def, clean);
        for (const q of allQuestions(def)) {
          const v = clean[q.id];
          const n = rows.filter((r) => r.questionId === q.id).length;
          if (v === undefined) expect(n).toBe(0);
          else if (Array.isArray(v)) expect(n).toBe(v.length);
          else if (typeof v === 'object') expect(n).toBe(Object.keys(v).length);
          else expect(n).toBe(1);
        }
      }),
    );
  });
});

describe('statistics', () => {
  it('Borda points of one ranking sum to n(n−1)/2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), (n) => {
        let sum = 0;
        for (let r = 1; r <= n; r++) sum += bordaPoints(r, n);
        expect(sum).toBe((n * (n - 1)) / 2);
      }),
    );
  });

  it('median lies between min and max', () => {
    expect(median([])).toBeNull();
    expect(median([1, 3, 2])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), (xs) => {
        const m = median(xs)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
      }),
    );
  });

  it('median from a frequency table equals the median of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const counts = new Map<number, number>();
        for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
        expect(medianOfCounts([...counts])).toBe(median(xs));
      }),
    );
    expect(medianOfCounts([])).toBeNull();
  });

  it('threshold is never below 3', () => {
    expect(effectiveThreshold(1)).toBe(3);
    expect(effectiveThreshold(undefined)).toBe(5);
  });
});
