import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Surveys: definitions (JSON), distribution targets, responses (drafts keep their answers as JSON)
 * and one row per atomic submitted answer for aggregation in SQL. Personal responses carry a keyed
 * hash instead of the user id, so nobody can read an individual's answers through the data model.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE surveys (
  id uuid PRIMARY KEY,
  network_id uuid REFERENCES networks(id),
  municipality_id uuid REFERENCES municipalities(id),
  title text NOT NULL,
  title_en text NOT NULL DEFAULT '',
  intro text NOT NULL DEFAULT '',
  mode text NOT NULL CHECK (mode IN ('municipality', 'person')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  opens_on date,
  closes_on date,
  threshold integer NOT NULL DEFAULT 5 CHECK (threshold >= 3),
  definition jsonb NOT NULL,
  network_ids jsonb NOT NULL DEFAULT '[]',
  secret text NOT NULL,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((network_id IS NULL) <> (municipality_id IS NULL)),
  CHECK (closes_on IS NULL OR opens_on IS NULL OR closes_on >= opens_on)
);
CREATE INDEX surveys_network_idx ON surveys (network_id);
CREATE INDEX surveys_municipality_idx ON surveys (municipality_id);

CREATE TABLE survey_targets (
  id uuid PRIMARY KEY,
  survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  user_id uuid REFERENCES users(id),
  network_id uuid REFERENCES networks(id),
  status text NOT NULL DEFAULT 'none' CHECK (status IN ('none', 'draft', 'submitted')),
  invited_at timestamptz,
  reminded_at timestamptz
);
CREATE UNIQUE INDEX survey_targets_unique_idx
  ON survey_targets (survey_id, municipality_id, coalesce(user_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX survey_targets_municipality_idx ON survey_targets (municipality_id);
CREATE INDEX survey_targets_user_idx ON survey_targets (user_id);

CREATE TABLE survey_responses (
  id uuid PRIMARY KEY,
  survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  respondent_key text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  answers jsonb NOT NULL DEFAULT '{}',
  size_class smallint NOT NULL,
  land_code text NOT NULL,
  network_id uuid REFERENCES networks(id),
  version integer NOT NULL DEFAULT 1,
  submitted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX survey_responses_municipality_idx
  ON survey_responses (survey_id, municipality_id) WHERE respondent_key IS NULL;
CREATE UNIQUE INDEX survey_responses_person_idx
  ON survey_responses (survey_id, respondent_key) WHERE respondent_key IS NOT NULL;
CREATE INDEX survey_responses_status_idx ON survey_responses (survey_id, status);

CREATE TABLE survey_answers (
  response_id uuid NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
  survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  question_id text NOT NULL,
  item_id text NOT NULL DEFAULT '',
  num double precision,
  choice text,
  text text
);
CREATE INDEX survey_answers_survey_question_idx ON survey_answers (survey_id, question_id);
CREATE INDEX survey_answers_response_idx ON survey_answers (response_id);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    'DROP TABLE survey_answers;\nDROP TABLE survey_responses;\nDROP TABLE survey_targets;\nDROP TABLE surveys',
  );
}
