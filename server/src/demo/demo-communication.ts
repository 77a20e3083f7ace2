import { addDays, COMMUNICATION_TEMPLATES, emptyStaffCouncilAnswers } from '@dz/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { draftNews } from '../modules/newsroom/drafts.js';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Demo communication plan of Plön: the kickoff template for the e-invoice project, anchored at its start
 * (two weeks from now), one item already done, and a monthly item for the whole municipality — so the
 * page, the project page and the calendar feed show something after `npm start`.
 */
export async function seedDemoCommunication(
  trx: Transaction<DB>,
  o: { municipalityId: string; coordinatorId: string },
) {
  const project = await trx
    .selectFrom('projects')
    .select(['id', 'startsOn'])
    .where('municipalityId', '=', o.municipalityId)
    .where('title', '=', 'E-Rechnung und digitaler Rechnungsworkflow')
    .executeTakeFirst();
  if (!project) return;
  const anchor = project.startsOn ?? addDays(today(), 14);
  const base = { municipalityId: o.municipalityId, ownerId: o.coordinatorId, createdBy: o.coordinatorId };
  await trx
    .insertInto('communicationItems')
    .values([
      ...COMMUNICATION_TEMPLATES.kickoff.map((t) => ({
        ...base,
        id: newId(),
        projectId: project.id,
        audience: t.audience,
        departmentId: null,
        message: t.message,
        channel: t.channel,
        dueOn: addDays(anchor, t.offsetDays),
        cadence: t.cadence,
        phase: 'kickoff' as const,
      })),
      {
        ...base,
        id: newId(),
        projectId: project.id,
        audience: 'heads' as const,
        departmentId: null,
        message: 'Entscheidungsvorlage zur E-Rechnung in der Amtsleiterrunde abgestimmt',
        channel: 'staff_meeting' as const,
        dueOn: addDays(today(), -10),
        cadence: 'once' as const,
        status: 'done' as const,
        phase: null,
      },
      {
        ...base,
        id: newId(),
        projectId: null,
        audience: 'all_staff' as const,
        departmentId: null,
        message: 'Digitalisierung im Überblick: Was ist neu, was kommt als Nächstes?',
        channel: 'newsroom' as const,
        dueOn: addDays(today(), 7),
        cadence: 'monthly' as const,
        phase: null,
      },
    ])
    .execute();
  // the staff council heard of the e-invoice early: informed ten days ago, the check made (a workflow that
  // logs who approved which invoice when is suited to monitor performance)
  await trx
    .insertInto('staffCouncilChecks')
    .values({
      projectId: project.id,
      municipalityId: o.municipalityId,
      answers: JSON.stringify({
        ...emptyStaffCouncilAnswers(),
        monitoring: 'yes',
        workMethods: 'yes',
        workplaces: 'no',
        performance: 'no',
        organisation: 'no',
        employeeData: 'yes',
        dailyWork: 'yes',
      }),
      status: 'informed',
      informedOn: addDays(today(), -10),
      note: 'Auftaktgespräch mit dem Personalrat geplant; Entwurf einer Dienstvereinbarung zur Protokollierung folgt.',
      updatedBy: o.coordinatorId,
    })
    .execute();
}

/**
 * Demo newsroom of Plön: one published success post for all staff and one draft the platform wrote when the
 * e-invoice project's kickoff milestone was reached — so the start page, the newsroom and the editorial desk
 * show something after `npm start`.
 */
export async function seedDemoNews(trx: Transaction<DB>, o: { municipalityId: string; coordinatorId: string }) {
  const project = await trx
    .selectFrom('projects')
    .select(['id', 'title'])
    .where('municipalityId', '=', o.municipalityId)
    .where('title', '=', 'E-Rechnung und digitaler Rechnungsworkflow')
    .executeTakeFirst();
  const now = new Date();
  await trx
    .insertInto('newsPosts')
    .values({
      id: newId(),
      municipalityId: o.municipalityId,
      title: 'Rechnungen kommen jetzt digital an',
      body: 'Seit dieser Woche nimmt die Kämmerei **E-Rechnungen** über das Postfach der Stadt an.\n\n- Papierrechnungen werden weniger\n- Freigaben laufen im Workflow\n\nFragen beantwortet die Kämmerei.',
      status: 'published',
      publishedAt: new Date(now.getTime() - 2 * 86_400_000),
      publishedBy: o.coordinatorId,
      createdBy: o.coordinatorId,
      sourceKind: 'manual',
    })
    .execute();
  if (project)
    await draftNews(
      trx,
      o.municipalityId,
      { key: project.id, path: `/projekte/${project.id}` },
      {
        kind: 'milestone',
        project: project.title,
        milestone: 'Auftaktveranstaltung mit allen Fachbereichen',
        reachedOn: today(),
      },
    );
}
