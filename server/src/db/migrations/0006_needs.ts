import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/** Needs register (Bedarfe) with a German full-text index for "similar needs" while typing. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE needs (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  service text NOT NULL DEFAULT '',
  department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
  urgency text NOT NULL CHECK (urgency IN ('low', 'medium', 'high', 'critical')),
  source text NOT NULL CHECK (source IN ('department', 'employee', 'citizen', 'workshop')),
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'in_review', 'planned', 'in_progress', 'done', 'rejected', 'merged')),
  workshop_action_id uuid REFERENCES workshop_actions(id) ON DELETE SET NULL,
  merged_into_id uuid REFERENCES needs(id),
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german', title), 'A') ||
    setweight(to_tsvector('german', service), 'B') ||
    setweight(to_tsvector('german', description), 'C')
  ) STORED,
  CHECK ((status = 'merged') = (merged_into_id IS NOT NULL))
);
CREATE INDEX needs_municipality_idx ON needs (municipality_id, status, created_at DESC);
CREATE INDEX needs_search_idx ON needs USING gin (search);
CREATE INDEX needs_workshop_action_idx ON needs (workshop_action_id);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'DROP TABLE needs');
}
