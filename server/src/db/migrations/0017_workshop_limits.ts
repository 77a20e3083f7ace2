import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Dot budgets belong to a person, not to a join: a signed-in participant is one row per workshop and
 * user (a re-join finds it again), and a participant may hold several tokens (one per join or device),
 * so re-joining hands out another token for the same participant instead of a fresh budget.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
ALTER TABLE workshop_participants ADD COLUMN user_id uuid REFERENCES users(id) ON DELETE SET NULL;
CREATE UNIQUE INDEX workshop_participants_user_idx ON workshop_participants (workshop_id, user_id)
  WHERE user_id IS NOT NULL;
CREATE TABLE workshop_participant_tokens (
  token_hash text PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES workshop_participants(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workshop_participant_tokens_participant_idx ON workshop_participant_tokens (participant_id);
INSERT INTO workshop_participant_tokens (token_hash, participant_id, created_at)
  SELECT token_hash, id, created_at FROM workshop_participants;
ALTER TABLE workshop_participants DROP COLUMN token_hash;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
ALTER TABLE workshop_participants ADD COLUMN token_hash text;
UPDATE workshop_participants p SET token_hash = coalesce(
  (SELECT t.token_hash FROM workshop_participant_tokens t WHERE t.participant_id = p.id ORDER BY t.created_at LIMIT 1),
  'revoked-' || p.id::text);
ALTER TABLE workshop_participants ALTER COLUMN token_hash SET NOT NULL;
ALTER TABLE workshop_participants ADD CONSTRAINT workshop_participants_token_hash_key UNIQUE (token_hash);
DROP TABLE workshop_participant_tokens;
DROP INDEX workshop_participants_user_idx;
ALTER TABLE workshop_participants DROP COLUMN user_id;
`,
  );
}
