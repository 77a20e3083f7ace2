import type { Database } from '../../db/database.js';
import type { TenantScope } from '../../lib/scope.js';

export interface AuditFilter {
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Audit rows of the scope's municipality only. */
export const auditRepository = {
  query(db: Database, scope: TenantScope, f: AuditFilter) {
    let q = db
      .selectFrom('auditLog as a')
      .leftJoin('users as u', 'u.id', 'a.actorId')
      .where('a.municipalityId', '=', scope.municipalityId);
    if (f.entity) q = q.where('a.entity', '=', f.entity);
    if (f.action) q = q.where('a.action', '=', f.action);
    if (f.from) q = q.where('a.at', '>=', new Date(`${f.from}T00:00:00Z`));
    if (f.to) q = q.where('a.at', '<', new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000));
    return q;
  },
  async page(db: Database, scope: TenantScope, f: AuditFilter, page: number, pageSize: number) {
    const q = this.query(db, scope, f);
    const [{ n }, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      q
        .select(['a.id', 'a.at', 'a.actorId', 'u.name as actorName', 'a.action', 'a.entity', 'a.entityId', 'a.changes'])
        .orderBy('a.at', 'desc')
        .orderBy('a.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
    ]);
    return { total: n, rows };
  },
  all(db: Database, scope: TenantScope, f: AuditFilter) {
    return this.query(db, scope, f)
      .select(['a.id', 'a.at', 'a.actorId', 'u.name as actorName', 'a.action', 'a.entity', 'a.entityId', 'a.changes'])
      .orderBy('a.at', 'desc')
      .limit(100_000)
      .execute();
  },
};
