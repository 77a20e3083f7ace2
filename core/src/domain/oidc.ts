import type { MunicipalityRole } from './roles.js';

/** One rule of the claim mapping: this value of this claim gives this role in the municipality with this AGS. */
export interface ClaimMappingRule {
  claim: string;
  value: string;
  ags: string;
  role: MunicipalityRole;
}

/** When several rules name the same municipality, the role with the most rights wins. */
const ROLE_RANK: Record<MunicipalityRole, number> = { admin: 5, coordinator: 4, mayor: 3, staff: 2, council: 1 };

/** The values of a claim as strings: a string, a list of strings (groups) or a number/boolean; else none. */
export function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  // a claim by its name, else by a dotted path into nested claims (Keycloak's `realm_access.roles`)
  let v: unknown = claims[claim];
  if (v === undefined && claim.includes('.'))
    v = claim
      .split('.')
      .reduce<unknown>(
        (o, k) => (o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>)[k] : undefined),
        claims,
      );
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list
    .filter((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')
    .map((x) => String(x));
}

/**
 * The memberships the provider's claims give (AGS → role), from the configured rules; the strongest role per
 * municipality. An empty map: the claims say nothing about municipalities.
 */
export function mapClaims(
  claims: Record<string, unknown>,
  rules: readonly ClaimMappingRule[],
): Map<string, MunicipalityRole> {
  const out = new Map<string, MunicipalityRole>();
  for (const rule of rules) {
    if (!claimValues(claims, rule.claim).includes(rule.value)) continue;
    const had = out.get(rule.ags);
    if (!had || ROLE_RANK[rule.role] > ROLE_RANK[had]) out.set(rule.ags, rule.role);
  }
  return out;
}

/** A path of this app to continue at after signing in (an absolute or protocol-relative URL is refused). */
export function safeReturnPath(path: string | undefined | null): string {
  if (!path?.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  // no control characters (a line break would end a header)
  if ([...path].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '/';
  // a Location header carries ASCII only: "/€" or a full-width space is percent-encoded (found by an outside attack:
  // the redirect after the sign-in failed with a 500); what was encoded already stays as it is
  let encoded: string;
  try {
    encoded = encodeURI(path).replace(/%25([0-9A-Fa-f]{2})/g, '%$1');
  } catch {
    return '/';
  }
  // after encoding a backslash or a second slash at the start must still not leave the origin
  if (encoded.startsWith('//') || encoded.startsWith('/\\') || !/^[\x21-\x7e]*$/.test(encoded)) return '/';
  return encoded;
}
