import { type Kysely, sql } from 'kysely';
import { compiledQuery } from '../../db/compiled.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { TenantScope } from '../../lib/scope.js';

export interface AuditFilter {
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
}

interface Bounds {
  municipalityId: string;
  entity?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

/** The filter as bound values: whole days in UTC, the end day included. */
function bounds(f: AuditFilter) {
  return {
    entity: f.entity || undefined,
    action: f.action || undefined,
    from: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined,
    to: f.to ? new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
  };
}

function filtered(db: Kysely<DB>, b: Bounds) {
  let q = db
    .selectFrom('auditLog as a')
    .leftJoin('users as u', 'u.id', 'a.actorId')
    // whose account an entry is about (an access request answered, an erasure, a role): named in the trail
    .leftJoin('users as s', (j) =>
      j.on(sql<boolean>`s.id::text = a.entity_id`).on('a.entity', 'in', ['user', 'membership']),
    )
    .where('a.municipalityId', '=', b.municipalityId);
  if (b.entity) q = q.where('a.entity', '=', b.entity);
  if (b.action) q = q.where('a.action', '=', b.action);
  if (b.from) q = q.where('a.at', '>=', b.from);
  if (b.to) q = q.where('a.at', '<', b.to);
  return q;
}

/** What one entry shows: who, what, about whom (an account's entries), the changes. */
const ENTRY_COLUMNS = [
  'a.id',
  'a.at',
  'a.actorId',
  'u.name as actorName',
  'a.action',
  'a.entity',
  'a.entityId',
  's.name as subjectName',
  'a.changes',
] as const;

const pageQuery = compiledQuery((db, v: Bounds & { limit: number; offset: number }) => {
  const q = filtered(db, v);
  return db
    .selectFrom(q.select((eb) => eb.fn.countAll<number>().as('n')).as('t'))
    .leftJoinLateral(
      q.select(ENTRY_COLUMNS).orderBy('a.at', 'desc').orderBy('a.id').limit(v.limit).offset(v.offset).as('r'),
      (join) => join.onTrue(),
    )
    .select([
      't.n',
      'r.id',
      'r.at',
      'r.actorId',
      'r.actorName',
      'r.action',
      'r.entity',
      'r.entityId',
      'r.subjectName',
      'r.changes',
    ])
    .orderBy('r.at', 'desc')
    .orderBy('r.id');
});

/** Audit rows of the scope's municipality only. */
export const auditRepository = {
  query(db: Database, scope: TenantScope, f: AuditFilter) {
    return filtered(db, { municipalityId: scope.municipalityId, ...bounds(f) });
  },
  /**
   * One statement: the total (counted once) with the page beside it (a lateral join, so a page past the
   * end still tells the total); compiled once per combination of filters.
   */
  async page(db: Database, scope: TenantScope, f: AuditFilter, page: number, pageSize: number) {
    const found = await pageQuery(db, '', {
      municipalityId: scope.municipalityId,
      ...bounds(f),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const rows = found
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id!,
        at: r.at!,
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action!,
        entity: r.entity!,
        entityId: r.entityId,
        subjectName: r.subjectName,
        changes: r.changes,
      }));
    return { total: Number(found[0]?.n ?? 0), rows };
  },
  all(db: Database, scope: TenantScope, f: AuditFilter) {
    return this.query(db, scope, f).select(ENTRY_COLUMNS).orderBy('a.at', 'desc').limit(100_000).execute();
  },
};
