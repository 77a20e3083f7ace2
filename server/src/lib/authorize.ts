import { AppError, allows, type Can, type FactsOf, may, presentCan, type Resource } from '@dz/core';
import type { Scope } from './scope.js';

type Facts<R extends Resource> = FactsOf<R> extends undefined ? [] : [facts: FactsOf<R>];

/**
 * Guards a write with one flag of the resource's rule (core/domain/permissions.ts) — the same rule
 * whose flags the UI receives as `can` through `presentCan`, so the two cannot disagree.
 */
export function authorize<R extends Resource>(
  scope: Scope,
  resource: R,
  action: keyof Can<R> & string,
  ...facts: Facts<R>
): void {
  if (may(scope, resource, action, ...facts)) return;
  // a member whose role only reads (the council) is told so; everybody else that this is not theirs to do
  const readOnly = scope.municipalityId !== null && scope.roles.length > 0 && !allows(scope, 'contribute');
  throw new AppError('forbidden', readOnly ? 'Ihre Rolle darf nur lesen.' : 'Dazu fehlt Ihnen die Berechtigung.');
}

export { presentCan };
