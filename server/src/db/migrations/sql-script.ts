import { type Kysely, sql } from 'kysely';

/** Runs each statement of a script separately: PGlite's extended protocol accepts one statement per query. */
export async function runScript(db: Kysely<unknown>, statements: string) {
  for (const stmt of statements
    .split(/;\s*\n(?=CREATE|DROP|ALTER|INSERT|COMMENT)/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(stmt).execute(db);
  }
}
