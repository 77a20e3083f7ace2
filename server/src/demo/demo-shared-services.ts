import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { addOrtsgemeinde } from './demo-ortsgemeinde.js';

/**
 * A third Ortsgemeinde of the Verbandsgemeinde Kastellaun (Destatis GV100AD 30.11.2025): it joins the building
 * yard study with Kastellaun and Bell; the VG's coordinator works for it too.
 */
export const DEMO_THIRD_MUNICIPALITY = {
  ags: '07140010',
  verband: '5003',
  name: 'Beltheim',
  kreis: 'Rhein-Hunsrück-Kreis',
  population: 1935,
  areaKm2: 24.85,
  lat: 50.105877,
  lon: 7.461682,
} as const;

const yard = (
  staff: { payGroup: string; fte: number }[],
  assets: [string, number, number, number][],
  materialCents: number,
  otherCents: number,
  orders: number,
  hours: number,
  serviceLevel: string,
) => ({
  staff,
  assets: assets.map(([label, purchaseCents, depreciationYears, runningCentsPerYear]) => ({
    label,
    purchaseCents,
    depreciationYears,
    runningCentsPerYear,
  })),
  materialCents,
  otherCents,
  volumes: { work_orders: orders, hours },
  serviceLevel,
});

/**
 * Two feasibility studies: the building yard of Kastellaun, Bell and Beltheim (all status quos entered, the pool
 * and key set, the councils agreed) and a citizens' office back office of Nieheim and Hünfelden still in the
 * calculation stage (Hünfelden has not entered its figures yet).
 */
export async function seedDemoSharedServices(
  trx: Transaction<DB>,
  o: { byName: (name: string) => { municipalityId: string; userId: string }; bodyId: string | null },
) {
  const kastellaun = o.byName('Kastellaun, Stadt');
  const _b = DEMO_THIRD_MUNICIPALITY;
  const beltheimId = await addOrtsgemeinde(trx, DEMO_THIRD_MUNICIPALITY, {
    bodyId: o.bodyId,
    coordinatorId: kastellaun.userId,
  });
  const bell = await trx
    .selectFrom('municipalities')
    .select('id')
    .where('ags', '=', '07140009')
    .executeTakeFirstOrThrow();

  const yardId = newId();
  await trx
    .insertInto('serviceStudies')
    .values({
      id: yardId,
      leadMunicipalityId: kastellaun.municipalityId,
      title: 'Gemeinsamer Bauhof Kastellaun, Bell und Beltheim',
      serviceKey: 'bauhof',
      status: 'agreed',
      target: JSON.stringify({
        staff: [
          { payGroup: 'EG 5', fte: 8.5 },
          { payGroup: 'EG 8', fte: 1 },
        ],
        assets: [
          {
            label: 'Unimog mit Winterdienstausrüstung',
            purchaseCents: 18_000_000,
            depreciationYears: 10,
            runningCentsPerYear: 800_000,
          },
          { label: 'Kleintraktor', purchaseCents: 6_000_000, depreciationYears: 8, runningCentsPerYear: 300_000 },
          {
            label: 'Traktor mit Mähwerk',
            purchaseCents: 9_000_000,
            depreciationYears: 12,
            runningCentsPerYear: 250_000,
          },
        ],
        fixedCents: 1_200_000,
        variableCentsPerUnit: { work_orders: 2_500 },
        transitionCents: 4_500_000,
        location: 'Bauhof Kastellaun, Gewerbegebiet Kastellaun',
      }),
      allocation: JSON.stringify({ key: 'case_volume', unit: 'work_orders', baseShare: 0.3 }),
      vatTaxable: false,
      vatAnswers: JSON.stringify({
        longTermPublicLaw: true,
        publicTask: true,
        costReimbursementOnly: true,
        mainlyPublicBodies: true,
      }),
      agreement: JSON.stringify({ startsOn: '2027-01-01', termYears: 10, noticeMonths: 12 }),
      createdBy: kastellaun.userId,
    })
    .execute();
  await trx
    .insertInto('serviceStudyPartners')
    .values([
      {
        studyId: yardId,
        municipalityId: kastellaun.municipalityId,
        role: 'lead',
        status: 'accepted',
        position: 0,
        statusQuoVersion: 1,
        statusQuo: JSON.stringify(
          yard(
            [
              { payGroup: 'EG 5', fte: 6 },
              { payGroup: 'EG 8', fte: 1 },
            ],
            [
              ['Unimog mit Winterdienstausrüstung', 18_000_000, 10, 800_000],
              ['Kleintraktor', 6_000_000, 8, 300_000],
            ],
            2_500_000,
            600_000,
            950,
            9_000,
            'Winterdienst ab 5 Uhr auf allen Gemeindestraßen, Grünpflege mit sechs Schnitten im Jahr',
          ),
        ),
      },
      {
        studyId: yardId,
        municipalityId: bell.id,
        role: 'partner',
        status: 'accepted',
        position: 1,
        statusQuoVersion: 1,
        statusQuo: JSON.stringify(
          yard(
            [{ payGroup: 'EG 5', fte: 1.5 }],
            [['Traktor mit Mähwerk', 9_000_000, 12, 250_000]],
            600_000,
            150_000,
            160,
            2_200,
            'Winterdienst durch einen Landwirt, Grünpflege vier Schnitte',
          ),
        ),
      },
      {
        studyId: yardId,
        municipalityId: beltheimId,
        role: 'partner',
        status: 'accepted',
        position: 2,
        statusQuoVersion: 1,
        statusQuo: JSON.stringify(
          yard(
            [{ payGroup: 'EG 5', fte: 2 }],
            [['Kommunalfahrzeug', 11_000_000, 10, 300_000]],
            800_000,
            200_000,
            210,
            2_900,
            'Winterdienst ab 6 Uhr, Spielplatzkontrollen wöchentlich',
          ),
        ),
      },
    ])
    .execute();

  const nieheim = o.byName('Nieheim, Stadt');
  const huenfelden = o.byName('Hünfelden');
  const officeId = newId();
  await trx
    .insertInto('serviceStudies')
    .values({
      id: officeId,
      leadMunicipalityId: nieheim.municipalityId,
      title: 'Gemeinsames Backoffice der Bürgerbüros Nieheim und Hünfelden',
      serviceKey: 'buergerbuero',
      allocation: JSON.stringify({ key: 'case_volume', unit: 'cases', baseShare: 0.3 }),
      target: JSON.stringify({
        staff: [{ payGroup: 'EG 8', fte: 5 }],
        assets: [],
        fixedCents: 2_400_000,
        variableCentsPerUnit: { cases: 150 },
        transitionCents: 1_500_000,
        location: 'Rathaus Nieheim',
      }),
      createdBy: nieheim.userId,
    })
    .execute();
  await trx
    .insertInto('serviceStudyPartners')
    .values([
      {
        studyId: officeId,
        municipalityId: nieheim.municipalityId,
        role: 'lead',
        status: 'accepted',
        position: 0,
        statusQuoVersion: 1,
        statusQuo: JSON.stringify({
          staff: [{ payGroup: 'EG 8', fte: 3.5 }],
          assets: [],
          materialCents: 0,
          otherCents: 1_800_000,
          volumes: { cases: 6_500, inhabitants: 6_081 },
          serviceLevel: 'Bürgerbüro an vier Tagen geöffnet, Backoffice für Pass, Melde- und Gewerbewesen',
        }),
      },
      {
        studyId: officeId,
        municipalityId: huenfelden.municipalityId,
        role: 'partner',
        status: 'accepted',
        position: 1,
      },
    ])
    .execute();
  return { yardId, officeId, beltheimId, bellId: bell.id };
}
