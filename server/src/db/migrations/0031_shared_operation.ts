import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Shared services in operation (issue 19): service types a network adds to the catalogue (a study keeps a copy of
 * the definition it was started with, so editing a type never changes a running study); the service team (users of any partner, named by their own
 * coordination, with the pay group their time is priced by), work orders filed by the partners, time and
 * material recorded per order, and closed months whose statements are frozen. Every billable fact — an order
 * done, time, material — is one row of service_work_entries with the month it is billed in (its own month, or the
 * first open month when its own is closed: a visible correction), so a statement is one aggregate over one index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE service_types (
  id uuid PRIMARY KEY,
  network_id uuid NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  name text NOT NULL,
  tasks jsonb NOT NULL,
  cost_drivers jsonb NOT NULL,
  units jsonb NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_types_network_idx ON service_types (network_id);
ALTER TABLE service_studies ADD COLUMN service jsonb;
ALTER TABLE service_studies ADD COLUMN live_from text;
ALTER TABLE service_studies ADD COLUMN order_seq integer NOT NULL DEFAULT 0;
CREATE TABLE service_team (
  study_id uuid NOT NULL REFERENCES service_studies(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  pay_group text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (study_id, user_id)
);
CREATE INDEX service_team_user_idx ON service_team (user_id);
CREATE TABLE service_work_orders (
  id uuid PRIMARY KEY,
  study_id uuid NOT NULL REFERENCES service_studies(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  number integer NOT NULL,
  type text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  location text NOT NULL DEFAULT '',
  priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  due_on date,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'planned', 'in_progress', 'done', 'rejected')),
  reject_reason text NOT NULL DEFAULT '',
  assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (study_id, number)
);
CREATE INDEX service_work_orders_queue_idx ON service_work_orders (study_id, status, created_at DESC);
CREATE INDEX service_work_orders_partner_idx ON service_work_orders (study_id, municipality_id, created_at DESC);
CREATE TABLE service_work_attachments (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES service_work_orders(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  content bytea NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_work_attachments_order_idx ON service_work_attachments (order_id);
CREATE TABLE service_work_entries (
  id uuid PRIMARY KEY,
  study_id uuid NOT NULL REFERENCES service_studies(id) ON DELETE CASCADE,
  order_id uuid NOT NULL REFERENCES service_work_orders(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  kind text NOT NULL CHECK (kind IN ('completion', 'time', 'material')),
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  person text,
  pay_group text,
  minutes integer NOT NULL DEFAULT 0,
  label text,
  quantity double precision,
  cents bigint NOT NULL DEFAULT 0,
  worked_on date NOT NULL,
  billed_month text NOT NULL,
  correction_of text,
  note text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_work_entries_order_idx ON service_work_entries (order_id);
CREATE INDEX service_work_entries_month_idx ON service_work_entries (study_id, billed_month, municipality_id);
CREATE TABLE service_closed_months (
  study_id uuid NOT NULL REFERENCES service_studies(id) ON DELETE CASCADE,
  month text NOT NULL,
  lines jsonb NOT NULL,
  closed_by uuid REFERENCES users(id) ON DELETE SET NULL,
  closed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (study_id, month)
);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    [
      'DROP TABLE service_closed_months',
      'DROP TABLE service_work_entries',
      'DROP TABLE service_work_attachments',
      'DROP TABLE service_work_orders',
      'DROP TABLE service_team',
      'ALTER TABLE service_studies DROP COLUMN order_seq',
      'ALTER TABLE service_studies DROP COLUMN live_from',
      'ALTER TABLE service_studies DROP COLUMN service',
      'DROP TABLE service_types',
    ].join(';\n'),
  );
}
