import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Consent of the invited (security review, issue 15):
 * - network membership becomes an invitation the member municipality answers (`invited | accepted | declined`,
 *   who answered and when); only accepted memberships count. Existing rows were entered by moderators and stay
 *   accepted; new rows start invited. Declined invitations stay as history and do not block a new invitation.
 * - `staff_surveys`: whether the network may send person surveys to the municipality's staff — the municipality's
 *   own decision, off unless it says so.
 * - joint projects keep the cost shares the partners agreed to (`shares_agreed`), and a recomputed split waits
 *   as a proposal (`shares_proposed`) until every partner has accepted it again (`shares_accepted`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
ALTER TABLE network_members ADD COLUMN status text NOT NULL DEFAULT 'accepted'
  CHECK (status IN ('invited', 'accepted', 'declined'));
ALTER TABLE network_members ALTER COLUMN status SET DEFAULT 'invited';
ALTER TABLE network_members ADD COLUMN staff_surveys boolean NOT NULL DEFAULT false;
ALTER TABLE network_members ADD COLUMN invited_by uuid REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE network_members ADD COLUMN invited_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE network_members ADD COLUMN answered_by uuid REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE network_members ADD COLUMN answered_at timestamptz;
ALTER TABLE network_members ADD COLUMN version integer NOT NULL DEFAULT 1;
DROP INDEX network_members_active_uq;
CREATE UNIQUE INDEX network_members_active_uq ON network_members (network_id, municipality_id)
  WHERE left_on IS NULL AND status <> 'declined';
CREATE INDEX network_members_invited_idx ON network_members (municipality_id) WHERE status = 'invited';
ALTER TABLE joint_projects ADD COLUMN shares_agreed jsonb;
ALTER TABLE joint_projects ADD COLUMN shares_agreed_at timestamptz;
ALTER TABLE joint_projects ADD COLUMN shares_proposed jsonb;
ALTER TABLE joint_projects ADD COLUMN shares_proposed_at timestamptz;
ALTER TABLE joint_partners ADD COLUMN shares_accepted boolean NOT NULL DEFAULT false;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
ALTER TABLE joint_partners DROP COLUMN shares_accepted;
ALTER TABLE joint_projects DROP COLUMN shares_proposed_at;
ALTER TABLE joint_projects DROP COLUMN shares_proposed;
ALTER TABLE joint_projects DROP COLUMN shares_agreed_at;
ALTER TABLE joint_projects DROP COLUMN shares_agreed;
DROP INDEX network_members_invited_idx;
DROP INDEX network_members_active_uq;
DELETE FROM network_members WHERE status <> 'accepted';
CREATE UNIQUE INDEX network_members_active_uq ON network_members (network_id, municipality_id) WHERE left_on IS NULL;
ALTER TABLE network_members DROP COLUMN version;
ALTER TABLE network_members DROP COLUMN answered_at;
ALTER TABLE network_members DROP COLUMN answered_by;
ALTER TABLE network_members DROP COLUMN invited_at;
ALTER TABLE network_members DROP COLUMN invited_by;
ALTER TABLE network_members DROP COLUMN staff_surveys;
ALTER TABLE network_members DROP COLUMN status;
`,
  );
}
