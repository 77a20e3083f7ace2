import {
  AppError,
  addDays,
  COMMUNICATION_TEMPLATES,
  type communicationApply,
  type communicationCreate,
  type communicationQuery,
  type communicationUpdate,
  fieldError,
} from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { assertOwn } from '../../lib/own-refs.js';
import { deleteOwnRow } from '../../lib/own-rows.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';

type ItemInput = z.infer<typeof communicationCreate>;

function itemsQuery(deps: Deps, scope: TenantScope) {
  return deps.db
    .selectFrom('communicationItems as c')
    .leftJoin('projects as p', 'p.id', 'c.projectId')
    .leftJoin('departments as d', 'd.id', 'c.departmentId')
    .leftJoin('users as u', 'u.id', 'c.ownerId')
    .select([
      'c.id',
      'c.version',
      'c.projectId',
      'p.title as project',
      'c.audience',
      'c.departmentId',
      'd.name as department',
      'c.message',
      'c.channel',
      'c.dueOn',
      'c.cadence',
      'c.ownerId',
      'u.name as owner',
      'c.status',
      'c.phase',
    ])
    .where('c.municipalityId', '=', scope.municipalityId);
}

export async function listItems(deps: Deps, scope: TenantScope, q: z.infer<typeof communicationQuery>) {
  let query = itemsQuery(deps, scope);
  if (q.projectId) query = query.where('c.projectId', '=', q.projectId);
  if (q.status) query = query.where('c.status', '=', q.status);
  const items = await query.orderBy('c.dueOn').orderBy('c.createdAt').execute();
  return { items, can: presentCan(scope, 'communication') };
}

async function getItem(deps: Deps, scope: TenantScope, id: string) {
  const item = await itemsQuery(deps, scope).where('c.id', '=', id).executeTakeFirst();
  if (!item) throw new AppError('not_found');
  return item;
}

/** Project, department and owner must all belong to the caller's municipality (German field errors). */
async function checkRefs(deps: Deps, scope: TenantScope, input: ItemInput) {
  if (input.audience === 'department' && !input.departmentId)
    throw fieldError('body.departmentId', 'department_required', 'Wählen Sie den Fachbereich, der informiert wird.');
  if (input.projectId) await assertOwn(deps.db, scope, 'project', input.projectId, 'body.projectId');
  if (input.departmentId) await assertOwn(deps.db, scope, 'department', input.departmentId, 'body.departmentId');
  if (input.ownerId) await assertOwn(deps.db, scope, 'member', input.ownerId, 'body.ownerId');
}

/** Only the addressed department keeps its department. */
const normalised = (input: ItemInput) => ({
  ...input,
  departmentId: input.audience === 'department' ? input.departmentId : null,
});

export async function createItem(deps: Deps, scope: TenantScope, input: ItemInput) {
  authorize(scope, 'communication', 'edit');
  await checkRefs(deps, scope, input);
  const id = newId();
  const values = normalised(input);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('communicationItems')
      .values({ id, municipalityId: scope.municipalityId, ...values, phase: null, createdBy: scope.user.id })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'communication_item',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { message: values.message, audience: values.audience, channel: values.channel, dueOn: values.dueOn },
    });
  });
  return getItem(deps, scope, id);
}

const FIELDS = [
  'projectId',
  'audience',
  'departmentId',
  'message',
  'channel',
  'dueOn',
  'cadence',
  'ownerId',
  'status',
] as const;

export async function updateItem(
  deps: Deps,
  scope: TenantScope,
  id: string,
  input: z.infer<typeof communicationUpdate>,
) {
  await getItem(deps, scope, id);
  authorize(scope, 'communication', 'edit');
  const { version, ...rest } = input;
  await checkRefs(deps, scope, rest);
  const values = normalised(rest);
  await deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('communicationItems')
      .selectAll()
      .where('id', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const before = Object.fromEntries(FIELDS.map((f) => [f, c[f]]));
    assertVersion(c, version, { ...before, version: c.version });
    await trx
      .updateTable('communicationItems')
      .set({ ...values, version: c.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'communication_item',
      entityId: id,
      municipalityId: scope.municipalityId,
      before,
      after: values,
    });
  });
  return getItem(deps, scope, id);
}

export async function deleteItem(deps: Deps, scope: TenantScope, id: string) {
  const item = await getItem(deps, scope, id);
  authorize(scope, 'communication', 'edit');
  return deleteOwnRow(deps.db, scope, 'communicationItems', id, {
    entity: 'communication_item',
    before: { message: item.message, dueOn: item.dueOn },
  });
}

/** Adds the phase's template items to a project, due relative to the anchor date; the caller owns them. */
export async function applyTemplate(deps: Deps, scope: TenantScope, input: z.infer<typeof communicationApply>) {
  authorize(scope, 'communication', 'edit');
  const p = await deps.db
    .selectFrom('projects')
    .select(['id', 'title'])
    .where('id', '=', input.projectId)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  // the project is what the template is applied to: another municipality's project does not exist here
  if (!p) throw new AppError('not_found');
  const template = COMMUNICATION_TEMPLATES[input.phase];
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('communicationItems')
      .values(
        template.map((t) => ({
          id: newId(),
          municipalityId: scope.municipalityId,
          projectId: p.id,
          audience: t.audience,
          departmentId: null,
          message: t.message,
          channel: t.channel,
          dueOn: addDays(input.anchorDate, t.offsetDays),
          cadence: t.cadence,
          ownerId: scope.user.id,
          phase: input.phase,
          createdBy: scope.user.id,
        })),
      )
      .execute();
    await writeAudit(trx, scope, {
      action: 'apply_template',
      entity: 'communication_item',
      municipalityId: scope.municipalityId,
      after: { project: p.title, phase: input.phase, anchorDate: input.anchorDate, items: template.length },
    });
  });
  return { created: template.length };
}
