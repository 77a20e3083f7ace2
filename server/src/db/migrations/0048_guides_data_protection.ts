import { type Kysely, sql } from 'kysely';
import { seedStarterGuides } from '../../modules/guides/starter/seed.js';

/**
 * Starter content added after the method library went live: answering access and erasure requests (article and
 * checklist) and bringing services online (OZG). The seed is idempotent by starter key, so existing guides — perhaps edited by the operator — stay.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await seedStarterGuides(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM guides WHERE starter_key IN ('data-subject-requests', 'data-subject-request-checklist', 'online-services')`.execute(
    db,
  );
}
