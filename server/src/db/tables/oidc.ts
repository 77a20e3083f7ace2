import type { Timestamp } from './columns.js';

/** A provider's account (issuer + subject) linked to a user on the first OpenID Connect sign-in. */
export interface UserIdentities {
  issuer: string;
  subject: string;
  userId: string;
  /** The email the provider last reported (for the administration; matching uses the link). */
  email: string | null;
  createdAt: Timestamp;
  lastLoginAt: Timestamp;
}
/** A sign-in under way: keyed by the hash of the browser's cookie, used once, gone after ten minutes. */
export interface OidcLoginStates {
  id: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: Date;
}
/** A session that came from the provider: its ID token is the hint of the logout at the provider. */
export interface OidcSessions {
  sessionId: string;
  issuer: string;
  idToken: string;
}
