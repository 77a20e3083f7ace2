import { DIGCOMP, STARTER_TRAININGS } from '@dz/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';

/** Staff of two departments with a typical profile per DigComp area (levels 1–8) and who shares with the coordination. */
const STAFF: { department: string; profile: readonly number[]; people: readonly string[]; sharing: number }[] = [
  {
    department: 'Hauptamt',
    profile: [4, 4, 3, 3, 3],
    people: [
      'Anja Petersen',
      'Bernd Hansen',
      'Carola Jensen',
      'Dirk Möller',
      'Elke Thomsen',
      'Frank Lorenzen',
      'Gesa Carstens',
    ],
    sharing: 2,
  },
  {
    department: 'Bauhof',
    profile: [3, 2, 2, 3, 2],
    people: ['Hauke Brodersen', 'Ingo Schmidt', 'Jörn Voß', 'Kai Ehlers', 'Lars Wiese', 'Malte Rohwer'],
    sharing: 1,
  },
];

/**
 * Demo competences of Plön: self-assessments of thirteen staff in two departments (above the anonymity threshold,
 * so the heatmap and the weakest competence — data protection, 4.2 — show after `npm start`), a staff member who has
 * not assessed herself yet (`mitarbeit.ploen`, for trying it out), the starter catalogue and one planned training.
 */
export async function seedDemoCompetences(
  trx: Transaction<DB>,
  o: { municipalityId: string; coordinatorId: string; passwordHash: string; email: (local: string) => string },
) {
  const m = o.municipalityId;
  const departments = await trx
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('municipalityId', '=', m)
    .execute();
  const deptId = (name: string) => departments.find((d) => d.name === name)?.id ?? null;
  const staff = newId();
  await trx
    .insertInto('users')
    .values({
      id: staff,
      email: o.email('mitarbeit.ploen'),
      name: 'Mia Schulz (Bürgerbüro)',
      passwordHash: o.passwordHash,
    })
    .execute();
  await trx.insertInto('memberships').values({ userId: staff, municipalityId: m, role: 'staff' }).execute();

  let n = 0;
  for (const group of STAFF) {
    for (const [i, name] of group.people.entries()) {
      const id = newId();
      const local = `demo${++n}.ploen`;
      await trx
        .insertInto('users')
        .values({ id, email: o.email(local), name, passwordHash: o.passwordHash })
        .execute();
      await trx.insertInto('memberships').values({ userId: id, municipalityId: m, role: 'staff' }).execute();
      await trx
        .insertInto('competenceProfiles')
        .values({
          municipalityId: m,
          userId: id,
          departmentId: deptId(group.department),
          shareWithManager: i < group.sharing,
        })
        .execute();
      await trx
        .insertInto('competenceAssessments')
        .values(
          DIGCOMP.map((c, k) => {
            const base = group.profile[c.area - 1] ?? 3;
            // data protection is where the demo town is weakest; the rest varies a little per person
            const level = c.code === '4.2' ? 1 + (i % 2) : Math.min(8, Math.max(1, base + ((i + k) % 3) - 1));
            return { municipalityId: m, userId: id, code: c.code, level, target: Math.min(8, level + 1) };
          }),
        )
        .execute();
    }
  }

  const trainingIds = STARTER_TRAININGS.map(() => newId());
  await trx
    .insertInto('trainings')
    .values(
      STARTER_TRAININGS.map((t, i) => ({
        id: trainingIds[i] as string,
        municipalityId: m,
        title: t.title,
        provider: t.provider,
        format: t.format,
        hours: null,
        costCents: t.costCents,
        competences: JSON.stringify(t.competences),
        url: t.url,
        createdBy: o.coordinatorId,
      })),
    )
    .execute();
  const eFile = STARTER_TRAININGS.findIndex((t) => t.title === 'Arbeiten mit der E-Akte');
  const hauptamt = deptId('Hauptamt');
  if (eFile >= 0 && hauptamt)
    await trx
      .insertInto('trainingAssignments')
      .values({
        id: newId(),
        municipalityId: m,
        trainingId: trainingIds[eFile] as string,
        departmentId: hauptamt,
        userId: null,
        dueOn: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        status: 'registered',
        createdBy: o.coordinatorId,
      })
      .execute();
}
