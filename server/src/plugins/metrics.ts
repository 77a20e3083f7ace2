import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { problem } from './errors.js';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

function safeEqual(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Prometheus metrics at /metrics: request durations by route, database pool and statements, event-loop lag and
 * process metrics. Readable with `Authorization: Bearer METRICS_TOKEN` or by a platform administrator.
 */
export function registerMetrics(
  app: FastifyInstance,
  opts: { token?: string; poolStats?: () => PoolStats; statements?: () => number },
) {
  const register = new Registry();
  collectDefaultMetrics({ register, eventLoopMonitoringPrecision: 20 });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [register],
  });
  if (opts.poolStats) {
    const stats = opts.poolStats;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database connections by state',
      labelNames: ['state'],
      registers: [register],
      collect() {
        const s = stats();
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }
  if (opts.statements) {
    const statements = opts.statements;
    new Counter({
      name: 'db_statements_total',
      help: 'Database statements sent by the application',
      registers: [register],
      collect() {
        this.reset();
        this.inc(statements());
      },
    });
  }
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!route) return; // 404s would explode the label set
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const auth = request.headers.authorization ?? '';
    const byToken = Boolean(opts.token) && auth.startsWith('Bearer ') && safeEqual(auth.slice(7), opts.token!);
    if (!byToken && !request.scope?.user.isPlatformAdmin) {
      return reply
        .code(request.scope ? 403 : 401)
        .type('application/problem+json')
        .send(problem(request.scope ? 403 : 401, request.scope ? 'forbidden' : 'unauthenticated'));
    }
    return reply.type(register.contentType).send(await register.metrics());
  });
}
