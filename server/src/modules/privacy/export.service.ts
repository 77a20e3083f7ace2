import { AppError } from '@dz/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import type { Deps } from '../../lib/deps.js';
import type { Scope } from '../../lib/scope.js';
import { mentionsOf } from './free-text.js';
import { type ActivityKey, BY_EMAIL, type OnErase, PERSONAL_DATA, SECRET_COLUMNS } from './personal-data.js';

export type Db = Kysely<DB> | Transaction<DB>;
export type Row = Record<string, unknown>;

export interface PersonalDataTable {
  table: string;
  purpose: string;
  /** The processing activity of the records of processing (Art. 30) the rows belong to. */
  activity: ActivityKey;
  /** What erasure does with these rows (delete wins when a row is reached through a deleting column). */
  onErase: OnErase;
  rows: Row[];
}

/** Everything the platform holds about or by one person (Art. 15 and 20 GDPR). */
export interface PersonalData {
  format: 'digitalzirkel-personal-data/1';
  generatedAt: string;
  person: {
    id: string;
    name: string;
    email: string;
    locale: string;
    isPlatformAdmin: boolean;
    createdAt: string;
    updatedAt: string;
  };
  memberships: { municipality: string; role: string }[];
  tables: PersonalDataTable[];
}

/**
 * One-time links in a text (password reset, invitation, setup: `…?token=<secret>`) with the secret taken out. A
 * mail in the outbox still holds a link that works; an export — also the person's own, which may be forwarded —
 * must never hand it on (whoever read it could take over the account).
 */
export function withoutOneTimeTokens(text: string): string {
  return text.replace(/([?&]token=)[^\s&"'<>]+/g, '$1[entfernt]');
}

/** A row as JSON: dates as ISO text, file contents as their size only, secrets and one-time links left out. */
function clean(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (SECRET_COLUMNS.has(k)) continue;
    if (v instanceof Date) out[k] = v.toISOString();
    else if (v instanceof Uint8Array) out[k] = { fileBytes: v.byteLength };
    else if (typeof v === 'string') out[k] = withoutOneTimeTokens(v);
    else out[k] = v;
  }
  return out;
}

/** The rows of one registered table that name the person (by any of its user columns). */
async function rowsOf(db: Db, table: string, columns: string[], userId: string): Promise<Row[]> {
  const where = sql.join(
    columns.map((c) => sql`${sql.ref(c)} = ${userId}`),
    sql` OR `,
  );
  // the audit trail also holds entries about the person's account (entity id), not only their own actions
  const about = table === 'audit_log' ? sql` OR (entity_id = ${userId})` : sql``;
  const r = await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE ${where}${about}`.execute(db);
  return r.rows.map(clean);
}

/** Collects the person's data from every table of the registry (personal-data.ts). */
export async function collectPersonalData(db: Db, userId: string): Promise<PersonalData> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user || user.erasedAt) throw new AppError('not_found', 'Diese Person gibt es nicht (mehr).');
  const memberships = await db
    .selectFrom('memberships as ms')
    .innerJoin('municipalities as m', 'm.id', 'ms.municipalityId')
    .select(['m.name as municipality', 'ms.role'])
    .where('ms.userId', '=', userId)
    .orderBy('m.name')
    .execute();
  const tables: PersonalDataTable[] = [];
  for (const [table, def] of Object.entries(PERSONAL_DATA)) {
    const rows = await rowsOf(db, table, Object.keys(def.columns), userId);
    const onErase = Object.values(def.columns).includes('delete') ? 'delete' : 'pseudonymise';
    tables.push({ table, purpose: def.purpose, activity: def.activity, onErase, rows });
  }
  for (const [table, def] of Object.entries(BY_EMAIL)) {
    const r =
      await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE lower(${sql.ref(def.column)}) = lower(${user.email})`.execute(
        db,
      );
    tables.push({
      table: `${table} (E-Mail)`,
      purpose: def.purpose,
      activity: def.activity,
      onErase: 'delete',
      rows: r.rows.map(clean),
    });
  }
  // others' texts that name the person in their municipalities (what the erasure pseudonymises)
  const places = await db.selectFrom('memberships').select('municipalityId').where('userId', '=', userId).execute();
  tables.push({
    table: 'mentions',
    purpose: 'Erwähnungen des Namens in Texten anderer (Kommentare, E-Mails, Entwürfe)',
    activity: 'accounts',
    onErase: 'pseudonymise',
    rows: (
      await mentionsOf(
        db,
        places.map((p) => p.municipalityId),
        user.name,
      )
    ).map(clean),
  });
  const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
  return {
    format: 'digitalzirkel-personal-data/1',
    generatedAt: new Date().toISOString(),
    person: {
      id: user.id,
      name: user.name,
      email: user.email,
      locale: user.locale,
      isPlatformAdmin: user.isPlatformAdmin,
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    memberships,
    tables,
  };
}

/**
 * Who a municipality's administration may answer a request about: a member of its own municipality only (another
 * municipality's colleague is 404, as everywhere). Erasure needs more (`erasureBlocker`).
 */
export async function assertOwnColleague(db: Db, scope: Scope & { municipalityId: string }, userId: string) {
  const m = await db
    .selectFrom('memberships')
    .select('userId')
    .where('userId', '=', userId)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!m) throw new AppError('not_found', 'Diese Person gehört nicht zu Ihrer Kommune.');
}

/**
 * Why this municipality's administration may not answer for the person — neither export nor erase (null: it may).
 * The account is the person's, not the municipality's: when they also work for another municipality, moderate a
 * network or run the platform, their data reaches beyond this municipality (an export would hand another
 * municipality's or network's data to this one). They download their data themselves (profile), and only their
 * membership here can be removed (Mitglieder).
 */
export async function colleagueBlocker(db: Db, scope: Scope & { municipalityId: string }, userId: string) {
  const user = await db.selectFrom('users').select(['isPlatformAdmin']).where('id', '=', userId).executeTakeFirst();
  if (user?.isPlatformAdmin)
    return 'Die Person gehört zur Plattform-Administration. Ihre Daten lädt sie selbst in ihrem Profil herunter; das Konto löscht nur die Plattform-Administration.';
  const elsewhere = await db
    .selectFrom('memberships')
    .select('municipalityId')
    .where('userId', '=', userId)
    .where('municipalityId', '<>', scope.municipalityId)
    .executeTakeFirst();
  if (elsewhere)
    return 'Die Person arbeitet auch für eine andere Kommune. Ihre Daten lädt sie selbst in ihrem Profil herunter; entfernen Sie sie unter „Mitglieder“ aus Ihrer Kommune, das Konto bleibt dort bestehen.';
  const moderates = await db
    .selectFrom('networkModerators')
    .select('networkId')
    .where('userId', '=', userId)
    .executeTakeFirst();
  if (moderates)
    return 'Die Person moderiert einen Verbund. Ihre Daten lädt sie selbst in ihrem Profil herunter; zuerst muss der Verbund eine andere Moderation bestimmen.';
  return null;
}

/** Why this municipality may not erase the account (null: it may): oneself, or `colleagueBlocker`. */
export async function erasureBlocker(db: Db, scope: Scope & { municipalityId: string }, userId: string) {
  if (userId === scope.user.id) return 'Sie können Ihr eigenes Konto nicht selbst löschen.';
  return colleagueBlocker(db, scope, userId);
}

/** An export is itself a processing step worth recording (who gave whose data out); no personal fields. */
export async function auditExport(db: Database, scope: Scope, userId: string, format: 'json' | 'pdf') {
  await writeAudit(db, scope, {
    action: scope.user.id === userId ? 'privacy.export_own' : 'privacy.export',
    entity: 'user',
    entityId: userId,
    after: { format },
  });
}

/** The summary a request page shows: rows per table (only tables with rows). */
export function summarise(data: PersonalData) {
  return data.tables
    .filter((t) => t.rows.length > 0)
    .map((t) => ({ table: t.table, purpose: t.purpose, rows: t.rows.length, onErase: t.onErase }));
}

export type { Deps };
