import { type Kysely, sql } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * When a municipality really left a network (set by the system; `left_on` is the date the moderation enters, which
 * may lie in the past). The key-figure ring compares a network's members as of 1 January of each year by these
 * system times, so neither a back-dated leaving nor a back-dated joining changes a group that was already shown.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'ALTER TABLE network_members ADD COLUMN left_at timestamptz');
  await sql`UPDATE network_members SET left_at = left_on::timestamptz WHERE left_on IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'ALTER TABLE network_members DROP COLUMN left_at');
}
