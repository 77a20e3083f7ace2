import path from 'node:path';
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
});

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
};

/** Parses the environment once at boot; throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
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
    ...overrides,
  };
}
