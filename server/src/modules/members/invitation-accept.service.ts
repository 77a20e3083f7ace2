import { AppError, type MunicipalityRole } from '@dz/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import type { Deps } from '../../lib/deps.js';
import { hashSecret, iso, newId } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';
import { checkPassword, createSession, hashPassword, requirePasswordLogin } from '../auth/auth.service.js';
import { ensureDefaultDepartments } from '../municipalities/municipalities.service.js';

type OpenInvitation =
  | {
      kind: 'municipality';
      id: string;
      email: string;
      expiresAt: Date;
      municipalityId: string;
      name: string;
      role: MunicipalityRole;
    }
  | { kind: 'network_moderator'; id: string; email: string; expiresAt: Date; networkId: string; name: string };

/** The open invitation behind a link: into a municipality, or to moderate a network. */
async function openInvitation(deps: Deps, token: string): Promise<OpenInvitation> {
  const tokenHash = hashSecret(token);
  const now = new Date();
  const inv = await deps.db
    .selectFrom('invitations as i')
    .innerJoin('municipalities as m', 'm.id', 'i.municipalityId')
    .select(['i.id', 'i.email', 'i.role', 'i.municipalityId', 'i.expiresAt', 'm.shortName'])
    .where('i.tokenHash', '=', tokenHash)
    .where('i.acceptedAt', 'is', null)
    .where('i.revokedAt', 'is', null)
    .where('i.expiresAt', '>', now)
    .executeTakeFirst();
  if (inv) {
    return {
      kind: 'municipality',
      id: inv.id,
      email: inv.email,
      expiresAt: inv.expiresAt,
      municipalityId: inv.municipalityId,
      name: inv.shortName,
      role: inv.role,
    };
  }
  const mod = await deps.db
    .selectFrom('networkModeratorInvitations as i')
    .innerJoin('networks as n', 'n.id', 'i.networkId')
    .select(['i.id', 'i.email', 'i.networkId', 'i.expiresAt', 'n.name'])
    .where('i.tokenHash', '=', tokenHash)
    .where('i.acceptedAt', 'is', null)
    .where('i.revokedAt', 'is', null)
    .where('i.expiresAt', '>', now)
    .executeTakeFirst();
  if (mod) return { kind: 'network_moderator', ...mod };
  throw new AppError(
    'token_invalid',
    'Die Einladung ist ungültig, abgelaufen oder wurde bereits verwendet.',
    [{ path: 'token', code: 'token_invalid', message: 'Der Link ist ungültig.' }],
    { reason: await closedInvitationReason(deps, tokenHash) },
  );
}

/**
 * Why a link no longer opens an invitation, so the page can say so before anything is typed: accepted (sign in
 * instead), withdrawn, expired — or unknown. Only the holder of the secret link learns it.
 */
async function closedInvitationReason(
  deps: Deps,
  tokenHash: string,
): Promise<'used' | 'revoked' | 'expired' | 'unknown'> {
  const pick = ['acceptedAt', 'revokedAt', 'expiresAt'] as const;
  const row =
    (await deps.db.selectFrom('invitations').select(pick).where('tokenHash', '=', tokenHash).executeTakeFirst()) ??
    (await deps.db
      .selectFrom('networkModeratorInvitations')
      .select(pick)
      .where('tokenHash', '=', tokenHash)
      .executeTakeFirst());
  if (!row) return 'unknown';
  if (row.acceptedAt) return 'used';
  if (row.revokedAt) return 'revoked';
  return 'expired';
}

/**
 * Whether an address has an invitation still open (not accepted, withdrawn or expired): the identity provider
 * may then open an account for it that its claim mapping does not place, so the person can accept.
 */
export async function hasOpenInvitation(db: Database | Transaction<DB>, email: string): Promise<boolean> {
  const now = new Date();
  // an invitation into a municipality or to moderate a network: both tables keep the same columns for it
  const open = (table: 'invitations' | 'networkModeratorInvitations') =>
    db
      .selectFrom(table)
      .select('id')
      .where('email', '=', email)
      .where('acceptedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .limit(1)
      .executeTakeFirst();
  const found = await Promise.all([open('invitations'), open('networkModeratorInvitations')]);
  return found.some(Boolean);
}

/** Public information shown on the accept page (to whoever holds the link sent to the address). */
export async function invitationInfo(deps: Deps, token: string) {
  const inv = await openInvitation(deps, token);
  const user = await deps.db.selectFrom('users').select('id').where('email', '=', inv.email).executeTakeFirst();
  const municipality = inv.kind === 'municipality';
  return {
    kind: inv.kind,
    email: inv.email,
    municipalityName: municipality ? inv.name : null,
    role: municipality ? inv.role : null,
    networkName: municipality ? null : inv.name,
    existingUser: Boolean(user),
    expiresAt: iso(inv.expiresAt),
  };
}

/** A session of another person than the invited one accepts nothing: sign out first, then open the link. */
function assertInvitedPerson(scope: Scope, inv: OpenInvitation) {
  if (scope.user.email.toLowerCase() === inv.email.toLowerCase()) return;
  throw new AppError(
    'invitation_other_account',
    `Sie sind als ${scope.user.email} angemeldet, die Einladung gilt aber für ${inv.email}. Bitte melden Sie sich zuerst ab und öffnen Sie den Einladungslink dann erneut.`,
  );
}

const PASSWORD_OFF =
  'Die Anmeldung mit Passwort ist abgeschaltet. Bitte melden Sie sich zuerst über den Anmeldedienst Ihrer Verwaltung an; danach können Sie die Einladung annehmen.';

const wrongPassword = () =>
  new AppError('invalid_credentials', 'Das Passwort des bestehenden Kontos ist falsch.', [
    { path: 'body.password', code: 'invalid_credentials', message: 'Das Passwort ist falsch.' },
  ]);

/**
 * Accepts an invitation with a password: creates the account, or checks the existing one's password through the
 * sign-in's own check (the same failure counting and backoff); grants the membership or the network moderation
 * and signs in. Refused when the password sign-in is switched off, and for a session of another person.
 */
export async function acceptInvitation(
  deps: Deps,
  input: { token: string; name: string; password: string },
  request: { client: string; scope: Scope | null },
) {
  requirePasswordLogin(deps, PASSWORD_OFF);
  const inv = await openInvitation(deps, input.token);
  if (request.scope) assertInvitedPerson(request.scope, inv);
  const existing = await deps.db.selectFrom('users').select('id').where('email', '=', inv.email).executeTakeFirst();
  if (existing)
    await checkPassword(deps, { email: inv.email, password: input.password }, request.client, wrongPassword);
  const passwordHash = existing ? null : await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    await claim(trx, inv);
    const userId = existing?.id ?? newId();
    if (!existing) {
      await trx
        .insertInto('users')
        .values({ id: userId, email: inv.email, name: input.name, passwordHash: passwordHash! })
        .execute();
    }
    await grant(trx, inv, userId);
    const token = await createSession(deps, trx, userId);
    if (inv.kind === 'municipality') {
      await trx
        .updateTable('sessions')
        .set({ activeMunicipalityId: inv.municipalityId })
        .where('tokenHash', '=', hashSecret(token))
        .execute();
    }
    return token;
  });
}

/**
 * Accepts an invitation as the person signed in (however they signed in: password or identity provider): no
 * password, the session stays and works on in the municipality joined. Only when the session's email is the
 * invited one.
 */
export async function acceptInvitationSignedIn(deps: Deps, scope: Scope, token: string) {
  const inv = await openInvitation(deps, token);
  assertInvitedPerson(scope, inv);
  await deps.db.transaction().execute(async (trx) => {
    await claim(trx, inv);
    await grant(trx, inv, scope.user.id);
    if (inv.kind === 'municipality') {
      await trx
        .updateTable('sessions')
        .set({ activeMunicipalityId: inv.municipalityId })
        .where('id', '=', scope.sessionId)
        .execute();
    }
  });
}

/** Marks the invitation used, once: a second accept of the same link (even at the same moment) fails. */
async function claim(trx: Transaction<DB>, inv: OpenInvitation) {
  const table = inv.kind === 'municipality' ? 'invitations' : 'networkModeratorInvitations';
  const claimed = await trx
    .updateTable(table)
    .set({ acceptedAt: new Date() })
    .where('id', '=', inv.id)
    .where('acceptedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!claimed) throw new AppError('token_invalid', 'Die Einladung wurde bereits verwendet.');
}

/** What the invitation gives: the network's moderation, or the membership with its role (audited). */
async function grant(trx: Transaction<DB>, inv: OpenInvitation, userId: string) {
  const actor = { user: { id: userId } };
  if (inv.kind === 'network_moderator') {
    await trx
      .insertInto('networkModerators')
      .values({ networkId: inv.networkId, userId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await writeAudit(
      trx,
      { ...actor, municipalityId: null },
      {
        action: 'accept',
        entity: 'network_moderator_invitation',
        entityId: inv.id,
        networkId: inv.networkId,
        municipalityId: null,
        after: { userId },
      },
    );
    return;
  }
  await trx
    .insertInto('memberships')
    .values({ userId, municipalityId: inv.municipalityId, role: inv.role })
    .onConflict((oc) => oc.columns(['userId', 'municipalityId']).doUpdateSet({ role: inv.role }))
    .execute();
  await ensureDefaultDepartments(trx, inv.municipalityId);
  await writeAudit(
    trx,
    { ...actor, municipalityId: inv.municipalityId },
    { action: 'accept', entity: 'invitation', entityId: inv.id, after: { userId, role: inv.role } },
  );
}
