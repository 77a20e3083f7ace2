import { ideaDetail, ideaList, ideaStatusChange, ideaSubmit, ideasQuery, ideaToNeed, idParam } from '@dz/core';
import { z } from 'zod';
import { modulePlugin } from '../../lib/route.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as svc from './ideas.service.js';

const tags = ['Ideen'];
const params = idParam('ideaId');

export const ideasRoutes = modulePlugin({ prefix: '/api/v1/ideas', access: 'tenant' }, (r, deps) => {
  r.get('', { schema: { tags, querystring: ideasQuery, response: { 200: ideaList } } }, async (req) =>
    svc.listIdeas(deps, tenantScopeOf(req), req.query.mine === 'true'),
  );
  r.post(
    '',
    { schema: { tags, body: ideaSubmit, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => reply.code(201).send(await svc.submitIdea(deps, tenantScopeOf(req), req.body)),
  );
  r.get('/:ideaId', { schema: { tags, params, response: { 200: ideaDetail } } }, async (req) =>
    svc.getIdea(deps, tenantScopeOf(req), req.params.ideaId),
  );
  r.post('/:ideaId/support', { schema: { tags, params, response: { 200: ideaDetail } } }, async (req) =>
    svc.support(deps, tenantScopeOf(req), req.params.ideaId, true),
  );
  r.delete('/:ideaId/support', { schema: { tags, params, response: { 200: ideaDetail } } }, async (req) =>
    svc.support(deps, tenantScopeOf(req), req.params.ideaId, false),
  );
  r.post(
    '/:ideaId/status',
    { schema: { tags, params, body: ideaStatusChange, response: { 200: ideaDetail } } },
    async (req) => svc.changeStatus(deps, tenantScopeOf(req), req.params.ideaId, req.body),
  );
  r.post('/:ideaId/need', { schema: { tags, params, body: ideaToNeed, response: { 200: ideaDetail } } }, async (req) =>
    svc.toNeed(deps, tenantScopeOf(req), req.params.ideaId, req.body.version),
  );
});
