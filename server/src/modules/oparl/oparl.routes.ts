import { idParam } from '@dz/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { modulePlugin } from '../../lib/route.js';
import * as svc from './oparl.service.js';
import { LIST_LIMIT, LIST_MAX, OPARL_BASE } from './oparl.service.js';

const tags = ['OParl 1.1'];
const stamp = z.iso.datetime({ offset: true }).optional();
const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).max(LIST_MAX).default(LIST_LIMIT),
  created_since: stamp,
  created_until: stamp,
  modified_since: stamp,
  modified_until: stamp,
});
const bodyParams = idParam('bodyId');
const paperParams = idParam('paperId');
const fileParams = idParam('fileId');

/** On the app, not in the plugin: unknown URLs under the prefix (404) carry the headers too. */
function openCors(app: FastifyInstance) {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith(`${OPARL_BASE}/`)) {
      reply.header('access-control-allow-origin', '*');
      // helmet's same-origin resource policy would keep other sites from embedding the public PDFs
      reply.header('cross-origin-resource-policy', 'cross-origin');
    }
    done();
  });
}

/**
 * OParl 1.1 interface under /oparl/v1: anonymous, read-only, CORS open to every origin (OParl clients
 * and council information systems crawl it from anywhere).
 */
export const oparlRoutes = modulePlugin({ prefix: OPARL_BASE, access: 'public', app: openCors }, (r, deps) => {
  r.get('/system', { schema: { tags, description: 'OParl System (entry point).' } }, async () => svc.system(deps));
  r.get(
    '/bodies',
    { schema: { tags, querystring: listQuery, description: 'Municipalities with public papers.' } },
    async (req) => svc.listBodies(deps, req.query),
  );
  r.get('/bodies/:bodyId', { schema: { tags, params: bodyParams } }, async (req) =>
    svc.getBody(deps, req.params.bodyId),
  );
  r.get('/bodies/:bodyId/papers', { schema: { tags, params: bodyParams, querystring: listQuery } }, async (req) =>
    svc.listPapers(deps, req.params.bodyId, req.query),
  );
  r.get(
    '/bodies/:bodyId/organizations',
    { schema: { tags, params: bodyParams, querystring: listQuery } },
    async (req) => svc.listOrganizations(deps, req.params.bodyId, req.query),
  );
  r.get(
    '/bodies/:bodyId/organizations/:organizationKey',
    {
      schema: {
        tags,
        params: z.object({ bodyId: z.uuid(), organizationKey: z.string().regex(/^[\w-]{1,400}$/) }),
      },
    },
    async (req) => svc.getOrganization(deps, req.params.bodyId, req.params.organizationKey),
  );
  r.get(
    '/bodies/:bodyId/meetings',
    { schema: { tags, params: bodyParams, querystring: listQuery, description: 'Always empty.' } },
    async (req) => svc.emptyList(deps, req.params.bodyId, 'meetings', req.query),
  );
  r.get(
    '/bodies/:bodyId/people',
    { schema: { tags, params: bodyParams, querystring: listQuery, description: 'Always empty.' } },
    async (req) => svc.emptyList(deps, req.params.bodyId, 'people', req.query),
  );
  r.get('/papers/:paperId', { schema: { tags, params: paperParams } }, async (req) =>
    svc.getPaper(deps, req.params.paperId),
  );
  r.get(
    '/papers/:paperId/consultations/:consultationNo',
    {
      schema: {
        tags,
        params: z.object({ paperId: z.uuid(), consultationNo: z.coerce.number().int().min(1).max(100) }),
      },
    },
    async (req) => svc.getConsultation(deps, req.params.paperId, req.params.consultationNo),
  );
  r.get('/files/:fileId', { schema: { tags, params: fileParams } }, async (req) =>
    svc.getFile(deps, req.params.fileId),
  );
  for (const [suffix, disposition] of [
    ['access', 'inline'],
    ['download', 'attachment'],
  ] as const) {
    r.get(
      `/files/:fileId/${suffix}`,
      { schema: { tags, params: fileParams, description: `The PDF (${disposition}).` } },
      async (req, reply) => {
        const f = await svc.fileContent(deps, req.params.fileId);
        return reply
          .type('application/pdf')
          .header('content-disposition', `${disposition}; filename="${f.fileName}"`)
          .send(f.pdf);
      },
    );
  }
});
