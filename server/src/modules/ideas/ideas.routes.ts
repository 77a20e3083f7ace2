import { ideaDetail, ideaList, ideaStatusChange, ideaSubmit, ideasQuery, ideaToNeed, idParam } from '@dz/core';
import { z } from 'zod';
import { type ModulePlugin, typed } from '../../lib/route.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as svc from './ideas.service.js';

const tags = ['Ideen'];
const params = idParam('ideaId');
const tenant = { access: 'tenant' as const };

export const ideasRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get(
    '/api/v1/ideas',
    { schema: { tags, querystring: ideasQuery, response: { 200: ideaList } }, config: tenant },
    async (req) => svc.listIdeas(deps, tenantScopeOf(req), req.query.mine === 'true'),
  );
  r.post(
    '/api/v1/ideas',
    { schema: { tags, body: ideaSubmit, response: { 201: z.object({ id: z.uuid() }) } }, config: tenant },
    async (req, reply) => reply.code(201).send(await svc.submitIdea(deps, tenantScopeOf(req), req.body)),
  );
  r.get(
    '/api/v1/ideas/:ideaId',
    { schema: { tags, params, response: { 200: ideaDetail } }, config: tenant },
    async (req) => svc.getIdea(deps, tenantScopeOf(req), req.params.ideaId as string),
  );
  r.post(
    '/api/v1/ideas/:ideaId/support',
    { schema: { tags, params, response: { 200: ideaDetail } }, config: tenant },
    async (req) => svc.support(deps, tenantScopeOf(req), req.params.ideaId as string, true),
  );
  r.delete(
    '/api/v1/ideas/:ideaId/support',
    { schema: { tags, params, response: { 200: ideaDetail } }, config: tenant },
    async (req) => svc.support(deps, tenantScopeOf(req), req.params.ideaId as string, false),
  );
  r.post(
    '/api/v1/ideas/:ideaId/status',
    { schema: { tags, params, body: ideaStatusChange, response: { 200: ideaDetail } }, config: tenant },
    async (req) => svc.changeStatus(deps, tenantScopeOf(req), req.params.ideaId as string, req.body),
  );
  r.post(
    '/api/v1/ideas/:ideaId/need',
    { schema: { tags, params, body: ideaToNeed, response: { 200: ideaDetail } }, config: tenant },
    async (req) => svc.toNeed(deps, tenantScopeOf(req), req.params.ideaId as string, req.body.version),
  );
};
