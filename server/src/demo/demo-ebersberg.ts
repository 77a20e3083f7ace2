import {
  DEFAULT_DISCOUNT_RATE,
  DEFAULT_DISCOUNT_RATE_SOURCE,
  DEFAULT_HORIZON_YEARS,
  DEFAULT_STAFF_RATES,
  DEFAULT_STAFF_RATES_SOURCE,
  emptyStaffCouncilAnswers,
  STARTER_TRAININGS,
} from '@dz/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { inDays, seedDemoTargetPicture } from './demo-portfolio.js';
import { type DemoService, seedDemoProcesses } from './demo-processes.js';

/**
 * Twelve services of the starter list in Ebersberg's inventory: postal voting and the daycare place online
 * (OZG level 3), the rest on paper or as a download — 2 of 12 online, the lowest share of its peers.
 */
export const EBERSBERG_SERVICES: readonly DemoService[] = [
  { key: 'gewerbe-an', mediaBreaks: 3 },
  { key: 'gewerbe-um' },
  { key: 'gewerbe-ab' },
  { key: 'wohnsitz-an', mediaBreaks: 2 },
  { key: 'meldebescheinigung' },
  { key: 'personalausweis' },
  { key: 'hundesteuer' },
  { key: 'kita-platz', ozgLevel: 3 },
  { key: 'geburt' },
  { key: 'sterbefall' },
  { key: 'fundsache' },
  { key: 'briefwahl' },
];

/**
 * What the platform knows about Ebersberg, so that a new maturity assessment is mostly pre-filled (the facts of
 * `MaturityFacts`): its own staff cost rates, five needs, an adopted target picture with goals (no measured
 * indicators yet), twelve services with the as-is model of the business registration, two projects with
 * milestones (one status report, a funding line), the coordinator's capacity, a staff council check, two items
 * of a communication plan, a planned training and one idea. Change and cooperation stay thin on purpose: no pulse,
 * no published news, no shared service, nothing taken from or given to the exchange.
 */
export async function seedDemoEbersberg(trx: Transaction<DB>, o: { municipalityId: string; coordinatorId: string }) {
  const mid = o.municipalityId;
  const by = o.coordinatorId;
  const departments = await trx
    .selectFrom('departments')
    .select(['id', 'code'])
    .where('municipalityId', '=', mid)
    .execute();
  const dept = (code: string) => departments.find((d) => d.code === code)?.id ?? null;

  const year = new Date().getFullYear();
  await trx
    .insertInto('financeSettings')
    .values({
      municipalityId: mid,
      discountRate: DEFAULT_DISCOUNT_RATE,
      discountRateSource: DEFAULT_DISCOUNT_RATE_SOURCE,
      horizonYears: DEFAULT_HORIZON_YEARS,
      ratesYear: year,
      ratesSource: DEFAULT_STAFF_RATES_SOURCE,
    })
    .execute();
  await trx
    .insertInto('staffRates')
    .values(DEFAULT_STAFF_RATES.map((r, position) => ({ municipalityId: mid, year, position, ...r })))
    .execute();

  const needs = [
    [
      'Hundesteuer und Meldebescheinigung online',
      'Bürgerinnen und Bürger kommen für einfache Anträge ins Rathaus.',
      'citizen',
      'high',
      '33',
    ],
    ['E-Akte im Bauamt', 'Bauakten liegen nur auf Papier; Auskünfte dauern Tage.', 'department', 'medium', '60'],
    [
      'Papierlose Sitzungen des Stadtrats',
      'Sitzungsunterlagen werden gedruckt und verteilt.',
      'department',
      'low',
      '10',
    ],
    ['Telefonische Erreichbarkeit im Bürgerbüro', 'Zu Stoßzeiten ist die Leitung besetzt.', 'citizen', 'medium', '33'],
    ['Zeiterfassung ohne Stundenzettel', 'Stundenzettel des Bauhofs werden abgetippt.', 'employee', 'low', '67'],
  ] as const;
  const needIds = needs.map(() => newId());
  await trx
    .insertInto('needs')
    .values(
      needs.map(([title, description, source, urgency, code], i) => ({
        id: needIds[i]!,
        municipalityId: mid,
        title,
        description,
        source,
        urgency,
        departmentId: dept(code),
        status: i < 2 ? ('planned' as const) : ('open' as const),
        createdBy: by,
      })),
    )
    .execute();

  const [goalOnline, goalFile] = await seedDemoTargetPicture(
    trx,
    mid,
    'Ebersberg bietet bis 2030 die häufigsten Leistungen online an und arbeitet intern ohne Papier – mit sicherer IT und Beschäftigten, die die Veränderung mittragen.',
    [
      {
        field: 0,
        title: 'Die zehn häufigsten Leistungen sind über das BayernPortal online beantragbar',
        needId: needIds[0]!,
      },
      { field: 1, title: 'Alle Fachbereiche führen die E-Akte', needId: needIds[1]! },
      { field: 1, title: 'Eingangsrechnungen laufen vollständig digital durch Prüfung und Freigabe' },
    ],
  );

  const fileProject = newId();
  const onlineProject = newId();
  await trx
    .insertInto('projects')
    .values([
      {
        id: fileProject,
        municipalityId: mid,
        title: 'E-Akte im Bauamt und im Standesamt',
        description:
          'Hauptamt, Kämmerei und Bürgerbüro führen die E-Akte schon; jetzt folgen Standesamt und Bauamt. Altakten werden nur bei Bedarf gescannt.',
        ownerId: by,
        phase: 'implementation',
        startsOn: inDays(-200),
        endsOn: inDays(180),
        boardPosition: 0,
        priorityScore: null,
        createdBy: by,
      },
      {
        id: onlineProject,
        municipalityId: mid,
        title: 'Online-Anträge über das BayernPortal',
        description: 'Die zehn häufigsten Leistungen mit den Antragsassistenten des Freistaats anbieten.',
        ownerId: by,
        phase: 'planning',
        startsOn: inDays(30),
        endsOn: inDays(330),
        boardPosition: 1,
        priorityScore: null,
        createdBy: by,
      },
    ])
    .execute();
  await trx
    .insertInto('projectNeeds')
    .values([
      { projectId: fileProject, needId: needIds[1]! },
      { projectId: onlineProject, needId: needIds[0]! },
    ])
    .execute();
  await trx
    .insertInto('projectGoals')
    .values([
      { projectId: fileProject, goalId: goalFile },
      { projectId: onlineProject, goalId: goalOnline },
    ])
    .execute();
  const departmentLinks = [
    { projectId: fileProject, departmentId: dept('60') },
    { projectId: onlineProject, departmentId: dept('33') },
  ].filter((l): l is { projectId: string; departmentId: string } => l.departmentId !== null);
  if (departmentLinks.length) await trx.insertInto('projectDepartments').values(departmentLinks).execute();
  await trx
    .insertInto('milestones')
    .values([
      {
        id: newId(),
        projectId: fileProject,
        title: 'Scan-Arbeitsplätze im Bauamt eingerichtet',
        dueOn: inDays(-120),
        reachedOn: inDays(-118),
      },
      {
        id: newId(),
        projectId: fileProject,
        title: 'Standesamt führt die E-Akte',
        dueOn: inDays(-20),
        reachedOn: inDays(-24),
      },
      { id: newId(), projectId: fileProject, title: 'Bauamt führt die E-Akte', dueOn: inDays(60), reachedOn: null },
      {
        id: newId(),
        projectId: onlineProject,
        title: 'Leistungen ausgewählt und priorisiert',
        dueOn: inDays(45),
        reachedOn: null,
      },
      {
        id: newId(),
        projectId: onlineProject,
        title: 'Erste fünf Anträge online',
        dueOn: inDays(240),
        reachedOn: null,
      },
    ])
    .execute();
  await trx
    .insertInto('statusReports')
    .values({
      id: newId(),
      projectId: fileProject,
      reportedOn: inDays(-14),
      scope: 'green',
      schedule: 'green',
      budget: 'green',
      overall: 'yellow',
      summary: 'Das Standesamt arbeitet mit der E-Akte; im Bauamt fehlen noch die Schulungen für zwei Sachgebiete.',
      authorId: by,
    })
    .execute();
  await trx
    .insertInto('funding')
    .values({
      id: newId(),
      projectId: onlineProject,
      position: 0,
      programme: 'Landesförderung Digitale Verwaltung',
      amountCents: null,
      sharePercent: 50,
      conditions: 'Antrag vor Maßnahmenbeginn',
      deadline: inDays(75),
      status: 'planned',
    })
    .execute();
  await trx
    .insertInto('staffCapacity')
    .values({ municipalityId: mid, userId: by, hoursPerWeek: 6, departmentId: dept('10') })
    .execute();
  await trx
    .insertInto('staffCouncilChecks')
    .values({
      projectId: fileProject,
      municipalityId: mid,
      answers: JSON.stringify({
        ...emptyStaffCouncilAnswers(),
        workMethods: 'yes',
        monitoring: 'no',
        dailyWork: 'yes',
      }),
      status: 'informed',
      informedOn: inDays(-190),
      note: 'Der Personalrat wurde vor dem Start im Bauamt informiert.',
      updatedBy: by,
    })
    .execute();
  const base = { municipalityId: mid, ownerId: by, createdBy: by, departmentId: null };
  await trx
    .insertInto('communicationItems')
    .values([
      {
        ...base,
        id: newId(),
        projectId: fileProject,
        audience: 'heads',
        message: 'Stand der E-Akte im Standesamt und Zeitplan für das Bauamt',
        channel: 'staff_meeting',
        dueOn: inDays(-21),
        cadence: 'once',
        status: 'done',
        phase: null,
      },
      {
        ...base,
        id: newId(),
        projectId: fileProject,
        audience: 'all_staff',
        message: 'Das Bauamt stellt auf die E-Akte um: was sich für Auskünfte ändert',
        channel: 'email',
        dueOn: inDays(50),
        cadence: 'once',
        phase: 'before_go_live',
      },
    ])
    .execute();
  const training = STARTER_TRAININGS.find((t) => t.title === 'Arbeiten mit der E-Akte') ?? STARTER_TRAININGS[0]!;
  const trainingId = newId();
  await trx
    .insertInto('trainings')
    .values({
      id: trainingId,
      municipalityId: mid,
      title: training.title,
      provider: training.provider,
      format: training.format,
      hours: null,
      costCents: training.costCents,
      competences: JSON.stringify(training.competences),
      url: training.url,
      createdBy: by,
    })
    .execute();
  await trx
    .insertInto('trainingAssignments')
    .values({
      id: newId(),
      municipalityId: mid,
      trainingId,
      userId: by,
      departmentId: null,
      dueOn: inDays(40),
      createdBy: by,
    })
    .execute();
  const ideaId = newId();
  await trx
    .insertInto('ideas')
    .values({
      id: ideaId,
      municipalityId: mid,
      title: 'Formulare im Bürgerbüro per QR-Code zum Mitnehmen',
      description: 'Ein Aushang mit QR-Codes zu den Online-Formularen spart Kopien und Wege.',
      submittedBy: by,
    })
    .execute();
  await trx
    .insertInto('ideaEvents')
    .values({ id: newId(), ideaId, status: 'new', reason: 'Eingereicht', actorId: by })
    .execute();
  await seedDemoProcesses(trx, {
    municipalityId: mid,
    coordinatorId: by,
    services: EBERSBERG_SERVICES,
    models: ['as_is'],
  });
}
