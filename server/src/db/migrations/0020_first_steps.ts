import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * The first-steps checklist on the start page can be hidden: per membership (one person in one municipality),
 * so a person who no longer needs the help hides it without hiding it from a newly invited colleague, and a
 * coordinator of two municipalities decides for each. Removing the membership removes the choice with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'ALTER TABLE memberships ADD COLUMN first_steps_dismissed_at timestamptz');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'ALTER TABLE memberships DROP COLUMN first_steps_dismissed_at');
}
