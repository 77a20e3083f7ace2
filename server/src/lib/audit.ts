import type { AuditChanges } from '@dz/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from './ids.js';
import type { Scope } from './scope.js';

/** Who acts: the audit trail needs only the user's id (a person being set up has no full scope yet). */
type Actor = { user: Pick<Scope['user'], 'id'>; municipalityId: Scope['municipalityId'] };

/** Before/after of the fields that changed (only those are stored). */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditChanges {
  const out: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (k === 'version' || k === 'updatedAt' || k === 'passwordHash' || k === 'tokenHash') continue;
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b, after: a };
  }
  return out;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  municipalityId?: string | null;
  networkId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Appends one audit row inside the caller's transaction (the table rejects UPDATE and DELETE). */
export async function writeAudit(trx: Transaction<DB> | Kysely<DB>, scope: Actor | null, e: AuditEntry): Promise<void> {
  await trx
    .insertInto('auditLog')
    .values({
      id: newId(),
      actorId: scope?.user.id ?? null,
      municipalityId: e.municipalityId === undefined ? (scope?.municipalityId ?? null) : e.municipalityId,
      networkId: e.networkId ?? null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? null,
      changes: JSON.stringify(changedFields(e.before ?? null, e.after ?? null)),
    })
    .execute();
}
