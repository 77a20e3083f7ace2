import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Workshops of a network: agenda (linked to survey sections), participants who join with a short
 * code, live idea collection and dot voting, outcomes per topic and follow-up actions with stable ids.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE workshops (
  id uuid PRIMARY KEY,
  network_id uuid NOT NULL REFERENCES networks(id),
  survey_id uuid REFERENCES surveys(id) ON DELETE SET NULL,
  title text NOT NULL,
  held_on date NOT NULL,
  place text NOT NULL DEFAULT '',
  video_url text NOT NULL DEFAULT '',
  leitfrage text NOT NULL DEFAULT '',
  join_code text NOT NULL UNIQUE,
  votes_per_person integer NOT NULL DEFAULT 3 CHECK (votes_per_person BETWEEN 1 AND 20),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'live', 'done')),
  current_item_id uuid,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workshops_network_idx ON workshops (network_id);

CREATE TABLE workshop_municipalities (
  workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  PRIMARY KEY (workshop_id, municipality_id)
);
CREATE INDEX workshop_municipalities_municipality_idx ON workshop_municipalities (municipality_id);

CREATE TABLE workshop_moderators (
  workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  PRIMARY KEY (workshop_id, user_id)
);

CREATE TABLE workshop_items (
  id uuid PRIMARY KEY,
  workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('topic', 'impulse', 'other')),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  speaker text NOT NULL DEFAULT '',
  duration_min integer,
  survey_section_id text,
  outcome text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workshop_items_workshop_idx ON workshop_items (workshop_id, position);

CREATE TABLE workshop_participants (
  id uuid PRIMARY KEY,
  workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  name text NOT NULL,
  organisation text NOT NULL DEFAULT '',
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workshop_participants_workshop_idx ON workshop_participants (workshop_id);

CREATE TABLE workshop_ideas (
  id uuid PRIMARY KEY,
  workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES workshop_items(id) ON DELETE CASCADE,
  text text NOT NULL,
  participant_id uuid REFERENCES workshop_participants(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workshop_ideas_item_idx ON workshop_ideas (item_id);

CREATE TABLE workshop_votes (
  id uuid PRIMARY KEY,
  idea_id uuid NOT NULL REFERENCES workshop_ideas(id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES workshop_items(id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES workshop_participants(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workshop_votes_idea_idx ON workshop_votes (idea_id);
CREATE INDEX workshop_votes_participant_idx ON workshop_votes (participant_id, item_id);

CREATE TABLE workshop_actions (
  id uuid PRIMARY KEY,
  workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  item_id uuid REFERENCES workshop_items(id) ON DELETE SET NULL,
  what text NOT NULL,
  who text NOT NULL DEFAULT '',
  due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workshop_actions_workshop_idx ON workshop_actions (workshop_id);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    [
      'DROP TABLE workshop_actions',
      'DROP TABLE workshop_votes',
      'DROP TABLE workshop_ideas',
      'DROP TABLE workshop_participants',
      'DROP TABLE workshop_items',
      'DROP TABLE workshop_moderators',
      'DROP TABLE workshop_municipalities',
      'DROP TABLE workshops',
    ].join(';\n'),
  );
}
