import { createHmac } from 'node:crypto';
import {
  type Answers,
  answerRows,
  DEFAULT_THRESHOLD,
  PULSE_DEPARTMENT_QUESTION,
  PULSE_GROUP_QUESTION,
  PULSE_ITEMS,
  PULSE_OPEN_QUESTION,
  PULSE_TITLE_PREFIX,
  type PulseStaffGroup,
  pulseTemplate,
  quarterOf,
  sizeClassOf,
} from '@dz/core';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId, newSecret } from '../lib/ids.js';

/** Plön's colleagues who answer the pulse (staff; demo logins like the others, address `<slug>@…`). */
export const DEMO_PULSE_STAFF: ReadonlyArray<{ slug: string; name: string; group: PulseStaffGroup; dept: string }> = [
  { slug: 'buergerbuero.ploen', name: 'Birte Bürgerbüro', group: 'verwaltung', dept: '33' },
  { slug: 'standesamt.ploen', name: 'Stefan Standesamt', group: 'verwaltung', dept: '34' },
  { slug: 'bauverwaltung.ploen', name: 'Vera Bauverwaltung', group: 'verwaltung', dept: '60' },
  { slug: 'kasse.ploen', name: 'Kai Kasse', group: 'verwaltung', dept: '20' },
  { slug: 'personal.ploen', name: 'Paula Personal', group: 'verwaltung', dept: '10' },
  { slug: 'gruenpflege.ploen', name: 'Gero Grünpflege', group: 'aussendienst', dept: '67' },
  { slug: 'bauhof2.ploen', name: 'Bettina Bauhof', group: 'aussendienst', dept: '67' },
  { slug: 'ordnung.ploen', name: 'Olaf Ordnung', group: 'aussendienst', dept: '32' },
  { slug: 'azubi.ploen', name: 'Ali Azubi', group: 'azubi', dept: '10' },
];

/** Mean answers per dimension in the two past rounds: knowledge stays the weak spot, the rest improves. */
const LEVELS = [
  { awareness: 3.4, desire: 3.1, knowledge: 2.4, ability: 2.8, reinforcement: 2.9 },
  { awareness: 4.0, desire: 3.7, knowledge: 2.8, ability: 3.2, reinforcement: 3.4 },
] as const;

const NOTES = [
  'Eine kurze Einweisung in die E-Akte vor dem Start wäre gut.',
  'Mehr Zeit zum Ausprobieren neben dem Tagesgeschäft.',
  'Feste Ansprechperson für Fragen zur Software.',
];

/** The day before an ISO date. */
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Plön's change-readiness pulse: the settings (schedule off) and the two rounds of the two quarters before today,
 * closed, answered by eleven and twelve colleagues (the coordination, the head of the main office, the treasury
 * colleague and the nine staff above) — so /puls shows a trend, groups and hidden groups after `npm start`.
 */
export async function seedDemoPulse(
  trx: Transaction<DB>,
  o: {
    municipalityId: string;
    passwordHash: string;
    email: (slug: string) => string;
    people: { id: string; group: PulseStaffGroup; dept: string }[];
  },
) {
  const muni = await trx
    .selectFrom('municipalities')
    .select(['population', 'landCode'])
    .where('id', '=', o.municipalityId)
    .executeTakeFirstOrThrow();
  const departments = await trx
    .selectFrom('departments')
    .select(['id', 'name', 'code'])
    .where('municipalityId', '=', o.municipalityId)
    .orderBy('name')
    .execute();
  const deptId = new Map(departments.map((d) => [d.code, d.id]));
  const staff = [...o.people];
  for (const p of DEMO_PULSE_STAFF) {
    const id = newId();
    await trx
      .insertInto('users')
      .values({ id, email: o.email(p.slug), name: p.name, passwordHash: o.passwordHash })
      .execute();
    await trx
      .insertInto('memberships')
      .values({ userId: id, municipalityId: o.municipalityId, role: 'staff', departmentId: deptId.get(p.dept) ?? null })
      .execute();
    staff.push({ id, group: p.group, dept: p.dept });
  }
  // the schedule stays off: a round started on its own in the first days of a quarter would surprise whoever
  // tries the demo (the coordination switches it on on /puls)
  await trx.insertInto('pulseSettings').values({ municipalityId: o.municipalityId, enabled: false }).execute();
  const current = quarterOf(new Date());
  const last = quarterOf(dayBefore(current.startsOn));
  const before = quarterOf(dayBefore(last.startsOn));
  const def = pulseTemplate(departments);
  for (const [r, q] of [before, last].entries()) {
    const surveyId = newId();
    const secret = newSecret();
    const closedAt = new Date(Date.parse(`${q.startsOn}T08:00:00Z`) + 21 * 86_400_000);
    await trx
      .insertInto('surveys')
      .values({
        id: surveyId,
        networkId: null,
        municipalityId: o.municipalityId,
        title: `${PULSE_TITLE_PREFIX} ${q.label}`,
        titleEn: `Change readiness pulse ${q.label}`,
        mode: 'person',
        anonymous: true,
        status: 'closed',
        threshold: DEFAULT_THRESHOLD,
        opensOn: q.startsOn,
        closedAt,
        definition: JSON.stringify(def),
        networkIds: JSON.stringify([]),
        secret,
      })
      .execute();
    await trx
      .insertInto('pulseRounds')
      .values({ id: newId(), municipalityId: o.municipalityId, surveyId, quarter: q.key })
      .execute();
    // the first round: one of the field staff did not answer
    const answering = staff.filter((_, i) => r === 1 || i !== staff.length - 2);
    for (const [i, p] of staff.entries()) {
      const answered = answering.includes(p);
      await trx
        .insertInto('surveyTargets')
        .values({
          id: newId(),
          surveyId,
          municipalityId: o.municipalityId,
          userId: p.id,
          status: answered ? 'submitted' : 'none',
          invitedAt: new Date(`${q.startsOn}T08:00:00Z`),
        })
        .execute();
      if (!answered) continue;
      const level = LEVELS[r]!;
      const answers: Answers = {};
      for (const [k, item] of PULSE_ITEMS.entries()) {
        const spread = ((i * 3 + k) % 3) - 1;
        answers[item.id] = Math.min(5, Math.max(1, Math.round(level[item.dimension] + spread * 0.8)));
      }
      answers[PULSE_GROUP_QUESTION] = p.group;
      const dept = deptId.get(p.dept);
      if (dept && i % 4 !== 3) answers[PULSE_DEPARTMENT_QUESTION] = dept;
      if (i < NOTES.length) answers[PULSE_OPEN_QUESTION] = NOTES[(i + r) % NOTES.length]!;
      const responseId = newId();
      await trx
        .insertInto('surveyResponses')
        .values({
          id: responseId,
          surveyId,
          municipalityId: o.municipalityId,
          respondentKey: createHmac('sha256', secret).update(p.id).digest('hex'),
          status: 'submitted',
          answers: JSON.stringify(answers),
          sizeClass: sizeClassOf(muni.population),
          landCode: muni.landCode,
          submittedAt: closedAt,
        })
        .execute();
      await trx
        .insertInto('surveyAnswers')
        .values(answerRows(def, answers).map((a) => ({ ...a, responseId, surveyId })))
        .execute();
    }
    // the rows above bypass the response service: the results' counts are built once from them (ADR 0008)
    await sql`SELECT survey_tallies_rebuild(${surveyId})`.execute(trx);
  }
}
