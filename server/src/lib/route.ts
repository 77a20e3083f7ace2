import type { FastifyInstance, RouteOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access } from '../plugins/session.js';
import type { Deps } from './deps.js';

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** The app with the Zod type provider, as a module's routes see it (inside its prefixed plugin). */
export type Router = ReturnType<typeof typed>;

/** A module's routes, registered by app.ts: a prefixed, encapsulated Fastify plugin with a default access level. */
export type ModulePlugin = (app: FastifyInstance, deps: Deps) => Promise<void>;

/** Default access level of each module plugin's (encapsulated) instance. */
const defaultAccess = new WeakMap<object, Access>();

/**
 * Routes under one prefix (`/api/v1/ideas`) whose access level is `access` unless a route says otherwise
 * (`config: { access: 'public' }`). Routes are written relative to the prefix; the prefix's own URL is `''`.
 */
export function modulePlugin(
  opts: {
    prefix: string;
    access: Access;
    /** Setup on the app itself, outside the plugin (a hook that must also see the prefix's unknown URLs). */
    app?: (app: FastifyInstance) => void;
  },
  routes: (r: Router, deps: Deps) => void,
) {
  const plugin: ModulePlugin = async (app, deps) => {
    opts.app?.(app);
    await app.register(
      async (instance) => {
        defaultAccess.set(instance, opts.access);
        routes(typed(instance), deps);
      },
      { prefix: opts.prefix },
    );
  };
  return plugin;
}

/**
 * Gives a route of a module plugin its plugin's access level when it declares none. Registered on the root
 * before every other onRoute hook: hooks of the root run before those of a plugin, and the refusal of
 * unclassified routes, the route list and the OpenAPI security must already see the level.
 */
export function registerAccessDefaults(app: FastifyInstance) {
  app.addHook('onRoute', function (this: FastifyInstance, route: RouteOptions) {
    const access = defaultAccess.get(this);
    if (access && !route.config?.access) route.config = { ...route.config, access } as typeof route.config;
  });
}
