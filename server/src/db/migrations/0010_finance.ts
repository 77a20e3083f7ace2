import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Costs and risks: finance settings and staff cost rates per municipality; per project a versioned finance
 * document (cost lines, staff lines, funding, benefits, WiBe scores, alternatives) and a risk register.
 * Money is integer cents (bigint).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE finance_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  discount_rate double precision NOT NULL,
  discount_rate_source text NOT NULL,
  horizon_years integer NOT NULL,
  rates_year integer NOT NULL,
  rates_source text NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE TABLE staff_rates (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  year integer NOT NULL,
  pay_group text NOT NULL,
  cents_per_hour integer NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (municipality_id, year, pay_group)
);
CREATE TABLE project_finance (
  project_id uuid PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  wibe jsonb NOT NULL DEFAULT '{}'::jsonb,
  alternatives jsonb NOT NULL DEFAULT '{}'::jsonb,
  budget_available_cents bigint,
  budget_line text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE cost_lines (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL,
  category text NOT NULL,
  label text NOT NULL,
  year_offset integer NOT NULL,
  min_cents bigint NOT NULL,
  likely_cents bigint NOT NULL,
  max_cents bigint NOT NULL,
  vat boolean NOT NULL DEFAULT false,
  budget_line text NOT NULL DEFAULT ''
);
CREATE INDEX cost_lines_project_idx ON cost_lines (project_id, position);
CREATE TABLE staff_lines (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL,
  label text NOT NULL,
  pay_group text NOT NULL,
  year_offset integer NOT NULL,
  hours_min double precision NOT NULL,
  hours_likely double precision NOT NULL,
  hours_max double precision NOT NULL
);
CREATE INDEX staff_lines_project_idx ON staff_lines (project_id, position);
CREATE TABLE funding (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position integer NOT NULL,
  programme text NOT NULL,
  amount_cents bigint,
  share_percent double precision,
  conditions text NOT NULL DEFAULT '',
  deadline date,
  status text NOT NULL
);
CREATE INDEX funding_project_idx ON funding (project_id, position);
CREATE INDEX funding_deadline_idx ON funding (deadline) WHERE status IN ('planned', 'applied');
CREATE TABLE benefits (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position integer NOT NULL,
  label text NOT NULL,
  cents_per_year bigint NOT NULL,
  hours_per_year double precision NOT NULL,
  pay_group text,
  from_year integer NOT NULL
);
CREATE INDEX benefits_project_idx ON benefits (project_id, position);
CREATE TABLE risks (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  title text NOT NULL,
  category text NOT NULL,
  probability integer NOT NULL,
  cost_min_cents bigint NOT NULL,
  cost_likely_cents bigint NOT NULL,
  cost_max_cents bigint NOT NULL,
  weeks integer NOT NULL DEFAULT 0,
  owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
  mitigation text NOT NULL DEFAULT '',
  mitigation_cents bigint NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'open',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risks_project_idx ON risks (project_id, created_at);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    ['risks', 'benefits', 'funding', 'staff_lines', 'cost_lines', 'project_finance', 'staff_rates', 'finance_settings']
      .map((t) => `DROP TABLE ${t}`)
      .join(';\n'),
  );
}
