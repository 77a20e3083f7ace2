import { idParam, indicatorValueAdd, targetPicture, targetPictureSave } from '@dz/core';
import { modulePlugin } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as svc from './target-picture.service.js';

const tags = ['Zielbild'];

export const targetPictureRoutes = modulePlugin({ prefix: '/api/v1', access: 'tenant' }, (r, deps) => {
  r.get('/target-picture', { schema: { tags, response: { 200: targetPicture } } }, async (req) =>
    svc.getTargetPicture(deps, tenantScopeOf(req)),
  );
  r.get('/target-picture.pdf', { schema: { tags }, config: { produces: [MEDIA.pdf] } }, async (req, reply) =>
    reply
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="zielbild.pdf"')
      .send(await svc.targetPicturePdf(deps, tenantScopeOf(req))),
  );
  r.put(
    '/target-picture',
    { schema: { tags, body: targetPictureSave, response: { 200: targetPicture } } },
    async (req) => svc.saveTargetPicture(deps, tenantScopeOf(req), req.body),
  );
  r.post(
    '/target-picture/indicators/:indicatorId/values',
    {
      schema: {
        tags,
        params: idParam('indicatorId'),
        body: indicatorValueAdd,
        response: { 201: targetPicture },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await svc.addValue(deps, tenantScopeOf(req), req.params.indicatorId, req.body)),
  );
  r.delete(
    '/target-picture/values/:valueId',
    { schema: { tags, params: idParam('valueId'), response: { 200: targetPicture } } },
    async (req) => svc.deleteValue(deps, tenantScopeOf(req), req.params.valueId),
  );
});
