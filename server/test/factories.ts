import { randomBytes } from 'node:crypto';
import { DEFAULT_DEPARTMENTS, LAND_CODES, type MunicipalityRole } from '@dz/core';
import { hash } from '@node-rs/argon2';
import type { Database } from '../src/db/database.js';
import { newId } from '../src/lib/ids.js';
import { TEST_PASSWORD } from './helpers.js';

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}${randomBytes(2).toString('hex')}`;
let hashed: Promise<string> | null = null;

/** A municipality with a unique valid AGS and its default departments. */
export async function buildMunicipality(
  db: Database,
  over: { population?: number; name?: string; landCode?: string } = {},
) {
  const land = over.landCode ?? LAND_CODES[Math.floor(Math.random() * LAND_CODES.length)]!;
  let ags = '';
  for (;;) {
    ags = `${land}${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
    const clash = await db.selectFrom('municipalities').select('id').where('ags', '=', ags).executeTakeFirst();
    if (!clash) break;
  }
  const name = over.name ?? `Testgemeinde ${unique()}`;
  const row = {
    id: newId(),
    ags,
    ars: `${ags.slice(0, 5)}0000${ags.slice(5)}`,
    name,
    shortName: name,
    landCode: land,
    kreis: `Kreis ${ags.slice(0, 5)}`,
    kreisKey: ags.slice(0, 5),
    population: over.population ?? 7_500,
    populationDate: '2024-12-31',
    areaKm2: 42.5,
    source: 'test',
  };
  await db.insertInto('municipalities').values(row).execute();
  await db
    .insertInto('departments')
    .values(
      DEFAULT_DEPARTMENTS.map((d) => ({
        id: newId(),
        municipalityId: row.id,
        code: d.code,
        name: `${d.name} ${row.ags}`,
      })),
    )
    .execute();
  return row;
}

/** A user, optionally with a role in a municipality. Password: TEST_PASSWORD. */
export async function buildUser(
  db: Database,
  over: {
    municipalityId?: string;
    role?: MunicipalityRole;
    email?: string;
    name?: string;
    isPlatformAdmin?: boolean;
  } = {},
) {
  hashed ??= hash(TEST_PASSWORD);
  const id = newId();
  const email = over.email ?? `user-${unique()}@example.org`;
  await db
    .insertInto('users')
    .values({
      id,
      email,
      name: over.name ?? `Person ${email.split('@')[0]}`,
      passwordHash: await hashed,
      isPlatformAdmin: over.isPlatformAdmin ?? false,
    })
    .execute();
  if (over.municipalityId) {
    await db
      .insertInto('memberships')
      .values({ userId: id, municipalityId: over.municipalityId, role: over.role ?? 'coordinator' })
      .execute();
  }
  return { id, email };
}

/**
 * A network moderated by `moderatorId` with the given member municipalities (joined 2024-01-01, invitations
 * accepted; `staffSurveys`: whether they allow the network's person surveys to their staff).
 */
export async function buildNetwork(
  db: Database,
  moderatorId: string,
  memberIds: string[],
  name = `Zirkel ${unique()}`,
  over: { staffSurveys?: boolean } = {},
) {
  const id = newId();
  await db.insertInto('networks').values({ id, name, type: 'circle', description: 'Test' }).execute();
  await db.insertInto('networkModerators').values({ networkId: id, userId: moderatorId }).execute();
  for (const m of memberIds) {
    await db
      .insertInto('networkMembers')
      .values({
        id: newId(),
        networkId: id,
        municipalityId: m,
        joinedOn: '2024-01-01',
        status: 'accepted',
        staffSurveys: over.staffSurveys ?? true,
        answeredAt: new Date('2024-01-01T09:00:00Z'),
      })
      .execute();
  }
  return { id, name };
}
