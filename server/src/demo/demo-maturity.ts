import {
  arsFromAgs,
  DEFAULT_DEPARTMENTS,
  DEFAULT_KEY_FIGURES,
  MATURITY_DIMENSIONS,
  MATURITY_MODEL_VERSION,
  sizeClassOf,
} from '@dz/core';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { changedFields } from '../lib/audit.js';
import { newId } from '../lib/ids.js';
import { seedDemoEbersberg } from './demo-ebersberg.js';
import {
  answersFor,
  type DemoFigureValue,
  type DimensionLevels,
  figureByKey,
  figureSeries,
  levelsOf,
  onlineShare,
  seededRandom,
  storedLevels,
} from './demo-maturity-values.js';

export interface DemoPeer {
  ags: string;
  verband: string;
  name: string;
  kreis: string;
  population: number;
  areaKm2: number;
  lat: number;
  lon: number;
  slug: string;
}
/** A municipality without a Gemeindeverband: its ARS repeats the municipality digits after a 0 (Verband 0xxx). */
const peer = (
  ags: string,
  name: string,
  kreis: string,
  population: number,
  areaKm2: number,
  lat: number,
  lon: number,
  slug: string,
): DemoPeer => ({ ags, verband: `0${ags.slice(5)}`, name, kreis, population, areaKm2, lat, lon, slug });

/**
 * Peers of the key-figure ring: 24 real municipalities that joined the innovation circle for the comparison —
 * ten Bavarian towns of size class GK6 besides Ebersberg, seven GK6 and seven GK7 municipalities of other Länder,
 * all without a Gemeindeverband. Source: Destatis GV100AD, Gebietsstand 30.11.2025, population 31.12.2024,
 * coordinates of the Auszug GV (dl-de/by-2-0; picked from ../shared/data/gemeinden.csv, checked in the test).
 */
export const DEMO_PEERS: readonly DemoPeer[] = [
  peer('09175122', 'Grafing b.München, Stadt', 'Ebersberg', 13942, 29.58, 48.045389, 11.966103, 'grafing'),
  peer('09187182', 'Wasserburg a.Inn, Stadt', 'Rosenheim', 12375, 18.8, 48.060937, 12.232253, 'wasserburg'),
  peer('09176123', 'Eichstätt, Große Kreisstadt', 'Eichstätt', 13891, 47.79, 48.891094, 11.185203, 'eichstaett'),
  peer('09273137', 'Kelheim, Stadt', 'Kelheim', 17066, 100.23, 48.919056, 11.869879, 'kelheim'),
  peer('09372116', 'Cham, Stadt', 'Cham', 17433, 80.69, 49.219124, 12.667061, 'cham'),
  peer('09476145', 'Kronach, Stadt', 'Kronach', 16616, 66.98, 50.239015, 11.325279, 'kronach'),
  peer('09571136', 'Dinkelsbühl, Große Kreisstadt', 'Ansbach', 12260, 75.16, 49.068879, 10.320207, 'dinkelsbuehl'),
  peer('09674147', 'Haßfurt, Stadt', 'Haßberge', 13867, 52.66, 50.031494, 10.506648, 'hassfurt'),
  peer('09771113', 'Aichach, Stadt', 'Aichach-Friedberg', 22015, 92.83, 48.461439, 11.133655, 'aichach'),
  peer('09190148', 'Schongau, Stadt', 'Weilheim-Schongau', 12572, 21.34, 47.815235, 10.894702, 'schongau'),
  peer('01053090', 'Mölln, Stadt', 'Herzogtum Lauenburg', 19627, 25.05, 53.629521, 10.691022, 'moelln'),
  peer('05154024', 'Kalkar, Stadt', 'Kleve', 14513, 88.2, 51.737225, 6.287776, 'kalkar'),
  peer('06431016', 'Lorsch, Karolingerstadt', 'Bergstraße', 14283, 25.24, 49.653854, 8.567793, 'lorsch'),
  peer('07131077', 'Sinzig, Stadt', 'Ahrweiler', 17256, 41.1, 50.54387, 7.249122, 'sinzig'),
  peer(
    '10041515',
    'Püttlingen, Stadt',
    'Regionalverband Saarbrücken',
    18361,
    23.95,
    49.287743,
    6.884983,
    'puettlingen',
  ),
  peer('12060181', 'Panketal', 'Barnim', 21153, 25.86, 52.654626, 13.543257, 'panketal'),
  peer('14521390', 'Marienberg, Stadt', 'Erzgebirgskreis', 16139, 133.49, 50.651644, 13.159828, 'marienberg'),
  peer('01055021', 'Heiligenhafen, Stadt', 'Ostholstein', 9484, 18.32, 54.373048, 10.974623, 'heiligenhafen'),
  peer('03153008', 'Liebenburg', 'Goslar', 7860, 78.51, 52.020145, 10.432161, 'liebenburg'),
  peer('08115052', 'Weissach', 'Böblingen', 7745, 22.19, 48.846812, 8.927545, 'weissach'),
  peer(
    '13072060',
    'Kühlungsborn, Ostseebad, Stadt',
    'Landkreis Rostock',
    8088,
    16.17,
    54.141683,
    11.751251,
    'kuehlungsborn',
  ),
  peer('15081280', 'Klötze, Stadt', 'Altmarkkreis Salzwedel', 9699, 279.54, 52.626213, 11.161472, 'kloetze'),
  peer('16063076', 'Treffurt, Stadt', 'Wartburgkreis', 5772, 72.46, 51.137051, 10.230207, 'treffurt'),
  peer('10042115', 'Perl', 'Merzig-Wadern', 9503, 75.24, 49.473406, 6.386208, 'perl'),
];

/** Peers without an assessment yet (the rest of the ring has completed one). */
const NOT_ASSESSED = new Set(['kalkar', 'panketal', 'treffurt', 'perl']);

/** Who may be asked by peers (recommendations): the two far ahead and three of the new peers. */
export const DEMO_CONTACTABLE = ['ploen', 'uslar', 'grafing', 'moelln', 'weissach'];

/** Members of the circle's open ring (their values are shown with names to each other). */
export const DEMO_OPEN_RING = ['ploen', 'uslar', 'grafing'];

/** Maturity (0 … 1) of the municipalities with a fixed role in the story; the others draw theirs. */
const MATURITY: Record<string, number> = { ploen: 0.75, uslar: 0.7, ebersberg: 0.5, grafing: 0.6, moelln: 0.65 };

/** Ebersberg a year ago: strong in technology, weak in change and cooperation, the rest 2–3. */
export const EBERSBERG_ANSWERS: Readonly<Record<string, number>> = {
  ...{ target_picture: 3, council_backing: 4, needs_based: 3, responsibility: 2 },
  ...{ service_inventory: 2, process_models: 2, media_breaks: 2, roles: 3 },
  ...{ portfolio_overview: 3, project_method: 2, decision_papers: 3, capacity: 2 },
  ...{ skills_known: 2, training: 3, staff_council: 3, recruiting: 2 },
  ...{ budget: 3, funding: 3, economics: 3, staff_costs: 3 },
  ...{ communication: 1, readiness: 2, participation: 2, leadership: 1 },
  ...{ network: 3, shared_services: 1, reuse: 2, agreements: 2 },
  ...{ security: 4, e_file: 4, e_invoice: 4, workplace: 5 },
  ...{ online_share: 2, portal: 3, payment: 2, accessibility: 2 },
};
const EBERSBERG_EVIDENCE: Record<string, { note: string; url?: string }> = {
  security: { note: 'ISIS12 eingeführt, Informationssicherheitsbeauftragter benannt' },
  e_file: { note: 'E-Akte in Hauptamt, Kämmerei und Bürgerbüro führend', url: '/reifegrad/kennzahlen' },
  e_invoice: { note: 'XRechnung kommt über das Postfach der Stadt an und wird im Workflow freigegeben' },
  workplace: { note: 'Alle Arbeitsplätze mit Notebook, Videokonferenz und gemeinsamer Dokumentablage' },
  online_share: {
    note: 'Online nur Briefwahl und Kita-Anmeldung, sonst Formulare zum Herunterladen',
    url: '/prozesse',
  },
  communication: { note: 'Informationen zu Vorhaben nur im Amtsblatt, kein Kommunikationsplan' },
  network: { note: 'Mitglied im Innovationszirkel, bisher ohne gemeinsames Vorhaben', url: '/verbuende' },
  shared_services: { note: 'Keine gemeinsamen Dienste mit Nachbarkommunen' },
};

/** Levels of the assessments with a role in the story (the rest from `levelsOf`). */
const FIXED_LEVELS: Record<string, DimensionLevels> = {
  ploen: {
    strategy: 4,
    organisation: 3,
    portfolio: 4,
    staff: 3,
    finance: 3,
    change: 4,
    cooperation: 4,
    technology: 3,
    online: 2,
  },
  uslar: {
    strategy: 3,
    organisation: 3,
    portfolio: 3,
    staff: 3,
    finance: 3,
    change: 4,
    cooperation: 4,
    technology: 3,
    online: 3,
  },
  grafing: { change: 3, cooperation: 4 },
  moelln: { change: 4, cooperation: 3 },
  weissach: { change: 3, cooperation: 3 },
};
/** Plön's first assessment two years ago (the history shows the way up). */
const PLOEN_EARLIER: DimensionLevels = {
  ...{ strategy: 3, organisation: 2, portfolio: 3, staff: 2, finance: 2 },
  ...{ change: 3, cooperation: 3, technology: 3, online: 2 },
};

const DAY = 86_400_000;

/**
 * The maturity and key-figure story of the demo (issue 22): the peers as accepted members of the circle (with a
 * coordinator and departments each), key-figure values of the last five years for every demo town (Ebersberg's of
 * this year are left to its coordinator), completed assessments, who may be asked and who joined the open ring,
 * the circle's own criterion, and the platform facts that pre-fill Ebersberg's next assessment.
 */
export async function seedDemoMaturity(
  trx: Transaction<DB>,
  o: {
    networkId: string;
    moderatorId: string;
    passwordHash: string;
    email: (local: string) => string;
    /** The demo towns already seeded (their coordinators are `<slug>@…`). */
    towns: readonly { slug: string; municipalityId: string }[];
  },
) {
  const now = Date.now();
  const found = await trx
    .selectFrom('municipalities')
    .select(['id', 'ags'])
    .where(
      'ags',
      'in',
      DEMO_PEERS.map((p) => p.ags),
    )
    .execute();
  const known = new Map(found.map((m) => [m.ags, m.id]));
  const peerIds = new Map(DEMO_PEERS.map((p) => [p.slug, known.get(p.ags) ?? newId()]));
  const missing = DEMO_PEERS.filter((p) => !known.has(p.ags));
  if (missing.length)
    await trx
      .insertInto('municipalities')
      .values(
        missing.map((p) => ({
          id: peerIds.get(p.slug)!,
          ags: p.ags,
          ars: arsFromAgs(p.ags, p.verband),
          name: p.name,
          shortName: p.name.split(',')[0]!,
          landCode: p.ags.slice(0, 2),
          kreis: p.kreis,
          kreisKey: p.ags.slice(0, 5),
          population: p.population,
          populationDate: '2024-12-31',
          areaKm2: p.areaKm2,
          lat: p.lat,
          lon: p.lon,
          administeringBodyId: null,
          source: 'demo',
        })),
      )
      .execute();
  const userIds = new Map(DEMO_PEERS.map((p) => [p.slug, newId()]));
  await trx
    .insertInto('users')
    .values(
      DEMO_PEERS.map((p) => ({
        id: userIds.get(p.slug)!,
        email: o.email(p.slug),
        name: `Digitalisierung ${p.name.split(',')[0]!}`,
        passwordHash: o.passwordHash,
      })),
    )
    .execute();
  await trx
    .insertInto('memberships')
    .values(
      DEMO_PEERS.map((p) => ({
        userId: userIds.get(p.slug)!,
        municipalityId: peerIds.get(p.slug)!,
        role: 'coordinator' as const,
      })),
    )
    .execute();
  await trx
    .insertInto('departments')
    .values(
      DEMO_PEERS.flatMap((p) =>
        DEFAULT_DEPARTMENTS.map((d) => ({
          id: newId(),
          municipalityId: peerIds.get(p.slug)!,
          code: d.code,
          name: d.name,
        })),
      ),
    )
    .execute();
  await trx
    .insertInto('networkMembers')
    // they joined the circle for the comparison ring, after the pre-survey of 2021
    .values(
      DEMO_PEERS.map((p, i) => {
        const joinedOn = `2024-0${1 + (i % 9)}-15`;
        return {
          id: newId(),
          networkId: o.networkId,
          municipalityId: peerIds.get(p.slug)!,
          joinedOn,
          status: 'accepted' as const,
          staffSurveys: true,
          invitedBy: o.moderatorId,
          invitedAt: new Date(`${joinedOn}T08:00:00Z`),
          answeredAt: new Date(`${joinedOn}T09:00:00Z`),
        };
      }),
    )
    .execute();
  await trx
    .insertInto('auditLog')
    .values(
      DEMO_PEERS.map((p) => ({
        id: newId(),
        actorId: null,
        municipalityId: peerIds.get(p.slug)!,
        networkId: null,
        action: 'seed',
        entity: 'municipality',
        entityId: peerIds.get(p.slug)!,
        changes: JSON.stringify(changedFields(null, { name: p.name })),
      })),
    )
    .execute();

  // everyone of the ring: its municipality, coordinator, size class and Land
  const existing = await trx
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.userId', 'u.id')
    .innerJoin('municipalities as x', 'x.id', 'm.municipalityId')
    .select(['u.id as userId', 'u.email', 'm.municipalityId', 'x.population', 'x.landCode'])
    .where(
      'u.email',
      'in',
      o.towns.map((t) => o.email(t.slug)),
    )
    .where('m.role', '=', 'coordinator')
    .execute();
  const ring = [
    // the coordinator of Kastellaun works for Bell and Beltheim too: the town's own membership
    ...o.towns.map(({ slug, municipalityId }) => {
      const e = existing.find((x) => x.email === o.email(slug) && x.municipalityId === municipalityId);
      if (!e) throw new Error(`demo: no coordinator of ${slug}`);
      return {
        slug,
        municipalityId: e.municipalityId,
        userId: e.userId,
        population: e.population,
        landCode: e.landCode,
      };
    }),
    ...DEMO_PEERS.map((p) => ({
      slug: p.slug,
      municipalityId: peerIds.get(p.slug)!,
      userId: userIds.get(p.slug)!,
      population: p.population,
      landCode: p.ags.slice(0, 2),
    })),
  ];
  const maturity = (slug: string) => MATURITY[slug] ?? 0.2 + 0.6 * seededRandom(`${slug}:maturity`)();

  // key figures: five years up to this one
  const thisYear = new Date(now).getFullYear();
  const years = [0, 1, 2, 3, 4].map((k) => thisYear - 4 + k);
  const figures = await trx
    .selectFrom('keyFigures')
    .select(['id', 'key'])
    .where('networkId', 'is', null)
    .where(
      'key',
      'in',
      DEFAULT_KEY_FIGURES.map((f) => f.key),
    )
    .execute();
  /** Rows of key_figure_values as jsonb_to_recordset reads them (column names as keys). */
  const values: Record<string, string | number>[] = [];
  for (const m of ring) {
    // the Bavarian GK6 towns are all ahead of Ebersberg on the share of services online
    const bavarianGk6 = m.landCode === '09' && sizeClassOf(m.population) === 6 && m.slug !== 'ebersberg';
    for (const f of figures) {
      const def = figureByKey(f.key);
      let series: DemoFigureValue[] = figureSeries(
        m.slug,
        def,
        maturity(m.slug),
        years.length,
        bavarianGk6 && f.key === 'online_share' ? 0.2 : 0,
      );
      const fixed = FIXED_SERIES[m.slug]?.[f.key];
      if (fixed) series = fixed;
      series.forEach((v, k) => {
        const year = years[k]!;
        if (m.slug === 'ebersberg' && year === thisYear) return;
        values.push({
          key_figure_id: f.id,
          municipality_id: m.municipalityId,
          year,
          value: v.value,
          origin: f.key === 'online_share' ? 'computed' : 'entered',
          note: f.key === 'online_share' ? v.note : '',
          updated_by: m.userId,
          // a year's figures are entered in February of the next; this year's so far today
          updated_at: year < thisYear ? `${year + 1}-02-15T09:00:00Z` : new Date(now).toISOString(),
        });
      });
    }
  }
  // one parameter for the ~1,100 rows (a multi-row VALUES would bind eight per row)
  await sql`INSERT INTO key_figure_values (key_figure_id, municipality_id, year, value, origin, note, updated_by, updated_at)
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(key_figure_id uuid, municipality_id uuid,
      year smallint, value double precision, origin text, note text, updated_by uuid, updated_at timestamptz)`.execute(
    trx,
  );
  await trx
    .insertInto('keyFigureOpenRing')
    .values(
      DEMO_OPEN_RING.map((slug) => {
        const m = ring.find((x) => x.slug === slug)!;
        return { networkId: o.networkId, municipalityId: m.municipalityId, joinedBy: m.userId };
      }),
    )
    .execute();

  // completed assessments: Ebersberg's a year ago, Plön's two, most peers one
  const assessments: { slug: string; answers: Readonly<Record<string, number>>; daysAgo: number }[] = [
    { slug: 'ebersberg', answers: EBERSBERG_ANSWERS, daysAgo: 365 },
    { slug: 'ploen', answers: answersFor('ploen:earlier', PLOEN_EARLIER), daysAgo: 730 },
  ];
  for (const m of ring) {
    if (m.slug === 'ebersberg' || NOT_ASSESSED.has(m.slug)) continue;
    if (!DEMO_PEERS.some((p) => p.slug === m.slug) && !FIXED_LEVELS[m.slug]) continue;
    const r = seededRandom(`${m.slug}:assessed`);
    assessments.push({
      slug: m.slug,
      answers: answersFor(m.slug, levelsOf(m.slug, maturity(m.slug), FIXED_LEVELS[m.slug])),
      daysAgo: m.slug === 'ploen' ? 90 : 30 + Math.floor(r() * 480),
    });
  }
  const assessmentRows = assessments.map((a) => {
    const m = ring.find((x) => x.slug === a.slug)!;
    const completedAt = new Date(now - a.daysAgo * DAY);
    return {
      id: newId(),
      municipalityId: m.municipalityId,
      modelVersion: MATURITY_MODEL_VERSION,
      status: 'completed' as const,
      levels: JSON.stringify(storedLevels(a.answers)),
      createdBy: m.userId,
      createdAt: new Date(completedAt.getTime() - 14 * DAY),
      completedBy: m.userId,
      completedAt,
    };
  });
  await trx.insertInto('maturityAssessments').values(assessmentRows).execute();
  const answers = assessments.flatMap((a, i) => {
    const row = assessmentRows[i]!;
    const evidence = a.slug === 'ebersberg' ? EBERSBERG_EVIDENCE : {};
    return MATURITY_DIMENSIONS.flatMap((d) =>
      d.criteria.map((c) => ({
        assessment_id: row.id,
        criterion_key: c.key,
        level: a.answers[c.key] ?? null,
        evidence_note: evidence[c.key]?.note ?? '',
        evidence_url: evidence[c.key]?.url ?? '',
        answered_by: row.createdBy,
        updated_at: row.completedAt.toISOString(),
      })),
    );
  });
  await sql`INSERT INTO maturity_answers (assessment_id, criterion_key, level, evidence_note, evidence_url, answered_by, updated_at, version)
    SELECT *, 1 FROM jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) AS a(assessment_id uuid, criterion_key text,
      level smallint, evidence_note text, evidence_url text, answered_by uuid, updated_at timestamptz)`.execute(trx);
  await trx
    .insertInto('maturitySettings')
    .values(
      DEMO_CONTACTABLE.map((slug) => {
        const m = ring.find((x) => x.slug === slug)!;
        return { municipalityId: m.municipalityId, contactable: true, updatedBy: m.userId };
      }),
    )
    .execute();

  // the circle's own criterion, next to the model's
  await trx
    .insertInto('maturityNetworkCriteria')
    .values({
      id: newId(),
      networkId: o.networkId,
      dimensionKey: 'cooperation',
      name: 'Beteiligung am Innovationszirkel',
      levels: JSON.stringify([
        'Die Kommune ist Mitglied, nimmt aber an keinem Treffen teil.',
        'Die Koordination nimmt gelegentlich an Treffen und Umfragen teil.',
        'Die Kommune beantwortet jede Umfrage und bringt eigene Schmerzpunkte ein.',
        'Die Kommune teilt Projekte in der Projektbörse und trägt ihre Kennzahlen jährlich ein.',
        'Die Kommune leitet eine Arbeitsgruppe des Zirkels oder ein gemeinsames Vorhaben.',
      ]),
      createdBy: o.moderatorId,
    })
    .execute();

  const ebersberg = ring.find((x) => x.slug === 'ebersberg')!;
  await seedDemoEbersberg(trx, { municipalityId: ebersberg.municipalityId, coordinatorId: ebersberg.userId });
}

/** Series with a role in the story, oldest year first (Ebersberg's end last year). */
const FIXED_SERIES: Record<string, Record<string, DemoFigureValue[]>> = {
  // 12 services in the inventory, 1 then 2 online: the lowest share of the Bavarian GK6 towns
  ebersberg: {
    online_share: [onlineShare(1, 12), onlineShare(1, 12), onlineShare(2, 12), onlineShare(2, 12)],
    e_file_coverage: [35, 48, 60, 72].map((value) => ({ value, note: '' })),
    e_invoice_share: [22, 35, 50, 64].map((value) => ({ value, note: '' })),
  },
  // what Plön's inventory gives (21 services of the starter list, the postal vote online since two years)
  ploen: {
    online_share: [onlineShare(0, 21), onlineShare(0, 21), onlineShare(1, 21), onlineShare(1, 21), onlineShare(1, 21)],
  },
};
