import {
  AppError,
  allows,
  type Can,
  MUNICIPALITY_ROLE_LABELS,
  type MunicipalityRole,
  may,
  touchesAdmin,
} from '@dz/core';
import { writeAudit } from '../../lib/audit.js';
import { presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { hashSecret, iso, newId, newSecret } from '../../lib/ids.js';
import { assertOwn } from '../../lib/own-refs.js';
import type { Scope, TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { MAILS } from '../../mail/templates.js';
import { membersRepository as repo } from './members.repository.js';

const INVITATION_TTL_MS = 7 * 24 * 3600_000;

function requirePermission(scope: TenantScope, action: 'view_members' | keyof Can<'members'>) {
  if (action === 'view_members' ? !allows(scope, action) : !may(scope, 'members', action))
    throw new AppError('forbidden', 'Dazu fehlt Ihnen die Berechtigung.');
}

export async function listMembers(deps: Deps, scope: TenantScope) {
  requirePermission(scope, 'view_members');
  const rows = await repo.list(deps.db, scope);
  return {
    items: rows.map((r) => ({ ...r, role: r.role, since: iso(r.since) })),
    can: presentCan(scope, 'members'),
  };
}

/** Changes a member's role; the last admin of a municipality cannot lose the role. */
export async function changeRole(
  deps: Deps,
  scope: TenantScope,
  userId: string,
  input: { role: MunicipalityRole; version: number; departmentId?: string | null | undefined },
) {
  requirePermission(scope, 'change_roles');
  return deps.db.transaction().execute(async (trx) => {
    const m = await repo.find(trx, scope, userId);
    if (!m) throw new AppError('not_found');
    assertVersion(m, input.version, { role: m.role, departmentId: m.departmentId, version: m.version });
    const departmentId = input.departmentId === undefined ? m.departmentId : input.departmentId;
    if (departmentId) await assertOwn(trx, scope, 'department', departmentId, 'body.departmentId');
    if (touchesAdmin(m.role, input.role)) requirePermission(scope, 'invite_admin');
    if (m.role === 'admin' && input.role !== 'admin' && (await repo.countAdmins(trx, scope)).n <= 1) {
      throw new AppError('conflict', 'Die letzte Administration kann ihre Rolle nicht verlieren.', [
        {
          path: 'body.role',
          code: 'last_admin',
          message: 'Die letzte Administration kann ihre Rolle nicht verlieren.',
        },
      ]);
    }
    const updated = await trx
      .updateTable('memberships')
      .set({ role: input.role, departmentId, version: m.version + 1, updatedAt: new Date() })
      .where('municipalityId', '=', scope.municipalityId)
      .where('userId', '=', userId)
      .returning(['role', 'departmentId', 'version'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'membership',
      entityId: userId,
      // the department only when it changed: the trail reads "role: staff → coordinator"
      before: { role: m.role, ...(departmentId !== m.departmentId && { departmentId: m.departmentId }) },
      after: { role: updated.role, ...(departmentId !== m.departmentId && { departmentId }) },
    });
    return updated;
  });
}

/** Removes a user from the municipality (the account stays for other municipalities). */
export async function removeMember(deps: Deps, scope: TenantScope, userId: string) {
  requirePermission(scope, 'remove_members');
  await deps.db.transaction().execute(async (trx) => {
    const m = await repo.find(trx, scope, userId);
    if (!m) throw new AppError('not_found');
    if (touchesAdmin(m.role)) requirePermission(scope, 'invite_admin');
    if (m.role === 'admin' && (await repo.countAdmins(trx, scope)).n <= 1) {
      throw new AppError('conflict', 'Die letzte Administration kann nicht entfernt werden.');
    }
    await trx
      .deleteFrom('memberships')
      .where('municipalityId', '=', scope.municipalityId)
      .where('userId', '=', userId)
      .execute();
    await trx
      .deleteFrom('sessions')
      .where('userId', '=', userId)
      .where('activeMunicipalityId', '=', scope.municipalityId)
      .execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'membership',
      entityId: userId,
      before: { role: m.role },
    });
  });
}

export async function listInvitations(deps: Deps, scope: TenantScope) {
  requirePermission(scope, 'invite');
  const rows = await repo.invitations(deps.db, scope);
  return {
    items: rows.map((r) => ({
      ...r,
      role: r.role,
      createdAt: iso(r.createdAt),
      expiresAt: iso(r.expiresAt),
      acceptedAt: iso(r.acceptedAt),
      revokedAt: iso(r.revokedAt),
    })),
  };
}

/** Invites a colleague by single-use link (7 days) sent by email. */
export async function invite(deps: Deps, scope: TenantScope, input: { email: string; role: MunicipalityRole }) {
  requirePermission(scope, 'invite');
  if (input.role === 'admin') requirePermission(scope, 'invite_admin');
  return createInvitation(deps, scope, scope.municipalityId, input);
}

/**
 * Onboarding: the platform administration invites the first person (usually the admin) of any
 * municipality in the directory — the only way into a municipality that has no members yet.
 */
export async function inviteIntoMunicipality(
  deps: Deps,
  scope: Scope,
  municipalityId: string,
  input: { email: string; role: MunicipalityRole },
) {
  if (!scope.user.isPlatformAdmin) throw new AppError('forbidden', 'Das darf nur die Plattform-Administration.');
  const m = await deps.db.selectFrom('municipalities').select('id').where('id', '=', municipalityId).executeTakeFirst();
  if (!m) throw new AppError('not_found');
  return createInvitation(deps, scope, municipalityId, input);
}

async function createInvitation(
  deps: Deps,
  actor: Scope,
  municipalityId: string,
  input: { email: string; role: MunicipalityRole },
) {
  const token = newSecret();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const already = await trx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.userId')
      .select('u.id')
      .where('m.municipalityId', '=', municipalityId)
      .where('u.email', '=', input.email)
      .executeTakeFirst();
    if (already) {
      throw new AppError('duplicate', 'Die Person gehört bereits zu Ihrer Kommune.', [
        { path: 'body.email', code: 'already_member', message: 'Die Person gehört bereits zu Ihrer Kommune.' },
      ]);
    }
    await trx
      .updateTable('invitations')
      .set({ revokedAt: new Date() })
      .where('municipalityId', '=', municipalityId)
      .where('email', '=', input.email)
      .where('acceptedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .execute();
    await trx
      .insertInto('invitations')
      .values({
        id,
        municipalityId,
        email: input.email,
        role: input.role,
        tokenHash: hashSecret(token),
        invitedBy: actor.user.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      })
      .execute();
    await writeAudit(trx, actor, {
      action: 'create',
      entity: 'invitation',
      entityId: id,
      municipalityId,
      after: { role: input.role },
    });
    const muni = await trx
      .selectFrom('municipalities')
      .select('shortName')
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const mail = MAILS.memberInvitation({
      inviter: actor.user.name,
      municipality: muni.shortName,
      role: MUNICIPALITY_ROLE_LABELS[input.role],
      link: `${deps.config.publicUrl}/einladung?token=${token}`,
    });
    await deps.outbox.queue(trx, input.email, mail, municipalityId);
  });
  return { id };
}

export async function revokeInvitation(deps: Deps, scope: TenantScope, id: string) {
  requirePermission(scope, 'invite');
  await deps.db.transaction().execute(async (trx) => {
    const inv = await repo.findInvitation(trx, scope, id);
    if (!inv) throw new AppError('not_found');
    if (inv.acceptedAt || inv.revokedAt) throw new AppError('conflict', 'Die Einladung ist nicht mehr offen.');
    await trx.updateTable('invitations').set({ revokedAt: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, scope, { action: 'revoke', entity: 'invitation', entityId: id });
  });
}
