import { monthOf, timeCents } from '@dz/core';
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { computeLines } from '../modules/shared-services/statements.service.js';

/**
 * The building yard of Kastellaun, Bell and Beltheim in operation: live since the month before last, a service
 * team of two from Kastellaun's yard, two months of work orders with time and material (the first month closed,
 * a ton of road salt of it reported late and carried into the second as a correction) and a few open orders of this month — one of
 * them urgent and overdue. Deterministic: the same orders on every seed, relative to today.
 */
const TEMPLATES: [type: string, title: string, location: string][] = [
  ['Straßenunterhaltung', 'Schlagloch ausbessern', 'Hauptstraße'],
  ['Straßenunterhaltung', 'Straßenschild ersetzen', 'Ecke Schulstraße / Kirchweg'],
  ['Straßenunterhaltung', 'Gully reinigen', 'Am Marktplatz'],
  ['Grünflächenpflege', 'Hecke am Friedhof schneiden', 'Friedhof'],
  ['Grünflächenpflege', 'Spielplatz mähen und kontrollieren', 'Spielplatz Am Weiher'],
  ['Grünflächenpflege', 'Umgestürzten Baum beseitigen', 'Feldweg Richtung Sportplatz'],
  ['Winterdienst', 'Streugut nachfüllen', 'Streugutkisten Ortsmitte'],
  ['Winterdienst', 'Gehweg räumen und streuen', 'Schulweg'],
  ['Veranstaltungen', 'Bühne für die Kirmes aufbauen', 'Dorfplatz'],
  ['Veranstaltungen', 'Absperrgitter für den Martinsumzug stellen', 'Kirchstraße'],
];
const MATERIAL: [label: string, unitCents: number][] = [
  ['Kaltasphalt (25-kg-Sack)', 1_890],
  ['Streusalz (Tonne)', 11_500],
  ['Verkehrsschild mit Pfosten', 14_900],
  ['Rasensaat (10 kg)', 6_400],
];

export async function seedDemoSharedOperation(
  trx: Transaction<DB>,
  o: {
    yardId: string;
    kastellaun: { municipalityId: string; userId: string };
    bellId: string;
    beltheimId: string;
    passwordHash: string;
    email: (local: string) => string;
  },
) {
  const now = new Date();
  const live = monthOf(now, -2);
  const second = monthOf(now, -1);
  const user = async (local: string, name: string, municipalityId: string) => {
    const id = newId();
    await trx
      .insertInto('users')
      .values({ id, email: o.email(local), name, passwordHash: o.passwordHash })
      .execute();
    await trx.insertInto('memberships').values({ userId: id, municipalityId, role: 'staff' }).execute();
    return { id, name };
  };
  const lead = await user('bauhof.kastellaun', 'Bauhofleitung Kastellaun', o.kastellaun.municipalityId);
  const worker = await user('bauhof2.kastellaun', 'Jonas Becker (Bauhof)', o.kastellaun.municipalityId);
  const bellStaff = await user('ortsgemeinde.bell', 'Ortsgemeinde Bell', o.bellId);
  const team = [
    { ...lead, payGroup: 'EG 8', centsPerHour: 6_200 },
    { ...worker, payGroup: 'EG 5', centsPerHour: 5_500 },
  ];
  await trx
    .insertInto('serviceTeam')
    .values(
      team.map((t) => ({
        studyId: o.yardId,
        userId: t.id,
        municipalityId: o.kastellaun.municipalityId,
        payGroup: t.payGroup,
      })),
    )
    .execute();

  // who files: the partners roughly in proportion to their yearly orders (950 : 160 : 210)
  const filers = [
    ...Array<{ m: string; by: string }>(9).fill({ m: o.kastellaun.municipalityId, by: o.kastellaun.userId }),
    ...Array<{ m: string; by: string }>(2).fill({ m: o.bellId, by: bellStaff.id }),
    ...Array<{ m: string; by: string }>(2).fill({ m: o.beltheimId, by: o.kastellaun.userId }),
  ];
  let seed = 19;
  const rnd = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (seed >>> 16) % n; // the high bits: the low bits of this generator repeat within a few draws
  };
  const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;
  const orders: (Insertable<DB['serviceWorkOrders']> & { createdAt: Date })[] = [];
  const entries: Insertable<DB['serviceWorkEntries']>[] = [];
  let number = 0;
  const order = (month: string, d: number, status: 'done' | 'in_progress' | 'planned' | 'new') => {
    const [type, title, location] = TEMPLATES[rnd(TEMPLATES.length)]!;
    const f = filers[rnd(filers.length)]!;
    const id = newId();
    const createdAt = new Date(`${day(month, d)}T07:30:00Z`);
    const doneOn = day(month, Math.min(d + 1 + rnd(3), 28));
    const assignee = team[rnd(team.length)]!;
    number++;
    orders.push({
      id,
      studyId: o.yardId,
      municipalityId: f.m,
      number,
      type,
      title,
      description: `${title} – gemeldet über den Dienst.`,
      location,
      priority: (['normal', 'normal', 'high', 'low'] as const)[rnd(4)]!,
      dueOn: null,
      status,
      rejectReason: '',
      assigneeId: status === 'new' ? null : assignee.id,
      createdBy: f.by,
      createdAt,
      updatedAt: createdAt,
      doneAt: status === 'done' ? new Date(`${doneOn}T14:00:00Z`) : null,
      version: 1,
    });
    const book = (
      e: Partial<Insertable<DB['serviceWorkEntries']>> &
        Pick<Insertable<DB['serviceWorkEntries']>, 'kind' | 'workedOn'>,
    ) =>
      entries.push({
        id: newId(),
        studyId: o.yardId,
        orderId: id,
        municipalityId: f.m,
        billedMonth: month,
        correctionOf: null,
        createdBy: assignee.id,
        createdAt: new Date(`${e.workedOn}T15:00:00Z`),
        ...e,
      });
    if (status === 'done' || status === 'in_progress') {
      for (let i = 0; i <= rnd(2); i++) {
        const minutes = 60 + 30 * rnd(8);
        const who = i === 0 ? assignee : team[rnd(team.length)]!;
        book({
          kind: 'time',
          userId: who.id,
          person: who.name,
          payGroup: who.payGroup,
          minutes,
          cents: timeCents(minutes, who.centsPerHour),
          workedOn: doneOn,
        });
      }
      if (rnd(3) === 0) {
        const [label, unitCents] = MATERIAL[rnd(MATERIAL.length)]!;
        const quantity = 1 + rnd(4);
        book({ kind: 'material', label, quantity, cents: quantity * unitCents, workedOn: doneOn });
      }
    }
    if (status === 'done') book({ kind: 'completion', workedOn: doneOn });
    return { id, book };
  };
  for (let d = 2; d <= 27; d += 2) order(live, d, 'done');
  for (let d = 1; d <= 27; d += 2) order(second, d, d < 22 ? 'done' : 'in_progress');
  // this month: a few new and planned orders, one urgent from yesterday's storm already overdue
  const today = now.getUTCDate();
  order(monthOf(now), Math.max(1, today - 1), 'planned');
  order(monthOf(now), today, 'new');
  const storm = order(monthOf(now), today, 'new');
  const o0 = orders.find((x) => x.id === storm.id)!;
  Object.assign(o0, {
    title: 'Umgestürzter Baum blockiert die Kreisstraße',
    description: 'Nach dem Sturm liegt eine Buche quer über der Fahrbahn; die Feuerwehr hat gesichert.',
    location: 'Ortsausgang Richtung Kastellaun',
    type: 'Grünflächenpflege',
    priority: 'urgent',
    createdAt: new Date(now.getTime() - 30 * 3_600_000),
  });
  await trx.insertInto('serviceWorkOrders').values(orders).execute();
  await trx.insertInto('serviceWorkEntries').values(entries).execute();
  await trx
    .updateTable('serviceStudies')
    .set({ status: 'live', liveFrom: live, orderSeq: number })
    .where('id', '=', o.yardId)
    .execute();
  // the first month is closed; its lines are frozen as they were
  const study = await trx.selectFrom('serviceStudies').selectAll().where('id', '=', o.yardId).executeTakeFirstOrThrow();
  await trx
    .insertInto('serviceClosedMonths')
    .values({
      studyId: o.yardId,
      month: live,
      lines: JSON.stringify(await computeLines(trx, study, live)),
      closedBy: o.kastellaun.userId,
      closedAt: new Date(`${day(second, 3)}T10:00:00Z`),
    })
    .execute();
  // a ton of road salt of the first month reported after it closed: a correction in the second month
  const fixOrder = orders.find((x) => x.status === 'done' && x.createdAt < new Date(`${second}-01T00:00:00Z`))!;
  const [salt, saltCents] = MATERIAL[1]!;
  await trx
    .insertInto('serviceWorkEntries')
    .values({
      id: newId(),
      studyId: o.yardId,
      orderId: fixOrder.id,
      municipalityId: fixOrder.municipalityId,
      kind: 'material',
      label: salt,
      quantity: 1,
      cents: saltCents,
      workedOn: day(live, 28),
      billedMonth: second,
      correctionOf: live,
      note: 'Nachtrag: nach dem Monatsabschluss gemeldet',
      createdBy: team[0]!.id,
    })
    .execute();
}
