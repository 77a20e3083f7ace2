import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { createMailer, type Mailer } from './jobs/mailer.js';
import type { Deps } from './lib/deps.js';
import { Detached } from './lib/detached.js';
import { type Listen, LiveHub } from './lib/realtime.js';
import { redactUrl } from './lib/redact.js';
import { registerAccessDefaults } from './lib/route.js';
import { MailOutbox } from './mail/outbox.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { communicationRoutes } from './modules/communication/communication.routes.js';
import { competencesRoutes } from './modules/competences/competences.routes.js';
import { exchangeRoutes, jointRoutes, partnersRoutes } from './modules/exchange/exchange.routes.js';
import { financeRoutes } from './modules/finance/finance.routes.js';
import { guidesRoutes } from './modules/guides/guides.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { ideasRoutes } from './modules/ideas/ideas.routes.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { maturityRoutes } from './modules/maturity/maturity.routes.js';
import { membersRoutes } from './modules/members/members.routes.js';
import { municipalitiesRoutes } from './modules/municipalities/municipalities.routes.js';
import { needsRoutes } from './modules/needs/needs.routes.js';
import { networkMembershipsRoutes, networksRoutes } from './modules/networks/networks.routes.js';
import { newsFeedRoutes, newsroomRoutes } from './modules/newsroom/newsroom.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { oparlRoutes } from './modules/oparl/oparl.routes.js';
import { legalRoutes, privacyRoutes } from './modules/privacy/privacy.routes.js';
import { processesRoutes } from './modules/processes/processes.routes.js';
import { portfolioRoutes } from './modules/projects/portfolio.routes.js';
import { projectsRoutes } from './modules/projects/projects.routes.js';
import { pulseRoutes } from './modules/pulse/pulse.routes.js';
import { sharedServicesRoutes } from './modules/shared-services/shared-services.routes.js';
import { staffCouncilRoutes } from './modules/staff-council/staff-council.routes.js';
import { startRoutes } from './modules/start/start.routes.js';
import { surveysRoutes } from './modules/surveys/surveys.routes.js';
import { targetPictureRoutes } from './modules/target-picture/target-picture.routes.js';
import { liveRoutes, workshopsRoutes } from './modules/workshops/workshops.routes.js';
import { registerErrorHandler, registerNotFound } from './plugins/errors.js';
import { type PoolStats, registerMetrics } from './plugins/metrics.js';
import { registerOpenApi } from './plugins/openapi.js';
import { ScopeCache } from './plugins/scope-cache.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { serializerCompiler } from './plugins/serialize.js';
import { registerSession } from './plugins/session.js';
import { registerWeb } from './plugins/web.js';

// field errors in German like every other message of the API (Zod's own texts are English)
z.config(z.locales.de());

/** Every module's routes: prefixed plugins, each with a default access level (lib/route.ts). */
export const MODULES = [
  healthRoutes,
  authRoutes,
  municipalitiesRoutes,
  startRoutes,
  membersRoutes,
  networksRoutes,
  networkMembershipsRoutes,
  surveysRoutes,
  workshopsRoutes,
  liveRoutes,
  needsRoutes,
  ideasRoutes,
  communicationRoutes,
  newsroomRoutes,
  newsFeedRoutes,
  staffCouncilRoutes,
  competencesRoutes,
  processesRoutes,
  maturityRoutes,
  notificationRoutes,
  guidesRoutes,
  pulseRoutes,
  targetPictureRoutes,
  projectsRoutes,
  portfolioRoutes,
  financeRoutes,
  exchangeRoutes,
  partnersRoutes,
  jointRoutes,
  sharedServicesRoutes,
  auditRoutes,
  privacyRoutes,
  legalRoutes,
  importsRoutes,
  oparlRoutes,
];

declare module 'fastify' {
  interface FastifyInstance {
    /** Work running after answers were sent; tests wait for it with `settled()`. */
    detached: Detached;
    /** Mails queued by services, delivered after the answer; tests `drain()` it before reading mails. */
    outbox: MailOutbox;
    /** The session scope cache of this instance (null with SCOPE_CACHE=off). */
    scopeCache: ScopeCache | null;
    /** Every registered route (method, url, access) — enumerated by the cross-tenant test. */
    routeList: {
      method: string;
      url: string;
      access?: string;
      /** The route's Zod contract, so tests (fuzzing, isolation) cover new routes automatically. */
      schema?: { body?: unknown; params?: unknown; querystring?: unknown };
    }[];
  }
}

export interface BuildOptions {
  config: Config;
  db: Database;
  mailer?: Mailer;
  /** Serve the built web app (production); tests of the API leave it off. */
  web?: boolean;
  logger?: boolean;
  /** Where log lines go (default stdout); tests pass a stream to read what was logged. */
  logStream?: { write(line: string): void };
  /** Connection pool figures for /metrics. */
  poolStats?: () => PoolStats;
  /** Statements sent since the database was opened, for /metrics. */
  statements?: () => number;
  /** LISTEN on the database (live workshop updates across instances). */
  listen: Listen;
}

/** Builds the Fastify application; used by main.ts and by every test. */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, db } = opts;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            // ids only: no cookies, no IP addresses, no secrets from links in logs
            serializers: {
              req: (req) => ({ method: req.method, url: redactUrl(req.url), reqId: req.id }),
            },
          },
    genReqId: (req) =>
      typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomUUID(),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  registerAccessDefaults(app);
  const routeList: FastifyInstance['routeList'] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') {
        routeList.push({ method, url: route.url, access: route.config?.access, schema: route.schema as never });
      }
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerErrorHandler(app);

  registerSecurityHeaders(app, config);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(fastifyRateLimit, { global: false, hook: 'preHandler', keyGenerator: (req) => req.ip });
  await registerOpenApi(app, config);

  const mailer =
    opts.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
  const detached = new Detached(app.log);
  const deps: Deps = {
    db,
    config,
    log: app.log,
    live: new LiveHub(opts.listen),
    detached,
    outbox: new MailOutbox(db, mailer, detached, app.log),
  };
  app.decorate('detached', deps.detached);
  app.decorate('outbox', deps.outbox);
  await deps.live.start();
  // mails queued by a request leave once it has been answered; the poll picks up retries
  app.addHook('onResponse', async () => deps.outbox.kick());
  app.addHook('onReady', async () => deps.outbox.start());
  app.addHook('onClose', async () => {
    deps.outbox.stop();
    await deps.detached.settled();
    await deps.live.close();
  });
  const scopeCache = config.scopeCache ? new ScopeCache(opts.listen) : null;
  app.decorate('scopeCache', scopeCache);
  await scopeCache?.start(db);
  app.addHook('onClose', async () => scopeCache?.close());
  registerSession(app, db, config, scopeCache);
  // writes are rate-limited per client; credential routes set a stricter limit themselves
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (
      route.url.startsWith('/api/v1') &&
      methods.some((m) => m !== 'GET' && m !== 'HEAD') &&
      !route.config?.rateLimit
    ) {
      route.config = {
        ...route.config,
        rateLimit: { max: config.rateLimitMax, timeWindow: '1 minute' },
      } as typeof route.config;
    }
  });
  for (const mod of MODULES) await mod(app, deps);
  registerMetrics(app, { token: config.metricsToken, poolStats: opts.poolStats, statements: opts.statements });
  registerNotFound(app, opts.web ? await registerWeb(app, config.webDist) : false);
  return app;
}
