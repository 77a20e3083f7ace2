import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Council settings per municipality: the kind (Gemeinde, Stadt, Markt, Ortsgemeinde), the council that decides and
 * the committee that prepares a Beschlussvorlage — the default Beratungsfolge, set once and remembered. The risk
 * register gets an index in the order every reader uses (created_at, id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE council_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id) ON DELETE CASCADE,
  kind text NOT NULL,
  council text NOT NULL,
  committee text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
DROP INDEX risks_project_idx;
CREATE INDEX risks_project_idx ON risks (project_id, created_at, id);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
DROP TABLE council_settings;
DROP INDEX risks_project_idx;
CREATE INDEX risks_project_idx ON risks (project_id, created_at);
`,
  );
}
