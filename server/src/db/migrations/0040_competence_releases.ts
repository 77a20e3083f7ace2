import type { Kysely } from 'kysely';
import { runScript } from './sql-script.js';

/**
 * The released competence overview of a municipality: the aggregates as of the last release. A new release is
 * made only once at least the anonymity threshold of people changed their self-assessment since, so comparing
 * the overview before and after one person's save reveals nothing about that person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `CREATE TABLE competence_releases (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id) ON DELETE CASCADE,
  released_at timestamptz NOT NULL,
  aggregates jsonb NOT NULL
);
ALTER TABLE competence_profiles ADD COLUMN levels_changed_at timestamptz NOT NULL DEFAULT now()`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'DROP TABLE competence_releases;\nALTER TABLE competence_profiles DROP COLUMN levels_changed_at');
}
