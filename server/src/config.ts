import path from 'node:path';
import { type ClaimMappingRule, MUNICIPALITY_ROLES } from '@dz/core';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable the server reads; documented in README and .env.example. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  DEMO: bool.default(true),
  TRUST_PROXY: bool.default(false),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Digitalzirkel <no-reply@digitalzirkel.localhost>'),
  ACCESSIBILITY_CONTACT: z.email().default('barrierefreiheit@digitalzirkel.localhost'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(50),
  RATE_LIMIT_WRITES: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_AUTH: z.coerce.number().int().min(1).default(10),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  WEB_DIST: z.string().optional(),
  METRICS_TOKEN: z.string().min(16).optional(),
  SCOPE_CACHE: z.enum(['on', 'off']).default('on'),
  // sign-in through the municipality's identity provider (OpenID Connect); off while OIDC_ISSUER is unset
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default('openid email profile'),
  OIDC_DISPLAY_NAME: z.string().trim().min(1).max(60).default('Single Sign-on'),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_CLAIM_MAPPING: z.string().default('[]'),
  OIDC_MAPPING_AUTHORITATIVE: bool.default(false),
  // the provider vouches for every address it sends (Entra ID sends no email_verified; Keycloak's "Trust Email")
  OIDC_TRUST_EMAIL: bool.default(false),
  OIDC_POST_LOGOUT_REDIRECT_URL: z.url().optional(),
  PASSWORD_LOGIN: bool.default(true),
});

/** One rule of OIDC_CLAIM_MAPPING: a value of a claim (default: the groups claim) gives a role in a municipality. */
const mappingRule = z.strictObject({
  claim: z.string().min(1).optional(),
  value: z.string().min(1),
  ags: z.string().regex(/^\d{8}$/, 'AGS mit 8 Ziffern'),
  role: z.enum(MUNICIPALITY_ROLES),
});

/** The OpenID Connect provider the platform signs in through (authorization code flow with PKCE). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Without a secret the platform is a public client (PKCE only). */
  clientSecret?: string;
  scopes: string;
  /** The provider's name on the sign-in button: „Mit <Name> anmelden“. */
  displayName: string;
  /** Where the provider is sent back to: PUBLIC_URL + /api/v1/auth/oidc/callback. */
  redirectUri: string;
  /** Where the provider sends the browser after its logout. */
  postLogoutRedirectUri: string;
  mapping: ClaimMappingRule[];
  /** The mapping decides every membership (others are removed at sign-in), not only the mapped ones. */
  mappingAuthoritative: boolean;
  /**
   * Every email the provider sends counts as verified (for providers that send no `email_verified`, e.g. Entra ID,
   * whose addresses the organisation assigns). Off by default: an unverified address never opens an account.
   */
  trustEmail?: boolean;
  /** Plain http to the provider: only for a provider on this machine (tests). */
  allowHttp: boolean;
  /** Test-only: seconds the client's clock is assumed ahead (an ID token that expired). Never from the environment. */
  clockSkewSeconds?: number;
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  publicUrl: string;
  demo: boolean;
  trustProxy: boolean;
  smtpUrl?: string;
  mailFrom: string;
  /** Feedback channel of the accessibility statement (BITV 2.0 requires one). */
  accessibilityContact: string;
  logLevel: string;
  sessionTtlHours: number;
  /** Failed sign-ins per account and client before that client waits (exponential backoff) for it. */
  loginMaxFailures: number;
  /** Failed sign-ins per client, over all accounts, before the client waits for any account. */
  loginIpMaxFailures: number;
  /** Longest backoff; failures older than this (without a new one) are forgotten. */
  loginLockMinutes: number;
  webDist?: string;
  /** Bearer token for /metrics (otherwise platform administrators only). */
  metricsToken?: string;
  /** Secure cookies and HSTS only when the public URL is https (behind TLS). */
  secureCookies: boolean;
  /** Writes per client and minute. */
  rateLimitMax: number;
  /** Credential attempts (login, reset, invitation) per client and minute. */
  authRateLimitMax: number;
  /** Session scopes cached in process, invalidated through database notifications (ADR 0006). */
  scopeCache: boolean;
  /** Sign-in through an OpenID Connect provider, when configured. */
  oidc?: OidcConfig;
  /** Email and password sign-in (PASSWORD_LOGIN=false leaves the provider as the only way in). */
  passwordLogin: boolean;
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function oidcConfig(e: z.infer<typeof envSchema>, publicUrl: string): { oidc?: OidcConfig; problems: string[] } {
  const problems: string[] = [];
  if (!e.OIDC_ISSUER) {
    if (!e.PASSWORD_LOGIN) problems.push('PASSWORD_LOGIN: false needs OIDC_ISSUER (otherwise nobody can sign in)');
    return { problems };
  }
  if (!e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER');
  const issuer = new URL(e.OIDC_ISSUER);
  const allowHttp = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  if (issuer.protocol !== 'https:' && !allowHttp) problems.push('OIDC_ISSUER: must be https');
  if (!e.OIDC_SCOPES.split(/\s+/).includes('openid')) problems.push('OIDC_SCOPES: must contain openid');
  let mapping: ClaimMappingRule[] = [];
  try {
    const parsed = z.array(mappingRule).safeParse(JSON.parse(e.OIDC_CLAIM_MAPPING));
    if (parsed.success) mapping = parsed.data.map((r) => ({ ...r, claim: r.claim ?? e.OIDC_GROUPS_CLAIM }));
    else for (const i of parsed.error.issues) problems.push(`OIDC_CLAIM_MAPPING: ${i.path.join('.')}: ${i.message}`);
  } catch {
    problems.push('OIDC_CLAIM_MAPPING: not valid JSON');
  }
  if (problems.length) return { problems };
  return {
    problems,
    oidc: {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID!,
      clientSecret: e.OIDC_CLIENT_SECRET,
      scopes: e.OIDC_SCOPES,
      displayName: e.OIDC_DISPLAY_NAME,
      redirectUri: `${publicUrl}/api/v1/auth/oidc/callback`,
      postLogoutRedirectUri: e.OIDC_POST_LOGOUT_REDIRECT_URL ?? `${publicUrl}/anmelden`,
      mapping,
      mappingAuthoritative: e.OIDC_MAPPING_AUTHORITATIVE,
      trustEmail: e.OIDC_TRUST_EMAIL,
      allowHttp,
    },
  };
}

/** Parses the environment once at boot; throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const { oidc, problems } = oidcConfig(e, publicUrl.replace(/\/+$/, ''));
  if (problems.length) throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    port: e.PORT,
    host: e.HOST,
    // relative to where `npm start` was typed (npm runs workspace scripts inside server/)
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    demo: e.DEMO,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    accessibilityContact: e.ACCESSIBILITY_CONTACT,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginIpMaxFailures: e.LOGIN_IP_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    webDist: e.WEB_DIST,
    metricsToken: e.METRICS_TOKEN,
    secureCookies: publicUrl.startsWith('https://'),
    rateLimitMax: e.RATE_LIMIT_WRITES,
    authRateLimitMax: e.RATE_LIMIT_AUTH,
    scopeCache: e.SCOPE_CACHE === 'on',
    oidc,
    passwordLogin: e.PASSWORD_LOGIN,
    ...overrides,
  };
}
