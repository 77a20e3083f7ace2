import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * The change-readiness pulse: per municipality the schedule's settings, and its rounds — each round an ordinary
 * internal person survey of the survey engine (answers, threshold, closing and results stay there), one per quarter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE pulse_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id) ON DELETE CASCADE,
  enabled boolean NOT NULL DEFAULT false,
  quarter_start_month integer NOT NULL DEFAULT 1 CHECK (quarter_start_month BETWEEN 1 AND 3),
  remind_after_days integer NOT NULL DEFAULT 7 CHECK (remind_after_days BETWEEN 1 AND 60),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE pulse_rounds (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  survey_id uuid NOT NULL UNIQUE REFERENCES surveys(id) ON DELETE CASCADE,
  quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  reminded_at timestamptz,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, quarter)
);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'DROP TABLE pulse_rounds; DROP TABLE pulse_settings');
}
