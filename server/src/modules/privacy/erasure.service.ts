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
import { sweep, sweepableName } from './free-text.js';
import { BY_EMAIL, PERSONAL_AUDIT_KEYS, PERSONAL_DATA } from './personal-data.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What an erased email address is replaced with: unique, and on a domain that can never receive mail. */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;
const EMAIL_REPLACEMENT = '[E-Mail-Adresse entfernt]';

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
    // (what the sweeps change counts too: a colleague's comment naming the person is pseudonymised content, an
    // audit entry whose before/after named them is redacted)
    const swept = [
      sweepableName(user.name)
        ? await sweep(trx, scope.municipalityId, user.name.trim(), FORMER_STAFF_NAME, true)
        : { rows: 0, auditRows: 0 },
      // an address is unmistakable: it goes wherever it stands (also in what went to other municipalities)
      await sweep(trx, null, user.email, EMAIL_REPLACEMENT, false),
    ];
    pseudonymisedRows += swept.reduce((n, x) => n + x.rows, 0);
    const redactedAuditEntries = redacted + swept.reduce((n, x) => n + x.auditRows, 0);
    await sql`SELECT set_config('dz.audit_redaction', 'off', true)`.execute(trx);
    const result = { userId, deletedRows, pseudonymisedRows, redactedAuditEntries };
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
