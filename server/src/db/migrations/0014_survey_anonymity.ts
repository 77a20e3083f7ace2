import { type Kysely, sql } from 'kysely';

/**
 * Survey anonymity (issue 15): a person survey is anonymous unless declared otherwise before it is
 * sent (the invitation and the participation list follow that declaration); `closed_at` records when
 * results became visible — a closed survey is final, so no later answers can be differenced against them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE surveys ADD COLUMN anonymous boolean NOT NULL DEFAULT true`.execute(db);
  await sql`ALTER TABLE surveys ADD COLUMN closed_at timestamptz`.execute(db);
  await sql`UPDATE surveys SET closed_at = updated_at WHERE status = 'closed'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE surveys DROP COLUMN closed_at`.execute(db);
  await sql`ALTER TABLE surveys DROP COLUMN anonymous`.execute(db);
}
