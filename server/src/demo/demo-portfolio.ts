import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_PRIORITY_CRITERIA, monthOf, priorityScore } from '@dz/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';

/** A date `days` from today (ISO), so the demo always looks current. */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo portfolio of Plön: needs, a target picture with goals and an indicator, four projects in different
 * phases with milestones, tasks, a status report and scores, capacity and planned effort that overloads
 * one month — so every portfolio view has something to show after `npm start`.
 */
export async function seedDemoPortfolio(
  trx: Transaction<DB>,
  o: { municipalityId: string; coordinatorId: string; adminId: string },
) {
  const mid = o.municipalityId;
  const dept = async (code: string) =>
    (
      await trx
        .selectFrom('departments')
        .select('id')
        .where('municipalityId', '=', mid)
        .where('code', '=', code)
        .executeTakeFirst()
    )?.id ?? null;
  const needs = [
    [
      'Online-Terminvergabe im Bürgerbüro',
      'Bürgerinnen und Bürger warten am Telefon; Termine werden auf Papier vergeben.',
      'citizen',
      'high',
    ],
    [
      'Eingangsrechnungen digital verarbeiten',
      'Rechnungen werden ausgedruckt, abgezeichnet und wieder eingescannt.',
      'department',
      'critical',
    ],
    [
      'Einsatzplanung des Bauhofs',
      'Touren und Arbeitszeiten des Bauhofs werden noch mit Papierlisten geplant.',
      'employee',
      'medium',
    ],
    ['WLAN in den Sitzungsräumen', 'Für das papierlose Ratsbüro fehlt ein stabiles WLAN.', 'department', 'low'],
  ] as const;
  const needIds: string[] = [];
  for (const [title, description, source, urgency] of needs) {
    const id = newId();
    needIds.push(id);
    await trx
      .insertInto('needs')
      .values({
        id,
        municipalityId: mid,
        title,
        description,
        source,
        urgency,
        status: 'planned',
        createdBy: o.coordinatorId,
      })
      .execute();
  }
  await trx.updateTable('needs').set({ status: 'open' }).where('id', '=', needIds[3]!).execute();
  const [goalOnline, goalInternal] = await seedDemoTargetPicture(
    trx,
    mid,
    'Plön erledigt Verwaltungsleistungen bis 2030 digital, einfach und barrierefrei – für Bürgerschaft, Wirtschaft und Beschäftigte.',
    [
      { field: 0, title: 'Die 20 häufigsten Leistungen sind online erreichbar', needId: needIds[0]! },
      { field: 1, title: 'Rechnungen und Akten laufen ohne Papier', needId: needIds[1]! },
    ],
  );
  const indicator = newId();
  await trx
    .insertInto('indicators')
    .values({
      id: indicator,
      goalId: goalOnline,
      position: 0,
      name: 'Online verfügbare Leistungen',
      unit: 'Anzahl',
      baseline: 4,
      target: 20,
      targetDate: '2030-12-31',
    })
    .execute();
  await trx
    .insertInto('indicatorValues')
    .values([
      { id: newId(), indicatorId: indicator, measuredOn: inDays(-365), value: 6 },
      { id: newId(), indicatorId: indicator, measuredOn: inDays(-30), value: 9 },
    ])
    .execute();

  const projects = [
    {
      title: 'Online-Terminvergabe Bürgerbüro',
      phase: 'implementation',
      startsOn: inDays(-90),
      endsOn: inDays(120),
      needs: [needIds[0]!],
      goals: [goalOnline],
      dept: '33',
      scores: { citizen_benefit: 5, staff_benefit: 3, legal_obligation: 2, urgency: 4, effort: 2, risk: 1, cost: 1 },
      milestones: [
        ['Anbieter ausgewählt', -45, -40],
        ['Testbetrieb mit zwei Schaltern', 30, null],
        ['Start für alle Bürgerinnen und Bürger', 110, null],
      ],
      report: ['green', 'yellow', 'green', 'yellow', 'Schnittstelle zum Fachverfahren verzögert sich um zwei Wochen.'],
    },
    {
      title: 'E-Rechnung und digitaler Rechnungsworkflow',
      phase: 'planning',
      startsOn: inDays(14),
      endsOn: inDays(300),
      needs: [needIds[1]!],
      goals: [goalInternal],
      dept: '20',
      scores: { citizen_benefit: 1, staff_benefit: 5, legal_obligation: 5, urgency: 5, effort: 4, risk: 3, cost: 3 },
      milestones: [
        ['Prozessaufnahme abgeschlossen', 45, null],
        ['Workflow im Echtbetrieb', 280, null],
      ],
      report: null,
    },
    {
      title: 'Digitale Einsatzplanung Bauhof',
      phase: 'idea',
      startsOn: null,
      endsOn: null,
      needs: [needIds[2]!],
      goals: [],
      dept: '67',
      scores: { citizen_benefit: 2, staff_benefit: 4 },
      milestones: [],
      report: null,
    },
    {
      title: 'Neue Homepage',
      phase: 'operation',
      startsOn: inDays(-400),
      endsOn: inDays(-60),
      needs: [],
      goals: [],
      dept: null,
      scores: {},
      milestones: [['Relaunch online', -60, -62]],
      report: ['green', 'green', 'red', 'green', 'Betrieb läuft; die Wartungskosten liegen über dem Angebot.'],
    },
  ] as const;
  const projectIds: string[] = [];
  for (const [i, p] of projects.entries()) {
    const id = newId();
    projectIds.push(id);
    await trx
      .insertInto('projects')
      .values({
        id,
        municipalityId: mid,
        title: p.title,
        description: '',
        ownerId: o.coordinatorId,
        phase: p.phase,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        boardPosition: i,
        priorityScore: priorityScore(DEFAULT_PRIORITY_CRITERIA, p.scores).score,
        createdBy: o.coordinatorId,
      })
      .execute();
    for (const n of p.needs) await trx.insertInto('projectNeeds').values({ projectId: id, needId: n }).execute();
    for (const g of p.goals) await trx.insertInto('projectGoals').values({ projectId: id, goalId: g }).execute();
    const d = p.dept ? await dept(p.dept) : null;
    if (d) await trx.insertInto('projectDepartments').values({ projectId: id, departmentId: d }).execute();
    for (const [criterionKey, score] of Object.entries(p.scores))
      await trx.insertInto('projectScores').values({ projectId: id, criterionKey, score }).execute();
    for (const [title, due, reached] of p.milestones)
      await trx
        .insertInto('milestones')
        .values({
          id: newId(),
          projectId: id,
          title,
          dueOn: inDays(due),
          reachedOn: reached === null ? null : inDays(reached),
        })
        .execute();
    if (p.report) {
      const [scope, schedule, budget, overall, summary] = p.report;
      await trx
        .insertInto('statusReports')
        .values({
          id: newId(),
          projectId: id,
          reportedOn: inDays(-7),
          scope,
          schedule,
          budget,
          overall,
          summary,
          authorId: o.coordinatorId,
        })
        .execute();
    }
  }
  await trx
    .insertInto('tasks')
    .values([
      {
        id: newId(),
        projectId: projectIds[0]!,
        title: 'Datenschutz-Folgenabschätzung abstimmen',
        assigneeId: o.coordinatorId,
        dueOn: inDays(10),
      },
      {
        id: newId(),
        projectId: projectIds[0]!,
        title: 'Schulung für das Bürgerbüro',
        assigneeId: o.adminId,
        dueOn: inDays(25),
      },
      {
        id: newId(),
        projectId: projectIds[1]!,
        title: 'Rechnungseingänge eines Monats zählen',
        assigneeId: o.adminId,
        dueOn: inDays(20),
      },
    ])
    .execute();
  // costs and risks of the appointment booking (first project)
  const booking = projectIds[0]!;
  await trx
    .insertInto('projectFinance')
    .values({
      projectId: booking,
      wibe: JSON.stringify({
        urgency: { law: 6, stability: 4 },
        strategic: { target: 9, quality: 9, staff: 6 },
        external: { citizens: 9 },
      }),
      alternatives: JSON.stringify({
        partners: [
          { name: 'Plön', population: 8844 },
          { name: 'Preetz', population: 16_000 },
          { name: 'Lütjenburg', population: 5_600 },
        ],
        key: 'population',
        baseShare: 0.3,
        sharedService: { oneTimeCents: 300_000, perYearCents: 420_000 },
        doNothingRisks: [
          {
            label: 'Beschwerden und Mehrarbeit am Telefon',
            probability: 0.8,
            cost: { min: 300_000, likely: 600_000, max: 1_200_000 },
          },
        ],
      }),
      budgetAvailableCents: 2_500_000,
      budgetLine: '1.2.2.01 – 0122.783100',
    })
    .execute();
  await trx
    .insertInto('costLines')
    .values([
      {
        id: newId(),
        projectId: booking,
        position: 0,
        kind: 'one_time',
        category: 'investment',
        label: 'Terminsoftware (Lizenz, Einrichtung)',
        yearOffset: 0,
        minCents: 800_000,
        likelyCents: 1_000_000,
        maxCents: 1_500_000,
        vat: true,
      },
      {
        id: newId(),
        projectId: booking,
        position: 1,
        kind: 'one_time',
        category: 'training',
        label: 'Schulung Bürgerbüro',
        yearOffset: 0,
        minCents: 100_000,
        likelyCents: 150_000,
        maxCents: 250_000,
        vat: true,
      },
      {
        id: newId(),
        projectId: booking,
        position: 2,
        kind: 'recurring',
        category: 'licences',
        label: 'Lizenz und Wartung',
        yearOffset: 1,
        minCents: 300_000,
        likelyCents: 360_000,
        maxCents: 450_000,
        vat: true,
      },
    ])
    .execute();
  await trx
    .insertInto('staffLines')
    .values({
      id: newId(),
      projectId: booking,
      position: 0,
      kind: 'one_time',
      label: 'Einführung und Prozessanpassung',
      payGroup: 'EG 9b',
      yearOffset: 0,
      hoursMin: 80,
      hoursLikely: 120,
      hoursMax: 200,
    })
    .execute();
  await trx
    .insertInto('funding')
    .values({
      id: newId(),
      projectId: booking,
      position: 0,
      programme: 'Landesprogramm Digitale Kommune',
      amountCents: null,
      sharePercent: 50,
      conditions: 'Verwendungsnachweis bis Jahresende',
      deadline: inDays(60),
      status: 'applied',
    })
    .execute();
  await trx
    .insertInto('benefits')
    .values({
      id: newId(),
      projectId: booking,
      position: 0,
      label: 'Weniger Telefonate und Wartezeit',
      centsPerYear: 0,
      hoursPerYear: 260,
      payGroup: 'EG 9b',
      fromYear: 1,
    })
    .execute();
  await trx
    .insertInto('risks')
    .values([
      {
        id: newId(),
        projectId: booking,
        title: 'Schnittstelle zum Meldewesen verzögert sich',
        category: 'technical',
        probability: 40,
        costMinCents: 100_000,
        costLikelyCents: 300_000,
        costMaxCents: 800_000,
        weeks: 6,
        ownerId: o.coordinatorId,
        mitigation: 'Schnittstelle vor Vertragsschluss testen lassen',
        mitigationCents: 50_000,
      },
      {
        id: newId(),
        projectId: booking,
        title: 'Geringe Nutzung durch ältere Bürgerinnen und Bürger',
        category: 'acceptance',
        probability: 30,
        costMinCents: 50_000,
        costLikelyCents: 100_000,
        costMaxCents: 300_000,
        weeks: 0,
        ownerId: o.coordinatorId,
        mitigation: 'Telefonische Buchung bleibt, Aushang und Amtsblatt',
      },
      {
        id: newId(),
        projectId: booking,
        title: 'Anbieter erhöht die Lizenzpreise',
        category: 'vendor',
        probability: 20,
        costMinCents: 100_000,
        costLikelyCents: 200_000,
        costMaxCents: 600_000,
        weeks: 0,
        ownerId: null,
      },
    ])
    .execute();
  // capacity: the coordinator has 8 h a week for digitalization, and next month two projects want 50 h
  await trx
    .insertInto('staffCapacity')
    .values([
      { municipalityId: mid, userId: o.coordinatorId, hoursPerWeek: 8, departmentId: await dept('10') },
      { municipalityId: mid, userId: o.adminId, hoursPerWeek: 4, departmentId: await dept('10') },
    ])
    .execute();
  const month = (add: number) => `${monthOf(new Date(), add)}-01`;
  await trx
    .insertInto('projectEffort')
    .values([
      { projectId: projectIds[0]!, userId: o.coordinatorId, month: month(0), hours: 20 },
      { projectId: projectIds[0]!, userId: o.coordinatorId, month: month(1), hours: 30 },
      { projectId: projectIds[1]!, userId: o.coordinatorId, month: month(1), hours: 20 },
      { projectId: projectIds[1]!, userId: o.adminId, month: month(2), hours: 10 },
    ])
    .execute();
}

type DemoGoal = { field: number; title: string; needId?: string };

/**
 * An adopted target picture: the vision, the default fields of action and one goal per entry (in its field, in
 * order), each linked to its need. Returns the goal ids in the order given.
 */
export async function seedDemoTargetPicture<const G extends readonly DemoGoal[]>(
  trx: Transaction<DB>,
  municipalityId: string,
  vision: string,
  goals: G,
): Promise<{ [K in keyof G]: string }> {
  await trx.insertInto('targetPictures').values({ municipalityId, vision }).execute();
  const fieldIds = DEFAULT_FIELDS_OF_ACTION.map(() => newId());
  await trx
    .insertInto('fieldsOfAction')
    .values(
      DEFAULT_FIELDS_OF_ACTION.map((f, position) => ({ id: fieldIds[position]!, municipalityId, position, ...f })),
    )
    .execute();
  const goalIds = goals.map(() => newId());
  await trx
    .insertInto('goals')
    .values(
      goals.map((g, i) => ({
        id: goalIds[i]!,
        fieldId: fieldIds[g.field]!,
        position: goals.slice(0, i).filter((o) => o.field === g.field).length,
        title: g.title,
      })),
    )
    .execute();
  const links = goals.flatMap((g, i) => (g.needId ? [{ goalId: goalIds[i]!, needId: g.needId }] : []));
  if (links.length) await trx.insertInto('goalNeeds').values(links).execute();
  return goalIds as { [K in keyof G]: string };
}
