import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/** The staff council's involvement per project: the co-determination check and the procedure's steps with dates. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE staff_council_checks (
  project_id uuid PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  answers jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('not_started', 'informed', 'consulted', 'agreed', 'agreement_concluded')),
  informed_on date,
  consulted_on date,
  agreed_on date,
  concluded_on date,
  note text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_council_checks_municipality_idx ON staff_council_checks (municipality_id);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'DROP TABLE staff_council_checks');
}
