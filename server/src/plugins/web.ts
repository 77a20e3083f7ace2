import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problem } from './errors.js';

/** Serves the built SPA on the same port; unknown non-API paths get index.html (client routing). */
export async function registerWeb(app: FastifyInstance, webDist?: string) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = webDist ?? path.resolve(here, '../../../web/dist');
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'web build not found; run "npm run build:web"');
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && !url.startsWith('/api/') && !path.extname(url)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).type('application/problem+json').send(problem(404, 'not_found', `No route ${request.method} ${url}`));
  });
}
