import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Notifications (issue 23): each person's in-app list (every event lands there; `digest_state` says whether the
 * weekly digest still has to carry it), the mail channel a person chose per event, and the weeks whose digest a
 * person has had (one a week, also with several app instances).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  municipality_id uuid REFERENCES municipalities(id) ON DELETE CASCADE,
  event text NOT NULL,
  title text NOT NULL,
  path text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  digest_state text NOT NULL DEFAULT 'none' CHECK (digest_state IN ('none', 'pending', 'sent'))
);
CREATE INDEX notifications_user_created ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_digest_pending ON notifications (user_id) WHERE digest_state = 'pending';
CREATE TABLE notification_preferences (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  event text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('immediate', 'digest', 'off')),
  PRIMARY KEY (user_id, event)
);
CREATE TABLE notification_digests (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  week date NOT NULL,
  items integer NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, week)
);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'DROP TABLE notification_digests; DROP TABLE notification_preferences; DROP TABLE notifications');
}
