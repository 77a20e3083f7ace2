import { type Kysely, sql } from 'kysely';

/**
 * Invalidation of the in-process scope cache (plugins/scope-cache.ts, ADR 0006): every change to a row the
 * session scope is read from sends `pg_notify('dz_scope', '<kind>:<id>:<schema>')`, delivered on commit to every
 * app instance on this database. Triggers instead of calls in the services, so no code path (a service, the
 * CLI, a manual UPDATE in psql) can forget it. The schema lets instances on other schemas of the same server
 * (the PostgreSQL test pass) ignore it.
 *
 * Kinds: `session:<session id>`, `user:<user id>`, `municipality:<municipality id>` (network memberships of the
 * active municipality), `all` (TRUNCATE). Updates that cannot change a cached scope (the sliding expiry
 * extending a session, failed sign-in counters) do not notify.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION dz_scope_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      old_key text;
      new_key text;
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('dz_scope', 'all::' || TG_TABLE_SCHEMA);
        RETURN NULL;
      END IF;
      IF TG_OP <> 'INSERT' THEN
        old_key := to_jsonb(OLD) ->> TG_ARGV[1];
        PERFORM pg_notify('dz_scope', TG_ARGV[0] || ':' || old_key || ':' || TG_TABLE_SCHEMA);
      END IF;
      IF TG_OP <> 'DELETE' THEN
        new_key := to_jsonb(NEW) ->> TG_ARGV[1];
        IF new_key IS DISTINCT FROM old_key THEN
          PERFORM pg_notify('dz_scope', TG_ARGV[0] || ':' || new_key || ':' || TG_TABLE_SCHEMA);
        END IF;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER sessions_scope_update AFTER UPDATE ON sessions FOR EACH ROW
    WHEN (OLD.token_hash IS DISTINCT FROM NEW.token_hash OR OLD.user_id IS DISTINCT FROM NEW.user_id
      OR OLD.active_municipality_id IS DISTINCT FROM NEW.active_municipality_id
      OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token OR NEW.expires_at < OLD.expires_at)
    EXECUTE FUNCTION dz_scope_notify('session', 'id')`.execute(db);
  await sql`CREATE TRIGGER sessions_scope_delete AFTER DELETE ON sessions FOR EACH ROW
    EXECUTE FUNCTION dz_scope_notify('session', 'id')`.execute(db);
  await sql`
    CREATE TRIGGER users_scope_update AFTER UPDATE ON users FOR EACH ROW
    WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.name IS DISTINCT FROM NEW.name
      OR OLD.locale IS DISTINCT FROM NEW.locale OR OLD.is_platform_admin IS DISTINCT FROM NEW.is_platform_admin
      OR OLD.password_hash IS DISTINCT FROM NEW.password_hash OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION dz_scope_notify('user', 'id')`.execute(db);
  await sql`CREATE TRIGGER users_scope_delete AFTER DELETE ON users FOR EACH ROW
    EXECUTE FUNCTION dz_scope_notify('user', 'id')`.execute(db);
  await sql`CREATE TRIGGER memberships_scope AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW
    EXECUTE FUNCTION dz_scope_notify('user', 'user_id')`.execute(db);
  await sql`CREATE TRIGGER network_members_scope AFTER INSERT OR UPDATE OR DELETE ON network_members FOR EACH ROW
    EXECUTE FUNCTION dz_scope_notify('municipality', 'municipality_id')`.execute(db);
  await sql`CREATE TRIGGER network_moderators_scope AFTER INSERT OR UPDATE OR DELETE ON network_moderators
    FOR EACH ROW EXECUTE FUNCTION dz_scope_notify('user', 'user_id')`.execute(db);
  for (const table of TABLES) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_scope_truncate`)} AFTER TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION dz_scope_notify()`.execute(db);
  }
}

const TABLES = ['sessions', 'users', 'memberships', 'network_members', 'network_moderators'];

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION dz_scope_notify() CASCADE`.execute(db);
}
