import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { TenantScope } from '../../lib/scope.js';

type Q = Database | Transaction<DB>;

/** Members and invitations of the scope's municipality. */
export const membersRepository = {
  list(db: Q, scope: TenantScope) {
    return db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .select(['u.id as userId', 'u.name', 'u.email', 'm.role', 'm.departmentId', 'm.createdAt as since', 'm.version'])
      .where('m.municipalityId', '=', scope.municipalityId)
      .orderBy('u.name')
      .execute();
  },
  find(db: Q, scope: TenantScope, userId: string) {
    return db
      .selectFrom('memberships')
      .selectAll()
      .where('municipalityId', '=', scope.municipalityId)
      .where('userId', '=', userId)
      .forUpdate()
      .executeTakeFirst();
  },
  countAdmins(db: Q, scope: TenantScope) {
    return db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipalityId', '=', scope.municipalityId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
  },
  invitations(db: Q, scope: TenantScope) {
    return db
      .selectFrom('invitations')
      .select(['id', 'email', 'role', 'createdAt', 'expiresAt', 'acceptedAt', 'revokedAt'])
      .where('municipalityId', '=', scope.municipalityId)
      .orderBy('createdAt', 'desc')
      .limit(200)
      .execute();
  },
  findInvitation(db: Q, scope: TenantScope, id: string) {
    return db
      .selectFrom('invitations')
      .selectAll()
      .where('municipalityId', '=', scope.municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
  },
};
