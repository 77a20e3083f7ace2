import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from './deps.js';

/** A module plugin receives the app (with the Zod type provider) and the shared dependencies. */
export type ModulePlugin = (app: FastifyInstance, deps: Deps) => void;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
