import { AppError } from '@dz/core';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';
import { findGuide } from './guides.access.js';
import { getGuide, ownProject } from './guides.service.js';

/**
 * Ticks or unticks a checklist item for the active municipality, or for one of its projects (those ticks belong to
 * the project's municipality, so no other municipality ever sees or changes them). Who and when are kept.
 */
export async function setTick(
  deps: Pick<Deps, 'db'>,
  scope: TenantScope,
  guideId: string,
  itemKey: string,
  input: { done: boolean; projectId: string | null },
) {
  const g = await findGuide(deps, scope, guideId);
  if (g.kind !== 'checklist' || !g.items.some((i) => i.key === itemKey))
    throw new AppError('not_found', 'Diesen Punkt gibt es in der Checkliste nicht.');
  authorize(scope, 'guide', 'tick', { networkId: g.networkId });
  const project = input.projectId ? await ownProject(deps, scope, input.projectId) : null;
  await deps.db.transaction().execute(async (trx) => {
    const where = trx
      .deleteFrom('guideTicks')
      .where('guideId', '=', guideId)
      .where('itemKey', '=', itemKey)
      .where('municipalityId', '=', scope.municipalityId)
      .where((eb) => (project ? eb('projectId', '=', project.id) : eb('projectId', 'is', null)));
    const changed = input.done
      ? await trx
          .insertInto('guideTicks')
          .values({
            guideId,
            itemKey,
            municipalityId: scope.municipalityId,
            projectId: project?.id ?? null,
            tickedBy: scope.user.id,
            tickedAt: new Date(),
          })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst()
          .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0) > 0)
      : await where.executeTakeFirst().then((r) => Number(r.numDeletedRows) > 0);
    if (changed)
      await writeAudit(trx, scope, {
        action: input.done ? 'tick' : 'untick',
        entity: 'guide_tick',
        entityId: guideId,
        after: { item: itemKey, projectId: project?.id ?? null },
      });
  });
  return getGuide(deps, scope, guideId, project?.id ?? null);
}
