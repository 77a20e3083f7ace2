import type { Kysely } from 'kysely';
import { seedStarterGuides } from '../../modules/guides/starter/seed.js';
import { runScript } from './sql-script.js';

/**
 * The method library („Hilfen“, issue 23): guides (article, checklist, template) platform-wide or curated by a
 * network for its members, tagged by module and phase, with a German full-text vector over title, summary, body,
 * checklist items and file names (GIN index); every saved version with its change note; the files of templates;
 * the ticks of checklists per municipality or project (who and when). The platform's starter content is written
 * here (its text as of this migration; the platform administration edits it in the app later), so it exists on
 * every installation, with or without demo data; a restore replaces it with the backup's rows (db/backup.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE guides (
  id uuid PRIMARY KEY,
  network_id uuid REFERENCES networks(id) ON DELETE CASCADE,
  starter_key text UNIQUE,
  kind text NOT NULL CHECK (kind IN ('article', 'checklist', 'template')),
  title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 200),
  summary text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '',
  items jsonb NOT NULL DEFAULT '[]',
  modules jsonb NOT NULL DEFAULT '[]',
  phases jsonb NOT NULL DEFAULT '[]',
  search_extra text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german', title), 'A') ||
    setweight(to_tsvector('german', summary), 'B') ||
    setweight(to_tsvector('german', body || ' ' || search_extra), 'C')
  ) STORED
);
CREATE INDEX guides_search_idx ON guides USING gin (search);
CREATE INDEX guides_network_idx ON guides (network_id) WHERE archived_at IS NULL;
CREATE TABLE guide_versions (
  guide_id uuid NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
  version integer NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  body text NOT NULL,
  items jsonb NOT NULL,
  modules jsonb NOT NULL,
  phases jsonb NOT NULL,
  files jsonb NOT NULL,
  change_note text NOT NULL,
  edited_by uuid REFERENCES users(id) ON DELETE SET NULL,
  edited_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (guide_id, version)
);
CREATE TABLE guide_files (
  id uuid PRIMARY KEY,
  guide_id uuid NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  content_type text NOT NULL,
  content bytea NOT NULL,
  size integer NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX guide_files_guide_idx ON guide_files (guide_id);
CREATE TABLE guide_ticks (
  guide_id uuid NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
  item_key text NOT NULL,
  municipality_id uuid NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  project_id uuid REFERENCES projects(id) ON DELETE CASCADE,
  ticked_by uuid REFERENCES users(id) ON DELETE SET NULL,
  ticked_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX guide_ticks_one_idx ON guide_ticks
  (guide_id, municipality_id, coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid), item_key);
CREATE INDEX guide_ticks_project_idx ON guide_ticks (project_id) WHERE project_id IS NOT NULL;
`,
  );
  await seedStarterGuides(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'DROP TABLE guide_ticks; DROP TABLE guide_files; DROP TABLE guide_versions; DROP TABLE guides');
}
