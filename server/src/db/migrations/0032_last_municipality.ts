import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * The municipality a person last worked in: a new session starts there (people who work for several
 * municipalities of a Verbandsgemeinde no longer land in whichever comes first in the alphabet).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    'ALTER TABLE users ADD COLUMN last_municipality_id uuid REFERENCES municipalities(id) ON DELETE SET NULL',
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'ALTER TABLE users DROP COLUMN last_municipality_id');
}
