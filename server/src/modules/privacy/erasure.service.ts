import { AppError, type ErasureInput, type ErasureResult, FORMER_STAFF_NAME, fieldError } from '@dz/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newSecret } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { hashPassword } from '../auth/auth.service.js';
import { assertOwnColleague, erasureBlocker } from './export.service.js';
import { BY_EMAIL, PERSONAL_AUDIT_KEYS, PERSONAL_DATA } from './personal-data.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What an erased email address is replaced with: unique, and on a domain that can never receive mail. */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;
const EMAIL_REPLACEMENT = '[E-Mail-Adresse entfernt]';

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
async function ownRowsFilter(db: Db, municipalityId: string) {
  const [munCols, fks, codes] = await Promise.all([municipalityColumns(db), foreignKeys(db), codeColumns(db)]);
  const filters = new Map<string, ReturnType<typeof sql>>();
  const own = (table: string, alias: ReturnType<typeof sql.ref> | null) =>
    sql.join(
      (munCols.get(table) ?? []).map((c) => sql`${alias ? sql`${alias}.` : sql``}${sql.ref(c)} = ${municipalityId}`),
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
async function sweep(
  db: Db,
  municipalityId: string | null,
  needle: string,
  replacement: string,
  wholeWord: boolean,
): Promise<number> {
  const { filters, codes } = await ownRowsFilter(db, municipalityId ?? '00000000-0000-0000-0000-000000000000');
  let changed = 0;
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
    changed += Number(r.numAffectedRows ?? 0);
  }
  return changed;
}

/**
 * A name is swept from free text only when it names a person unmistakably: two words or more, each of two letters
 * or more. A one-word display name ("Kämmerei", "staff") would match ordinary words; it stays in others' texts
 * (the person's own content is shown under the pseudonym in any case).
 */
export const sweepableName = (name: string) => /^[\p{L}][\p{L}.'-]+(\s+[\p{L}][\p{L}.'-]+)+$/u.test(name.trim());

/**
 * Erases a leaving colleague's account (Art. 17 GDPR), by the administration of the municipality they worked for,
 * in one transaction:
 * - data only about the person goes (sessions, one-time links, roles, team seats, own self-assessment …; the
 *   `delete` columns of personal-data.ts, and everything found by their email address);
 * - content they wrote stays, under the account row, which becomes a tombstone: name „ehemalige/r Mitarbeiter/in“,
 *   an email on `.invalid`, an unusable random password — so sign-in is impossible and every page that shows an
 *   author shows the pseudonym;
 * - audit entries keep all ids; their personal fields are redacted through the trigger's one narrow path
 *   (migration 0045): only `changes` may change, the entry is stamped `redacted_at`, nothing is deleted;
 * - finally the name and the email are swept from every text and JSON column, so no personal field is left.
 */
export async function eraseUser(
  deps: Deps,
  scope: TenantScope,
  userId: string,
  input: ErasureInput,
): Promise<ErasureResult> {
  authorize(scope, 'privacy', 'manage');
  return deps.db.transaction().execute(async (trx) => {
    // both accounts locked in one order: two administrators erasing each other at the same moment take turns,
    // and the second finds that their own account is gone (found by an outside attack: both succeeded)
    await trx
      .selectFrom('users')
      .select('id')
      .where('id', 'in', [scope.user.id, userId])
      .orderBy('id')
      .forUpdate()
      .execute();
    const actor = await trx
      .selectFrom('users as u')
      .innerJoin('memberships as m', 'm.userId', 'u.id')
      .select('u.id')
      .where('u.id', '=', scope.user.id)
      .where('u.erasedAt', 'is', null)
      .where('m.municipalityId', '=', scope.municipalityId)
      .where('m.role', '=', 'admin')
      .executeTakeFirst();
    if (!actor) throw new AppError('forbidden', 'Ihr Konto darf in dieser Kommune keine Konten mehr löschen.');
    await assertOwnColleague(trx, scope, userId);
    const blocker = await erasureBlocker(trx, scope, userId);
    if (blocker) throw new AppError('conflict', blocker);
    const user = await trx
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (input.confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
      throw fieldError(
        'body.confirmEmail',
        'mismatch',
        'Die E-Mail-Adresse stimmt nicht mit der Person überein. Bitte prüfen Sie die Eingabe.',
      );
    }
    let deletedRows = 0;
    let pseudonymisedRows = 0;
    for (const [table, def] of Object.entries(PERSONAL_DATA)) {
      for (const [column, onErase] of Object.entries(def.columns)) {
        if (onErase !== 'delete') continue;
        const r = await sql`DELETE FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${userId}`.execute(trx);
        deletedRows += Number(r.numAffectedRows ?? 0);
      }
    }
    for (const [table, def] of Object.entries(BY_EMAIL)) {
      const r =
        await sql`DELETE FROM ${sql.table(table)} WHERE lower(${sql.ref(def.column)}) = lower(${user.email})`.execute(
          trx,
        );
      deletedRows += Number(r.numAffectedRows ?? 0);
    }
    for (const [table, def] of Object.entries(PERSONAL_DATA)) {
      const cols = Object.entries(def.columns).filter(([, e]) => e === 'pseudonymise');
      if (!cols.length || table === 'audit_log') continue;
      const where = sql.join(
        cols.map(([c]) => sql`${sql.ref(c)} = ${userId}`),
        sql` OR `,
      );
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${where}`.execute(
        trx,
      );
      pseudonymisedRows += r.rows[0]?.n ?? 0;
    }
    // the audit trail: ids stay, personal fields go (the trigger lets exactly this through, in this transaction)
    await sql`SELECT set_config('dz.audit_redaction', 'on', true)`.execute(trx);
    const redacted = await redactAudit(trx, userId);
    await trx
      .updateTable('users')
      .set({
        name: FORMER_STAFF_NAME,
        email: erasedEmail(userId),
        passwordHash: await hashPassword(newSecret()),
        locale: 'de',
        isPlatformAdmin: false,
        lastMunicipalityId: null,
        failedLogins: 0,
        lockedUntil: null,
        erasedAt: new Date(),
        updatedAt: new Date(),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', userId)
      .execute();
    // whatever still names the person (mentions, mail bodies, drafts, audit before/after) is pseudonymised too
    if (sweepableName(user.name)) await sweep(trx, scope.municipalityId, user.name.trim(), FORMER_STAFF_NAME, true);
    // an address is unmistakable: it goes wherever it stands (also in what went to other municipalities)
    await sweep(trx, null, user.email, EMAIL_REPLACEMENT, false);
    await sql`SELECT set_config('dz.audit_redaction', 'off', true)`.execute(trx);
    const result = { userId, deletedRows, pseudonymisedRows, redactedAuditEntries: redacted };
    await writeAudit(trx, scope, { action: 'privacy.erase', entity: 'user', entityId: userId, after: { ...result } });
    return result;
  });
}

/**
 * The personal fields (name, email, …) of the audit entries about the person's account become null; every other
 * field, every id and every entry stays (entries of the person's own actions keep their content: it is the
 * municipality's record, and the sweep removes the name and email from it). Returns the number of entries changed.
 */
async function redactAudit(trx: Db, userId: string): Promise<number> {
  const keys = [...PERSONAL_AUDIT_KEYS];
  const rows = await trx.selectFrom('auditLog').select(['id', 'changes']).where('entityId', '=', userId).execute();
  let n = 0;
  for (const row of rows) {
    const changes = { ...(row.changes as Record<string, { before: unknown; after: unknown }>) };
    let touched = false;
    for (const k of keys) {
      if (k in changes) {
        changes[k] = { before: null, after: null };
        touched = true;
      }
    }
    if (!touched) continue;
    await trx
      .updateTable('auditLog')
      .set({ changes: JSON.stringify(changes) })
      .where('id', '=', row.id)
      .execute();
    n++;
  }
  return n;
}
