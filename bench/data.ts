/**
 * Network-scale data set (`npm run bench:data`): all 10,751 municipalities from the official GV100AD
 * file, ~300 networks, ~20 users in each of 2,000 municipalities with departments and audit history, and a
 * closed 60-question network survey answered by all 10,751 municipalities (~1 million answer rows).
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
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    await sql`INSERT INTO ${sql.table(table)} SELECT * FROM json_populate_recordset(NULL::${sql.table(table)}, ${json}::json)`.execute(
      db,
    );
  }
}

export async function buildDataSet(
  db: Database,
  size: { tenants: number; networks: number; usersPer: number; auditPer: number; respondents: number | 'all' },
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
      members.push({ id: newId(), network_id: id, municipality_id: mid, joined_on: '2024-01-01', left_on: null });
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
  await sql`ANALYZE`.execute(db);
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
  };
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
      await buildDataSet(h.db, { tenants: 2000, networks: 300, usersPer: 20, auditPer: 50, respondents: 'all' }),
    );
    await h.close();
  }
  fs.rmSync(PGLITE_DIR, { recursive: true, force: true });
  const p = await openDatabase({ dataDir: PGLITE_DIR });
  await migrateToLatest(p.db);
  console.log(
    'PGlite',
    await buildDataSet(p.db, { tenants: 500, networks: 60, usersPer: 20, auditPer: 50, respondents: 'all' }),
  );
  await p.close();
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
