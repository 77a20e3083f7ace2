import { AppError, allows, fieldError, LAENDER, type NetworkType, sizeClassOf } from '@dz/core';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { hashSecret, iso, newId, newSecret } from '../../lib/ids.js';
import { networkAccess, requireModerator } from '../../lib/network-access.js';
import type { Scope, TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { appLink, MAILS } from '../../mail/templates.js';
import { notify } from '../notifications/notify.js';
import { networksRepository as repo } from './networks.repository.js';

const MODERATOR_INVITATION_TTL_MS = 7 * 24 * 3600_000;

/** Today as an ISO date (UTC, like every date the API takes). */
const today = () => new Date().toISOString().slice(0, 10);

export async function listNetworks(deps: Deps, scope: Scope) {
  const rows = await repo.listVisible(deps.db, scope);
  return {
    items: rows.map((n) => ({
      id: n.id,
      name: n.name,
      type: n.type,
      description: n.description,
      memberCount: Number(n.memberCount ?? 0),
      isModerator: scope.moderatedNetworkIds.includes(n.id),
    })),
    can: presentCan(scope, 'networks'),
  };
}

/** A network with members (including former ones with their dates) and moderators. */
export async function getNetwork(deps: Deps, scope: Scope, id: string) {
  const access = networkAccess(scope, id);
  const mod = access === 'moderator';
  const n = await repo.withPeople(deps.db, id, mod);
  if (!n) throw new AppError('not_found');
  const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  const members = json(n.members);
  const moderators = json(n.moderators);
  return {
    id: n.id,
    name: n.name,
    type: n.type,
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
      status: m.status,
      staffSurveys: m.staffSurveys,
    })),
    // members see who moderates; email addresses only for moderators themselves
    moderators: moderators.map((m) => ({ ...m, email: mod ? m.email : '' })),
    can: presentCan(scope, 'network', { id: n.id }),
  };
}

/** Creates a network; the creator moderates it and their municipality (which they speak for) joins today. */
export async function createNetwork(
  deps: Deps,
  scope: Scope,
  input: { name: string; type: NetworkType; description: string },
) {
  authorize(scope, 'networks', 'create');
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
          joinedOn: today(),
          status: 'accepted',
          invitedBy: scope.user.id,
          answeredBy: scope.user.id,
          answeredAt: new Date(),
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
    if (!cur) throw new AppError('not_found');
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

/**
 * Invites a municipality into the network. Membership needs the municipality's consent: the row stays
 * `invited` (and counts nowhere) until its admin or coordinator accepts. The proposed joining date cannot
 * lie in the past — nobody becomes a member before agreeing to it.
 */
export async function addMember(
  deps: Deps,
  scope: Scope,
  id: string,
  input: { municipalityId: string; joinedOn: string },
) {
  requireModerator(scope, id);
  if (input.joinedOn < today())
    throw fieldError('body.joinedOn', 'joined_in_past', 'Das Beitrittsdatum darf nicht in der Vergangenheit liegen.');
  await deps.db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('municipalities')
      .select(['id', 'shortName'])
      .where('id', '=', input.municipalityId)
      .executeTakeFirst();
    if (!m)
      throw new AppError('validation_failed', 'Diese Kommune gibt es nicht.', [
        { path: 'body.municipalityId', code: 'unknown', message: 'Diese Kommune gibt es nicht.' },
      ]);
    const cur = await repo.activeMembership(trx, id, input.municipalityId);
    if (cur) {
      const code = cur.status === 'invited' ? 'already_invited' : 'already_member';
      throw new AppError('duplicate', 'Die Kommune ist bereits Mitglied oder eingeladen.', [
        { path: 'body.municipalityId', code, message: code.replace('_', ' ') },
      ]);
    }
    const net = await trx.selectFrom('networks').select('name').where('id', '=', id).executeTakeFirstOrThrow();
    await trx
      .insertInto('networkMembers')
      .values({ id: newId(), networkId: id, ...input, status: 'invited', invitedBy: scope.user.id })
      .execute();
    await writeAudit(trx, scope, {
      action: 'invite',
      entity: 'network_member',
      entityId: input.municipalityId,
      networkId: id,
      municipalityId: input.municipalityId,
      after: { municipality: m.shortName, joinedOn: input.joinedOn, status: 'invited' },
    });
    await mailInvitation(deps, trx, scope, input.municipalityId, net.name);
  });
  return getNetwork(deps, scope, id);
}

/** Tells those who speak for the invited municipality (admins and coordinators) about the invitation. */
async function mailInvitation(deps: Deps, trx: Transaction<DB>, scope: Scope, municipalityId: string, network: string) {
  const people = await trx
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.userId')
    .select(['u.id as userId', 'u.email', 'u.name'])
    .where('ms.municipalityId', '=', municipalityId)
    .where('ms.role', 'in', ['admin', 'coordinator'])
    .execute();
  const url = appLink(deps.config.publicUrl, '/verbuende', municipalityId);
  for (const u of people)
    await notify(deps, trx, u, MAILS.networkInvitation({ name: u.name, inviter: scope.user.name, network, url }), {
      path: '/verbuende',
      municipalityId,
    });
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
  const self =
    scope.municipalityId === municipalityId && allows(scope, 'create_network') && scope.networkIds.includes(id);
  if (!self) requireModerator(scope, id);
  await deps.db.transaction().execute(async (trx) => {
    const cur = await repo.activeMembership(trx, id, municipalityId);
    if (!cur) throw new AppError('not_found');
    if (cur.status === 'invited') {
      // an unanswered invitation is withdrawn, not ended: it never was a membership
      await trx.deleteFrom('networkMembers').where('id', '=', cur.id).execute();
      await writeAudit(trx, scope, {
        action: 'withdraw',
        entity: 'network_member',
        entityId: municipalityId,
        networkId: id,
        municipalityId,
        before: { status: 'invited', joinedOn: cur.joinedOn },
      });
      return;
    }
    if (input.leftOn < cur.joinedOn) {
      throw new AppError('validation_failed', 'Das Austrittsdatum liegt vor dem Beitrittsdatum.', [
        { path: 'body.leftOn', code: 'before_joined', message: 'Das Austrittsdatum liegt vor dem Beitrittsdatum.' },
      ]);
    }
    await trx
      .updateTable('networkMembers')
      .set({ leftOn: input.leftOn, leftAt: new Date() })
      .where('id', '=', cur.id)
      .execute();
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
  await deps.db.transaction().execute(async (trx) => {
    const n = await repo.byId(trx, id);
    if (!n) throw new AppError('not_found');
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
    const link = `${deps.config.publicUrl}/einladung?token=${token}`;
    await deps.outbox.queue(trx, email, MAILS.moderatorInvitation({ inviter: scope.user.name, network: n.name, link }));
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
    if (!mods.some((m) => m.userId === userId)) throw new AppError('not_found');
    if (mods.length <= 1) throw new AppError('conflict', 'Ein Verbund braucht mindestens eine Moderation.');
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

/** The active municipality's network invitations and memberships, for its admins and coordinators to answer. */
export async function listMemberships(deps: Deps, scope: TenantScope) {
  const rows = await repo.membershipsOf(deps.db, scope.municipalityId);
  return {
    items: rows.map((r) => ({
      networkId: r.networkId,
      name: r.name,
      type: r.type,
      description: r.description,
      memberCount: Number(r.memberCount ?? 0),
      status: r.status,
      joinedOn: r.joinedOn,
      staffSurveys: r.staffSurveys,
      invitedBy: r.invitedBy,
      invitedAt: iso(r.invitedAt),
      answeredAt: iso(r.answeredAt),
      version: r.version,
    })),
    can: presentCan(scope, 'networkInvitations'),
  };
}

/** The municipality's own membership row in a network (invited or accepted), locked; 404 if there is none. */
async function ownMembership(trx: Transaction<DB>, scope: TenantScope, networkId: string, version: number) {
  authorize(scope, 'networkInvitations', 'answer');
  const cur = await trx
    .selectFrom('networkMembers')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('municipalityId', '=', scope.municipalityId)
    .where('leftOn', 'is', null)
    .where('status', '<>', 'declined')
    .forUpdate()
    .executeTakeFirst();
  if (!cur) throw new AppError('not_found');
  assertVersion(cur, version, { status: cur.status, staffSurveys: cur.staffSurveys, version: cur.version });
  return cur;
}

/**
 * The invited municipality answers an invitation. Accepting makes it a member from the proposed date, or
 * from today if that date has passed meanwhile (membership never starts before the consent); with it the
 * municipality decides whether the network may send person surveys to its staff.
 */
export async function answerInvitation(
  deps: Deps,
  scope: TenantScope,
  networkId: string,
  accept: boolean,
  input: { version: number; staffSurveys?: boolean },
) {
  await deps.db.transaction().execute(async (trx) => {
    const cur = await ownMembership(trx, scope, networkId, input.version);
    if (cur.status !== 'invited') throw new AppError('conflict', 'Die Einladung wurde bereits beantwortet.');
    let joinedOn = cur.joinedOn;
    if (joinedOn < today()) joinedOn = today();
    const next = accept
      ? { status: 'accepted' as const, joinedOn, staffSurveys: input.staffSurveys ?? false }
      : { status: 'declined' as const, staffSurveys: false };
    await trx
      .updateTable('networkMembers')
      .set({ ...next, answeredBy: scope.user.id, answeredAt: new Date(), version: cur.version + 1 })
      .where('id', '=', cur.id)
      .execute();
    await writeAudit(trx, scope, {
      action: accept ? 'accept' : 'decline',
      entity: 'network_member',
      entityId: scope.municipalityId,
      networkId,
      municipalityId: scope.municipalityId,
      before: { status: cur.status, joinedOn: cur.joinedOn },
      after: next,
    });
  });
  return listMemberships(deps, scope);
}

/** The member municipality (and only it) allows or forbids the network's person surveys to its staff. */
export async function setStaffSurveys(
  deps: Deps,
  scope: TenantScope,
  networkId: string,
  input: { version: number; staffSurveys: boolean },
) {
  await deps.db.transaction().execute(async (trx) => {
    const cur = await ownMembership(trx, scope, networkId, input.version);
    if (cur.status !== 'accepted') throw new AppError('conflict', 'Bitte nehmen Sie die Einladung zuerst an.');
    await trx
      .updateTable('networkMembers')
      .set({ staffSurveys: input.staffSurveys, version: cur.version + 1 })
      .where('id', '=', cur.id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'network_member',
      entityId: scope.municipalityId,
      networkId,
      municipalityId: scope.municipalityId,
      before: { staffSurveys: cur.staffSurveys },
      after: { staffSurveys: input.staffSurveys },
    });
  });
  return listMemberships(deps, scope);
}
