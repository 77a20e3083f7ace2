/**
 * Secrets travel in some URLs: invitation links, reset and setup links (?token=), the iCalendar feed
 * address, the newsroom's intranet feed addresses, the participant token of live workshop streams. Logs keep only the shape of such URLs.
 * This is the one list of them; a test enumerates the routes so new secret parameters are not missed.
 */
const SECRET_PATHS: RegExp[] = [
  /(\/api\/v1\/auth\/invitations\/)(?!accept(?:-signed-in)?(?:[/?]|$))[^/?]+/,
  /(\/api\/v1\/auth\/setup\/)[^/?]+/,
  /(\/api\/v1\/calendar\/)[^/?]+?(?=\.ics(?:\?|$)|\?|$)/,
  /(\/api\/v1\/news-feeds\/)[^/?]+/,
];
/** Query parameters whose value is a secret (any case, every occurrence). */
const SECRET_QUERY = /([?&](?:token|secret|key|code|password|access_token|signature)=)[^&#]*/gi;
/** The same inside an encoded return path (`/oidc/start?weiter=%2Feinladung%3Ftoken%3D…` from the invitation page). */
const SECRET_QUERY_ENCODED = /((?:%3F|%26)(?:token|secret|key|code|password|access_token|signature)%3D)[^&#%]*/gi;

export const REDACTED = '[redacted]';

/** The URL with every secret replaced by `[redacted]`, for logs. */
export function redactUrl(url: string): string {
  let out = url;
  for (const re of SECRET_PATHS) out = out.replace(re, `$1${REDACTED}`);
  return out.replace(SECRET_QUERY, `$1${REDACTED}`).replace(SECRET_QUERY_ENCODED, `$1${REDACTED}`);
}
