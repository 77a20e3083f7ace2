import type { OidcErrorCode } from '@dz/core';
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.js';

/**
 * The provider's metadata, discovered once per configuration on first use (not at boot: a provider that is down
 * must not keep the platform from starting). A failed discovery is forgotten, so the next sign-in tries again.
 */
const discovered = new WeakMap<OidcConfig, Promise<client.Configuration>>();

export function oidcClient(oidc: OidcConfig): Promise<client.Configuration> {
  let pending = discovered.get(oidc);
  if (!pending) {
    const metadata: Partial<client.ClientMetadata> = {
      ...(oidc.clientSecret ? { client_secret: oidc.clientSecret } : {}),
      ...(oidc.clockSkewSeconds ? { [client.clockSkew]: oidc.clockSkewSeconds } : {}),
    };
    pending = client.discovery(
      new URL(oidc.issuer),
      oidc.clientId,
      metadata,
      oidc.clientSecret ? client.ClientSecretPost(oidc.clientSecret) : client.None(),
      { timeout: 10, ...(oidc.allowHttp ? { execute: [client.allowInsecureRequests] } : {}) },
    );
    pending.catch(() => discovered.delete(oidc));
    discovered.set(oidc, pending);
  }
  return pending;
}

/** A refusal of the OpenID Connect sign-in with the code the sign-in page turns into a German message. */
export class OidcRefusal extends Error {
  constructor(
    readonly code: OidcErrorCode,
    readonly detail?: string,
  ) {
    super(detail ?? code);
  }
}

/** The objects in an error's cause chain (openid-client wraps oauth4webapi's errors, which carry the details). */
function causes(err: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    out.push(e as Record<string, unknown>);
    e = (e as { cause?: unknown }).cause;
  }
  return out;
}

/** What went wrong, as one of the codes the sign-in page explains. */
export function refusalOf(err: unknown): OidcRefusal {
  if (err instanceof OidcRefusal) return err;
  const chain = causes(err);
  const has = (key: string, value: string) => chain.some((c) => c[key] === value);
  const text = chain.map((c) => (typeof c.message === 'string' ? c.message : '')).join(' | ');
  const detail = text || String(err);
  if (err instanceof client.AuthorizationResponseError) {
    return new OidcRefusal(err.error === 'access_denied' ? 'oidc_cancelled' : 'oidc_failed', detail);
  }
  if (err instanceof client.ResponseBodyError) {
    return new OidcRefusal(err.error === 'invalid_grant' ? 'oidc_code' : 'oidc_failed', detail);
  }
  // the issuer of the discovery document, of the authorization response (RFC 9207) or of the ID token
  if (has('attribute', 'issuer') || has('claim', 'iss') || /"iss"|issuer/.test(text)) {
    return new OidcRefusal('oidc_issuer', detail);
  }
  if (has('code', 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED')) return new OidcRefusal('oidc_token_expired', detail);
  if (has('claim', 'nonce') || /"state"/.test(text)) return new OidcRefusal('oidc_state', detail);
  if (
    err instanceof TypeError ||
    has('code', 'OAUTH_TIMEOUT') ||
    has('code', 'ECONNREFUSED') ||
    has('code', 'OAUTH_RESPONSE_IS_NOT_CONFORM') ||
    has('code', 'OAUTH_RESPONSE_IS_NOT_JSON')
  ) {
    return new OidcRefusal('oidc_unavailable', detail);
  }
  return new OidcRefusal('oidc_failed', detail);
}
