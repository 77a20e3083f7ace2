import { z } from 'zod';
import { type ModulePlugin, typed } from '../../lib/route.js';
import * as svc from './oparl.service.js';
import { LIST_LIMIT, LIST_MAX, OPARL_BASE } from './oparl.service.js';

const tags = ['OParl 1.1'];
/** Anonymous read access: only papers marked public are ever reached (oparl.repository.ts). */
const config = { access: 'public' as const };
const stamp = z.iso.datetime({ offset: true }).optional();
const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).max(LIST_MAX).default(LIST_LIMIT),
  created_since: stamp,
  created_until: stamp,
  modified_since: stamp,
  modified_until: stamp,
});
const bodyParams = z.object({ bodyId: z.uuid() });
const paperParams = z.object({ paperId: z.uuid() });
const fileParams = z.object({ fileId: z.uuid() });

/**
 * OParl 1.1 interface under /oparl/v1: anonymous, read-only, CORS open to every origin (OParl clients
 * and council information systems crawl it from anywhere).
 */
export const oparlRoutes: ModulePlugin = (app, deps) => {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith(`${OPARL_BASE}/`)) {
      reply.header('access-control-allow-origin', '*');
      // helmet's same-origin resource policy would keep other sites from embedding the public PDFs
      reply.header('cross-origin-resource-policy', 'cross-origin');
    }
    done();
  });
  const r = typed(app);
  r.get(`${OPARL_BASE}/system`, { schema: { tags, description: 'OParl System (entry point).' }, config }, async () =>
    svc.system(deps),
  );
  r.get(
    `${OPARL_BASE}/bodies`,
    { schema: { tags, querystring: listQuery, description: 'Municipalities with public papers.' }, config },
    async (req) => svc.listBodies(deps, req.query),
  );
  r.get(`${OPARL_BASE}/bodies/:bodyId`, { schema: { tags, params: bodyParams }, config }, async (req) =>
    svc.getBody(deps, req.params.bodyId),
  );
  r.get(
    `${OPARL_BASE}/bodies/:bodyId/papers`,
    { schema: { tags, params: bodyParams, querystring: listQuery }, config },
    async (req) => svc.listPapers(deps, req.params.bodyId, req.query),
  );
  r.get(
    `${OPARL_BASE}/bodies/:bodyId/organizations`,
    { schema: { tags, params: bodyParams, querystring: listQuery }, config },
    async (req) => svc.listOrganizations(deps, req.params.bodyId, req.query),
  );
  r.get(
    `${OPARL_BASE}/bodies/:bodyId/organizations/:organizationKey`,
    {
      schema: {
        tags,
        params: z.object({ bodyId: z.uuid(), organizationKey: z.string().regex(/^[\w-]{1,400}$/) }),
      },
      config,
    },
    async (req) => svc.getOrganization(deps, req.params.bodyId, req.params.organizationKey),
  );
  r.get(
    `${OPARL_BASE}/bodies/:bodyId/meetings`,
    { schema: { tags, params: bodyParams, querystring: listQuery, description: 'Always empty.' }, config },
    async (req) => svc.emptyList(deps, req.params.bodyId, 'meetings', req.query),
  );
  r.get(
    `${OPARL_BASE}/bodies/:bodyId/people`,
    { schema: { tags, params: bodyParams, querystring: listQuery, description: 'Always empty.' }, config },
    async (req) => svc.emptyList(deps, req.params.bodyId, 'people', req.query),
  );
  r.get(`${OPARL_BASE}/papers/:paperId`, { schema: { tags, params: paperParams }, config }, async (req) =>
    svc.getPaper(deps, req.params.paperId),
  );
  r.get(
    `${OPARL_BASE}/papers/:paperId/consultations/:consultationNo`,
    {
      schema: {
        tags,
        params: z.object({ paperId: z.uuid(), consultationNo: z.coerce.number().int().min(1).max(100) }),
      },
      config,
    },
    async (req) => svc.getConsultation(deps, req.params.paperId, req.params.consultationNo),
  );
  r.get(`${OPARL_BASE}/files/:fileId`, { schema: { tags, params: fileParams }, config }, async (req) =>
    svc.getFile(deps, req.params.fileId),
  );
  for (const [suffix, disposition] of [
    ['access', 'inline'],
    ['download', 'attachment'],
  ] as const) {
    r.get(
      `${OPARL_BASE}/files/:fileId/${suffix}`,
      { schema: { tags, params: fileParams, description: `The PDF (${disposition}).` }, config },
      async (req, reply) => {
        const f = await svc.fileContent(deps, req.params.fileId);
        return reply
          .type('application/pdf')
          .header('content-disposition', `${disposition}; filename="${f.fileName}"`)
          .send(f.pdf);
      },
    );
  }
};
