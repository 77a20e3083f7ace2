import { fieldError } from '@dz/core';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { TenantScope } from './scope.js';

type Q = Database | Transaction<DB>;

const REFS = {
  project: {
    table: 'projects',
    key: 'id',
    code: 'unknown_project',
    message: 'Dieses Projekt gibt es in Ihrer Kommune nicht.',
  },
  department: {
    table: 'departments',
    key: 'id',
    code: 'unknown_department',
    message: 'Diesen Fachbereich gibt es in Ihrer Kommune nicht.',
  },
  member: {
    table: 'memberships',
    key: 'userId',
    code: 'unknown_member',
    message: 'Wählen Sie eine Person Ihrer eigenen Kommune.',
  },
} as const;

/**
 * A project, department or person named in a request must belong to the caller's municipality; anything else is
 * a field error at `path` (whether it exists elsewhere or not).
 */
export async function assertOwn(db: Q, scope: TenantScope, kind: keyof typeof REFS, id: string, path: string) {
  const r = REFS[kind];
  const row = await db
    .selectFrom(r.table)
    .select(r.key)
    .where(r.key, '=', id)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!row) throw fieldError(path, r.code, r.message);
}
