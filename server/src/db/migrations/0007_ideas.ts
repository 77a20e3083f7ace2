import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/** Idea box for all staff: ideas, one support per person, and the status history the submitter reads. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE ideas (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  submitted_by uuid REFERENCES users(id),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_review', 'accepted', 'rejected', 'implemented')),
  need_id uuid REFERENCES needs(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ideas_municipality_idx ON ideas (municipality_id, created_at DESC);

CREATE TABLE idea_supports (
  idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (idea_id, user_id)
);

CREATE TABLE idea_events (
  id uuid PRIMARY KEY,
  idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL,
  reason text NOT NULL DEFAULT '',
  actor_id uuid REFERENCES users(id)
);
CREATE INDEX idea_events_idea_idx ON idea_events (idea_id, at);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'DROP TABLE idea_events;\nDROP TABLE idea_supports;\nDROP TABLE ideas');
}
