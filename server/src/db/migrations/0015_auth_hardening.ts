import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Auth hardening (security review, issue 15): failed sign-ins counted per account and client and per
 * client alone, with an exponential backoff instead of locking the account for everyone (the `key` is a
 * hash, so neither addresses nor emails are stored); invitations to moderate a network, so adding a
 * moderator by email answers the same whether an account exists or not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE login_throttles (
  key char(64) PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  blocked_until timestamptz
);
CREATE INDEX login_throttles_last_failure_idx ON login_throttles (last_failure_at);
CREATE TABLE network_moderator_invitations (
  id uuid PRIMARY KEY,
  network_id uuid NOT NULL REFERENCES networks(id),
  email text NOT NULL,
  token_hash char(64) NOT NULL UNIQUE,
  invited_by uuid REFERENCES users(id),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_moderator_invitations_network_idx ON network_moderator_invitations (network_id);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, ['DROP TABLE network_moderator_invitations', 'DROP TABLE login_throttles'].join(';\n'));
}
