import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/** Target picture (Zielbild): vision, fields of action, goals linked to needs, indicators with measured values. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE target_pictures (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  vision text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE fields_of_action (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  position integer NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT ''
);
CREATE INDEX fields_of_action_municipality_idx ON fields_of_action (municipality_id, position);
CREATE TABLE goals (
  id uuid PRIMARY KEY,
  field_id uuid NOT NULL REFERENCES fields_of_action(id) ON DELETE CASCADE,
  position integer NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT ''
);
CREATE INDEX goals_field_idx ON goals (field_id, position);
CREATE TABLE goal_needs (
  goal_id uuid NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  need_id uuid NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
  PRIMARY KEY (goal_id, need_id)
);
CREATE INDEX goal_needs_need_idx ON goal_needs (need_id);
CREATE TABLE indicators (
  id uuid PRIMARY KEY,
  goal_id uuid NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  unit text NOT NULL DEFAULT '',
  baseline double precision,
  target double precision,
  target_date date
);
CREATE INDEX indicators_goal_idx ON indicators (goal_id, position);
CREATE TABLE indicator_values (
  id uuid PRIMARY KEY,
  indicator_id uuid NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  measured_on date NOT NULL,
  value double precision NOT NULL
);
CREATE INDEX indicator_values_indicator_idx ON indicator_values (indicator_id, measured_on);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    'DROP TABLE indicator_values;\nDROP TABLE indicators;\nDROP TABLE goal_needs;\nDROP TABLE goals;\nDROP TABLE fields_of_action;\nDROP TABLE target_pictures',
  );
}
