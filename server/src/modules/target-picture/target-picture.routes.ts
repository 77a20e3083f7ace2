import { indicatorValueAdd, targetPicture, targetPictureSave } from '@dz/core';
import { z } from 'zod';
import { type ModulePlugin, typed } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as svc from './target-picture.service.js';

const tags = ['Zielbild'];
const tenant = { access: 'tenant' as const };

export const targetPictureRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get('/api/v1/target-picture', { schema: { tags, response: { 200: targetPicture } }, config: tenant }, async (req) =>
    svc.getTargetPicture(deps, tenantScopeOf(req)),
  );
  r.get(
    '/api/v1/target-picture.pdf',
    { schema: { tags }, config: { ...tenant, produces: [MEDIA.pdf] } },
    async (req, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="zielbild.pdf"')
        .send(await svc.targetPicturePdf(deps, tenantScopeOf(req))),
  );
  r.put(
    '/api/v1/target-picture',
    { schema: { tags, body: targetPictureSave, response: { 200: targetPicture } }, config: tenant },
    async (req) => svc.saveTargetPicture(deps, tenantScopeOf(req), req.body),
  );
  r.post(
    '/api/v1/target-picture/indicators/:indicatorId/values',
    {
      schema: {
        tags,
        params: z.object({ indicatorId: z.uuid() }),
        body: indicatorValueAdd,
        response: { 201: targetPicture },
      },
      config: tenant,
    },
    async (req, reply) =>
      reply.code(201).send(await svc.addValue(deps, tenantScopeOf(req), req.params.indicatorId, req.body)),
  );
  r.delete(
    '/api/v1/target-picture/values/:valueId',
    { schema: { tags, params: z.object({ valueId: z.uuid() }), response: { 200: targetPicture } }, config: tenant },
    async (req) => svc.deleteValue(deps, tenantScopeOf(req), req.params.valueId),
  );
};
