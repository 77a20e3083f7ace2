import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Sign-in through the municipality's identity provider (OpenID Connect, issue 23): the link of a provider's
 * account (issuer + subject) to a user, created on the first sign-in; the transient state, nonce and PKCE
 * verifier of a sign-in under way (bound to the browser by a cookie whose hash is the key, used once); the ID
 * token of a session that came from the provider (the hint of the logout at the provider). Accounts created by
 * the provider have no password.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `CREATE TABLE user_identities (
  issuer text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);
CREATE TABLE oidc_login_states (
  id text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL DEFAULT '/',
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_login_states_expiry ON oidc_login_states (expires_at);
CREATE TABLE oidc_sessions (
  session_id uuid PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  issuer text NOT NULL,
  id_token text NOT NULL
);
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `DROP TABLE oidc_sessions;
DROP TABLE oidc_login_states;
DROP TABLE user_identities;
UPDATE users SET password_hash = '!' WHERE password_hash IS NULL;
ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`,
  );
}
