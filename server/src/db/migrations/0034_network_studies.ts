import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * A feasibility study a network's moderation started for members of the network: the network is recorded, so
 * its moderators follow who accepted (never the study's figures), and the lead municipality accepts like a partner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `ALTER TABLE service_studies ADD COLUMN network_id uuid REFERENCES networks(id) ON DELETE SET NULL;
CREATE INDEX service_studies_network_idx ON service_studies (network_id) WHERE network_id IS NOT NULL`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'ALTER TABLE service_studies DROP COLUMN network_id');
}
