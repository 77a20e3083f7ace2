import type { Database } from '../db/database.js';
import { writeAudit } from './audit.js';
import type { TenantScope } from './scope.js';

/** Tables of one municipality's own rows, keyed by `id` and `municipality_id`. */
type OwnTable = 'communicationItems' | 'trainings' | 'trainingAssignments' | 'processServices' | 'processModels';

/**
 * Deletes one row of the caller's municipality together with its audit entry (one transaction). The caller has
 * loaded the row (404 otherwise) and authorized the deletion; `before` is what the audit trail keeps of it.
 */
export async function deleteOwnRow(
  db: Database,
  scope: TenantScope,
  table: OwnTable,
  id: string,
  audit: { entity: string; before: Record<string, unknown> },
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom(table as 'trainings')
      .where('id', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: audit.entity,
      entityId: id,
      municipalityId: scope.municipalityId,
      before: audit.before,
    });
  });
  return { ok: true as const };
}
