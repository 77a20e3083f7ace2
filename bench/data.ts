/**
 * Network-scale data set (`npm run bench:data`): all 10,751 municipalities from the official GV100AD
 * file, ~300 networks, ~20 users in each of 2,000 municipalities with departments and audit history, and a
 * closed 60-question network survey answered by all 10,751 municipalities (~1 million answer rows), and
 * 50,000 projects with three milestones, a task and a status report each (10,000 in PGlite), 20,000 of
 * them published to the project exchange (5,000 in PGlite).
 * Deterministic (seeded) and bulk-inserted. PostgreSQL when BENCH_DATABASE_URL is set (schema `public`
 * is recreated), and a smaller one (500 municipalities with users, 60 networks) in bench/.data-pglite.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  allQuestions,
  answerRows,
  DEFAULT_DEPARTMENTS,
  type Question,
  type SurveyDefinition,
  sizeClassOf,
} from '@dz/core';
import { type Database, openDatabase } from '@dz/server/src/db/database.js';
import { migrateToLatest } from '@dz/server/src/db/migrate.js';
import { newId } from '@dz/server/src/lib/ids.js';
import { hashPassword } from '@dz/server/src/modules/auth/auth.service.js';
import { importDirectoryBuffer } from '@dz/server/src/modules/imports/imports.service.js';
import { sql } from 'kysely';
import { BENCH_EMAIL, BENCH_PASSWORD, PGLITE_DIR, rng, SHARED } from './lib.js';

const NETWORK_TYPES = ['circle', 'benchmarking_ring', 'district_cooperation', 'zweckverband'];
const ROLES = ['coordinator', 'staff', 'staff', 'staff', 'staff', 'council', 'council', 'mayor'];

async function bulk<T extends Record<string, unknown>>(db: Database, table: string, rows: T[], chunk = 2000) {
  // explicit columns: generated columns (full-text vectors) must not be written
  const cols = rows[0] ? Object.keys(rows[0]) : [];
  const list = sql.join(cols.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    await sql`INSERT INTO ${sql.table(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${sql.table(table)}, ${json}::json)`.execute(
      db,
    );
  }
}

export async function buildDataSet(
  db: Database,
  size: {
    tenants: number;
    networks: number;
    usersPer: number;
    auditPer: number;
    respondents: number | 'all';
    projects: number;
    published: number;
  },
) {
  const random = rng(20261127);
  const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
  const t0 = performance.now();
  await importDirectoryBuffer(
    db,
    fs.readFileSync(path.join(SHARED, 'destatis/GV100AD_30112025.txt')),
    undefined,
    'bench',
  );
  const all = await db
    .selectFrom('municipalities')
    .select(['id', 'kreisKey', 'population', 'landCode'])
    .orderBy('ags')
    .execute();
  // tenants: small municipalities spread over the country, deterministic
  const shuffled = all.map((m) => ({ m, k: random() })).sort((a, b) => a.k - b.k);
  const tenants = shuffled.slice(0, size.tenants).map((x) => x.m);
  const hash = await hashPassword(BENCH_PASSWORD);
  const now = new Date().toISOString();
  const users: Record<string, unknown>[] = [];
  const memberships: Record<string, unknown>[] = [];
  const departments: Record<string, unknown>[] = [];
  const audit: Record<string, unknown>[] = [];
  tenants.forEach((m, ti) => {
    for (let u = 0; u < size.usersPer; u++) {
      const id = newId();
      users.push({
        id,
        email: `u${ti}-${u}@bench.example`,
        name: `Person ${ti}-${u}`,
        password_hash: hash,
        locale: 'de',
        is_platform_admin: false,
        failed_logins: 0,
        locked_until: null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      memberships.push({
        user_id: id,
        municipality_id: m.id,
        role: u === 0 ? 'admin' : pick(ROLES),
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
    for (const d of DEFAULT_DEPARTMENTS)
      departments.push({
        id: newId(),
        municipality_id: m.id,
        code: d.code,
        name: d.name,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    for (let a = 0; a < size.auditPer; a++) {
      audit.push({
        id: newId(),
        at: new Date(Date.now() - a * 3_600_000).toISOString(),
        actor_id: null,
        municipality_id: m.id,
        network_id: null,
        action: pick(['create', 'update', 'delete']),
        entity: 'department',
        entity_id: newId(),
        changes: { name: { before: 'Alt', after: 'Neu' } },
      });
    }
  });
  const benchUser = newId();
  users.push({
    id: benchUser,
    email: BENCH_EMAIL,
    name: 'Benchmark',
    password_hash: hash,
    locale: 'de',
    is_platform_admin: true,
    failed_logins: 0,
    locked_until: null,
    version: 1,
    created_at: now,
    updated_at: now,
  });
  memberships.push({
    user_id: benchUser,
    municipality_id: tenants[0]!.id,
    role: 'admin',
    version: 1,
    created_at: now,
    updated_at: now,
  });
  const networks: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  const moderators: Record<string, unknown>[] = [];
  for (let n = 0; n < size.networks; n++) {
    const id = newId();
    networks.push({
      id,
      name: `Verbund ${n + 1}`,
      type: pick(NETWORK_TYPES),
      description: 'Benchmark',
      version: 1,
      created_at: now,
      updated_at: now,
    });
    moderators.push({
      network_id: id,
      user_id: n === 0 ? benchUser : users[Math.floor(random() * (users.length - 1))]!.id,
      created_at: now,
    });
    const count = 10 + Math.floor(random() * 50);
    const chosen = new Set<string>(n === 0 ? [tenants[0]!.id] : []);
    while (chosen.size < count) chosen.add(pick(random() < 0.5 ? tenants : all).id);
    for (const mid of chosen)
      members.push({
        id: newId(),
        network_id: id,
        municipality_id: mid,
        joined_on: '2024-01-01',
        left_on: null,
        status: 'accepted',
      });
  }
  await bulk(db, 'users', users);
  await bulk(db, 'memberships', memberships);
  await bulk(db, 'departments', departments);
  await bulk(db, 'networks', networks);
  await bulk(db, 'network_members', members);
  await bulk(db, 'network_moderators', moderators);
  await bulk(db, 'audit_log', audit);
  const survey = await buildSurvey(db, {
    networkId: networks[0]!.id as string,
    createdBy: benchUser,
    respondents: size.respondents === 'all' ? all : all.slice(0, size.respondents),
    random,
  });
  const portfolio = await buildProjects(db, {
    tenants,
    total: size.projects,
    // the bench account's municipality has a large portfolio (table and timeline endpoints)
    benchTenantProjects: 400,
    users: memberships.map((m) => ({ userId: m.user_id as string, municipalityId: m.municipality_id as string })),
    random,
  });
  const exchange = await buildPublications(db, {
    total: size.published,
    networks: networks.map((n) => n.id as string),
    random,
  });
  // what the upkeep job (PGlite) or autovacuum (PostgreSQL) leaves behind on a running installation
  await sql`VACUUM (ANALYZE)`.execute(db);
  return {
    seconds: (performance.now() - t0) / 1000,
    municipalities: all.length,
    tenants: tenants.length,
    users: users.length,
    networks: networks.length,
    networkMembers: members.length,
    auditEntries: audit.length,
    benchMunicipality: tenants[0]!.id,
    benchNetwork: networks[0]!.id as string,
    ...survey,
    ...portfolio,
    ...exchange,
  };
}

const TOPICS = [
  ['Digitaler Bauhof', 'Mängelmelder für Straßen, Spielplätze und Grünflächen', 'Bauhöfe'],
  ['Online-Terminvergabe', 'Terminbuchung im Bürgerbüro mit Erinnerung', 'Bürgerbüros'],
  ['E-Rechnung', 'Eingangsrechnungen digital prüfen, freigeben und buchen', 'Kämmereien'],
  ['Ratsinformationssystem', 'Sitzungsdienst und papierlose Gremienarbeit', 'Gemeinderäte'],
  ['WLAN in öffentlichen Gebäuden', 'Freies WLAN im Rathaus, in Schulen und Bibliotheken', 'Rathäuser'],
  ['E-Akte', 'Digitale Aktenführung und Dokumentenmanagement', 'Hauptämter'],
  ['Digitaler Bauantrag', 'Bauanträge online einreichen und bearbeiten', 'Bauämter'],
  ['Hundesteuer online', 'An- und Abmeldung von Hunden als Online-Dienst', 'Steuerämter'],
  ['Friedhofsverwaltung', 'Grabstellen und Gebühren digital verwalten', 'Friedhöfe'],
  ['Kita-Platzvergabe', 'Zentrale Anmeldung und Vergabe von Kita-Plätzen', 'Kindertagesstätten'],
];
const STAGES = ['planned', 'running', 'completed', 'completed'];
const FIELDS = [
  'Digitale Verwaltungsleistungen',
  'Interne Prozesse und E-Akte',
  'IT-Infrastruktur und Informationssicherheit',
];

/** About 20,000 published projects (German texts over ten topics with varied word forms) for the search bench. */
async function buildPublications(db: Database, o: { total: number; networks: string[]; random: () => number }) {
  const rows = await db
    .selectFrom('projects as p')
    .innerJoin('municipalities as m', 'm.id', 'p.municipalityId')
    .select(['p.id', 'p.municipalityId', 'p.createdBy', 'm.population', 'm.landCode', 'm.kreisKey'])
    .orderBy('p.id')
    .limit(o.total)
    .execute();
  const now = new Date().toISOString();
  const pubs: Record<string, unknown>[] = [];
  const nets: Record<string, unknown>[] = [];
  for (const [i, r] of rows.entries()) {
    const [title, problem, plural] = TOPICS[i % TOPICS.length]!;
    const id = newId();
    const visibility = o.random() < 0.7 ? 'all' : 'networks';
    pubs.push({
      id,
      project_id: r.id,
      municipality_id: r.municipalityId,
      status: 'published',
      visibility,
      title: `${title} ${i}`,
      problem: `${problem}. Bisher auf Papier, viele Rückfragen.`,
      solution: `Einführung einer Lösung für ${plural} mit Schulung der Beschäftigten.`,
      results: 'Schnellere Bearbeitung und weniger Rückfragen.',
      lessons: 'Früh die Beschäftigten einbinden und den Datenschutz klären.',
      field_of_action: FIELDS[i % FIELDS.length],
      stage: STAGES[Math.floor(o.random() * STAGES.length)],
      tco_cents: Math.round(o.random() * 20_000_000),
      effort_hours: Math.round(o.random() * 500),
      duration_months: 1 + Math.floor(o.random() * 24),
      products: 'Fachverfahren eines kommunalen IT-Dienstleisters',
      contact_role: 'Digitalisierungsbeauftragte/r',
      documents: [],
      template: { milestones: [], tasks: [], costs: [], risks: [] },
      size_class: sizeClassOf(r.population),
      land_code: r.landCode,
      kreis_key: r.kreisKey,
      population: r.population,
      published_by: r.createdBy,
      published_at: now,
      updated_at: now,
      version: 1,
    });
    if (visibility === 'networks' && o.networks.length)
      nets.push({ publication_id: id, network_id: o.networks[Math.floor(o.random() * o.networks.length)] });
  }
  await bulk(db, 'publications', pubs, 2000);
  await bulk(db, 'publication_networks', nets, 5000);
  return { published: pubs.length };
}

const PHASES = ['idea', 'planning', 'implementation', 'implementation', 'operation', 'done', 'stopped'];
const LIGHTS = ['green', 'green', 'yellow', 'red'];
const day = (base: number, offset: number) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10);

/** Projects across the tenant municipalities, each with milestones, a task and (mostly) a status report. */
async function buildProjects(
  db: Database,
  o: {
    tenants: { id: string }[];
    total: number;
    benchTenantProjects: number;
    users: { userId: string; municipalityId: string }[];
    random: () => number;
  },
) {
  const byTenant = new Map<string, string[]>();
  for (const u of o.users) byTenant.set(u.municipalityId, [...(byTenant.get(u.municipalityId) ?? []), u.userId]);
  const base = Date.UTC(2026, 0, 1);
  const now = new Date().toISOString();
  const projects: Record<string, unknown>[] = [];
  const milestones: Record<string, unknown>[] = [];
  const tasks: Record<string, unknown>[] = [];
  const reports: Record<string, unknown>[] = [];
  const others = Math.max(1, o.tenants.length - 1);
  const per = Math.floor((o.total - o.benchTenantProjects) / others);
  const extra = (o.total - o.benchTenantProjects) % others;
  let n = 0;
  const flush = async () => {
    await bulk(db, 'projects', projects.splice(0));
    await bulk(db, 'milestones', milestones.splice(0), 5000);
    await bulk(db, 'tasks', tasks.splice(0), 5000);
    await bulk(db, 'status_reports', reports.splice(0), 5000);
  };
  for (const [ti, t] of o.tenants.entries()) {
    const people = byTenant.get(t.id) ?? [];
    const count = ti === 0 ? o.benchTenantProjects : per + (ti <= extra ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const id = newId();
      const start = Math.floor(o.random() * 900) - 300;
      const length = 60 + Math.floor(o.random() * 600);
      const owner = people.length ? people[Math.floor(o.random() * people.length)]! : null;
      projects.push({
        id,
        municipality_id: t.id,
        title: `Vorhaben ${ti}-${i}: ${['E-Akte', 'Bürgerportal', 'E-Rechnung', 'Ratsinformation', 'WLAN'][i % 5]}`,
        description: 'Benchmark-Projekt',
        owner_id: owner,
        phase: PHASES[Math.floor(o.random() * PHASES.length)],
        starts_on: day(base, start),
        ends_on: day(base, start + length),
        board_position: i,
        priority_score: Math.round(o.random() * 1000) / 10,
        created_by: owner,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      for (let m = 0; m < 3; m++)
        milestones.push({
          id: newId(),
          project_id: id,
          title: `Meilenstein ${m + 1}`,
          due_on: day(base, start + Math.floor(((m + 1) * length) / 4)),
          reached_on: o.random() < 0.3 ? day(base, start + Math.floor(((m + 1) * length) / 4)) : null,
          version: 1,
        });
      tasks.push({
        id: newId(),
        project_id: id,
        title: 'Aufgabe',
        assignee_id: owner,
        due_on: day(base, start + 30),
        status: 'open',
        version: 1,
        created_at: now,
      });
      if (o.random() < 0.8) {
        const light = () => LIGHTS[Math.floor(o.random() * LIGHTS.length)];
        reports.push({
          id: newId(),
          project_id: id,
          reported_on: day(base, start + 20),
          scope: light(),
          schedule: light(),
          budget: light(),
          overall: light(),
          summary: 'Bericht',
          author_id: owner,
          created_at: now,
        });
      }
      n++;
      if (projects.length >= 5000) await flush();
    }
  }
  await flush();
  return { projects: n, milestones: n * 3 };
}

/** 60 questions in 10 sections: scales, single and multiple choice, a matrix, and number/text/ranking. */
export function benchDefinition(): SurveyDefinition {
  const opts = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, label: { de: `Antwort ${i + 1}` } }));
  return {
    sections: Array.from({ length: 10 }, (_, s) => {
      const q = (i: number, type: Question['type'], extra: Partial<Question> = {}): Question => ({
        id: `s${s + 1}q${i}`,
        type,
        text: { de: `Abschnitt ${s + 1}, Frage ${i}` },
        required: false,
        ...extra,
      });
      const last = (['number', 'text', 'ranking'] as const)[s % 3]!;
      return {
        id: `s${s + 1}`,
        title: { de: `Abschnitt ${s + 1}` },
        questions: [
          q(1, 'scale'),
          q(2, 'scale'),
          q(3, 'single', { options: opts(4) }),
          q(4, 'multiple', { options: opts(5) }),
          q(5, 'matrix', { items: opts(3) }),
          q(6, last, last === 'ranking' ? { options: opts(4) } : last === 'number' ? { min: 0, max: 100 } : {}),
        ],
      };
    }),
  };
}

/** A closed network survey answered by every given municipality (one submitted response each). */
async function buildSurvey(
  db: Database,
  o: {
    networkId: string;
    createdBy: string;
    respondents: { id: string; population: number; landCode: string }[];
    random: () => number;
  },
) {
  const def = benchDefinition();
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('surveys')
    .values({
      id,
      networkId: o.networkId,
      title: 'Bench-Umfrage (60 Fragen)',
      mode: 'municipality',
      status: 'closed',
      definition: JSON.stringify(def),
      networkIds: JSON.stringify([]),
      secret: 'bench',
      createdBy: o.createdBy,
    })
    .execute();
  const int = (a: number, b: number) => a + Math.floor(o.random() * (b - a + 1));
  const questions = allQuestions(def);
  const responses: Record<string, unknown>[] = [];
  const targets: Record<string, unknown>[] = [];
  let answers: Record<string, unknown>[] = [];
  let answerCount = 0;
  const flush = async () => {
    await bulk(db, 'survey_answers', answers, 5000);
    answerCount += answers.length;
    answers = [];
  };
  for (const m of o.respondents) {
    const a: Record<string, unknown> = {};
    for (const q of questions) {
      const ids = (q.options ?? []).map((x) => x.id);
      if (q.type === 'scale') a[q.id] = int(1, 5);
      else if (q.type === 'number') a[q.id] = int(0, 100);
      else if (q.type === 'text') a[q.id] = `Freitext ${int(1, 50)}`;
      else if (q.type === 'single') a[q.id] = ids[int(0, ids.length - 1)];
      else if (q.type === 'multiple') a[q.id] = ids.filter(() => o.random() < 0.5);
      else if (q.type === 'ranking') a[q.id] = [...ids].sort(() => o.random() - 0.5);
      else a[q.id] = Object.fromEntries((q.items ?? []).map((it) => [it.id, int(1, 5)]));
    }
    const rid = newId();
    responses.push({
      id: rid,
      survey_id: id,
      municipality_id: m.id,
      respondent_key: null,
      status: 'submitted',
      answers: a,
      size_class: sizeClassOf(m.population),
      land_code: m.landCode,
      network_id: o.networkId,
      version: 1,
      submitted_at: now,
      created_at: now,
      updated_at: now,
    });
    targets.push({
      id: newId(),
      survey_id: id,
      municipality_id: m.id,
      user_id: null,
      network_id: o.networkId,
      status: 'submitted',
      invited_at: now,
      reminded_at: null,
    });
    for (const r of answerRows(def, a as never))
      answers.push({
        response_id: rid,
        survey_id: id,
        question_id: r.questionId,
        item_id: r.itemId,
        num: r.num,
        choice: r.choice,
        text: r.text,
      });
    if (responses.length % 2000 === 0) {
      await bulk(db, 'survey_responses', responses.splice(0), 2000);
      await flush();
    }
  }
  await bulk(db, 'survey_responses', responses, 2000);
  await flush();
  // bulk rows bypass the response service: the results' counts (ADR 0008) are built once, as the migration does
  await sql`SELECT survey_tallies_rebuild(${id})`.execute(db);
  await bulk(db, 'survey_targets', targets, 5000);
  return { benchSurvey: id, surveyResponses: o.respondents.length, surveyAnswers: answerCount };
}

async function main() {
  if (process.env.BENCH_DATABASE_URL) {
    const h = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: PGLITE_DIR });
    await sql`DROP SCHEMA IF EXISTS public CASCADE`.execute(h.db);
    await sql`CREATE SCHEMA public`.execute(h.db);
    await migrateToLatest(h.db);
    console.log(
      'PostgreSQL',
      await buildDataSet(h.db, {
        tenants: 2000,
        networks: 300,
        usersPer: 20,
        auditPer: 50,
        respondents: 'all',
        projects: 50_000,
        published: 20_000,
      }),
    );
    await h.close();
  }
  fs.rmSync(PGLITE_DIR, { recursive: true, force: true });
  const p = await openDatabase({ dataDir: PGLITE_DIR });
  await migrateToLatest(p.db);
  console.log(
    'PGlite',
    await buildDataSet(p.db, {
      tenants: 500,
      networks: 60,
      usersPer: 20,
      auditPer: 50,
      respondents: 'all',
      projects: 10_000,
      published: 5_000,
    }),
  );
  await p.close();
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
