import { AppError } from '@dz/core';

/** Raises 409 with the current state when an update names an outdated version (no lost updates). */
export function assertVersion(current: { version: number }, expected: number, currentState?: unknown): void {
  if (current.version !== expected) {
    throw new AppError('version_conflict', 'Der Datensatz wurde inzwischen von jemand anderem geändert.', [], {
      currentVersion: current.version,
      current: currentState ?? current,
    });
  }
}
