import { randomInt } from 'node:crypto';
import { AppError } from '@dz/core';
import type { Database } from '../../db/database.js';
import { networkAccess } from '../../lib/network-access.js';
import type { Scope } from '../../lib/scope.js';

export type WorkshopRow = Awaited<ReturnType<typeof loadWorkshop>>;
export type WorkshopAccess = 'moderator' | 'viewer';

export async function loadWorkshop(db: Database, id: string) {
  const w = await db.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();
  if (!w) throw new AppError('not_found');
  return w;
}

/**
 * Moderators of the workshop's network manage it; participating municipalities and the network's
 * members read it (agenda, results, report). Everybody else gets 404.
 */
export async function workshopAccess(db: Database, scope: Scope, w: WorkshopRow): Promise<WorkshopAccess> {
  let net: 'moderator' | 'member' | null = null;
  try {
    net = networkAccess(scope, w.networkId);
  } catch {
    net = null;
  }
  if (net === 'moderator') return 'moderator';
  if (net === 'member') return 'viewer';
  if (scope.municipalityId) {
    const p = await db
      .selectFrom('workshopMunicipalities')
      .select('municipalityId')
      .where('workshopId', '=', w.id)
      .where('municipalityId', '=', scope.municipalityId)
      .executeTakeFirst();
    if (p) return 'viewer';
  }
  throw new AppError('not_found');
}

export async function requireWorkshopModerator(db: Database, scope: Scope, id: string) {
  const w = await loadWorkshop(db, id);
  if ((await workshopAccess(db, scope, w)) !== 'moderator')
    throw new AppError('forbidden', 'Das dürfen nur die Moderatorinnen und Moderatoren des Verbunds.');
  return w;
}

// no 0/O, 1/I: codes are read aloud and typed from a projector
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newJoinCode(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}
