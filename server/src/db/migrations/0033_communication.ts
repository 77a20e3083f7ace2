import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/** The communication plan: who hears what, through which channel and when, per municipality and project. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE communication_items (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  project_id uuid REFERENCES projects(id) ON DELETE CASCADE,
  audience text NOT NULL CHECK (audience IN ('heads', 'managers', 'all_staff', 'department', 'staff_council', 'council', 'citizens', 'partners')),
  department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
  message text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('staff_meeting', 'newsroom', 'email', 'notice_board', 'staff_assembly', 'gazette', 'website')),
  due_on date NOT NULL,
  cadence text NOT NULL DEFAULT 'once' CHECK (cadence IN ('once', 'weekly', 'monthly', 'quarterly')),
  owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'skipped')),
  phase text CHECK (phase IN ('kickoff', 'before_go_live', 'go_live', 'after_go_live')),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX communication_items_municipality_idx ON communication_items (municipality_id, due_on);
CREATE INDEX communication_items_project_idx ON communication_items (project_id) WHERE project_id IS NOT NULL;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'DROP TABLE communication_items');
}
