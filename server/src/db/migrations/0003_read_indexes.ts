import { type Kysely, sql } from 'kysely';

/** Indexes for the main read paths measured in bench/: directory filters and the session scope. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX municipalities_land_population_idx ON municipalities (land_code, population)`.execute(db);
  await sql`CREATE INDEX network_moderators_user_idx ON network_moderators (user_id)`.execute(db);
  await sql`CREATE INDEX memberships_user_idx ON memberships (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX memberships_user_idx`.execute(db);
  await sql`DROP INDEX network_moderators_user_idx`.execute(db);
  await sql`DROP INDEX municipalities_land_population_idx`.execute(db);
}
