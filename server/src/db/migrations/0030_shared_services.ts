import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Shared services (issue 19): a feasibility study of a service several municipalities would provide together
 * (a building yard, a citizens' office back office, …). The lead municipality invites partners; each accepted
 * partner enters its own status quo (staff, equipment, costs, volumes); the lead sets the target model, the
 * allocation key and the answers of the legal-form and §2b UStG checklists. The figures are computed in core (domain/shared-services.ts) on read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE service_studies (
  id uuid PRIMARY KEY,
  lead_municipality_id uuid NOT NULL REFERENCES municipalities(id),
  title text NOT NULL,
  service_key text NOT NULL,
  status text NOT NULL DEFAULT 'calculation' CHECK (status IN ('calculation', 'agreed', 'live')),
  target jsonb NOT NULL DEFAULT '{}'::jsonb,
  allocation jsonb NOT NULL,
  vat_taxable boolean NOT NULL DEFAULT false,
  legal_answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  vat_answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  agreement jsonb NOT NULL DEFAULT '{}'::jsonb,
  hours_per_fte integer NOT NULL DEFAULT 1600,
  discount_rate double precision NOT NULL DEFAULT 0.009,
  horizon_years integer NOT NULL DEFAULT 5,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE service_study_partners (
  study_id uuid NOT NULL REFERENCES service_studies(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  role text NOT NULL CHECK (role IN ('lead', 'partner')),
  status text NOT NULL CHECK (status IN ('invited', 'accepted', 'declined')),
  custom_percent double precision NOT NULL DEFAULT 0,
  status_quo jsonb,
  status_quo_version integer NOT NULL DEFAULT 0,
  project_id uuid REFERENCES projects(id) ON DELETE SET NULL,
  position integer NOT NULL,
  PRIMARY KEY (study_id, municipality_id)
);
CREATE INDEX service_study_partners_municipality_idx ON service_study_partners (municipality_id);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, ['DROP TABLE service_study_partners', 'DROP TABLE service_studies'].join(';\n'));
}
