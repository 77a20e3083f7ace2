import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessVat, LEGAL_FORM_KEYS, LEGAL_FORMS, recommendLegalForm } from '../src/index.js';

describe('legal form guidance', () => {
  it('recommends a working group for coordination only', () => {
    expect(recommendLegalForm({ coordinationOnly: true })[0]!.key).toBe('arbeitsgemeinschaft');
  });

  it('recommends a mandating agreement for two municipalities sharing a building yard', () => {
    const r = recommendLegalForm({});
    expect(r[0]!.key).toBe('zweckvereinbarung_mandatierend');
    expect(r[0]!.reasons.length).toBeGreaterThan(0);
  });

  it('recommends a Zweckverband for many partners with an own budget and transferred responsibility', () => {
    expect(recommendLegalForm({ manyPartners: true, ownBudget: true, transferResponsibility: true })[0]!.key).toBe(
      'zweckverband',
    );
  });

  it('never recommends a form without its own budget when one is needed', () => {
    expect(recommendLegalForm({ ownBudget: true })[0]!.key).toBe('zweckverband');
  });

  it('recommends a joint municipal enterprise when fees are charged, a GmbH for the market', () => {
    expect(recommendLegalForm({ ownBudget: true, chargesFees: true, transferResponsibility: true })[0]!.key).toBe(
      'kommunalunternehmen',
    );
    expect(recommendLegalForm({ ownBudget: true, servesThirdParties: true })[0]!.key).toBe('gmbh');
  });

  it('always ranks every form exactly once, each with what it needs', () => {
    fc.assert(
      fc.property(
        fc.record({
          coordinationOnly: fc.boolean(),
          transferResponsibility: fc.boolean(),
          ownBudget: fc.boolean(),
          chargesFees: fc.boolean(),
          servesThirdParties: fc.boolean(),
          manyPartners: fc.boolean(),
        }),
        (a) => {
          const r = recommendLegalForm(a);
          expect(r.map((x) => x.key).sort()).toEqual([...LEGAL_FORM_KEYS].sort());
          for (let i = 1; i < r.length; i++) expect(r[i - 1]!.score).toBeGreaterThanOrEqual(r[i]!.score);
        },
      ),
    );
    for (const f of LEGAL_FORMS) expect(f.needs.councilDecisions).toBe(true);
  });
});

describe('§ 2b UStG assessment', () => {
  it('stays non-taxable when all conditions of § 2b Abs. 3 Nr. 2 hold', () => {
    const v = assessVat({
      longTermPublicLaw: true,
      publicTask: true,
      costReimbursementOnly: true,
      mainlyPublicBodies: true,
    });
    expect(v.taxable).toBe(false);
    expect(v.sources.join(' ')).toContain('§ 2b UStG');
  });

  it('stays non-taxable when the law reserves the service to public bodies', () => {
    expect(assessVat({ reservedByLaw: true }).taxable).toBe(false);
  });

  it('is taxable when one condition is missing, and names it', () => {
    const v = assessVat({
      longTermPublicLaw: true,
      publicTask: true,
      costReimbursementOnly: false,
      mainlyPublicBodies: true,
    });
    expect(v.taxable).toBe(true);
    expect(v.reasons.join(' ')).toContain('Kostenerstattung');
    expect(v.reasons.join(' ')).toContain('19 %');
  });

  it('keeps small turnover out (≤ 17,500 € a year)', () => {
    expect(assessVat({ smallTurnover: true }).taxable).toBe(false);
  });
});
