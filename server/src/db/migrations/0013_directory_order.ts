import { type Kysely, sql } from 'kysely';

/**
 * The directory's default order (name, then AGS) over current municipalities: the first pages and the total
 * come from this index instead of reading and sorting all 10,751 rows (bench/results.md, Kommunenliste).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX municipalities_directory_order_idx ON municipalities (short_name, ags) WHERE in_directory`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX municipalities_directory_order_idx`.execute(db);
}
