import { metaInfo } from '@dz/core';
import { sql } from 'kysely';
import { z } from 'zod';
import { modulePlugin } from '../../lib/route.js';

const APP_VERSION = '0.1.0';

/** Liveness (/health), readiness (/ready: the database answers) and public facts for the web app. */
export const healthRoutes = modulePlugin({ prefix: '', access: 'public' }, (r, deps) => {
  r.get(
    '/health',
    {
      schema: { tags: ['Betrieb'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({
      status: 'ok' as const,
    }),
  );
  r.get(
    '/ready',
    {
      schema: {
        tags: ['Betrieb'],
        response: {
          200: z.object({ status: z.literal('ready'), database: z.string() }),
          503: z.object({ status: z.literal('unavailable') }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ready' as const, database: deps.config.databaseUrl ? 'postgres' : 'pglite' };
      } catch (err) {
        deps.log.error({ err }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  );
  r.get(
    '/api/v1/meta',
    {
      schema: { tags: ['Betrieb'], response: { 200: metaInfo } },
    },
    async () => ({ accessibilityContact: deps.config.accessibilityContact, version: APP_VERSION }),
  );
});
