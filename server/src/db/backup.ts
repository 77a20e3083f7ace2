import fs from 'node:fs';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate.js';

/**
 * Logical backup: every table of the current schema as JSON lines (gzip), rows exported with
 * `to_jsonb` and restored with `json_populate_record`, so types round-trip exactly and a backup of
 * the embedded database restores into a PostgreSQL server and vice versa.
 */
const FORMAT = 'digitalzirkel-backup/1';
const SKIP = new Set(['kysely_migration', 'kysely_migration_lock', 'import_rows', 'import_bodies']);
/**
 * Tables a migration fills with defaults (0042: the default key figures; 0043: the starter guides with their versions
 * and files): the backup's rows replace them.
 */
const SEEDED = new Set(['key_figures', 'guides', 'guide_versions', 'guide_files']);

/** Tables in foreign-key order (referenced tables first). */
export async function tablesInDependencyOrder(db: Database): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((t) => !SKIP.has(t));
  const edges = (
    await sql<{ child: string; parent: string }>`
      SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()
      ORDER BY c.relname, p.relname, k.conname`.execute(db)
  ).rows; // ordered: with a cycle (users ↔ municipalities) the catalog order would decide, and differ after restore
  const order: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (order.includes(t) || path.has(t)) return;
    path.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t && tables.includes(e.parent)) visit(e.parent, path);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

async function appliedMigrations(db: Database): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Writes all data to a gzip JSON-lines file; returns the number of rows per table. */
export async function backupTo(db: Database, file: string): Promise<Record<string, number>> {
  const tables = await tablesInDependencyOrder(db);
  const counts: Record<string, number> = {};
  const migrations = await appliedMigrations(db);
  async function* lines() {
    yield `${JSON.stringify({ format: FORMAT, migrations, tables })}\n`;
    for (const t of tables) {
      // as text: the CamelCasePlugin would otherwise rename the keys of nested objects
      const rows = await sql<{
        row: string;
      }>`SELECT to_jsonb(x)::text AS row FROM ${sql.table(t)} x ORDER BY to_jsonb(x)::text`.execute(db);
      counts[t] = rows.rows.length;
      for (const r of rows.rows) yield `{"t":${JSON.stringify(t)},"r":${r.row}}\n`;
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(file));
  return counts;
}

/**
 * Restores a backup into an empty database (migrated first); refuses a database that holds users, so
 * nothing is overwritten by accident. Runs in one transaction: all or nothing.
 */
export async function restoreFrom(db: Database, file: string): Promise<Record<string, number>> {
  await migrateToLatest(db);
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const anyMunicipality = await db.selectFrom('municipalities').select('id').limit(1).executeTakeFirst();
  if (anyUser || anyMunicipality)
    throw new Error('Die Zieldatenbank ist nicht leer. Stellen Sie nur in eine leere Datenbank wieder her.');
  const rl = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const counts: Record<string, number> = {};
  let header: { format: string; migrations: string[] } | null = null;
  const batches = new Map<string, unknown[]>();
  const order: string[] = [];
  for await (const line of rl) {
    if (!line) continue;
    const obj = JSON.parse(line);
    if (!header) {
      header = obj;
      if (header?.format !== FORMAT) throw new Error('Keine Digitalzirkel-Sicherung (unbekanntes Format).');
      continue;
    }
    if (!batches.has(obj.t)) {
      batches.set(obj.t, []);
      order.push(obj.t);
    }
    batches.get(obj.t)!.push(obj.r);
  }
  if (!header) throw new Error('Die Sicherungsdatei ist leer.');
  const known = new Set(await tablesInDependencyOrder(db));
  for (const t of order) if (!known.has(t)) throw new Error(`Unbekannte Tabelle in der Sicherung: ${t}`);
  await db.transaction().execute(async (trx) => {
    for (const t of order) if (SEEDED.has(t)) await sql`DELETE FROM ${sql.table(t)}`.execute(trx);
    for (const t of order) {
      const rows = batches.get(t)!;
      // generated columns (e.g. full-text vectors) are computed again, never inserted
      const cols = (
        await sql<{ name: string }>`
          SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = ${t} AND is_generated = 'NEVER'
          ORDER BY ordinal_position`.execute(trx)
      ).rows.map((c) => sql.ref(c.name));
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = JSON.stringify(rows.slice(i, i + 1000));
        await sql`INSERT INTO ${sql.table(t)} (${sql.join(cols)}) SELECT ${sql.join(cols)} FROM json_populate_recordset(NULL::${sql.table(t)}, ${chunk}::json)`.execute(
          trx,
        );
      }
      counts[t] = rows.length;
    }
    // derived counts of the survey results (ADR 0008): rebuilt from the answers, also for backups made before them
    await sql`SELECT survey_tallies_rebuild(id) FROM surveys`.execute(trx);
  });
  return counts;
}
