import type { Kysely } from 'kysely';
import { runScript as run } from './sql-script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await run(
    db,
    `
CREATE TABLE administering_bodies (
  id uuid PRIMARY KEY,
  ars_prefix char(9) NOT NULL UNIQUE,
  name text NOT NULL,
  type text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE municipalities (
  id uuid PRIMARY KEY,
  ags char(8) NOT NULL UNIQUE,
  ars char(12) UNIQUE,
  name text NOT NULL,
  short_name text NOT NULL,
  land_code char(2) NOT NULL,
  kreis text,
  kreis_key char(5) NOT NULL,
  population integer NOT NULL CHECK (population >= 0),
  population_date date,
  area_km2 double precision,
  lat double precision,
  lon double precision,
  administering_body_id uuid REFERENCES administering_bodies(id),
  in_directory boolean NOT NULL DEFAULT true,
  source text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX municipalities_land_idx ON municipalities (land_code);
CREATE INDEX municipalities_kreis_idx ON municipalities (kreis_key);
CREATE INDEX municipalities_population_idx ON municipalities (population);
CREATE INDEX municipalities_name_idx ON municipalities (lower(short_name) text_pattern_ops);
CREATE TABLE unincorporated_areas (
  ags char(8) PRIMARY KEY,
  name text NOT NULL,
  land_code char(2) NOT NULL,
  population integer NOT NULL,
  area_km2 double precision,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE departments (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  code text,
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, name)
);
CREATE INDEX departments_municipality_idx ON departments (municipality_id);
CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  password_hash text NOT NULL,
  locale text NOT NULL DEFAULT 'de',
  is_platform_admin boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE memberships (
  user_id uuid NOT NULL REFERENCES users(id),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  role text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, municipality_id)
);
CREATE INDEX memberships_municipality_idx ON memberships (municipality_id);
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  token_hash char(64) NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users(id),
  active_municipality_id uuid REFERENCES municipalities(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE TABLE tokens (
  id uuid PRIMARY KEY,
  token_hash char(64) NOT NULL UNIQUE,
  purpose text NOT NULL,
  user_id uuid REFERENCES users(id),
  email text,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  email text NOT NULL,
  role text NOT NULL,
  token_hash char(64) NOT NULL UNIQUE,
  invited_by uuid REFERENCES users(id),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitations_municipality_idx ON invitations (municipality_id);
CREATE TABLE networks (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL,
  description text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE network_members (
  id uuid PRIMARY KEY,
  network_id uuid NOT NULL REFERENCES networks(id),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  joined_on date NOT NULL,
  left_on date,
  CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX network_members_network_idx ON network_members (network_id);
CREATE INDEX network_members_municipality_idx ON network_members (municipality_id);
CREATE UNIQUE INDEX network_members_active_uq ON network_members (network_id, municipality_id) WHERE left_on IS NULL;
CREATE TABLE network_moderators (
  network_id uuid NOT NULL REFERENCES networks(id),
  user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (network_id, user_id)
);
CREATE TABLE audit_log (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  municipality_id uuid,
  network_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  changes jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_municipality_idx ON audit_log (municipality_id, at DESC);
CREATE INDEX audit_log_network_idx ON audit_log (network_id, at DESC);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TABLE import_jobs (
  id uuid PRIMARY KEY,
  file_name text NOT NULL,
  status text NOT NULL,
  progress double precision NOT NULL DEFAULT 0,
  error text,
  report jsonb,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE TABLE platform_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
)
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await run(
    db,
    `
DROP TABLE platform_settings;
DROP TABLE import_jobs;
DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only;
DROP TABLE network_moderators;
DROP TABLE network_members;
DROP TABLE networks;
DROP TABLE invitations;
DROP TABLE tokens;
DROP TABLE sessions;
DROP TABLE memberships;
DROP TABLE users;
DROP TABLE departments;
DROP TABLE unincorporated_areas;
DROP TABLE municipalities;
DROP TABLE administering_bodies
`,
  );
}
