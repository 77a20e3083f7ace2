import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/** Council decision papers (Beschlussvorlagen): numbered versions per project with their figures and PDF. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE decision_papers (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  version_no integer NOT NULL,
  content jsonb NOT NULL,
  figures jsonb NOT NULL,
  pdf bytea NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, version_no)
);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'DROP TABLE decision_papers');
}
