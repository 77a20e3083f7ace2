import { DEFAULT_KEY_FIGURES } from '@dz/core';
import { type Kysely, sql } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Maturity and the key-figure ring (issue 22): versions of the maturity model published by the platform
 * administration (the built-in version lives in core), a network's own criteria, self-assessments with one row
 * per answered criterion (the platform's suggestion and its source kept beside the answer), the consent to be
 * asked by peers, key figures (the defaults with network_id NULL, a network's own), values per municipality and
 * year (entered or computed), and the members of a network's open ring.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE maturity_models (
  version text PRIMARY KEY,
  definition jsonb NOT NULL,
  note text NOT NULL DEFAULT '',
  published_by uuid REFERENCES users(id) ON DELETE SET NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE maturity_network_criteria (
  id uuid PRIMARY KEY,
  network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  dimension_key text NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 160),
  levels jsonb NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz
);
CREATE INDEX maturity_network_criteria_network ON maturity_network_criteria (network_id);
CREATE TABLE maturity_assessments (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  model_version text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed')),
  levels jsonb NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_by uuid REFERENCES users(id) ON DELETE SET NULL,
  completed_at timestamptz
);
CREATE UNIQUE INDEX maturity_assessments_one_draft ON maturity_assessments (municipality_id) WHERE status = 'draft';
CREATE INDEX maturity_assessments_municipality ON maturity_assessments (municipality_id, created_at DESC);
CREATE TABLE maturity_answers (
  assessment_id uuid NOT NULL REFERENCES maturity_assessments(id) ON DELETE CASCADE,
  criterion_key text NOT NULL,
  level smallint CHECK (level BETWEEN 1 AND 5),
  prefill_level smallint CHECK (prefill_level BETWEEN 1 AND 5),
  prefill_source text,
  prefill_note text NOT NULL DEFAULT '',
  prefill_link text NOT NULL DEFAULT '',
  overridden boolean NOT NULL DEFAULT false,
  evidence_url text NOT NULL DEFAULT '',
  evidence_note text NOT NULL DEFAULT '',
  answered_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  PRIMARY KEY (assessment_id, criterion_key)
);
CREATE TABLE maturity_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id) ON DELETE CASCADE,
  contactable boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE key_figures (
  id uuid PRIMARY KEY,
  network_id uuid REFERENCES networks(id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 160),
  definition text NOT NULL,
  unit text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
  source text NOT NULL,
  decimals smallint NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 3),
  min_value double precision NOT NULL DEFAULT 0,
  max_value double precision,
  computed text,
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz
);
CREATE UNIQUE INDEX key_figures_key ON key_figures (coalesce(network_id, '00000000-0000-0000-0000-000000000000'::uuid), key);
CREATE TABLE key_figure_values (
  key_figure_id uuid NOT NULL REFERENCES key_figures(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  value double precision NOT NULL,
  origin text NOT NULL CHECK (origin IN ('entered', 'computed')),
  note text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key_figure_id, year, municipality_id)
);
CREATE INDEX key_figure_values_municipality ON key_figure_values (municipality_id, year);
CREATE TABLE key_figure_open_ring (
  network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  joined_by uuid REFERENCES users(id) ON DELETE SET NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (network_id, municipality_id)
);
`,
  );
  // the default key figures every ring starts from (their text as of this migration; the platform edits them later)
  let position = 0;
  for (const f of DEFAULT_KEY_FIGURES) {
    await sql`INSERT INTO key_figures (id, key, name, definition, unit, direction, source, decimals, min_value, max_value, computed, position)
      VALUES (gen_random_uuid(), ${f.key}, ${f.name}, ${f.definition}, ${f.unit}, ${f.direction}, ${f.source}, ${f.decimals}, ${f.min}, ${f.max}, ${f.computed}, ${position++})`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    'DROP TABLE key_figure_open_ring; DROP TABLE key_figure_values; DROP TABLE key_figures; DROP TABLE maturity_settings; DROP TABLE maturity_answers; DROP TABLE maturity_assessments; DROP TABLE maturity_network_criteria; DROP TABLE maturity_models',
  );
}
