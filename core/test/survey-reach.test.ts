import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ClassCount,
  cellKey,
  publishableCells,
  type QiClass,
  resultsReach,
  TOTAL_CELL,
} from '../src/domain/disclosure.js';
import { englishTitleFor, PAIN_POINT_TEMPLATE_TITLE } from '../src/domain/survey-template.js';

function classCounts(people: QiClass[]): ClassCount[] {
  const m = new Map<string, ClassCount>();
  for (const p of people) {
    const k = cellKey(p);
    const c = m.get(k) ?? { cls: p, n: 0 };
    c.n++;
    m.set(k, c);
  }
  return [...m.values()];
}

/** How many respondents a cell key (`sizeClass|land|network`, `*` = any) holds. */
function sizeOf(key: string, people: QiClass[]): number {
  const [s, l, n] = key.split('|');
  return people.filter(
    (p) => (s === '*' || p.sizeClass === s) && (l === '*' || p.land === l) && (n === '*' || p.network === n),
  ).length;
}

describe('resultsReach: what a survey can show at best, known before sending', () => {
  it('nothing below the threshold, only the total below twice the threshold, else comparisons', () => {
    expect(resultsReach(2, 3)).toBe('none');
    expect(resultsReach(3, 3)).toBe('total');
    expect(resultsReach(8, 5)).toBe('total');
    expect(resultsReach(9, 5)).toBe('total');
    expect(resultsReach(10, 5)).toBe('groups');
    expect(resultsReach(0, 3)).toBe('none');
  });

  it('agrees with the disclosure rules: with fewer than twice the threshold no group smaller than all is shown', () => {
    const person = fc.record({
      sizeClass: fc.constantFrom('5', '6', '7'),
      land: fc.constantFrom('01', '07'),
      network: fc.constantFrom('', 'a'),
    });
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 6 }), fc.array(person, { maxLength: 20 }), (threshold, people) => {
        const shown = publishableCells(classCounts(people), threshold);
        const groups = [...shown].filter((k) => k !== TOTAL_CELL && sizeOf(k, people) < people.length);
        if (resultsReach(people.length, threshold) !== 'groups') expect(groups).toEqual([]);
        if (resultsReach(people.length, threshold) === 'none') expect(shown.size).toBe(0);
      }),
    );
  });
});

describe('englishTitleFor: the template English title does not outlive a changed German title', () => {
  const en = PAIN_POINT_TEMPLATE_TITLE.en as string;
  it('keeps the template English title next to the template German title', () => {
    expect(englishTitleFor(PAIN_POINT_TEMPLATE_TITLE.de, en)).toBe(en);
  });
  it('drops it once the German title says something else', () => {
    expect(englishTitleFor('Schmerzpunkte 2026 im Kreis Plön', en)).toBe('');
    expect(englishTitleFor('Schmerzpunkte 2026 im Kreis Plön', ` ${en} `)).toBe('');
  });
  it('keeps an English title somebody wrote, and an empty one stays empty', () => {
    expect(englishTitleFor('Schmerzpunkte 2026', 'Pain points 2026')).toBe('Pain points 2026');
    expect(englishTitleFor('Schmerzpunkte 2026', '')).toBe('');
  });
});
