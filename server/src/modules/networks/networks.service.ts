import { AppError, LAENDER, type NetworkType, sizeClassOf } from '@dz/core';
import { writeAudit } from '../../lib/audit.js';
import type { Deps } from '../../lib/deps.js';
import { hashSecret, newId, newSecret } from '../../lib/ids.js';
import { networkAccess, requireModerator } from '../../lib/network-access.js';
import type { Scope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { can } from '../members/members.policy.js';
import { networksRepository as repo } from './networks.repository.js';

const MODERATOR_INVITATION_TTL_MS = 7 * 24 * 3600_000;

export async function listNetworks(deps: Deps, scope: Scope) {
  const rows = await repo.listVisible(deps.db, scope);
  return {
    items: rows.map((n) => ({
      id: n.id,
      name: n.name,
      type: n.type as NetworkType,
      description: n.description,
      memberCount: Number(n.memberCount ?? 0),
      isModerator: scope.moderatedNetworkIds.includes(n.id),
    })),
    can: { create: scope.user.isPlatformAdmin || (scope.municipalityId !== null && can(scope, 'create_network')) },
  };
}

/** A network with members (including former ones with their dates) and moderators. */
export async function getNetwork(deps: Deps, scope: Scope, id: string) {
  const access = networkAccess(scope, id);
  const n = await repo.byId(deps.db, id);
  if (!n) throw new AppError('not_found', 404);
  const [members, moderators] = await Promise.all([repo.members(deps.db, id), repo.moderators(deps.db, id)]);
  const mod = access === 'moderator';
  return {
    id: n.id,
    name: n.name,
    type: n.type as NetworkType,
    description: n.description,
    version: n.version,
    members: members.map((m) => ({
      municipalityId: m.municipalityId,
      name: m.name,
      ags: m.ags,
      land: LAENDER[m.landCode]?.name ?? m.landCode,
      kreis: m.kreis,
      population: m.population,
      sizeClass: sizeClassOf(m.population),
      joinedOn: m.joinedOn,
      leftOn: m.leftOn,
    })),
    // members see who moderates; email addresses only for moderators themselves
    moderators: moderators.map((m) => ({ ...m, email: mod ? m.email : '' })),
    can: { edit: mod, manageMembers: mod, manageModerators: mod },
  };
}

/** Creates a network; the creator moderates it and their municipality joins today. */
export async function createNetwork(
  deps: Deps,
  scope: Scope,
  input: { name: string; type: NetworkType; description: string },
) {
  const allowed = scope.user.isPlatformAdmin || (scope.municipalityId !== null && can(scope, 'create_network'));
  if (!allowed) throw new AppError('forbidden', 403);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('networks')
      .values({ id, ...input })
      .execute();
    await trx.insertInto('networkModerators').values({ networkId: id, userId: scope.user.id }).execute();
    if (scope.municipalityId) {
      await trx
        .insertInto('networkMembers')
        .values({
          id: newId(),
          networkId: id,
          municipalityId: scope.municipalityId,
          joinedOn: new Date().toISOString().slice(0, 10),
        })
        .execute();
    }
    await writeAudit(trx, scope, { action: 'create', entity: 'network', entityId: id, networkId: id, after: input });
  });
  return { id };
}

export async function updateNetwork(
  deps: Deps,
  scope: Scope,
  id: string,
  input: { version: number; name: string; type: NetworkType; description: string },
) {
  requireModerator(scope, id);
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom('networks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!cur) throw new AppError('not_found', 404);
    assertVersion(cur, input.version, {
      name: cur.name,
      type: cur.type,
      description: cur.description,
      version: cur.version,
    });
    const next = { name: input.name, type: input.type, description: input.description };
    await trx
      .updateTable('networks')
      .set({ ...next, version: cur.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'network',
      entityId: id,
      networkId: id,
      before: { name: cur.name, type: cur.type, description: cur.description },
      after: next,
    });
  });
  return getNetwork(deps, scope, id);
}

export async function addMember(
  deps: Deps,
  scope: Scope,
  id: string,
  input: { municipalityId: string; joinedOn: string },
) {
  requireModerator(scope, id);
  await deps.db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('municipalities')
      .select(['id', 'shortName'])
      .where('id', '=', input.municipalityId)
      .executeTakeFirst();
    if (!m)
      throw new AppError('validation_failed', 400, 'Unknown municipality.', [
        { path: 'body.municipalityId', code: 'unknown', message: 'unknown municipality' },
      ]);
    if (await repo.activeMembership(trx, id, input.municipalityId)) {
      throw new AppError('duplicate', 409, 'Already a member.', [
        { path: 'body.municipalityId', code: 'already_member', message: 'already a member' },
      ]);
    }
    const rowId = newId();
    await trx
      .insertInto('networkMembers')
      .values({ id: rowId, networkId: id, ...input })
      .execute();
    await writeAudit(trx, scope, {
      action: 'join',
      entity: 'network_member',
      entityId: input.municipalityId,
      networkId: id,
      municipalityId: input.municipalityId,
      after: { municipality: m.shortName, joinedOn: input.joinedOn },
    });
  });
  return getNetwork(deps, scope, id);
}

/** Ends a municipality's membership on a date; history is kept. */
export async function leaveMember(
  deps: Deps,
  scope: Scope,
  id: string,
  municipalityId: string,
  input: { leftOn: string },
) {
  // a municipality's own admin/coordinator may also leave on its behalf
  const self = scope.municipalityId === municipalityId && can(scope, 'create_network') && scope.networkIds.includes(id);
  if (!self) requireModerator(scope, id);
  await deps.db.transaction().execute(async (trx) => {
    const cur = await repo.activeMembership(trx, id, municipalityId);
    if (!cur) throw new AppError('not_found', 404);
    if (input.leftOn < cur.joinedOn) {
      throw new AppError('validation_failed', 400, 'Leaving date before joining date.', [
        { path: 'body.leftOn', code: 'before_joined', message: 'before joined' },
      ]);
    }
    await trx.updateTable('networkMembers').set({ leftOn: input.leftOn }).where('id', '=', cur.id).execute();
    await writeAudit(trx, scope, {
      action: 'leave',
      entity: 'network_member',
      entityId: municipalityId,
      networkId: id,
      municipalityId,
      before: { leftOn: null },
      after: { leftOn: input.leftOn },
    });
  });
  return self && !scope.moderatedNetworkIds.includes(id) ? null : getNetwork(deps, scope, id);
}

/**
 * Invites a person to moderate the network by a single-use link (7 days). It takes the same steps and
 * gives the same answer whatever the address: whether an account exists is never looked up here, so a
 * moderator cannot probe which emails have accounts. The invited person accepts on the invitation
 * page: with the password of their account, or by creating one.
 */
export async function inviteModerator(deps: Deps, scope: Scope, id: string, email: string) {
  requireModerator(scope, id);
  const token = newSecret();
  const network = await deps.db.transaction().execute(async (trx) => {
    const n = await repo.byId(trx, id);
    if (!n) throw new AppError('not_found', 404);
    const invitationId = newId();
    await repo.replaceModeratorInvitation(trx, {
      id: invitationId,
      networkId: id,
      email,
      tokenHash: hashSecret(token),
      invitedBy: scope.user.id,
      expiresAt: new Date(Date.now() + MODERATOR_INVITATION_TTL_MS),
    });
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'network_moderator_invitation',
      entityId: invitationId,
      networkId: id,
      municipalityId: null,
    });
    return n;
  });
  const link = `${deps.config.publicUrl}/einladung?token=${token}`;
  await deps.mailer.send({
    to: email,
    subject: `Einladung zur Moderation – ${network.name}`,
    text: `Guten Tag,\n\n${scope.user.name} lädt Sie ein, den Verbund „${network.name}“ im Digitalzirkel zu moderieren.\n\nÜber diesen Link nehmen Sie die Einladung an (7 Tage gültig, nur einmal verwendbar):\n\n${link}\n\nWenn Sie damit nichts anfangen können, ignorieren Sie diese E-Mail bitte.\n\nIhr Digitalzirkel`,
  });
}

export async function removeModerator(deps: Deps, scope: Scope, id: string, userId: string) {
  requireModerator(scope, id);
  await deps.db.transaction().execute(async (trx) => {
    const mods = await trx
      .selectFrom('networkModerators')
      .select('userId')
      .where('networkId', '=', id)
      .forUpdate()
      .execute();
    if (!mods.some((m) => m.userId === userId)) throw new AppError('not_found', 404);
    if (mods.length <= 1) throw new AppError('conflict', 409, 'A network needs at least one moderator.');
    await trx.deleteFrom('networkModerators').where('networkId', '=', id).where('userId', '=', userId).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'network_moderator',
      entityId: userId,
      networkId: id,
      municipalityId: null,
    });
  });
  return getNetwork(deps, scope, id);
}
