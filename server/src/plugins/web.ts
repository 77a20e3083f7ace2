import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built SPA on the same port. Returns false when no build exists. */
export async function registerWeb(app: FastifyInstance, webDist?: string): Promise<boolean> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = webDist ?? path.resolve(here, '../../../web/dist');
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'web build not found; run "npm run build:web"');
    return false;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: 'index.html' });
  return true;
}
