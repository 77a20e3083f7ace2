import {
  DEFAULT_KEY_FIGURES,
  MATURITY_DIMENSIONS,
  type MaturityFacts,
  maturityProfile,
  PREFILL_RULES,
  percentileCont,
  readableDirectoryName,
  sizeClassOf,
} from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type TestContext } from '../../test/helpers.js';
import { readGemeindenCsv } from '../../test/shared-data.js';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD, demoEmail, seedDemo } from './demo-data.js';
import { EBERSBERG_SERVICES } from './demo-ebersberg.js';
import { DEMO_CONTACTABLE, DEMO_OPEN_RING, DEMO_PEERS } from './demo-maturity.js';
import { DEMO_FIGURE_RANGES } from './demo-maturity-values.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db);
});
afterAll(() => ctx?.close());

const thisYear = new Date().getFullYear();
const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Every key-figure value of the demo with its municipality's slug-independent facts. */
async function values(key: string) {
  return ctx.db
    .selectFrom('keyFigureValues as v')
    .innerJoin('keyFigures as f', 'f.id', 'v.keyFigureId')
    .innerJoin('municipalities as m', 'm.id', 'v.municipalityId')
    .select(['m.ags', 'm.population', 'm.landCode', 'v.year', 'v.value', 'v.origin', 'v.note'])
    .where('f.key', '=', key)
    .where('f.networkId', 'is', null)
    .orderBy('m.ags')
    .orderBy('v.year')
    .execute();
}

async function municipalityId(slug: string) {
  const r = await ctx.db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.userId', 'u.id')
    .select('m.municipalityId')
    .where('u.email', '=', demoEmail(slug))
    .executeTakeFirstOrThrow();
  return r.municipalityId;
}

/** The completed assessments of a municipality, newest first, with their answers. */
async function assessments(slug: string) {
  const mid = await municipalityId(slug);
  const rows = await ctx.db
    .selectFrom('maturityAssessments')
    .select(['id', 'levels', 'status', 'completedAt'])
    .where('municipalityId', '=', mid)
    .orderBy('completedAt', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, levels: json<Record<string, number | null>>(r.levels) }));
}

const EBERSBERG = '09175115';
const isBavarianGk6 = (m: { landCode: string; population: number }) =>
  m.landCode === '09' && sizeClassOf(m.population) === 6;

describe('demo data of the maturity self-assessment and the key-figure ring', () => {
  it('adds 24 real peers from the Destatis directory: ≥ 8 Bavarian GK6 towns, ≥ 6 other GK6 and ≥ 6 GK7', () => {
    const official = new Map(readGemeindenCsv().map((g) => [g.ags, g]));
    for (const p of DEMO_PEERS) {
      const g = official.get(p.ags);
      expect(g, p.ags).toBeDefined();
      expect(Number(g!.einwohner)).toBe(p.population);
      expect(readableDirectoryName(g!.name)).toBe(p.name);
      expect(g!.kreis).toBe(p.kreis);
      expect(g!.ars.slice(5, 9)).toBe(p.verband);
      expect(g!.gemeindeverband).toBe('');
      expect(Number(g!.flaeche_km2)).toBe(p.areaKm2);
      expect([Number(g!.lat), Number(g!.lon)]).toEqual([p.lat, p.lon]);
    }
    const ags = [...DEMO_PEERS, ...DEMO_MUNICIPALITIES].map((p) => p.ags);
    expect(new Set(ags).size).toBe(ags.length);
    expect(new Set(DEMO_PEERS.map((p) => p.slug)).size).toBe(DEMO_PEERS.length);
    const gk = (p: (typeof DEMO_PEERS)[number]) => sizeClassOf(p.population);
    const bavarian = DEMO_PEERS.filter((p) => p.ags.startsWith('09') && gk(p) === 6);
    const otherGk6 = DEMO_PEERS.filter((p) => !p.ags.startsWith('09') && gk(p) === 6);
    const gk7 = DEMO_PEERS.filter((p) => gk(p) === 7);
    expect(bavarian.length).toBeGreaterThanOrEqual(8);
    expect(otherGk6.length).toBeGreaterThanOrEqual(6);
    expect(gk7.length).toBeGreaterThanOrEqual(6);
    expect(new Set(otherGk6.map((p) => p.ags.slice(0, 2))).size).toBe(otherGk6.length);
    expect(new Set(gk7.map((p) => p.ags.slice(0, 2))).size).toBe(gk7.length);
  });

  it('makes the peers real members: accepted, with departments and a coordinator who signs in', async () => {
    const members = await ctx.db
      .selectFrom('networkMembers')
      .select(['municipalityId'])
      .where('status', '=', 'accepted')
      .where('leftOn', 'is', null)
      .execute();
    expect(members).toHaveLength(DEMO_MUNICIPALITIES.length + DEMO_PEERS.length);
    const peers = await ctx.db
      .selectFrom('municipalities')
      .select(['id', 'source'])
      .where(
        'ags',
        'in',
        DEMO_PEERS.map((p) => p.ags),
      )
      .execute();
    expect(peers.map((p) => p.source)).toEqual(DEMO_PEERS.map(() => 'demo'));
    const departments = await ctx.db
      .selectFrom('departments')
      .select(({ fn }) => ['municipalityId', fn.countAll<number>().as('n')])
      .where(
        'municipalityId',
        'in',
        peers.map((p) => p.id),
      )
      .groupBy('municipalityId')
      .execute();
    expect(departments.map((d) => Number(d.n))).toEqual(peers.map(() => 7));
    const grafing = await login(ctx.app, demoEmail('grafing'), DEMO_PASSWORD);
    const session = (await grafing.get('/api/v1/auth/session')).json();
    expect(session.municipalities.map((m: { name: string }) => m.name)).toEqual(['Grafing b.München']);
  });

  it('has five years of every default figure for every demo town (Ebersberg’s this year left to it), plausible and improving', async () => {
    const years = [0, 1, 2, 3, 4].map((k) => thisYear - 4 + k);
    const towns = [...DEMO_MUNICIPALITIES, ...DEMO_PEERS].map((m) => m.ags);
    for (const f of DEFAULT_KEY_FIGURES) {
      const rows = await values(f.key);
      expect(rows, f.key).toHaveLength(towns.length * years.length - 1);
      for (const ags of towns)
        expect(rows.filter((r) => r.ags === ags).length, `${f.key} ${ags}`).toBe(
          ags === EBERSBERG ? years.length - 1 : years.length,
        );
      expect(rows.some((r) => r.ags === EBERSBERG && r.year === thisYear)).toBe(false);
      expect(rows.some((r) => r.ags === EBERSBERG && r.year === thisYear - 1)).toBe(true);
      const range = DEMO_FIGURE_RANGES[f.key]!;
      for (const r of rows) {
        expect(years).toContain(r.year);
        expect(r.origin).toBe(f.key === 'online_share' ? 'computed' : 'entered');
        if (f.key === 'online_share') expect(r.note).toMatch(/^Aus dem Leistungsverzeichnis berechnet: \d+ von \d+/);
        else expect(r.note).toBe('');
        // Plön's and Ebersberg's online shares are what their inventories give (below the range's start)
        const low = f.key === 'online_share' && (r.ags === EBERSBERG || r.ags === '01057057') ? 0 : range.lo;
        expect(r.value, `${f.key} ${r.ags} ${r.year}`).toBeGreaterThanOrEqual(low);
        expect(r.value, `${f.key} ${r.ags} ${r.year}`).toBeLessThanOrEqual(range.hi);
      }
      // better (or the same) every year, by the figure's direction
      for (const ags of new Set(rows.map((r) => r.ags))) {
        const series = rows.filter((r) => r.ags === ags);
        for (let k = 1; k < series.length; k++) {
          const step = series[k]!.value - series[k - 1]!.value;
          expect(f.direction === 'higher' ? step : -step, `${f.key} ${ags}`).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('puts Ebersberg into the lowest quarter of the Bavarian GK6 towns on the share of services online', async () => {
    const rows = await values('online_share');
    const group = (year: number) => rows.filter((r) => r.year === year && isBavarianGk6(r));
    const last = group(thisYear - 1);
    const own = last.find((r) => r.ags === EBERSBERG)!.value;
    const peers = last.filter((r) => r.ags !== EBERSBERG).map((r) => r.value);
    expect(peers.length).toBeGreaterThanOrEqual(5);
    expect(own).toBeLessThan(percentileCont([...peers, own], 0.25)!);
    expect(own).toBeLessThan(percentileCont(peers, 0.25)!);
    // this year: what Ebersberg's inventory computes (2 of 12 services at OZG level ≥ 3)
    const services = await ctx.db
      .selectFrom('processServices')
      .select('ozgLevel')
      .where('municipalityId', '=', await municipalityId('ebersberg'))
      .execute();
    expect(services).toHaveLength(EBERSBERG_SERVICES.length);
    const computed = (services.filter((s) => s.ozgLevel >= 3).length / services.length) * 100;
    expect(computed).toBeCloseTo(16.7, 1);
    const now = group(thisYear).map((r) => r.value);
    expect(now.length).toBeGreaterThanOrEqual(5);
    expect(computed).toBeLessThan(percentileCont([...now, computed], 0.25)!);
    // Plön's stored value of this year is what its own inventory computes
    const ploen = await ctx.db
      .selectFrom('processServices')
      .select('ozgLevel')
      .where('municipalityId', '=', await municipalityId('ploen'))
      .execute();
    const ploenShare = (ploen.filter((s) => s.ozgLevel >= 3).length / ploen.length) * 100;
    const stored = rows.find((r) => r.ags === '01057057' && r.year === thisYear)!.value;
    expect(stored).toBeCloseTo(ploenShare, 1);
  });

  it('stores every completed assessment with the levels maturityProfile gives its answers', async () => {
    const all = await ctx.db
      .selectFrom('maturityAssessments')
      .select(['id', 'levels', 'status', 'modelVersion'])
      .execute();
    expect(all.length).toBeGreaterThanOrEqual(20);
    const answers = await ctx.db
      .selectFrom('maturityAnswers')
      .select(['assessmentId', 'criterionKey', 'level'])
      .execute();
    const criteria = MATURITY_DIMENSIONS.flatMap((d) => d.criteria.map((c) => c.key));
    for (const a of all) {
      expect(a).toMatchObject({ status: 'completed', modelVersion: '2026.1' });
      const own = answers.filter((x) => x.assessmentId === a.id);
      expect(own.map((x) => x.criterionKey).sort()).toEqual([...criteria].sort());
      const profile = maturityProfile(Object.fromEntries(own.map((x) => [x.criterionKey, x.level])));
      expect(json(a.levels)).toEqual(Object.fromEntries(profile.map((d) => [d.key, d.level])));
    }
  });

  it('shows Ebersberg strong in technology and weak in change and cooperation; Plön and Uslar far ahead and contactable', async () => {
    const [ebersberg, ...none] = await assessments('ebersberg');
    expect(none).toEqual([]);
    const age = (Date.now() - new Date(ebersberg!.completedAt!).getTime()) / 86_400_000;
    expect(age).toBeGreaterThan(300);
    const l = ebersberg!.levels;
    expect(l.technology).toBe(4);
    expect(l.change).toBeLessThanOrEqual(2);
    expect(l.cooperation).toBeLessThanOrEqual(2);
    for (const k of ['strategy', 'organisation', 'portfolio', 'staff', 'finance', 'online'])
      expect([2, 3], k).toContain(l[k]);
    const evidence = await ctx.db
      .selectFrom('maturityAnswers')
      .select(['criterionKey', 'evidenceNote'])
      .where('assessmentId', '=', ebersberg!.id)
      .where('evidenceNote', '<>', '')
      .execute();
    expect(evidence.length).toBeGreaterThanOrEqual(3);

    for (const slug of ['ploen', 'uslar']) {
      const [latest] = await assessments(slug);
      expect(latest!.levels.change, slug).toBe(4);
      expect(latest!.levels.cooperation, slug).toBe(4);
    }
    expect((await assessments('ploen')).length).toBe(2);
    const contactable = await ctx.db
      .selectFrom('maturitySettings as s')
      .innerJoin('memberships as m', 'm.municipalityId', 's.municipalityId')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .select('u.email')
      .where('s.contactable', '=', true)
      .where('m.role', '=', 'coordinator')
      .execute();
    expect(contactable.map((c) => c.email).sort()).toEqual(DEMO_CONTACTABLE.map(demoEmail).sort());
    // every contactable peer is ahead of Ebersberg where Ebersberg is weakest
    for (const slug of DEMO_CONTACTABLE) {
      const [latest] = await assessments(slug);
      expect(latest!.levels.change! + latest!.levels.cooperation!, slug).toBeGreaterThan(l.change! + l.cooperation!);
    }
    const ring = await ctx.db.selectFrom('keyFigureOpenRing').select('municipalityId').execute();
    expect(ring).toHaveLength(DEMO_OPEN_RING.length);
    const own = await ctx.db.selectFrom('maturityNetworkCriteria').select(['dimensionKey', 'name', 'levels']).execute();
    expect(own).toEqual([
      expect.objectContaining({ dimensionKey: 'cooperation', name: 'Beteiligung am Innovationszirkel' }),
    ]);
    expect(json<string[]>(own[0]!.levels)).toHaveLength(5);
  });

  it('gives Ebersberg enough platform facts to pre-fill most of what the model can pre-fill', async () => {
    const mid = await municipalityId('ebersberg');
    const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
    type Own =
      | 'needs'
      | 'fieldsOfAction'
      | 'ideas'
      | 'staffRates'
      | 'staffCapacity'
      | 'trainingAssignments'
      | 'staffCouncilChecks'
      | 'communicationItems';
    const n = (table: Own) =>
      count(
        ctx.db
          .selectFrom(table)
          .select(({ fn }) => fn.countAll().as('n'))
          .where('municipalityId', '=', mid)
          .executeTakeFirstOrThrow() as Promise<{ n: number }>,
      );
    const projects = await ctx.db.selectFrom('projects').select('id').where('municipalityId', '=', mid).execute();
    const ids = projects.map((p) => p.id);
    const rows = async (table: 'milestones' | 'statusReports' | 'funding') =>
      new Set(
        (await ctx.db.selectFrom(table).select('projectId').where('projectId', 'in', ids).execute()).map(
          (r) => r.projectId,
        ),
      );
    const services = await ctx.db
      .selectFrom('processServices')
      .select(['ozgLevel', 'mediaBreaks', 'casesPerYear', 'minutesPerCase'])
      .where('municipalityId', '=', mid)
      .execute();
    const figure = async (key: string) =>
      (await values(key)).find((r) => r.ags === EBERSBERG && r.year === thisYear - 1)?.value ?? null;
    const goals = await ctx.db
      .selectFrom('goals as g')
      .innerJoin('fieldsOfAction as f', 'f.id', 'g.fieldId')
      .select('g.id')
      .where('f.municipalityId', '=', mid)
      .execute();
    const linked = await ctx.db
      .selectFrom('goalNeeds')
      .select('needId')
      .where(
        'goalId',
        'in',
        goals.map((g) => g.id),
      )
      .execute();
    // the facts as the server gathers them, counted here from the seeded rows (what Ebersberg lacks is zero)
    const facts: MaturityFacts = {
      targetPicture: { vision: true, fields: await n('fieldsOfAction'), goals: goals.length, indicatorsMeasured: 0 },
      needs: { total: await n('needs'), linkedToGoals: new Set(linked.map((l) => l.needId)).size },
      services: {
        total: services.length,
        withVolume: services.filter((s) => s.casesPerYear > 0).length,
        withEffort: services.filter((s) => s.minutesPerCase > 0).length,
        online: services.filter((s) => s.ozgLevel >= 3).length,
        level4: services.filter((s) => s.ozgLevel >= 4).length,
        withMediaBreaks: services.filter((s) => s.mediaBreaks > 0).length,
      },
      models: {
        asIs: (await ctx.db.selectFrom('processModels').select('kind').where('municipalityId', '=', mid).execute())
          .length,
        toBe: 0,
      },
      projects: {
        active: projects.length,
        scored: 0,
        withMilestones: (await rows('milestones')).size,
        withReports: (await rows('statusReports')).size,
        withRisks: 0,
        criteria: 0,
      },
      papers: { papers: 0, withRiskBudget: 0, withNpv: 0 },
      capacity: { people: await n('staffCapacity'), plannedMonths: 0 },
      competences: { assessed: 0, released: false },
      trainings: { staff: 1, trainedLastYear: 0, planned: await n('trainingAssignments') },
      staffCouncil: { checks: await n('staffCouncilChecks'), agreed: 0 },
      funding: { lines: (await rows('funding')).size, withDeadline: (await rows('funding')).size },
      staffRates: { rates: await n('staffRates') },
      communication: { items: await n('communicationItems'), publishedNews: 0 },
      pulse: { closedRounds: 0 },
      ideas: { total: await n('ideas'), answered: 0 },
      network: { memberships: 1, publications: 0, adoptions: 0, joint: 0 },
      sharedServices: { studies: 0, live: 0, withAgreement: 0 },
      keyFigures: { eFile: await figure('e_file_coverage'), eInvoice: await figure('e_invoice_share') },
    };
    const suggested = Object.fromEntries(
      MATURITY_DIMENSIONS.flatMap((d) =>
        d.criteria.flatMap((c) => (c.prefill ? [[c.key, PREFILL_RULES[c.prefill](facts)?.level ?? null]] : [])),
      ),
    );
    const filled = Object.values(suggested).filter((v) => v !== null);
    expect(filled.length).toBeGreaterThanOrEqual(18);
    // shares suggest cautiously: 64 % e-invoices received electronically are level 3, not "digital throughout"
    expect(suggested).toMatchObject({ online_share: 3, e_file: 3, e_invoice: 3, target_picture: 3, network: 3 });
    // change and cooperation stay weak: no pulse, no shared service, nothing from the exchange
    expect(suggested).toMatchObject({ readiness: null, shared_services: null, reuse: null, agreements: null });
  });
});
