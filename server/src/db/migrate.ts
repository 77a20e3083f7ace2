import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_import_staging.js';
import * as m0003 from './migrations/0003_read_indexes.js';
import * as m0004 from './migrations/0004_surveys.js';
import * as m0005 from './migrations/0005_workshops.js';
import * as m0006 from './migrations/0006_needs.js';
import * as m0007 from './migrations/0007_ideas.js';
import * as m0008 from './migrations/0008_target_picture.js';
import * as m0009 from './migrations/0009_projects.js';
import * as m0010 from './migrations/0010_finance.js';
import * as m0011 from './migrations/0011_decision_papers.js';
import * as m0012 from './migrations/0012_exchange.js';
import * as m0013 from './migrations/0013_directory_order.js';
import * as m0014 from './migrations/0014_survey_anonymity.js';
import * as m0015 from './migrations/0015_auth_hardening.js';
import * as m0016 from './migrations/0016_network_consent.js';
import * as m0017 from './migrations/0017_workshop_limits.js';
import * as m0018 from './migrations/0018_council_paper.js';
import * as m0019 from './migrations/0019_readable_directory_names.js';
import * as m0020 from './migrations/0020_first_steps.js';
import * as m0023 from './migrations/0023_mail_outbox.js';
import * as m0024 from './migrations/0024_paper_documents.js';
import * as m0025 from './migrations/0025_scope_cache.js';
import * as m0026 from './migrations/0026_survey_tallies.js';
import * as m0027 from './migrations/0027_heavy_reads.js';
import * as m0028 from './migrations/0028_read_path_indexes.js';
import * as m0030 from './migrations/0030_shared_services.js';
import * as m0031 from './migrations/0031_shared_operation.js';
import * as m0032 from './migrations/0032_last_municipality.js';
import * as m0033 from './migrations/0033_communication.js';
import * as m0034 from './migrations/0034_network_studies.js';
import * as m0035 from './migrations/0035_member_departments.js';
import * as m0036 from './migrations/0036_staff_council.js';
import * as m0037 from './migrations/0037_competences.js';
import * as m0038 from './migrations/0038_newsroom.js';
import * as m0039 from './migrations/0039_pulse.js';
import * as m0040 from './migrations/0040_competence_releases.js';
import * as m0041 from './migrations/0041_processes.js';
import * as m0042 from './migrations/0042_maturity.js';
import * as m0043 from './migrations/0043_guides.js';
import * as m0044 from './migrations/0044_oidc.js';
import * as m0045 from './migrations/0045_data_protection.js';
import * as m0046 from './migrations/0046_notifications.js';
import * as m0047 from './migrations/0047_network_left_at.js';
import * as m0048 from './migrations/0048_guides_data_protection.js';

/** Migrations in order; a landed migration is never edited, only followed by a new one. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_import_staging': m0002,
  '0003_read_indexes': m0003,
  '0004_surveys': m0004,
  '0005_workshops': m0005,
  '0006_needs': m0006,
  '0007_ideas': m0007,
  '0008_target_picture': m0008,
  '0009_projects': m0009,
  '0010_finance': m0010,
  '0011_decision_papers': m0011,
  '0012_exchange': m0012,
  '0013_directory_order': m0013,
  '0014_survey_anonymity': m0014,
  '0015_auth_hardening': m0015,
  '0016_network_consent': m0016,
  '0017_workshop_limits': m0017,
  '0018_council_paper': m0018,
  '0019_readable_directory_names': m0019,
  '0020_first_steps': m0020,
  '0023_mail_outbox': m0023,
  '0024_paper_documents': m0024,
  '0025_scope_cache': m0025,
  '0026_survey_tallies': m0026,
  '0027_heavy_reads': m0027,
  '0028_read_path_indexes': m0028,
  '0030_shared_services': m0030,
  '0031_shared_operation': m0031,
  '0032_last_municipality': m0032,
  '0033_communication': m0033,
  '0034_network_studies': m0034,
  '0035_member_departments': m0035,
  '0036_staff_council': m0036,
  '0037_competences': m0037,
  '0038_newsroom': m0038,
  '0039_pulse': m0039,
  '0040_competence_releases': m0040,
  '0041_processes': m0041,
  '0042_maturity': m0042,
  '0043_guides': m0043,
  '0044_oidc': m0044,
  '0045_data_protection': m0045,
  '0046_notifications': m0046,
  '0047_network_left_at': m0047,
  '0048_guides_data_protection': m0048,
};

/** Names of all migrations, oldest first. */
export const MIGRATION_NAMES = Object.keys(migrations);

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the latest schema; throws with the failing migration's error. */
export async function migrateToLatest(db: Database, schema?: string): Promise<string[]> {
  // naming the schema keeps Kysely's bookkeeping tables apart when several schemas share a server
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
