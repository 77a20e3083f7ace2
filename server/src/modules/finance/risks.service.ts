import {
  AppError,
  expected,
  projectSimulationInput,
  type riskCreate,
  type riskUpdate,
  simulate,
  type simulationRequest,
} from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { assertMembers, editableProject, loadProject, projectFacts } from '../projects/projects.access.js';
import { loadFinance, loadSettings } from './finance.service.js';

type Create = z.infer<typeof riskCreate>;

/**
 * The risk register of a project in its one fixed order (created_at, then id as tie-breaker): the screen, the
 * simulation endpoint and the decision paper all read it here, so they list and simulate the same sequence.
 */
export async function riskRows(deps: Deps, projectId: string) {
  return deps.db
    .selectFrom('risks as r')
    .leftJoin('users as u', 'u.id', 'r.ownerId')
    .selectAll('r')
    .select('u.name as owner')
    .where('r.projectId', '=', projectId)
    .orderBy('r.createdAt')
    .orderBy('r.id')
    .execute();
}

export const toRisk = (r: Awaited<ReturnType<typeof riskRows>>[number]) => ({
  id: r.id,
  version: r.version,
  title: r.title,
  category: r.category,
  probability: r.probability,
  costMin: r.costMinCents,
  costLikely: r.costLikelyCents,
  costMax: r.costMaxCents,
  weeks: r.weeks,
  ownerId: r.ownerId,
  owner: r.owner,
  mitigation: r.mitigation,
  mitigationCents: r.mitigationCents,
  status: r.status,
  exposure: Math.round(
    (r.probability / 100) * expected({ min: r.costMinCents, likely: r.costLikelyCents, max: r.costMaxCents }),
  ),
});

export async function listRisks(deps: Deps, scope: TenantScope, projectId: string) {
  const p = await loadProject(deps, scope, projectId);
  return {
    items: (await riskRows(deps, projectId)).map(toRisk),
    can: presentCan(scope, 'projectPart', await projectFacts(deps, scope, p)),
  };
}

const columns = (input: Create) => ({
  title: input.title,
  category: input.category,
  probability: input.probability,
  costMinCents: input.costMin,
  costLikelyCents: input.costLikely,
  costMaxCents: input.costMax,
  weeks: input.weeks,
  ownerId: input.ownerId,
  mitigation: input.mitigation,
  mitigationCents: input.mitigationCents,
  status: input.status,
});

export async function addRisk(deps: Deps, scope: TenantScope, projectId: string, input: Create) {
  await editableProject(deps, scope, projectId);
  await assertMembers(deps, scope, 'body.ownerId', [input.ownerId]);
  await deps.db.transaction().execute(async (trx) => {
    const id = newId();
    await trx
      .insertInto('risks')
      .values({ id, projectId, ...columns(input) })
      .execute();
    await writeAudit(trx, scope, {
      action: 'risk_add',
      entity: 'project',
      entityId: projectId,
      municipalityId: scope.municipalityId,
      after: { risk: input.title, probability: input.probability },
    });
  });
  return listRisks(deps, scope, projectId);
}

async function loadRisk(deps: Deps, projectId: string, id: string) {
  const r = await deps.db
    .selectFrom('risks')
    .select('id')
    .where('id', '=', id)
    .where('projectId', '=', projectId)
    .executeTakeFirst();
  if (!r) throw new AppError('not_found');
}

export async function updateRisk(
  deps: Deps,
  scope: TenantScope,
  projectId: string,
  id: string,
  input: z.infer<typeof riskUpdate>,
) {
  await editableProject(deps, scope, projectId);
  await loadRisk(deps, projectId, id);
  await assertMembers(deps, scope, 'body.ownerId', [input.ownerId]);
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom('risks').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    assertVersion(cur, input.version, cur);
    await trx
      .updateTable('risks')
      .set({ ...columns(input), version: cur.version + 1 })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'risk_update',
      entity: 'project',
      entityId: projectId,
      municipalityId: scope.municipalityId,
      before: { risk: cur.title, status: cur.status, probability: cur.probability },
      after: { risk: input.title, status: input.status, probability: input.probability },
    });
  });
  return listRisks(deps, scope, projectId);
}

export async function deleteRisk(deps: Deps, scope: TenantScope, projectId: string, id: string) {
  await editableProject(deps, scope, projectId);
  await loadRisk(deps, projectId, id);
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('risks').where('id', '=', id).returning('title').executeTakeFirstOrThrow();
    await writeAudit(trx, scope, {
      action: 'risk_delete',
      entity: 'project',
      entityId: projectId,
      municipalityId: scope.municipalityId,
      before: { risk: r.title },
    });
  });
  return listRisks(deps, scope, projectId);
}

/** Monte Carlo on the server (for reports), with the same input the browser uses. */
export async function simulateProject(
  deps: Deps,
  scope: TenantScope,
  projectId: string,
  req: z.infer<typeof simulationRequest>,
) {
  const p = await loadProject(deps, scope, projectId);
  const [doc, settings, risks] = await Promise.all([
    loadFinance(deps.db, projectId),
    loadSettings(deps.db, scope.municipalityId),
    riskRows(deps, projectId),
  ]);
  const rates = Object.fromEntries(settings.rates.map((r) => [r.payGroup, r.centsPerHour]));
  return simulate({
    ...projectSimulationInput(doc, rates, settings.horizonYears, risks.map(toRisk), p),
    ...req,
  });
}
