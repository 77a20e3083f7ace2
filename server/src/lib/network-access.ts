import { AppError } from '@dz/core';
import type { Scope } from './scope.js';

export type NetworkAccess = 'moderator' | 'member';

/**
 * The one place that decides whether a scope may see a network's shared data: its moderators,
 * members of a currently participating municipality, and platform administrators.
 * Unknown or foreign networks answer 404 so that ids do not leak.
 */
export function networkAccess(scope: Scope, networkId: string): NetworkAccess {
  if (scope.moderatedNetworkIds.includes(networkId) || scope.user.isPlatformAdmin) return 'moderator';
  if (scope.networkIds.includes(networkId)) return 'member';
  throw new AppError('not_found');
}

/** Like networkAccess, but only moderators pass; members get 403. */
export function requireModerator(scope: Scope, networkId: string): void {
  if (networkAccess(scope, networkId) !== 'moderator')
    throw new AppError('forbidden', 'Das dürfen nur die Moderatorinnen und Moderatoren des Verbunds.');
}
