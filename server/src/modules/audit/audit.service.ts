import { AppError, allows } from '@dz/core';
import { authorize, presentCan } from '../../lib/authorize.js';
import { germanCsv } from '../../lib/csv.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { type AuditFilter, auditRepository as repo } from './audit.repository.js';

function assertView(scope: TenantScope) {
  if (!allows(scope, 'view_audit')) throw new AppError('forbidden');
}

export async function auditPage(deps: Deps, scope: TenantScope, f: AuditFilter & { page: number; pageSize: number }) {
  assertView(scope);
  const { rows, total } = await repo.page(deps.db, scope, f, f.page, f.pageSize);
  return {
    items: rows.map((r) => ({ ...r, at: iso(r.at), changes: r.changes ?? {} })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** CSV export for German spreadsheet programs (the one writer, `germanCsv`). */
export async function auditCsv(deps: Deps, scope: TenantScope, f: AuditFilter): Promise<string> {
  assertView(scope);
  const rows = await repo.all(deps.db, scope, f);
  return germanCsv([
    ['Zeitpunkt', 'Person', 'Personen-ID', 'Aktion', 'Objekt', 'Betrifft', 'Objekt-ID', 'Änderungen'],
    ...rows.map((r) => [
      iso(r.at),
      r.actorName ?? '',
      r.actorId ?? '',
      r.action,
      r.entity,
      r.subjectName ?? '',
      r.entityId ?? '',
      JSON.stringify(r.changes ?? {}),
    ]),
  ]);
}

/** Mails to or about the municipality that failed after every retry (newest first). */
export async function mailFailures(deps: Deps, scope: TenantScope) {
  assertView(scope);
  const rows = await deps.db
    .selectFrom('mailOutbox')
    .select(['id', 'recipient', 'subject', 'attempts', 'lastError', 'createdAt'])
    .where('municipalityId', '=', scope.municipalityId)
    .where('status', '=', 'failed')
    .orderBy('createdAt', 'desc')
    .limit(100)
    .execute();
  return { items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) })), can: presentCan(scope, 'mailFailures') };
}

/** Puts a failed mail back into the outbox for another round of attempts. */
export async function retryMail(deps: Deps, scope: TenantScope, id: string) {
  authorize(scope, 'mailFailures', 'retry');
  const res = await deps.db
    .updateTable('mailOutbox')
    .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null })
    .where('id', '=', id)
    .where('municipalityId', '=', scope.municipalityId)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new AppError('not_found');
  deps.outbox.requeued();
  return mailFailures(deps, scope);
}
