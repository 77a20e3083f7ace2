import { arsFromAgs, DEFAULT_DEPARTMENTS } from '@dz/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';

export interface DemoOrtsgemeinde {
  ags: string;
  verband: string;
  name: string;
  kreis: string;
  population: number;
  areaKm2: number;
  lat: number;
  lon: number;
}

/**
 * An Ortsgemeinde of a Verbandsgemeinde (its real directory row): the directory entry (kept when an import made it
 * already), the VG coordinator's membership and the default departments. Returns its id.
 */
export async function addOrtsgemeinde(
  trx: Transaction<DB>,
  m: DemoOrtsgemeinde,
  o: { bodyId: string | null; coordinatorId: string },
) {
  await trx
    .insertInto('municipalities')
    .values({
      id: newId(),
      ags: m.ags,
      ars: arsFromAgs(m.ags, m.verband),
      name: m.name,
      shortName: m.name,
      landCode: m.ags.slice(0, 2),
      kreis: m.kreis,
      kreisKey: m.ags.slice(0, 5),
      population: m.population,
      populationDate: '2024-12-31',
      areaKm2: m.areaKm2,
      lat: m.lat,
      lon: m.lon,
      administeringBodyId: o.bodyId,
      source: 'demo',
    })
    .onConflict((oc) => oc.column('ags').doNothing())
    .execute();
  const { id } = await trx.selectFrom('municipalities').select('id').where('ags', '=', m.ags).executeTakeFirstOrThrow();
  await trx
    .insertInto('memberships')
    .values({ userId: o.coordinatorId, municipalityId: id, role: 'coordinator' })
    .execute();
  await trx
    .insertInto('departments')
    .values(DEFAULT_DEPARTMENTS.map((d) => ({ id: newId(), municipalityId: id, code: d.code, name: d.name })))
    .execute();
  return id;
}
