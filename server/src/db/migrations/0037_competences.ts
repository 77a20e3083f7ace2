import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Digital competences: a municipality's changes to the DigComp framework (and its own competences), each
 * person's self-assessment, the training catalogue and the training plan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE competence_items (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  code text NOT NULL,
  area smallint NOT NULL CHECK (area BETWEEN 1 AND 5),
  name text NOT NULL,
  hidden boolean NOT NULL DEFAULT false,
  builtin boolean NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, code)
);
CREATE TABLE competence_profiles (
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
  share_with_manager boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id)
);
CREATE TABLE competence_assessments (
  municipality_id uuid NOT NULL,
  user_id uuid NOT NULL,
  code text NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 8),
  target smallint CHECK (target BETWEEN 1 AND 8),
  PRIMARY KEY (municipality_id, user_id, code),
  FOREIGN KEY (municipality_id, user_id) REFERENCES competence_profiles (municipality_id, user_id) ON DELETE CASCADE
);
CREATE TABLE trainings (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  title text NOT NULL,
  provider text NOT NULL,
  format text NOT NULL CHECK (format IN ('presence', 'online', 'blended', 'self_study')),
  hours double precision CHECK (hours >= 0),
  cost_cents bigint CHECK (cost_cents >= 0),
  competences jsonb NOT NULL DEFAULT '[]',
  url text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trainings_municipality_idx ON trainings (municipality_id, title);
CREATE TABLE training_assignments (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  training_id uuid NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  department_id uuid REFERENCES departments(id) ON DELETE CASCADE,
  due_on date,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'registered', 'attended', 'cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((user_id IS NULL) <> (department_id IS NULL))
);
CREATE INDEX training_assignments_municipality_idx ON training_assignments (municipality_id, due_on);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    'DROP TABLE training_assignments; DROP TABLE trainings; DROP TABLE competence_assessments; DROP TABLE competence_profiles; DROP TABLE competence_items',
  );
}
