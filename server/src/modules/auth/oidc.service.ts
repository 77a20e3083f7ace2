import { type MunicipalityRole, mapClaims, safeReturnPath } from '@dz/core';
import type { Transaction } from 'kysely';
import * as client from 'openid-client';
import { z } from 'zod';
import type { OidcConfig } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import type { Deps } from '../../lib/deps.js';
import { hashSecret, newId, newSecret } from '../../lib/ids.js';
import { hasOpenInvitation } from '../members/invitation-accept.service.js';
import { createSession } from './auth.service.js';
import { OidcRefusal, oidcClient } from './oidc.client.js';

/** A sign-in must come back from the provider within ten minutes. */
export const OIDC_STATE_TTL_MS = 10 * 60_000;

function configured(deps: Deps): OidcConfig {
  if (!deps.config.oidc) throw new OidcRefusal('oidc_disabled');
  return deps.config.oidc;
}

/**
 * Starts a sign-in at the provider: authorization code flow with PKCE (S256), state and nonce. The three secrets
 * stay on the server, keyed by the hash of a random value the browser keeps in a short-lived cookie, so only the
 * browser that started a sign-in can finish it, and only once.
 */
export async function startOidcLogin(deps: Deps, returnTo: string | undefined) {
  const oidc = configured(deps);
  const config = await oidcClient(oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const browser = newSecret();
  const now = new Date();
  await deps.db.deleteFrom('oidcLoginStates').where('expiresAt', '<', now).execute();
  await deps.db
    .insertInto('oidcLoginStates')
    .values({
      id: hashSecret(browser),
      state,
      nonce,
      codeVerifier,
      returnTo: safeReturnPath(returnTo),
      expiresAt: new Date(now.getTime() + OIDC_STATE_TTL_MS),
    })
    .execute();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidc.redirectUri,
    scope: oidc.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, browser };
}

const emailSchema = z.email().max(254);

/** The person's name from the usual claims, else the email's local part. */
function displayName(claims: Record<string, unknown>, email: string): string {
  const str = (k: string) => (typeof claims[k] === 'string' ? (claims[k] as string).trim() : '');
  const name =
    str('name') || [str('given_name'), str('family_name')].filter(Boolean).join(' ') || str('preferred_username');
  const chosen = name.length >= 2 ? name : email.split('@')[0]!;
  return chosen.slice(0, 120);
}

/**
 * Finishes a sign-in at the callback: the one-time state of this browser, the code exchanged with the verifier
 * (openid-client checks issuer, audience, signature, expiry and nonce of the ID token), then the person: linked
 * before (issuer + subject), or matched by a verified email and linked now, or created when the claim mapping
 * gives them a municipality or an invitation to that verified email is open (they accept it signed in, back on the
 * invitation page). Memberships follow the mapping; the session is the platform's own.
 */
export async function finishOidcLogin(deps: Deps, currentUrl: URL, browser: string | undefined) {
  const oidc = configured(deps);
  if (!browser) throw new OidcRefusal('oidc_state', 'no sign-in cookie');
  const pending = await deps.db
    .deleteFrom('oidcLoginStates')
    .where('id', '=', hashSecret(browser))
    .returningAll()
    .executeTakeFirst();
  if (!pending || new Date(pending.expiresAt) <= new Date()) throw new OidcRefusal('oidc_state', 'unknown or expired');
  const config = await oidcClient(oidc);
  const tokens = await client.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) throw new OidcRefusal('oidc_failed', 'no ID token');
  let claims: Record<string, unknown> = { ...idClaims };
  // a provider may put email and groups into the userinfo answer only (oidc-provider does when it issues an
  // access token): ask it when the ID token lacks any of them
  const wanted = ['email', 'email_verified', ...oidc.mapping.map((r) => r.claim.split('.')[0]!)];
  if (wanted.some((k) => !(k in idClaims)) && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
    const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    claims = { ...info, ...idClaims };
  }
  const issuer = config.serverMetadata().issuer;
  const idToken = tokens.id_token;
  return deps.db.transaction().execute(async (trx) => {
    const person = await resolvePerson(deps, trx, oidc, issuer, idClaims.sub, claims);
    const changes = await applyMapping(deps, trx, oidc, person.userId, claims);
    const token = await createSession(deps, trx, person.userId);
    const session = await trx
      .selectFrom('sessions')
      .select('id')
      .where('tokenHash', '=', hashSecret(token))
      .executeTakeFirstOrThrow();
    await trx.insertInto('oidcSessions').values({ sessionId: session.id, issuer, idToken }).execute();
    await writeAudit(
      trx,
      { user: { id: person.userId }, municipalityId: null },
      {
        action: 'oidc_login',
        entity: 'user',
        entityId: person.userId,
        municipalityId: null,
        after: { issuer, via: person.via, memberships: changes },
      },
    );
    return { token, returnTo: pending.returnTo };
  });
}

type Person = { userId: string; via: 'link' | 'email' | 'created' };

async function resolvePerson(
  deps: Deps,
  trx: Transaction<DB>,
  oidc: OidcConfig,
  issuer: string,
  subject: string,
  claims: Record<string, unknown>,
): Promise<Person> {
  const parsedEmail = emailSchema.safeParse(typeof claims.email === 'string' ? claims.email.trim() : undefined);
  const email = parsedEmail.success ? parsedEmail.data.toLowerCase() : undefined;
  const linked = await trx
    .updateTable('userIdentities')
    .set({ lastLoginAt: new Date(), ...(email ? { email } : {}) })
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .returning('userId')
    .executeTakeFirst();
  if (linked) return { userId: linked.userId, via: 'link' };
  if (!email) throw new OidcRefusal('oidc_email_missing');
  // only an address the provider vouches for may open an existing account (otherwise anyone could claim it)
  // a provider without the claim (Entra ID) can be trusted by configuration; an explicit false never is
  const verified =
    claims.email_verified === true ||
    claims.email_verified === 'true' ||
    (oidc.trustEmail === true && claims.email_verified === undefined);
  if (!verified) throw new OidcRefusal('oidc_email_unverified');
  const existing = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  let person: Person;
  if (existing) {
    person = { userId: existing.id, via: 'email' };
  } else {
    const mapped = await resolveMapping(deps, trx, oidc, claims);
    // an invited person the mapping does not place gets the account to accept the invitation with
    const invited = mapped.size === 0 && (await hasOpenInvitation(trx, email));
    if (mapped.size === 0 && !invited) throw new OidcRefusal('oidc_no_account');
    const id = newId();
    const name = displayName(claims, email);
    await trx.insertInto('users').values({ id, email, name, passwordHash: null }).execute();
    await writeAudit(
      trx,
      { user: { id }, municipalityId: null },
      {
        action: 'create',
        entity: 'user',
        entityId: id,
        municipalityId: null,
        after: { email, name, via: invited ? 'oidc_invitation' : 'oidc' },
      },
    );
    person = { userId: id, via: 'created' };
  }
  await trx.insertInto('userIdentities').values({ issuer, subject, userId: person.userId, email }).execute();
  await writeAudit(
    trx,
    { user: { id: person.userId }, municipalityId: null },
    { action: 'oidc_link', entity: 'user', entityId: person.userId, municipalityId: null, after: { issuer, email } },
  );
  return person;
}

/** The mapping's memberships by municipality id; AGS the directory does not know are skipped (and logged). */
async function resolveMapping(deps: Deps, trx: Transaction<DB>, oidc: OidcConfig, claims: Record<string, unknown>) {
  const byAgs = mapClaims(claims, oidc.mapping);
  const out = new Map<string, MunicipalityRole>();
  if (byAgs.size === 0) return out;
  const rows = await trx
    .selectFrom('municipalities')
    .select(['id', 'ags'])
    .where('ags', 'in', [...byAgs.keys()])
    .execute();
  for (const r of rows) out.set(r.id, byAgs.get(r.ags)!);
  if (rows.length < byAgs.size) {
    const known = new Set(rows.map((r) => r.ags));
    deps.log.warn({ ags: [...byAgs.keys()].filter((a) => !known.has(a)) }, 'OIDC mapping names unknown municipalities');
  }
  return out;
}

/**
 * Memberships from the mapping: missing ones are added. With OIDC_MAPPING_AUTHORITATIVE the provider decides
 * everything: roles follow the mapping and memberships it does not name end (with the sessions in them).
 * Without, roles given in the platform stay. Each change is audited in its municipality.
 */
async function applyMapping(
  deps: Deps,
  trx: Transaction<DB>,
  oidc: OidcConfig,
  userId: string,
  claims: Record<string, unknown>,
) {
  if (oidc.mapping.length === 0) return [];
  const mapped = await resolveMapping(deps, trx, oidc, claims);
  const current = await trx
    .selectFrom('memberships')
    .select(['municipalityId', 'role'])
    .where('userId', '=', userId)
    .execute();
  const had = new Map(current.map((m) => [m.municipalityId, m.role]));
  const changes: { municipalityId: string; before: MunicipalityRole | null; after: MunicipalityRole | null }[] = [];
  for (const [municipalityId, role] of mapped) {
    const before = had.get(municipalityId);
    if (!before) {
      await trx.insertInto('memberships').values({ userId, municipalityId, role, departmentId: null }).execute();
      changes.push({ municipalityId, before: null, after: role });
    } else if (before !== role && oidc.mappingAuthoritative) {
      await trx
        .updateTable('memberships')
        .set((eb) => ({ role, version: eb('version', '+', 1), updatedAt: new Date() }))
        .where('userId', '=', userId)
        .where('municipalityId', '=', municipalityId)
        .execute();
      changes.push({ municipalityId, before, after: role });
    }
  }
  if (oidc.mappingAuthoritative) {
    for (const [municipalityId, before] of had) {
      if (mapped.has(municipalityId)) continue;
      await trx
        .deleteFrom('memberships')
        .where('userId', '=', userId)
        .where('municipalityId', '=', municipalityId)
        .execute();
      await trx
        .deleteFrom('sessions')
        .where('userId', '=', userId)
        .where('activeMunicipalityId', '=', municipalityId)
        .execute();
      changes.push({ municipalityId, before, after: null });
    }
  }
  for (const c of changes) {
    await writeAudit(trx, null, {
      action: c.before === null ? 'create' : c.after === null ? 'delete' : 'update',
      entity: 'membership',
      entityId: userId,
      municipalityId: c.municipalityId,
      before: c.before ? { role: c.before } : null,
      after: c.after ? { role: c.after, via: 'oidc' } : null,
    });
  }
  return changes;
}

/**
 * The logout at the provider (RP-initiated logout) for a session that came from it: the end-session URL with the
 * ID token as hint and the configured return address; undefined for password sessions or without the endpoint.
 */
export async function endSessionUrl(deps: Deps, sessionId: string): Promise<string | undefined> {
  const oidc = deps.config.oidc;
  if (!oidc) return undefined;
  const row = await deps.db
    .selectFrom('oidcSessions')
    .select(['idToken'])
    .where('sessionId', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  try {
    const config = await oidcClient(oidc);
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(config, {
      id_token_hint: row.idToken,
      post_logout_redirect_uri: oidc.postLogoutRedirectUri,
    }).href;
  } catch (err) {
    deps.log.warn({ err }, 'OIDC end-session URL unavailable');
    return undefined;
  }
}
