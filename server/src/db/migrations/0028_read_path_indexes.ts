import { type Kysely, sql } from 'kysely';

/**
 * Counts of the read endpoints from the index alone (issue 24; EXPLAIN ANALYZE in bench/results.md):
 * - the directory's total with a Land and size-class filter counted over current municipalities only
 *   (an index-only scan instead of fetching every row of the Land from the table), and its page by population;
 * - the accepted, current members of a network (dashboard, network list) without visiting the member rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX municipalities_directory_land_population_idx ON municipalities (land_code, population) WHERE in_directory`.execute(
    db,
  );
  await sql`CREATE INDEX network_members_accepted_idx ON network_members (network_id) WHERE left_on IS NULL AND status = 'accepted'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX network_members_accepted_idx`.execute(db);
  await sql`DROP INDEX municipalities_directory_land_population_idx`.execute(db);
}
