import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * The department a person works in (optional): news addressed to departments, the change-readiness pulse and the
 * competence heatmap group people by it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    'ALTER TABLE memberships ADD COLUMN department_id uuid REFERENCES departments(id) ON DELETE SET NULL',
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'ALTER TABLE memberships DROP COLUMN department_id');
}
