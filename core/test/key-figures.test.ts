import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GroupedCount, publishableGroupCells } from '../src/domain/disclosure.js';
import { peerCells, quarterOfValue } from '../src/domain/key-figures.js';
import { MATURITY_DIMENSIONS, MATURITY_PREFILL_SOURCES } from '../src/domain/maturity.js';
import { type MaturityFacts, PREFILL_RULES } from '../src/domain/maturity-prefill.js';

const T = 5;
/** A municipality of the ring: size class, Land, networks (overlapping), and whether it joined network n1's open ring. */
const muni = fc.record({
  sizeClass: fc.integer({ min: 5, max: 7 }),
  landCode: fc.constantFrom('01', '03', '09'),
  networkIds: fc.subarray(['n1', 'n2', 'n3']),
  ring: fc.boolean(),
});

function units(ms: { sizeClass: number; landCode: string; networkIds: string[]; ring: boolean }[]): GroupedCount[] {
  return ms.map((m) => ({
    cells: [...peerCells(m), ...(m.ring && m.networkIds.includes('n1') ? ['ring:n1'] : [])],
    n: 1,
  }));
}

/** Units per signature over the published groups (what sums and differences of shown groups can isolate). */
function atoms(us: GroupedCount[], published: Set<string>) {
  const out = new Map<string, number>();
  for (const u of us) {
    const sig = u.cells.filter((c) => published.has(c)).join(',');
    if (sig) out.set(sig, (out.get(sig) ?? 0) + u.n);
  }
  return out;
}

describe('benchmark disclosure over overlapping peer groups', () => {
  it('shows no group under the threshold and leaves no atom of 1–4 outside an open ring', () => {
    fc.assert(
      fc.property(fc.array(muni, { maxLength: 40 }), (ms) => {
        const us = units(ms);
        const known = (c: string) => c.startsWith('ring:');
        const published = publishableGroupCells(us, T, 'all', { known, totalAlike: true });
        for (const g of published) {
          if (known(g)) continue;
          const n = us.filter((u) => u.cells.includes(g)).length;
          expect(n).toBeGreaterThanOrEqual(T);
        }
        for (const [sig, n] of atoms(us, published))
          if (!sig.split(',').some(known)) expect(n === 0 || n >= T, `${sig}: ${n}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never lets two shown groups be differenced down to one municipality (nested groups)', () => {
    fc.assert(
      fc.property(fc.array(muni, { maxLength: 40 }), (ms) => {
        const us = units(ms);
        const published = [...publishableGroupCells(us, T, 'all', { totalAlike: true })];
        const members = (g: string) => us.filter((u) => u.cells.includes(g));
        for (const a of published)
          for (const b of published) {
            // b nested in a: a minus b is a group anyone can compute from the two shown figures
            if (!members(b).every((u) => u.cells.includes(a))) continue;
            const rest = members(a).length - members(b).length;
            expect(rest === 0 || rest >= T, `${a} minus ${b}: ${rest}`).toBe(true);
          }
      }),
      { numRuns: 400 },
    );
  });

  it('decides the same whatever the order of the counts', () => {
    fc.assert(
      fc.property(fc.array(muni, { maxLength: 30 }), fc.integer(), (ms, seed) => {
        const us = units(ms);
        const shuffled = [...us].sort(
          (a, b) => ((a.cells.join().length * 31 + seed) % 7) - ((b.cells.join().length * 31 + seed) % 7),
        );
        expect([...publishableGroupCells(shuffled, T, 'all', { totalAlike: true })].sort()).toEqual(
          [...publishableGroupCells(us, T, 'all', { totalAlike: true })].sort(),
        );
      }),
    );
  });

  it('treats a group as large as the total as the total (a network of everyone stays shown)', () => {
    const us = units([
      ...Array.from({ length: 6 }, () => ({ sizeClass: 6, landCode: '09', networkIds: ['n1'], ring: false })),
      { sizeClass: 6, landCode: '01', networkIds: ['n1'], ring: false },
    ]);
    const p = publishableGroupCells(us, T, 'all', { totalAlike: true });
    expect(p.has('all')).toBe(true);
    expect(p.has('net:n1')).toBe(true);
    // GK6 is everyone too; Bayern (6) would leave the one municipality of Land 01 alone → withdrawn
    expect(p.has('land:09')).toBe(false);
  });
});

describe('quarter of a value', () => {
  const q = { q1: 10, median: 20, q3: 30 };
  it('counts the best quarter as 1 by the direction', () => {
    expect(quarterOfValue(5, q, 'higher')).toBe(4);
    expect(quarterOfValue(35, q, 'higher')).toBe(1);
    expect(quarterOfValue(5, q, 'lower')).toBe(1);
    expect(quarterOfValue(25, q, 'lower')).toBe(3);
  });
});

const NONE: MaturityFacts = {
  targetPicture: { vision: false, fields: 0, goals: 0, indicatorsMeasured: 0 },
  needs: { total: 0, linkedToGoals: 0 },
  services: { total: 0, withVolume: 0, withEffort: 0, online: 0, level4: 0, withMediaBreaks: 0 },
  models: { asIs: 0, toBe: 0 },
  projects: { active: 0, scored: 0, withMilestones: 0, withReports: 0, withRisks: 0, criteria: 0 },
  papers: { papers: 0, withRiskBudget: 0, withNpv: 0 },
  capacity: { people: 0, plannedMonths: 0 },
  competences: { assessed: 0, released: false },
  trainings: { staff: 0, trainedLastYear: 0, planned: 0 },
  staffCouncil: { checks: 0, agreed: 0 },
  funding: { lines: 0, withDeadline: 0 },
  staffRates: { rates: 0 },
  communication: { items: 0, publishedNews: 0 },
  pulse: { closedRounds: 0 },
  ideas: { total: 0, answered: 0 },
  network: { memberships: 0, publications: 0, adoptions: 0, joint: 0 },
  sharedServices: { studies: 0, live: 0, withAgreement: 0 },
  keyFigures: { eFile: null, eInvoice: null },
};

describe('pre-fill rules', () => {
  it('suggest nothing where the platform knows nothing', () => {
    for (const s of MATURITY_PREFILL_SOURCES) expect(PREFILL_RULES[s](NONE), s).toBeNull();
  });
  it('every source a criterion names has a rule, and most criteria have one', () => {
    const criteria = MATURITY_DIMENSIONS.flatMap((d) => d.criteria);
    for (const c of criteria) if (c.prefill) expect(PREFILL_RULES[c.prefill]).toBeTypeOf('function');
    expect(criteria.filter((c) => c.prefill).length * 3).toBeGreaterThan(criteria.length * 2 - 1);
  });
  it('follow the facts: target picture, online share, pulse, shared services', () => {
    const f = structuredClone(NONE);
    f.targetPicture = { vision: true, fields: 3, goals: 0, indicatorsMeasured: 0 };
    expect(PREFILL_RULES.target_picture_adopted(f)).toMatchObject({ level: 2, link: '/zielbild' });
    f.targetPicture.goals = 5;
    expect(PREFILL_RULES.target_picture_adopted(f)?.level).toBe(3);
    f.targetPicture.indicatorsMeasured = 2;
    expect(PREFILL_RULES.target_picture_adopted(f)?.level).toBe(4);
    f.services = { total: 10, withVolume: 10, withEffort: 0, online: 0, level4: 0, withMediaBreaks: 0 };
    expect(PREFILL_RULES.services_online_share(f)?.level).toBe(2);
    f.services.online = 3;
    expect(PREFILL_RULES.services_online_share(f)).toMatchObject({
      level: 3,
      note: expect.stringContaining('3 von 10'),
    });
    f.services.online = 6;
    expect(PREFILL_RULES.services_online_share(f)?.level).toBe(4);
    f.services.level4 = 5;
    expect(PREFILL_RULES.services_online_share(f)?.level).toBe(5);
    f.pulse.closedRounds = 1;
    expect(PREFILL_RULES.pulse_run(f)?.level).toBe(3);
    f.pulse.closedRounds = 2;
    expect(PREFILL_RULES.pulse_run(f)?.level).toBe(4);
    f.sharedServices = { studies: 1, live: 0, withAgreement: 0 };
    expect(PREFILL_RULES.shared_service_live(f)?.level).toBe(3);
    f.sharedServices.live = 1;
    expect(PREFILL_RULES.shared_service_live(f)?.level).toBe(4);
    // a share suggests at most level 4, and 64 % of invoices received electronically is not "digital throughout"
    f.keyFigures.eInvoice = 64;
    expect(PREFILL_RULES.key_figure_e_invoice(f)?.level).toBe(3);
    f.keyFigures.eInvoice = 100;
    expect(PREFILL_RULES.key_figure_e_invoice(f)?.level).toBe(4);
    // planned trainings but nobody trained yet: level 2
    f.trainings = { staff: 1, trainedLastYear: 0, planned: 1 };
    expect(PREFILL_RULES.trainings_recorded(f)?.level).toBe(2);
    // the staff council checked for one of two running projects: not yet "for every project"
    f.projects.active = 2;
    f.staffCouncil = { checks: 1, agreed: 0 };
    expect(PREFILL_RULES.staff_council_checks(f)?.level).toBe(2);
    f.staffCouncil = { checks: 2, agreed: 0 };
    expect(PREFILL_RULES.staff_council_checks(f)?.level).toBe(3);
  });
  it('never suggest a level outside 1–5, whatever the counts', () => {
    const count = fc.nat({ max: 50 });
    fc.assert(
      fc.property(
        count,
        count,
        count,
        count,
        fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
        (a, b, c, d, pct) => {
          const f: MaturityFacts = JSON.parse(JSON.stringify(NONE), (_k, v) => (typeof v === 'number' ? a : v));
          f.services = {
            total: a + b,
            withVolume: b,
            withEffort: c,
            online: Math.min(a + b, c),
            level4: Math.min(c, d),
            withMediaBreaks: d,
          };
          f.keyFigures = { eFile: pct, eInvoice: pct };
          f.trainings = { staff: a + b, trainedLastYear: Math.min(a + b, c), planned: d };
          for (const s of MATURITY_PREFILL_SOURCES) {
            const r = PREFILL_RULES[s](f);
            if (r) expect(r.level >= 1 && r.level <= 5 && r.note.length > 0 && r.link.startsWith('/')).toBe(true);
          }
        },
      ),
    );
  });
});
