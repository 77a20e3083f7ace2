import { AppError, type SessionResponse } from '@dz/core';
import { hash, verify } from '@node-rs/argon2';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { hashSecret, newId, newSecret } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';
import { MAILS } from '../../mail/templates.js';
import { loginBackoffSeconds, THROTTLE_FORGET_MS, throttleKeys } from './auth.policy.js';
import { authRepository as repo } from './auth.repository.js';

const RESET_TTL_MS = 2 * 3600_000;
// A real argon2id hash checked when the email is unknown, so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | null = null;

/** argon2id with the library defaults (m=19 MiB, t=2, p=1 — the OWASP minimum). */
export const hashPassword = (password: string) => hash(password);

async function createSession(deps: Deps, trx: Transaction<DB> | Deps['db'], userId: string) {
  const token = newSecret();
  // where the person last worked, else the first of their municipalities by name
  const first = await trx
    .selectFrom('memberships as m')
    .innerJoin('municipalities as mu', 'mu.id', 'm.municipalityId')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select('m.municipalityId')
    .where('m.userId', '=', userId)
    .orderBy((eb) => eb.case().when('u.lastMunicipalityId', '=', eb.ref('m.municipalityId')).then(0).else(1).end())
    .orderBy('mu.shortName')
    .executeTakeFirst();
  await trx
    .insertInto('sessions')
    .values({
      id: newId(),
      tokenHash: hashSecret(token),
      userId,
      activeMunicipalityId: first?.municipalityId ?? null,
      csrfToken: newSecret(),
      expiresAt: new Date(Date.now() + deps.config.sessionTtlHours * 3600_000),
    })
    .execute();
  return token;
}

/** argon2id verification; without an account it checks against a dummy hash, so it takes as long. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('not-a-real-password-0000');
    await verify(await dummyHash, password);
    return false;
  }
  return verify(passwordHash, password);
}

/**
 * With PASSWORD_LOGIN=false the identity provider is the only way in: no password sign-in, no reset links, no
 * invitation accepted with a password (`message` says what to do instead where the default does not fit).
 */
export function requirePasswordLogin(deps: Pick<Deps, 'config'>, message?: string) {
  if (!deps.config.passwordLogin) throw new AppError('password_login_disabled', message);
}

const invalidCredentials = () => new AppError('invalid_credentials', 'E-Mail-Adresse oder Passwort sind falsch.');

/** Signs in with email and password (checked by `checkPassword`, with its backoff) and starts a session. */
export async function login(deps: Deps, input: { email: string; password: string }, client: string): Promise<string> {
  requirePasswordLogin(deps);
  const user = await checkPassword(deps, input, client);
  return createSession(deps, deps.db, user.id);
}

/**
 * The one password check of every way in by password (sign-in, an invitation accepted into an existing account).
 * Failures are counted per email and client and per client alone; past the thresholds that client waits 1, 2,
 * 4 … seconds (429), while the account stays open to its owner elsewhere. Unknown emails go through exactly the
 * same steps and answers. `failure` is the error of a wrong password (the caller's wording).
 */
export async function checkPassword(
  deps: Deps,
  input: { email: string; password: string },
  client: string,
  failure: () => AppError = invalidCredentials,
) {
  const keys = throttleKeys(input.email, client);
  const now = new Date();
  const until = await repo.blockedUntil(deps.db, [keys.account, keys.client], now);
  if (until) {
    const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    throw new AppError(
      'rate_limited',
      'Zu viele fehlgeschlagene Anmeldungen von diesem Gerät. Bitte versuchen Sie es später erneut.',
      [],
      {
        retryAfterSeconds,
      },
    );
  }
  const user = await repo.findUserByEmail(deps.db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok) {
    await countFailure(deps, keys, now);
    throw failure();
  }
  await repo.clearThrottle(deps.db, keys.account);
  return user;
}

async function countFailure(deps: Deps, keys: { account: string; client: string }, now: Date) {
  const { loginMaxFailures, loginIpMaxFailures, loginLockMinutes } = deps.config;
  const forgetBefore = new Date(now.getTime() - THROTTLE_FORGET_MS);
  await repo.forgetThrottles(deps.db, forgetBefore);
  for (const [key, threshold] of [
    [keys.account, loginMaxFailures],
    [keys.client, loginIpMaxFailures],
  ] as const) {
    const failures = await repo.countFailure(deps.db, key, now, forgetBefore);
    const wait = loginBackoffSeconds(failures, threshold, loginLockMinutes * 60);
    if (wait > 0) {
      await repo.block(deps.db, key, new Date(now.getTime() + wait * 1000));
      deps.log.warn({ failures, waitSeconds: wait, perClient: key === keys.client }, 'sign-in backoff');
    }
  }
}

export async function logout(deps: Deps, scope: Scope) {
  await deps.db.deleteFrom('sessions').where('id', '=', scope.sessionId).execute();
}

/** Ends every session of the user, on every device. */
export async function logoutEverywhere(deps: Deps, scope: Scope) {
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('userId', '=', scope.user.id).execute();
    await writeAudit(trx, scope, { action: 'logout_all', entity: 'user', entityId: scope.user.id });
  });
}

/** What the UI needs after login: user, active municipality, roles, networks, permissions. */
export async function sessionInfo(deps: Deps, scope: Scope): Promise<SessionResponse> {
  const [municipalities, networks] = await Promise.all([
    repo.municipalitiesOf(deps.db, scope.user.id),
    repo.networksOf(deps.db, scope.municipalityId, scope.user.id),
  ]);
  return {
    user: scope.user,
    csrfToken: scope.csrfToken,
    activeMunicipalityId: scope.municipalityId,
    roles: scope.roles,
    municipalities: municipalities.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role,
    })),
    networks: networks.map((n) => ({ id: n.id, name: n.name, isModerator: Boolean(n.isModerator) })),
    can: presentCan(scope, 'session'),
  };
}

/** Switches the active municipality of this session; only to one the user belongs to. */
export async function switchMunicipality(deps: Deps, scope: Scope, municipalityId: string) {
  const m = await deps.db
    .selectFrom('memberships')
    .select('role')
    .where('userId', '=', scope.user.id)
    .where('municipalityId', '=', municipalityId)
    .executeTakeFirst();
  if (!m) throw new AppError('not_found', 'Sie gehören nicht zu dieser Kommune.');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sessions')
      .set({ activeMunicipalityId: municipalityId })
      .where('id', '=', scope.sessionId)
      .execute();
    await trx
      .updateTable('users')
      .set({ lastMunicipalityId: municipalityId })
      .where('id', '=', scope.user.id)
      .execute();
  });
}

/**
 * Sends a reset link if the account exists. The answer is the same either way and is sent before
 * anything depends on the account (lookup, token, mail), so its timing does not tell either.
 */
export function requestPasswordReset(deps: Deps, email: string) {
  requirePasswordLogin(deps);
  deps.detached.run('password reset mail', () => sendResetLink(deps, email));
}

async function sendResetLink(deps: Deps, email: string) {
  const user = await repo.findUserByEmail(deps.db, email);
  if (!user) return;
  const token = newSecret();
  const link = `${deps.config.publicUrl}/passwort-zuruecksetzen?token=${token}`;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tokens')
      .values({
        id: newId(),
        tokenHash: hashSecret(token),
        purpose: 'password_reset',
        userId: user.id,
        expiresAt: new Date(Date.now() + RESET_TTL_MS),
      })
      .execute();
    await deps.outbox.queue(trx, user.email, MAILS.passwordReset({ name: user.name, link }));
  });
  // this runs after the answer: deliver now rather than at the next poll
  deps.outbox.kick();
}

/** Sets a new password from a single-use link and ends all existing sessions of the account. */
export async function confirmPasswordReset(deps: Deps, token: string, password: string) {
  requirePasswordLogin(deps);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    const t = await trx
      .updateTable('tokens')
      .set({ usedAt: new Date() })
      .where('tokenHash', '=', hashSecret(token))
      .where('purpose', '=', 'password_reset')
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', new Date())
      .returning(['userId'])
      .executeTakeFirst();
    if (!t?.userId)
      throw new AppError('token_invalid', 'Der Link ist ungültig oder abgelaufen.', [
        { path: 'body.token', code: 'token_invalid', message: 'Der Link ist ungültig oder abgelaufen.' },
      ]);
    await trx
      .updateTable('users')
      .set((eb) => ({
        passwordHash,
        version: eb('version', '+', 1),
        updatedAt: new Date(),
      }))
      .where('id', '=', t.userId)
      .execute();
    // every other open reset link of the account dies with this one: an older mail in a mailbox
    // someone else can read must not set the password again
    await trx
      .updateTable('tokens')
      .set({ usedAt: new Date() })
      .where('userId', '=', t.userId)
      .where('purpose', '=', 'password_reset')
      .where('usedAt', 'is', null)
      .execute();
    await trx.deleteFrom('sessions').where('userId', '=', t.userId).execute();
    await writeAudit(trx, null, { action: 'password_reset', entity: 'user', entityId: t.userId, municipalityId: null });
  });
}

/** Creates the one-time setup token for an empty installation (DEMO=false) and returns the link. */
export async function ensureSetupLink(deps: Pick<Deps, 'db' | 'config' | 'log'>): Promise<string | null> {
  const anyUser = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return null;
  const token = newSecret();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('tokens').where('purpose', '=', 'setup').execute();
    await trx
      .insertInto('tokens')
      .values({
        id: newId(),
        tokenHash: hashSecret(token),
        purpose: 'setup',
        expiresAt: new Date(Date.now() + 7 * 24 * 3600_000),
      })
      .execute();
  });
  return `${deps.config.publicUrl}/einrichtung?token=${token}`;
}

/**
 * What the setup page says before the form is filled: until when a valid link works — or, as a 404 like an
 * unknown invitation, why it does not: already used (or the platform already has its administrator), expired,
 * or unknown. Only the holder of a link learns about it; that an installation is set up is no secret (its
 * sign-in page shows as much).
 */
export async function setupLinkInfo(deps: Pick<Deps, 'db'>, token: string): Promise<{ expiresAt: string }> {
  const [t, anyUser] = await Promise.all([
    deps.db
      .selectFrom('tokens')
      .select(['usedAt', 'expiresAt'])
      .where('tokenHash', '=', hashSecret(token))
      .where('purpose', '=', 'setup')
      .executeTakeFirst(),
    deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst(),
  ]);
  const closed = (reason: 'used' | 'expired' | 'unknown') =>
    new AppError(
      'token_invalid',
      'Der Einrichtungslink ist ungültig, abgelaufen oder wurde bereits verwendet.',
      [{ path: 'token', code: 'token_invalid', message: 'Der Link ist ungültig.' }],
      { reason },
    );
  if (t?.usedAt || (!t && anyUser)) throw closed('used');
  if (!t) throw closed('unknown');
  if (new Date(t.expiresAt) <= new Date()) throw closed('expired');
  return { expiresAt: new Date(t.expiresAt).toISOString() };
}

/** Creates the first platform administrator from the setup link and signs them in. */
export async function completeSetup(
  deps: Deps,
  input: { token: string; name: string; email: string; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const t = await trx
      .updateTable('tokens')
      .set({ usedAt: new Date() })
      .where('tokenHash', '=', hashSecret(input.token))
      .where('purpose', '=', 'setup')
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', new Date())
      .returning('id')
      .executeTakeFirst();
    if (!t)
      throw new AppError('token_invalid', 'Der Einrichtungslink ist ungültig oder wurde bereits verwendet.', [
        { path: 'body.token', code: 'token_invalid', message: 'Der Link ist ungültig.' },
      ]);
    const id = newId();
    await trx
      .insertInto('users')
      .values({ id, email: input.email, name: input.name, passwordHash, isPlatformAdmin: true })
      .execute();
    await writeAudit(
      trx,
      { user: { id }, municipalityId: null },
      { action: 'setup', entity: 'user', entityId: id, after: { email: input.email, name: input.name } },
    );
    return createSession(deps, trx, id);
  });
}

/** Changes the user's display name and language. */
export async function updateProfile(deps: Deps, scope: Scope, input: { name: string; locale: string }) {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ name: input.name, locale: input.locale, updatedAt: new Date() })
      .where('id', '=', scope.user.id)
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'user',
      entityId: scope.user.id,
      before: { name: scope.user.name, locale: scope.user.locale },
      after: input,
    });
  });
}

export { createSession };
