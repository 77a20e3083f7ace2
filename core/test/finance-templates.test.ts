import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costLine, RISK_CATEGORIES, riskCreate, staffLine } from '../src/contracts/finance.js';
import { DEFAULT_STAFF_RATES, kindOf } from '../src/domain/finance.js';
import {
  costTotals,
  guessProjectType,
  isSuggestionTaken,
  PROJECT_TEMPLATES,
  PROJECT_TYPES,
  projectTemplate,
  RISK_SUGGESTIONS,
  riskSuggestions,
  SUGGESTION_CATEGORIES,
  TEMPLATE_POPULATION,
} from '../src/domain/finance-templates.js';

const payGroups = DEFAULT_STAFF_RATES.map((r) => r.payGroup);

describe('cost-line templates by project type', () => {
  it('every template line is a valid cost or staff line of the contract, with a known pay group', () => {
    for (const type of PROJECT_TYPES) {
      const t = PROJECT_TEMPLATES[type];
      expect(t.costs.length, type).toBeGreaterThan(0);
      for (const c of t.costs) expect(costLine.safeParse(c).success, `${type}: ${c.label}`).toBe(true);
      for (const s of t.staff) {
        expect(staffLine.safeParse(s).success, `${type}: ${s.label}`).toBe(true);
        expect(payGroups).toContain(s.payGroup);
      }
    }
  });

  it('guesses the type from the title, "other" without a hint', () => {
    expect(guessProjectType('E-Rechnung im Rathaus')).toBe('e_invoice');
    expect(guessProjectType('Online-Terminvergabe im Bürgerbüro')).toBe('appointments');
    expect(guessProjectType('Einführung der E-Akte')).toBe('dms');
    expect(guessProjectType('Neue barrierefreie Homepage')).toBe('website');
    expect(guessProjectType('WLAN für das Rathaus')).toBe('infrastructure');
    expect(guessProjectType('Ratsinformationssystem mit Tablets')).toBe('council_info');
    expect(guessProjectType('OZG: Online-Antrag Hundesteuer')).toBe('online_services');
    expect(guessProjectType('Digitale Einsatzplanung Bauhof')).toBe('other');
    expect(guessProjectType('')).toBe('other');
  });

  it('at 10,000 inhabitants the guide values are used as they are', () => {
    const t = projectTemplate('e_invoice', TEMPLATE_POPULATION);
    expect(t.factor).toBe(1);
    expect(t.costs).toEqual(PROJECT_TEMPLATES.e_invoice.costs);
  });

  it('scales by population, rounds to 10 € and keeps every line valid (min ≤ likely ≤ max, kind by category)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROJECT_TYPES), fc.integer({ min: 1, max: 4_000_000 }), (type, population) => {
        const t = projectTemplate(type, population);
        expect(t.factor).toBeGreaterThanOrEqual(0.05);
        expect(t.factor).toBeLessThanOrEqual(20);
        expect(t.costs).toHaveLength(PROJECT_TEMPLATES[type].costs.length);
        for (const c of t.costs) {
          expect(costLine.safeParse(c).success).toBe(true);
          expect(c.kind).toBe(kindOf(c.category as 'investment'));
          for (const v of [c.min, c.likely, c.max]) expect(v % 1_000).toBe(0);
        }
        // staff hours do not scale
        expect(t.staff).toEqual(PROJECT_TEMPLATES[type].staff);
      }),
    );
  });
});

describe('risk suggestions by category', () => {
  it('every suggestion is a valid risk of the register', () => {
    expect([...SUGGESTION_CATEGORIES].sort()).toEqual([...RISK_CATEGORIES].sort());
    for (const c of SUGGESTION_CATEGORIES)
      for (const r of RISK_SUGGESTIONS[c]) {
        expect(r.category).toBe(c);
        expect(riskCreate.safeParse(r).success, r.title).toBe(true);
      }
  });

  it('lists each category once, the type’s important ones first; extra risks lead their category', () => {
    const extra = { ...RISK_SUGGESTIONS.vendor[0]!, title: 'Aus Plön: Lizenzpreise steigen' };
    const groups = riskSuggestions('e_invoice', 12_408, [extra]);
    expect(groups.map((g) => g.category)).toEqual(['technical', 'staff', 'vendor', 'legal', 'financial', 'acceptance']);
    expect(groups.find((g) => g.category === 'vendor')?.items[0]?.title).toBe('Aus Plön: Lizenzpreise steigen');
    for (const g of groups) for (const r of g.items) expect(riskCreate.safeParse(r).success, r.title).toBe(true);
  });

  it('a published risk replaces the general suggestion of the same title', () => {
    const general = RISK_SUGGESTIONS.vendor[1]!;
    const published = { ...general, probability: 60, source: 'Plön' };
    const vendor = riskSuggestions('appointments', 10_000, [published]).find((g) => g.category === 'vendor')!;
    expect(vendor.items.filter((r) => r.title === general.title)).toEqual([published]);
  });

  it('a suggestion already in the register is recognised by its title', () => {
    expect(isSuggestionTaken({ title: 'Anbieter liefert verspätet' }, ['  anbieter  liefert verspätet '])).toBe(true);
    expect(isSuggestionTaken({ title: 'Anbieter liefert verspätet' }, ['Anbieter erhöht die Preise'])).toBe(false);
  });
});

describe('net and gross sums', () => {
  it('adds 19 % per line with VAT, one-time and recurring apart', () => {
    const t = costTotals([
      { kind: 'one_time', likely: 1_000_000, vat: true },
      { kind: 'one_time', likely: 150_000, vat: false },
      { kind: 'recurring', likely: 240_000, vat: true },
    ]);
    expect(t).toEqual({
      oneTimeNet: 1_150_000,
      oneTimeGross: 1_340_000,
      recurringNet: 240_000,
      recurringGross: 285_600,
    });
  });

  it('gross is never below net', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom('one_time' as const, 'recurring' as const),
            likely: fc.integer({ min: 0, max: 100_000_000 }),
            vat: fc.boolean(),
          }),
        ),
        (lines) => {
          const t = costTotals(lines);
          expect(t.oneTimeGross).toBeGreaterThanOrEqual(t.oneTimeNet);
          expect(t.recurringGross).toBeGreaterThanOrEqual(t.recurringNet);
        },
      ),
    );
  });
});
