import { type Kysely, sql } from 'kysely';

/**
 * Heavy reads (issue 24). The timeline's milestones, kept per project: `projects.milestone_list` holds the project's
 * milestones as the timeline sends them (title, dueOn, reachedOn; by due date), so the timeline reads one
 * column per project instead of aggregating its milestones per request (half its cost on PGlite, where
 * each per-project subquery runs in WebAssembly). Statement-level triggers with transition tables keep it
 * current for every write path (services, imports, restores, psql), one UPDATE per statement however many
 * milestones it touches. NULL means "no milestones" (also for projects restored from older backups before
 * their milestones are inserted).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE projects ADD COLUMN milestone_list json`.execute(db);
  await sql`
    CREATE FUNCTION dz_milestone_list(project uuid) RETURNS json LANGUAGE sql STABLE AS $$
      SELECT json_agg(json_build_object('title', m.title, 'dueOn', m.due_on, 'reachedOn', m.reached_on)
        ORDER BY m.due_on, m.id)
      FROM milestones m WHERE m.project_id = project
    $$`.execute(db);
  await sql`
    CREATE FUNCTION dz_milestone_list_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE projects p SET milestone_list = dz_milestone_list(p.id)
        WHERE p.id IN (SELECT project_id FROM new_rows);
      ELSIF TG_OP = 'DELETE' THEN
        UPDATE projects p SET milestone_list = dz_milestone_list(p.id)
        WHERE p.id IN (SELECT project_id FROM old_rows);
      ELSE
        UPDATE projects p SET milestone_list = dz_milestone_list(p.id)
        WHERE p.id IN (SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER milestones_list_insert AFTER INSERT ON milestones REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dz_milestone_list_refresh()`.execute(db);
  await sql`CREATE TRIGGER milestones_list_update AFTER UPDATE ON milestones
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dz_milestone_list_refresh()`.execute(db);
  await sql`CREATE TRIGGER milestones_list_delete AFTER DELETE ON milestones REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dz_milestone_list_refresh()`.execute(db);
  // TRUNCATE milestones (tests, restores) empties every list
  await sql`
    CREATE FUNCTION dz_milestone_list_clear() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE projects SET milestone_list = NULL WHERE milestone_list IS NOT NULL;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER milestones_list_truncate AFTER TRUNCATE ON milestones
    FOR EACH STATEMENT EXECUTE FUNCTION dz_milestone_list_clear()`.execute(db);
  await sql`UPDATE projects p SET milestone_list = dz_milestone_list(p.id)
    WHERE EXISTS (SELECT 1 FROM milestones m WHERE m.project_id = p.id)`.execute(db);
  // the exchange labels up to 30 Kreis facet values with min(kreis) per kreis_key: one index-only probe each
  // instead of fetching every municipality of the Kreis
  await sql`CREATE INDEX municipalities_kreis_name_idx ON municipalities (kreis_key, kreis)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX municipalities_kreis_name_idx`.execute(db);
  await sql`DROP TRIGGER milestones_list_insert ON milestones`.execute(db);
  await sql`DROP TRIGGER milestones_list_update ON milestones`.execute(db);
  await sql`DROP TRIGGER milestones_list_delete ON milestones`.execute(db);
  await sql`DROP TRIGGER milestones_list_truncate ON milestones`.execute(db);
  await sql`DROP FUNCTION dz_milestone_list_refresh()`.execute(db);
  await sql`DROP FUNCTION dz_milestone_list_clear()`.execute(db);
  await sql`DROP FUNCTION dz_milestone_list(uuid)`.execute(db);
  await sql`ALTER TABLE projects DROP COLUMN milestone_list`.execute(db);
}
