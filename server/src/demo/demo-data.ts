import { arsFromAgs, DEFAULT_DEPARTMENTS } from '@dz/core';
import type { Database } from '../db/database.js';
import { writeAudit } from '../lib/audit.js';
import { newId } from '../lib/ids.js';
import { hashPassword } from '../modules/auth/auth.service.js';
import { seedDemoCommunication, seedDemoNews } from './demo-communication.js';
import { seedDemoCompetences } from './demo-competences.js';
import { seedDemoExchange } from './demo-exchange.js';
import { seedDemoGuides } from './demo-guides.js';
import { seedDemoMaturity } from './demo-maturity.js';
import { seedDemoNotifications } from './demo-notifications.js';
import { addOrtsgemeinde } from './demo-ortsgemeinde.js';
import { seedDemoPortfolio } from './demo-portfolio.js';
import { seedDemoProcesses } from './demo-processes.js';
import { seedDemoPulse } from './demo-pulse.js';
import { seedDemoSharedOperation } from './demo-shared-operation.js';
import { seedDemoSharedServices } from './demo-shared-services.js';
import { seedDemoSurveyAndWorkshop } from './demo-survey.js';

/** Password of every demo account (listed in the README). */
export const DEMO_PASSWORD = 'Digitalzirkel-Demo-2026';

/**
 * Eight real small municipalities (GK6/GK7) from different Länder and Kreise.
 * Source: Destatis GV100AD, Gebietsstand 30.11.2025, population 31.12.2024 (dl-de/by-2-0).
 */
export const DEMO_MUNICIPALITIES = [
  {
    ags: '01057057',
    verband: '0057',
    name: 'Plön, Stadt',
    kreis: 'Plön',
    population: 8844,
    areaKm2: 35.98,
    slug: 'ploen',
    lat: 54.158288,
    lon: 10.416369,
  },
  {
    ags: '03155012',
    verband: '0012',
    name: 'Uslar, Stadt',
    kreis: 'Northeim',
    population: 13536,
    areaKm2: 113.59,
    slug: 'uslar',
    lat: 51.660912,
    lon: 9.635001,
  },
  {
    ags: '05762028',
    verband: '0028',
    name: 'Nieheim, Stadt',
    kreis: 'Höxter',
    population: 6081,
    areaKm2: 79.71,
    slug: 'nieheim',
    lat: 51.804067,
    lon: 9.110021,
  },
  {
    ags: '06533008',
    verband: '0008',
    name: 'Hünfelden',
    kreis: 'Limburg-Weilburg',
    population: 9818,
    areaKm2: 62.69,
    slug: 'huenfelden',
    lat: 50.30926,
    lon: 8.161342,
  },
  {
    ags: '07140064',
    verband: '5003',
    name: 'Kastellaun, Stadt',
    kreis: 'Rhein-Hunsrück-Kreis',
    population: 5722,
    areaKm2: 8.41,
    slug: 'kastellaun',
    lat: 50.071241,
    lon: 7.44201,
    body: { name: 'Kastellaun', type: 'verbandsgemeinde' },
  },
  {
    ags: '08235079',
    verband: '5008',
    name: 'Bad Wildbad, Stadt',
    kreis: 'Calw',
    population: 10388,
    areaKm2: 105.22,
    slug: 'badwildbad',
    lat: 48.749188,
    lon: 8.551041,
    body: { name: 'VVG der Stadt Bad Wildbad', type: 'verwaltungsgemeinschaft' },
  },
  {
    ags: '09175115',
    verband: '0115',
    name: 'Ebersberg, Stadt',
    kreis: 'Ebersberg',
    population: 12408,
    areaKm2: 40.84,
    slug: 'ebersberg',
    lat: 48.078429,
    lon: 11.968817,
  },
  {
    ags: '13075082',
    verband: '5558',
    name: 'Loitz, Stadt',
    kreis: 'Vorpommern-Greifswald',
    population: 4189,
    areaKm2: 89.9,
    slug: 'loitz',
    lat: 53.973646,
    lon: 13.129572,
    body: { name: 'Peenetal/Loitz', type: 'amt' },
  },
] as const;

/**
 * An Ortsgemeinde of the Verbandsgemeinde Kastellaun: the VG's coordinator works for both and switches
 * between them (Destatis GV100AD 30.11.2025).
 */
export const DEMO_SECOND_MUNICIPALITY = {
  ags: '07140009',
  verband: '5003',
  name: 'Bell (Hunsrück)',
  kreis: 'Rhein-Hunsrück-Kreis',
  population: 1482,
  areaKm2: 23.58,
  lat: 50.060855,
  lon: 7.415111,
} as const;

export const DEMO_DOMAIN = 'digitalzirkel.example';
export const demoEmail = (local: string) => `${local}@${DEMO_DOMAIN}`;

/** Seeds the demo network on an empty database; does nothing when users exist. */
export async function seedDemo(db: Database): Promise<boolean> {
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const done = await db.transaction().execute(async (trx) => {
    const networkId = newId();
    const moderatorId = newId();
    const adminId = newId();
    await trx
      .insertInto('users')
      .values([
        {
          id: adminId,
          email: demoEmail('admin'),
          name: 'Plattform-Administrator/in',
          passwordHash,
          isPlatformAdmin: true,
        },
        { id: moderatorId, email: demoEmail('moderation'), name: 'Miriam Moderation', passwordHash },
      ])
      .execute();
    await trx
      .insertInto('networks')
      .values({
        id: networkId,
        name: 'Innovationszirkel Kleine Kommunen',
        type: 'circle',
        description:
          'Austausch kleiner Kommunen bis 25.000 Einwohner zu Digitalisierungsvorhaben: Schmerzpunkte, Leuchtturmprojekte, gemeinsame Lösungen.',
      })
      .execute();
    await trx.insertInto('networkModerators').values({ networkId, userId: moderatorId }).execute();
    const seeded: { id: string; population: number; landCode: string }[] = [];
    for (const m of DEMO_MUNICIPALITIES) {
      const ars = arsFromAgs(m.ags, m.verband);
      let bodyId: string | null = null;
      if ('body' in m) {
        const existing = await trx
          .selectFrom('administeringBodies')
          .select('id')
          .where('arsPrefix', '=', ars.slice(0, 9))
          .executeTakeFirst();
        bodyId = existing?.id ?? newId();
        if (!existing)
          await trx
            .insertInto('administeringBodies')
            .values({ id: bodyId, arsPrefix: ars.slice(0, 9), ...m.body })
            .execute();
      }
      const found = await trx.selectFrom('municipalities').select('id').where('ags', '=', m.ags).executeTakeFirst();
      const municipalityId = found?.id ?? newId();
      seeded.push({ id: municipalityId, population: m.population, landCode: m.ags.slice(0, 2) });
      if (!found) {
        await trx
          .insertInto('municipalities')
          .values({
            id: municipalityId,
            ags: m.ags,
            ars,
            name: m.name,
            shortName: m.name.split(',')[0]!,
            landCode: m.ags.slice(0, 2),
            kreis: m.kreis,
            kreisKey: m.ags.slice(0, 5),
            population: m.population,
            populationDate: '2024-12-31',
            areaKm2: m.areaKm2,
            lat: m.lat,
            lon: m.lon,
            administeringBodyId: bodyId,
            source: 'demo',
          })
          .execute();
      }
      const userId = newId();
      const short = m.name.split(',')[0]!;
      await trx
        .insertInto('users')
        .values({ id: userId, email: demoEmail(m.slug), name: `Digitalisierung ${short}`, passwordHash })
        .execute();
      await trx.insertInto('memberships').values({ userId, municipalityId, role: 'coordinator' }).execute();
      if (m.slug === 'kastellaun') {
        await addOrtsgemeinde(trx, DEMO_SECOND_MUNICIPALITY, { bodyId, coordinatorId: userId });
        // the VG's coordinator works in Kastellaun first (Bell and Beltheim by switching)
        await trx.updateTable('users').set({ lastMunicipalityId: municipalityId }).where('id', '=', userId).execute();
      }
      if (m.slug === 'huenfelden') {
        // a staff member (idea box, project team) besides the coordinator
        const staffId = newId();
        await trx
          .insertInto('users')
          .values({ id: staffId, email: demoEmail('bauamt.huenfelden'), name: 'Bauamt Hünfelden', passwordHash })
          .execute();
        await trx.insertInto('memberships').values({ userId: staffId, municipalityId, role: 'staff' }).execute();
      }
      if (m.slug === 'ploen') {
        const hauptamt = newId();
        await trx
          .insertInto('users')
          .values({ id: hauptamt, email: demoEmail('hauptamt.ploen'), name: 'Hauptamtsleitung Plön', passwordHash })
          .execute();
        await trx.insertInto('memberships').values({ userId: hauptamt, municipalityId, role: 'admin' }).execute();
      }
      await trx
        .insertInto('departments')
        .values(DEFAULT_DEPARTMENTS.map((d) => ({ id: newId(), municipalityId, code: d.code, name: d.name })))
        .execute();
      if (m.slug === 'ploen') {
        // a colleague of the treasury who reads the news (staff; department Kämmerei)
        const clerk = newId();
        const treasury = await trx
          .selectFrom('departments')
          .select('id')
          .where('municipalityId', '=', municipalityId)
          .where('code', '=', '20')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('users')
          .values({ id: clerk, email: demoEmail('kaemmerei.ploen'), name: 'Karla Kämmerei', passwordHash })
          .execute();
        await trx
          .insertInto('memberships')
          .values({ userId: clerk, municipalityId, role: 'staff', departmentId: treasury.id })
          .execute();
      }
      await trx
        .insertInto('networkMembers')
        // the demo circle's members have accepted their invitations and allow staff surveys
        .values({
          id: newId(),
          networkId,
          municipalityId,
          joinedOn: '2021-06-10',
          status: 'accepted',
          staffSurveys: true,
          invitedBy: moderatorId,
          answeredAt: new Date('2021-06-10T09:00:00Z'),
        })
        .execute();
      await writeAudit(trx, null, {
        action: 'seed',
        entity: 'municipality',
        entityId: municipalityId,
        municipalityId,
        after: { name: m.name },
      });
    }
    await seedDemoSurveyAndWorkshop(trx, { networkId, moderatorId, municipalities: seeded });
    const ploen = await trx
      .selectFrom('users as u')
      .innerJoin('memberships as m', 'm.userId', 'u.id')
      .select(['u.id', 'm.municipalityId'])
      .where('u.email', '=', demoEmail('ploen'))
      .executeTakeFirstOrThrow();
    const ploenAdmin = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('hauptamt.ploen'))
      .executeTakeFirstOrThrow();
    await seedDemoPortfolio(trx, {
      municipalityId: ploen.municipalityId,
      coordinatorId: ploen.id,
      adminId: ploenAdmin.id,
    });
    await seedDemoCommunication(trx, { municipalityId: ploen.municipalityId, coordinatorId: ploen.id });
    await seedDemoGuides(trx, {
      networkId,
      moderatorId,
      municipalityId: ploen.municipalityId,
      coordinatorId: ploen.id,
    });
    await seedDemoProcesses(trx, { municipalityId: ploen.municipalityId, coordinatorId: ploen.id });
    await seedDemoNews(trx, { municipalityId: ploen.municipalityId, coordinatorId: ploen.id });
    await seedDemoCompetences(trx, {
      municipalityId: ploen.municipalityId,
      coordinatorId: ploen.id,
      passwordHash,
      email: demoEmail,
    });
    const ploenClerk = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('kaemmerei.ploen'))
      .executeTakeFirstOrThrow();
    await seedDemoPulse(trx, {
      municipalityId: ploen.municipalityId,
      passwordHash,
      email: demoEmail,
      people: [
        { id: ploen.id, group: 'fuehrung', dept: '10' },
        { id: ploenAdmin.id, group: 'fuehrung', dept: '10' },
        { id: ploenClerk.id, group: 'verwaltung', dept: '20' },
      ],
    });
    const coordinators = await trx
      .selectFrom('users as u')
      .innerJoin('memberships as m', 'm.userId', 'u.id')
      .innerJoin('municipalities as x', 'x.id', 'm.municipalityId')
      .select(['u.id as userId', 'm.municipalityId', 'x.name', 'x.administeringBodyId'])
      .where('m.role', '=', 'coordinator')
      .execute();
    const byName = (name: string) => {
      const c = coordinators.find((x) => x.name === name);
      if (!c) throw new Error(`demo: no coordinator of ${name}`);
      return c;
    };
    const studies = await seedDemoSharedServices(trx, {
      byName,
      bodyId: byName('Kastellaun, Stadt').administeringBodyId,
    });
    await seedDemoSharedOperation(trx, {
      ...studies,
      kastellaun: byName('Kastellaun, Stadt'),
      passwordHash,
      email: demoEmail,
    });
    // the circle's own service type in the catalogue, next to the defaults
    await trx
      .insertInto('serviceTypes')
      .values({
        id: newId(),
        networkId,
        name: 'Gemeinsame Friedhofsverwaltung',
        tasks: JSON.stringify(['Grabvergabe und Nutzungsrechte', 'Gebührenbescheide', 'Auskünfte an Bestatter']),
        costDrivers: JSON.stringify(['Personal (Stunden)', 'Friedhofssoftware', 'Gebührenkalkulation']),
        units: JSON.stringify(['cases']),
        createdBy: moderatorId,
      })
      .execute();
    // the key-figure ring: peers of Ebersberg's size, values, assessments, and Ebersberg's platform facts
    await seedDemoMaturity(trx, {
      networkId,
      moderatorId,
      passwordHash,
      email: demoEmail,
      towns: DEMO_MUNICIPALITIES.map((m, i) => ({ slug: m.slug, municipalityId: seeded[i]!.id })),
    });
    return { ploen, networkId, moderatorId };
  });
  const coordinator = await db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('id', '=', done.ploen.id)
    .executeTakeFirstOrThrow();
  await seedDemoExchange(db, {
    municipalityId: done.ploen.municipalityId,
    coordinator,
    networkId: done.networkId,
    moderatorId: done.moderatorId,
  });
  await seedDemoNotifications(db, { email: demoEmail, networkId: done.networkId, coordinatorId: done.ploen.id });
  return true;
}
