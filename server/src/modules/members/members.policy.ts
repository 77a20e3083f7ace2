import type { MunicipalityRole } from '@dz/core';
import type { Scope } from '../../lib/scope.js';

export type MunicipalityAction =
  | 'view_members'
  | 'invite'
  | 'invite_admin'
  | 'change_roles'
  | 'remove_members'
  | 'manage_departments'
  | 'edit_municipality'
  | 'view_audit'
  | 'create_network'
  | 'answer_network_invitations'
  | 'manage_surveys'
  | 'draft_responses'
  | 'submit_responses'
  | 'view_results'
  | 'create_needs'
  | 'manage_needs'
  | 'submit_ideas'
  | 'create_projects'
  | 'manage_projects'
  | 'manage_capacity'
  | 'manage_exchange'
  | 'contribute';

const MATRIX: Record<MunicipalityAction, readonly MunicipalityRole[]> = {
  view_members: ['admin', 'coordinator', 'mayor'],
  invite: ['admin', 'coordinator'],
  invite_admin: ['admin'],
  change_roles: ['admin', 'coordinator'],
  remove_members: ['admin', 'coordinator'],
  manage_departments: ['admin', 'coordinator'],
  edit_municipality: ['admin'],
  view_audit: ['admin'],
  create_network: ['admin', 'coordinator'],
  // network membership and staff surveys need the municipality's consent, given by those who speak for it
  answer_network_invitations: ['admin', 'coordinator'],
  manage_surveys: ['admin', 'coordinator'],
  draft_responses: ['admin', 'coordinator', 'staff', 'mayor'],
  submit_responses: ['admin', 'coordinator'],
  view_results: ['admin', 'coordinator', 'mayor', 'council'],
  create_needs: ['admin', 'coordinator', 'staff', 'mayor'],
  manage_needs: ['admin', 'coordinator'],
  submit_ideas: ['admin', 'coordinator', 'staff', 'mayor'],
  create_projects: ['admin', 'coordinator', 'mayor'],
  manage_projects: ['admin', 'coordinator'],
  manage_capacity: ['admin', 'coordinator'],
  manage_exchange: ['admin', 'coordinator'],
  // take part in shared work: comment on projects, edit projects one owns or is on the team of, ask and
  // answer in the exchange, write entries of joint projects — everyone but the read-only council
  contribute: ['admin', 'coordinator', 'staff', 'mayor'],
};

/**
 * Coordinators manage members too (in small municipalities they do everything), but only
 * admins grant, change or remove the admin role (see touchesAdmin).
 */
export function touchesAdmin(...roles: (MunicipalityRole | string)[]) {
  return roles.includes('admin');
}

/** Pure permission check for actions inside the actor's active municipality. */
export function can(actor: Pick<Scope, 'roles'>, action: MunicipalityAction): boolean {
  return actor.roles.some((r) => MATRIX[action].includes(r));
}

/** All municipality permissions of the actor, sent to the UI as `can`. */
export function canMap(actor: Pick<Scope, 'roles'>): Record<MunicipalityAction, boolean> {
  return Object.fromEntries((Object.keys(MATRIX) as MunicipalityAction[]).map((a) => [a, can(actor, a)])) as Record<
    MunicipalityAction,
    boolean
  >;
}
