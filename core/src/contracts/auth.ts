import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/password.js';
import { canSchema } from '../domain/permissions.js';
import { MUNICIPALITY_ROLES } from '../domain/roles.js';
import { uuid } from './common.js';

export const email = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase().trim());
/** Password policy: at least 10 characters (BSI recommends length over complexity), see domain/password.ts. */
export const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
export const municipalityRole = z.enum(MUNICIPALITY_ROLES);

export const loginBody = z.object({ email, password: z.string().min(1).max(200) });

export const sessionResponse = z.object({
  user: z.object({ id: uuid, email: z.string(), name: z.string(), locale: z.string(), isPlatformAdmin: z.boolean() }),
  csrfToken: z.string(),
  activeMunicipalityId: uuid.nullable(),
  roles: z.array(municipalityRole),
  municipalities: z.array(z.object({ id: uuid, name: z.string(), role: municipalityRole })),
  networks: z.array(z.object({ id: uuid, name: z.string(), isModerator: z.boolean() })),
  can: canSchema('session'),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const switchBody = z.object({ municipalityId: uuid });
export const resetRequestBody = z.object({ email });
export const tokenBody = z.object({ token: z.string().min(20).max(200) });
export const resetConfirmBody = z.object({ token: z.string().min(20).max(200), password });
/**
 * Accepting with a password: a new account (name and new password) or an existing one (its password; the name is
 * ignored). Refused with 403 `password_login_disabled` when the password sign-in is switched off.
 */
export const acceptInvitationBody = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(2).max(120),
  password,
});
/** Accepting while signed in as the invited person (no password; the session's email must be the invitation's). */
export const acceptInvitationSignedInBody = tokenBody;
export const setupBody = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(2).max(120),
  email,
  password,
});
/** A valid setup link (an unusable one answers 404 `token_invalid` with `reason`: used, expired or unknown). */
export const setupLinkInfo = z.object({ expiresAt: z.string() });
/** What the accept page shows: an invitation into a municipality (with a role) or to moderate a network. */
export const invitationInfo = z.object({
  kind: z.enum(['municipality', 'network_moderator']),
  email: z.string(),
  municipalityName: z.string().nullable(),
  role: municipalityRole.nullable(),
  networkName: z.string().nullable(),
  existingUser: z.boolean(),
  expiresAt: z.string(),
});
export const profileBody = z.object({ name: z.string().trim().min(2).max(120), locale: z.enum(['de', 'en']) });

/** How one signs in here: the password form (unless switched off) and the identity provider's button. */
export const authOptions = z.object({
  passwordLogin: z.boolean(),
  /** The provider's name for „Mit <Name> anmelden“; null without OpenID Connect. */
  oidc: z.object({ name: z.string() }).nullable(),
});
export type AuthOptions = z.infer<typeof authOptions>;

/** After a logout: where the browser goes to end the session at the identity provider too (OIDC sessions only). */
export const logoutResponse = z.object({ ok: z.literal(true), endSessionUrl: z.string().optional() });

/** Why a sign-in through the identity provider was refused (`/anmelden?fehler=<code>`; the page explains it). */
export const OIDC_ERROR_CODES = [
  'oidc_state',
  'oidc_cancelled',
  'oidc_issuer',
  'oidc_code',
  'oidc_token_expired',
  'oidc_email_missing',
  'oidc_email_unverified',
  'oidc_no_account',
  'oidc_unavailable',
  'oidc_disabled',
  'oidc_failed',
] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];
/** The start of a sign-in through the provider: where to go afterwards (a path of this app). */
export const oidcStartQuery = z.object({ weiter: z.string().max(2000).optional() });
/** The provider's answer at the callback (the parameters are checked by openid-client, not here). */
export const oidcCallbackQuery = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(4000).optional(),
  iss: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(4000).optional(),
  session_state: z.string().max(4000).optional(),
});
