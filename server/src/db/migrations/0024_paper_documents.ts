import { type Kysely, sql } from 'kysely';

/**
 * Documents after the commit: a paper version is stored with the data its PDF prints (`appendix`) and the PDF is
 * rendered from the stored version once the transaction committed (`pdf` stays empty until then). The budget
 * simulation of the paper is stored per project with the fingerprint of its input and re-run only when the
 * cost plan, the risk register, the rates or the dates it is computed from change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE decision_papers ADD COLUMN appendix jsonb`.execute(db);
  await sql`ALTER TABLE decision_papers ALTER COLUMN pdf DROP NOT NULL`.execute(db);
  await sql`
    CREATE TABLE paper_simulations (
      project_id uuid PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
      input_hash text NOT NULL,
      result jsonb NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE paper_simulations`.execute(db);
  await sql`ALTER TABLE decision_papers DROP COLUMN appendix`.execute(db);
}
