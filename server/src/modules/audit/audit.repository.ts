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
  /**
   * One statement: the total (counted once) with the page beside it (a lateral join, so a page past the
   * end still tells the total).
   */
  async page(db: Database, scope: TenantScope, f: AuditFilter, page: number, pageSize: number) {
    const q = this.query(db, scope, f);
    const found = await db
      .selectFrom(q.select((eb) => eb.fn.countAll<number>().as('n')).as('t'))
      .leftJoinLateral(
        q
          .select([
            'a.id',
            'a.at',
            'a.actorId',
            'u.name as actorName',
            'a.action',
            'a.entity',
            'a.entityId',
            'a.changes',
          ])
          .orderBy('a.at', 'desc')
          .orderBy('a.id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .as('r'),
        (join) => join.onTrue(),
      )
      .select(['t.n', 'r.id', 'r.at', 'r.actorId', 'r.actorName', 'r.action', 'r.entity', 'r.entityId', 'r.changes'])
      .orderBy('r.at', 'desc')
      .orderBy('r.id')
      .execute();
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
        changes: r.changes,
      }));
    return { total: Number(found[0]?.n ?? 0), rows };
  },
  all(db: Database, scope: TenantScope, f: AuditFilter) {
    return this.query(db, scope, f)
      .select(['a.id', 'a.at', 'a.actorId', 'u.name as actorName', 'a.action', 'a.entity', 'a.entityId', 'a.changes'])
      .orderBy('a.at', 'desc')
      .limit(100_000)
      .execute();
  },
};
