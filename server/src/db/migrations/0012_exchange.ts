import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Intermunicipal exchange: published projects (a snapshot of exactly the public fields, German full-text
 * index, visible to networks or to all), lighthouse marks of network moderators, reuses, questions and
 * answers, contact requests between municipalities, needs opened for partner search, and joint projects of
 * several municipalities with a cost-sharing key and shared entries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE publications (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  status text NOT NULL CHECK (status IN ('published', 'withdrawn')),
  visibility text NOT NULL CHECK (visibility IN ('networks', 'all')),
  title text NOT NULL,
  problem text NOT NULL DEFAULT '',
  solution text NOT NULL DEFAULT '',
  results text NOT NULL DEFAULT '',
  lessons text NOT NULL DEFAULT '',
  field_of_action text NOT NULL DEFAULT '',
  stage text NOT NULL CHECK (stage IN ('planned', 'running', 'completed')),
  tco_cents bigint,
  effort_hours double precision,
  duration_months integer,
  products text NOT NULL DEFAULT '',
  contact_role text NOT NULL,
  documents jsonb NOT NULL DEFAULT '[]'::jsonb,
  template jsonb NOT NULL DEFAULT '{}'::jsonb,
  size_class smallint NOT NULL,
  land_code char(2) NOT NULL,
  kreis_key char(5) NOT NULL,
  population integer NOT NULL,
  published_by uuid REFERENCES users(id) ON DELETE SET NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german', title), 'A') ||
    setweight(to_tsvector('german', problem || ' ' || solution), 'B') ||
    setweight(to_tsvector('german', results || ' ' || lessons || ' ' || products), 'C')
  ) STORED
);
CREATE INDEX publications_search_idx ON publications USING gin (search);
CREATE INDEX publications_visible_idx ON publications (status, visibility, published_at DESC);
CREATE INDEX publications_municipality_idx ON publications (municipality_id);
CREATE TABLE publication_networks (
  publication_id uuid NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
  network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  PRIMARY KEY (publication_id, network_id)
);
CREATE INDEX publication_networks_network_idx ON publication_networks (network_id);
CREATE TABLE lighthouse_marks (
  publication_id uuid NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
  network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  marked_by uuid REFERENCES users(id) ON DELETE SET NULL,
  marked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (publication_id, network_id)
);
CREATE TABLE reuses (
  id uuid PRIMARY KEY,
  publication_id uuid NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  project_id uuid UNIQUE REFERENCES projects(id) ON DELETE SET NULL,
  size_class smallint NOT NULL,
  land_code char(2) NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reuses_publication_idx ON reuses (publication_id);
CREATE TABLE exchange_posts (
  id uuid PRIMARY KEY,
  publication_id uuid NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
  parent_id uuid REFERENCES exchange_posts(id) ON DELETE CASCADE,
  municipality_id uuid REFERENCES municipalities(id),
  author_id uuid REFERENCES users(id) ON DELETE SET NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exchange_posts_publication_idx ON exchange_posts (publication_id, created_at);
ALTER TABLE needs ADD COLUMN seeking_partners boolean NOT NULL DEFAULT false;
CREATE INDEX needs_seeking_partners_idx ON needs (municipality_id) WHERE seeking_partners;
CREATE TABLE contact_requests (
  id uuid PRIMARY KEY,
  from_municipality_id uuid NOT NULL REFERENCES municipalities(id),
  to_municipality_id uuid NOT NULL REFERENCES municipalities(id),
  from_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  about text NOT NULL DEFAULT '',
  message text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined')),
  answered_by uuid REFERENCES users(id) ON DELETE SET NULL,
  answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_municipality_id <> to_municipality_id)
);
CREATE INDEX contact_requests_to_idx ON contact_requests (to_municipality_id, created_at DESC);
CREATE INDEX contact_requests_from_idx ON contact_requests (from_municipality_id, created_at DESC);
CREATE TABLE joint_projects (
  id uuid PRIMARY KEY,
  lead_municipality_id uuid NOT NULL REFERENCES municipalities(id),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  cost_key text NOT NULL CHECK (cost_key IN ('population', 'equal', 'case_volume', 'base_variable', 'custom')),
  base_share double precision NOT NULL DEFAULT 0.3,
  cost_lines jsonb NOT NULL DEFAULT '[]'::jsonb,
  publication_id uuid REFERENCES publications(id) ON DELETE SET NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE joint_partners (
  joint_project_id uuid NOT NULL REFERENCES joint_projects(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  role text NOT NULL CHECK (role IN ('lead', 'partner')),
  status text NOT NULL CHECK (status IN ('invited', 'accepted', 'declined')),
  case_volume integer NOT NULL DEFAULT 0,
  custom_percent double precision NOT NULL DEFAULT 0,
  position integer NOT NULL,
  PRIMARY KEY (joint_project_id, municipality_id)
);
CREATE INDEX joint_partners_municipality_idx ON joint_partners (municipality_id);
CREATE TABLE joint_entries (
  id uuid PRIMARY KEY,
  joint_project_id uuid NOT NULL REFERENCES joint_projects(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  author_id uuid REFERENCES users(id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('decision', 'document', 'status', 'note')),
  private boolean NOT NULL DEFAULT false,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  light text CHECK (light IN ('green', 'yellow', 'red')),
  file_name text,
  content_type text,
  size integer,
  content bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'note' OR NOT private),
  CHECK ((kind = 'document') = (content IS NOT NULL))
);
CREATE INDEX joint_entries_project_idx ON joint_entries (joint_project_id, created_at DESC);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    [
      'DROP TABLE joint_entries',
      'DROP TABLE joint_partners',
      'DROP TABLE joint_projects',
      'DROP TABLE contact_requests',
      'DROP INDEX needs_seeking_partners_idx',
      'ALTER TABLE needs DROP COLUMN seeking_partners',
      'DROP TABLE exchange_posts',
      'DROP TABLE reuses',
      'DROP TABLE lighthouse_marks',
      'DROP TABLE publication_networks',
      'DROP TABLE publications',
    ].join(';\n'),
  );
}
