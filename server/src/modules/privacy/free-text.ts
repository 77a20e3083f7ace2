import { sql } from 'kysely';
import type { Db } from './export.service.js';
import { PERSONAL_DATA } from './personal-data.js';

/*
 * Free text that may name a person: found for the access request (Art. 15, `mentionsOf`) and replaced by the
 * erasure (Art. 17, `sweep`) — the same places for both. Only rows of the person's municipalities, never master
 * data, another municipality's rows or a column of codes.
 */

/** A literal for a PostgreSQL regular expression (ARE). */
const reEscape = (s: string) => s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/** Every text and JSON column of the application's tables (the current schema), as the sweep and its test see them. */
export async function textColumns(db: Db) {
  const r = await sql<{ tableName: string; columnName: string; dataType: string }>`
    SELECT c.table_name, c.column_name, c.data_type
    FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema()
      AND c.data_type IN ('text', 'character varying', 'jsonb', 'json')
      AND c.is_generated = 'NEVER'
      AND c.table_name NOT LIKE 'kysely_%'
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  return r.rows;
}

/** Columns that name a municipality (`municipality_id`, `from_municipality_id`, …), per table. */
async function municipalityColumns(db: Db) {
  const r = await sql<{ tableName: string; columnName: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type = 'uuid'
      AND (column_name = 'municipality_id' OR column_name LIKE '%\_municipality\_id' ESCAPE '\')`.execute(db);
  const out = new Map<string, string[]>();
  for (const c of r.rows) out.set(c.tableName, [...(out.get(c.tableName) ?? []), c.columnName]);
  return out;
}

/** Single-column foreign keys: child table and column → parent table and column. */
async function foreignKeys(db: Db) {
  const r = await sql<{ child: string; childColumn: string; parent: string; parentColumn: string }>`
    SELECT k.table_name AS child, k.column_name AS child_column, u.table_name AS parent, u.column_name AS parent_column
    FROM information_schema.table_constraints t
    JOIN information_schema.key_column_usage k
      ON k.constraint_name = t.constraint_name AND k.constraint_schema = t.constraint_schema
    JOIN information_schema.constraint_column_usage u
      ON u.constraint_name = t.constraint_name AND u.constraint_schema = t.constraint_schema
    WHERE t.constraint_type = 'FOREIGN KEY' AND t.constraint_schema = current_schema()
    ORDER BY k.table_name, k.column_name`.execute(db);
  return r.rows;
}

/** Columns restricted to a list of values by a CHECK (`col = ANY (ARRAY[…])`): codes, never prose. */
async function codeColumns(db: Db) {
  const r = await sql<{ tableName: string; def: string }>`
    SELECT cl.relname AS table_name, pg_get_constraintdef(co.oid) AS def
    FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
    JOIN pg_namespace ns ON ns.oid = cl.relnamespace
    WHERE co.contype = 'c' AND ns.nspname = current_schema()`.execute(db);
  const out = new Set<string>();
  for (const c of r.rows) {
    for (const m of c.def.matchAll(/\(?\(?"?([a-z_][a-z0-9_]*)"?\)? = ANY \(/g)) out.add(`${c.tableName}.${m[1]}`);
    for (const m of c.def.matchAll(/"?([a-z_][a-z0-9_]*)"? IN \(/g)) out.add(`${c.tableName}.${m[1]}`);
  }
  return out;
}

/**
 * Where the person's name may still stand in free text: the rows of the erasing municipality (a table's own
 * municipality column, or the parent row's for a child table such as a comment), never master data or another
 * municipality's rows, and never a column of codes (roles, states, kinds). The person worked only here (see
 * `erasureBlocker`), so this is where colleagues wrote about them.
 */
async function ownRowsFilter(db: Db, municipalityIds: readonly string[]) {
  const [munCols, fks, codes] = await Promise.all([municipalityColumns(db), foreignKeys(db), codeColumns(db)]);
  const filters = new Map<string, ReturnType<typeof sql>>();
  const own = (table: string, alias: ReturnType<typeof sql.ref> | null) =>
    sql.join(
      (munCols.get(table) ?? []).map(
        (c) => sql`${alias ? sql`${alias}.` : sql``}${sql.ref(c)} IN (${sql.join(municipalityIds)})`,
      ),
      sql` OR `,
    );
  for (const table of new Set([...munCols.keys(), ...fks.map((f) => f.child)])) {
    if (table === 'users' || table === 'municipalities') continue;
    if (munCols.has(table)) {
      filters.set(table, sql`(${own(table, null)})`);
      continue;
    }
    const up = fks.filter((f) => f.child === table && munCols.has(f.parent) && f.parent !== 'municipalities');
    if (up.length)
      filters.set(
        table,
        sql`(${sql.join(
          up.map(
            (f) =>
              sql`${sql.ref(f.childColumn)} IN (SELECT p.${sql.ref(f.parentColumn)} FROM ${sql.table(f.parent)} p WHERE ${own(f.parent, sql.ref('p'))})`,
          ),
          sql` OR `,
        )})`,
      );
  }
  return { filters, codes };
}

/**
 * Replaces `needle` in free text: the erasing municipality's rows (or, with `municipalityId` null, every row) (a colleague who mentioned the person in
 * a comment, a mail body, a news draft, an audit entry's before/after). Names match as whole words,
 * case-insensitively; JSON is matched in its text form (with JSON escaping) and stays valid JSON. Found by an
 * outside attack: a sweep over every column of every table let a chosen name ("staff", "Ebersberg") rewrite
 * roles and other municipalities' names — so rows outside the municipality and code columns stay untouched.
 */
export async function sweep(
  db: Db,
  municipalityId: string | null,
  needle: string,
  replacement: string,
  wholeWord: boolean,
): Promise<{ rows: number; auditRows: number }> {
  // (with no municipality every row counts: the filters are built but never used)
  const { filters, codes } = await ownRowsFilter(db, municipalityId ? [municipalityId] : []);
  let changed = 0;
  let audit = 0;
  for (const c of await textColumns(db)) {
    // accounts are set by id above: another colleague of the same name keeps theirs
    if (c.tableName === 'users' || codes.has(`${c.tableName}.${c.columnName}`)) continue;
    const scoped = municipalityId === null ? sql`true` : filters.get(c.tableName);
    if (!scoped) continue;
    const json = c.dataType === 'jsonb' || c.dataType === 'json';
    const literal = json ? JSON.stringify(needle).slice(1, -1) : needle;
    const pattern = wholeWord ? `\\m${reEscape(literal)}\\M` : reEscape(literal);
    const col = sql.ref(c.columnName);
    const r = json
      ? await sql`UPDATE ${sql.table(c.tableName)} SET ${col} = regexp_replace(${col}::text, ${pattern}, ${replacement}, 'gi')::${sql.raw(c.dataType)}
          WHERE ${col}::text ~* ${pattern} AND ${scoped}`.execute(db)
      : await sql`UPDATE ${sql.table(c.tableName)} SET ${col} = regexp_replace(${col}, ${pattern}, ${replacement}, 'gi')
          WHERE ${col} ~* ${pattern} AND ${scoped}`.execute(db);
    const n = Number(r.numAffectedRows ?? 0);
    if (c.tableName === 'audit_log') audit += n;
    else changed += n;
  }
  return { rows: changed, auditRows: audit };
}

/**
 * Where others wrote the person's name in their municipalities' free text (comments, mails, drafts): what the
 * erasure would pseudonymise, for the access request (Art. 15). Text columns only (JSON holds records, not
 * prose), each text cut to 500 characters.
 */
export async function mentionsOf(db: Db, municipalityIds: readonly string[], name: string) {
  if (!municipalityIds.length || !sweepableName(name)) return [];
  const { filters, codes } = await ownRowsFilter(db, municipalityIds);
  const pattern = `\\m${reEscape(name.trim())}\\M`;
  const out: { fundstelle: string; text: string }[] = [];
  for (const c of await textColumns(db)) {
    const scoped = filters.get(c.tableName);
    if (c.tableName === 'users' || c.dataType.startsWith('json') || !scoped) continue;
    if (codes.has(`${c.tableName}.${c.columnName}`)) continue;
    const col = sql.ref(c.columnName);
    const r = await sql<{ text: string }>`SELECT left(${col}, 500) AS text FROM ${sql.table(c.tableName)}
      WHERE ${col} ~* ${pattern} AND ${scoped} LIMIT 200`.execute(db);
    const where = PERSONAL_DATA[c.tableName]?.purpose ?? c.tableName;
    for (const row of r.rows) out.push({ fundstelle: where, text: row.text });
  }
  return out;
}

/**
 * A name is swept from free text only when it names a person unmistakably: two words or more, each of two letters
 * or more. A one-word display name ("Kämmerei", "staff") would match ordinary words; it stays in others' texts
 * (the person's own content is shown under the pseudonym in any case).
 */
export const sweepableName = (name: string) => /^[\p{L}][\p{L}.'-]+(\s+[\p{L}][\p{L}.'-]+)+$/u.test(name.trim());
