import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Data protection (issue 23): erased accounts (`users.erased_at`, the row stays as a pseudonymous tombstone so
 * content written by the person keeps its author id), the one narrow way to redact personal fields of audit
 * entries (the trigger still refuses every other UPDATE and every DELETE; only `changes` may change, only with the
 * transaction-local setting `dz.audit_redaction`, and the row is stamped `redacted_at`), retention periods per
 * municipality with the log of what the retention job deleted, and the operator's legal pages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
ALTER TABLE users ADD COLUMN erased_at timestamptz;
ALTER TABLE audit_log ADD COLUMN redacted_at timestamptz;
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('dz.audit_redaction', true) = 'on'
     AND NEW.id = OLD.id AND NEW.at = OLD.at
     AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
     AND NEW.municipality_id IS NOT DISTINCT FROM OLD.municipality_id
     AND NEW.network_id IS NOT DISTINCT FROM OLD.network_id
     AND NEW.action = OLD.action AND NEW.entity = OLD.entity
     AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id THEN
    NEW.redacted_at := now();
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
ALTER TABLE workshops ADD COLUMN participant_names_removed_at timestamptz;
CREATE TABLE retention_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id) ON DELETE CASCADE,
  survey_answers_months integer CHECK (survey_answers_months BETWEEN 1 AND 120),
  workshop_names_days integer CHECK (workshop_names_days BETWEEN 7 AND 3650),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE retention_log (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('survey_answers', 'workshop_names')),
  subject_id uuid NOT NULL,
  subject_title text NOT NULL,
  rows integer NOT NULL CHECK (rows >= 0)
);
CREATE INDEX retention_log_municipality_idx ON retention_log (municipality_id, at DESC);
CREATE TABLE legal_pages (
  page text PRIMARY KEY CHECK (page IN ('privacy', 'imprint')),
  markdown text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
)
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
DROP TABLE legal_pages;
DROP TABLE retention_log;
DROP TABLE retention_settings;
ALTER TABLE workshops DROP COLUMN participant_names_removed_at;
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
ALTER TABLE audit_log DROP COLUMN redacted_at;
ALTER TABLE users DROP COLUMN erased_at
`,
  );
}
