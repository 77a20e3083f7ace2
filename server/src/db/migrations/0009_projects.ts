import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * Project portfolio: projects linked to needs and goals, milestones, tasks, status reports, links, file
 * attachments, comments; prioritisation criteria and scores; staff capacity and planned effort; the
 * per-municipality calendar feed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
CREATE TABLE projects (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
  phase text NOT NULL DEFAULT 'idea',
  starts_on date,
  ends_on date,
  board_position integer NOT NULL DEFAULT 0,
  priority_score double precision,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX projects_municipality_idx ON projects (municipality_id, phase, board_position);
CREATE TABLE project_team (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, user_id)
);
CREATE TABLE project_departments (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  department_id uuid NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, department_id)
);
CREATE TABLE project_needs (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  need_id uuid NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, need_id)
);
CREATE INDEX project_needs_need_idx ON project_needs (need_id);
CREATE TABLE project_goals (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  goal_id uuid NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, goal_id)
);
CREATE INDEX project_goals_goal_idx ON project_goals (goal_id);
CREATE TABLE milestones (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  title text NOT NULL,
  due_on date NOT NULL,
  reached_on date,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX milestones_project_idx ON milestones (project_id, due_on);
CREATE TABLE tasks (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  title text NOT NULL,
  assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
  due_on date,
  status text NOT NULL DEFAULT 'open',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_project_idx ON tasks (project_id, due_on);
CREATE TABLE status_reports (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  reported_on date NOT NULL,
  scope text NOT NULL,
  schedule text NOT NULL,
  budget text NOT NULL,
  overall text NOT NULL,
  summary text NOT NULL DEFAULT '',
  author_id uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX status_reports_project_idx ON status_reports (project_id, reported_on DESC, created_at DESC);
CREATE TABLE project_links (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  title text NOT NULL,
  url text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_links_project_idx ON project_links (project_id);
CREATE TABLE project_files (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_files_project_idx ON project_files (project_id);
CREATE TABLE project_comments (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  author_id uuid REFERENCES users(id) ON DELETE SET NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_comments_project_idx ON project_comments (project_id, created_at);
CREATE TABLE priority_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  version integer NOT NULL DEFAULT 1
);
CREATE TABLE priority_criteria (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  position integer NOT NULL,
  key text NOT NULL,
  name text NOT NULL,
  weight integer NOT NULL,
  direction text NOT NULL
);
CREATE INDEX priority_criteria_municipality_idx ON priority_criteria (municipality_id, position);
CREATE TABLE project_scores (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  criterion_key text NOT NULL,
  score integer NOT NULL,
  PRIMARY KEY (project_id, criterion_key)
);
CREATE TABLE staff_capacity (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  hours_per_week double precision NOT NULL,
  department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, user_id)
);
CREATE TABLE project_effort (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  month date NOT NULL,
  hours double precision NOT NULL,
  PRIMARY KEY (project_id, user_id, month)
);
CREATE INDEX project_effort_user_idx ON project_effort (user_id, month);
CREATE TABLE calendar_feeds (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  token_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    [
      'calendar_feeds',
      'project_effort',
      'staff_capacity',
      'project_scores',
      'priority_criteria',
      'priority_settings',
      'project_comments',
      'project_files',
      'project_links',
      'status_reports',
      'tasks',
      'milestones',
      'project_goals',
      'project_needs',
      'project_departments',
      'project_team',
      'projects',
    ]
      .map((t) => `DROP TABLE ${t}`)
      .join(';\n'),
  );
}
