import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashed build files never change under their name: browsers keep them a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is checked on every visit, so a new release is picked up at once. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built SPA on the same port. The build holds precompressed `.br`/`.gz` twins of the text assets
 * (web/scripts/compress.mjs): they go out as sent by the browser's Accept-Encoding, never compressed per request.
 * Returns false when no build exists.
 */
export async function registerWeb(app: FastifyInstance, webDist?: string): Promise<boolean> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = webDist ?? path.resolve(here, '../../../web/dist');
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'web build not found; run "npm run build:web"');
    return false;
  }
  const assets = path.join(root, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: 'index.html',
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, file) {
      reply.header('cache-control', file.startsWith(assets) ? IMMUTABLE : REVALIDATE);
    },
  });
  return true;
}
