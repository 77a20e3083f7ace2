import { AppError, fieldError, type ProjectFacts } from '@dz/core';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';

/** The project of the active municipality, or 404 (never another municipality's). */
export async function loadProject(deps: Deps | { db: Transaction<DB> }, scope: TenantScope, id: string) {
  const p = await deps.db
    .selectFrom('projects')
    .selectAll()
    .where('id', '=', id)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!p) throw new AppError('not_found');
  return p;
}

/** What the project rule (core/domain/permissions.ts) needs to know: owner and whether the actor is on the team. */
export async function projectFacts(
  deps: Deps | { db: Transaction<DB> },
  scope: TenantScope,
  project: { id: string; ownerId: string | null },
): Promise<ProjectFacts> {
  const member = await deps.db
    .selectFrom('projectTeam')
    .select('userId')
    .where('projectId', '=', project.id)
    .where('userId', '=', scope.user.id)
    .executeTakeFirst();
  return { ownerId: project.ownerId, onTeam: Boolean(member) };
}

/** Loads the project and raises 403 unless the project rule lets the actor edit it. */
export async function editableProject(deps: Deps, scope: TenantScope, id: string) {
  const p = await loadProject(deps, scope, id);
  authorize(scope, 'project', 'edit', await projectFacts(deps, scope, p));
  return p;
}

/** Users who are members of the active municipality, among `ids`. */
export async function memberIds(deps: Deps, scope: TenantScope, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await deps.db
    .selectFrom('memberships')
    .select('userId')
    .where('municipalityId', '=', scope.municipalityId)
    .where('userId', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.userId));
}

/** Raises a field error when a named person is not a member of the municipality. */
export async function assertMembers(deps: Deps, scope: TenantScope, path: string, ids: readonly (string | null)[]) {
  const wanted = ids.filter((x): x is string => Boolean(x));
  const found = await memberIds(deps, scope, wanted);
  if (wanted.some((id) => !found.has(id)))
    throw fieldError(path, 'unknown_person', 'Diese Person gehört nicht zu Ihrer Kommune.');
}
