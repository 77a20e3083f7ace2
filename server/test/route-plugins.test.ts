import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import type { Deps } from '../src/lib/deps.js';
import { modulePlugin, registerAccessDefaults } from '../src/lib/route.js';
import { registerSession } from '../src/plugins/session.js';

/** Module plugins: prefixed routes take the plugin's access level; unclassified routes still stop the start. */
function bareApp() {
  const app = Fastify({ logger: false });
  registerAccessDefaults(app);
  const seen: { url: string; access?: string }[] = [];
  app.addHook('onRoute', (route) => {
    if (route.method !== 'HEAD') seen.push({ url: route.url, access: route.config?.access });
  });
  registerSession(app, {} as Database, {} as Config);
  return { app, seen };
}

describe('module plugins', () => {
  it('prefix the URLs and give routes the default access level unless they declare their own', async () => {
    const { app, seen } = bareApp();
    const mod = modulePlugin({ prefix: '/api/v1/things', access: 'tenant' }, (r) => {
      r.get('', async () => 'list');
      r.get('/:thingId', async () => 'one');
      r.get('/open', { config: { access: 'public' } }, async () => 'open');
    });
    await mod(app, {} as Deps);
    await app.ready();
    expect(seen.filter((s) => s.url.startsWith('/api/'))).toEqual([
      { url: '/api/v1/things', access: 'tenant' },
      { url: '/api/v1/things/:thingId', access: 'tenant' },
      { url: '/api/v1/things/open', access: 'public' },
    ]);
    await app.close();
  });

  it('refuses an API route without an access level outside a module plugin', async () => {
    const { app } = bareApp();
    expect(() => app.get('/api/v1/unclassified', async () => 'x')).toThrow(/declares no access level/);
    await app.close();
  });
});
