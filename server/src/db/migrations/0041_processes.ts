import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Processes: the municipality's administrative services (inventory with volumes, minutes, OZG maturity) and their
 * BPMN 2.0 models (one as-is, any number of to-be variants), the XML kept as written, with the figures of the last
 * save (minutes and cost per case, media breaks) so the portfolio aggregates in SQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE process_services (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 200),
  subject_area text,
  life_situation text,
  leika_key text CHECK (leika_key ~ '^[0-9]{14}$'),
  department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
  cases_per_year integer NOT NULL DEFAULT 0 CHECK (cases_per_year BETWEEN 0 AND 10000000),
  minutes_per_case double precision NOT NULL DEFAULT 0 CHECK (minutes_per_case BETWEEN 0 AND 100000),
  ozg_level smallint NOT NULL DEFAULT 0 CHECK (ozg_level BETWEEN 0 AND 4),
  ozg_target smallint NOT NULL DEFAULT 3 CHECK (ozg_target BETWEEN 0 AND 4),
  online_channel text,
  media_breaks integer NOT NULL DEFAULT 0 CHECK (media_breaks BETWEEN 0 AND 100),
  starter_key text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX process_services_name ON process_services (municipality_id, lower(name));
CREATE TABLE process_models (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  service_id uuid NOT NULL REFERENCES process_services(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('as_is', 'to_be')),
  name text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 200),
  xml text NOT NULL,
  minutes_per_case double precision,
  cents_per_case double precision,
  media_breaks integer,
  copy_of uuid REFERENCES process_models(id) ON DELETE SET NULL,
  project_id uuid REFERENCES projects(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX process_models_one_as_is ON process_models (service_id) WHERE kind = 'as_is';
CREATE INDEX process_models_service ON process_models (service_id);
CREATE INDEX process_models_project ON process_models (project_id) WHERE project_id IS NOT NULL;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'DROP TABLE process_models; DROP TABLE process_services');
}
