import {
  idParam,
  needCreate,
  needDetail,
  needList,
  needMerge,
  needSimilar,
  needsQuery,
  needUpdate,
  similarQuery,
} from '@dz/core';
import { z } from 'zod';
import { type ModulePlugin, typed } from '../../lib/route.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as svc from './needs.service.js';

const tags = ['Bedarfe'];
const params = idParam('needId');
const tenant = { access: 'tenant' as const };

export const needsRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get(
    '/api/v1/needs',
    { schema: { tags, querystring: needsQuery, response: { 200: needList } }, config: tenant },
    async (req) => svc.listNeeds(deps, tenantScopeOf(req), req.query),
  );
  r.get(
    '/api/v1/needs/similar',
    { schema: { tags, querystring: similarQuery, response: { 200: needSimilar } }, config: tenant },
    async (req) => svc.similarNeeds(deps, tenantScopeOf(req), req.query.q, req.query.exclude),
  );
  r.post(
    '/api/v1/needs',
    { schema: { tags, body: needCreate, response: { 201: z.object({ id: z.uuid() }) } }, config: tenant },
    async (req, reply) => reply.code(201).send(await svc.createNeed(deps, tenantScopeOf(req), req.body)),
  );
  r.get(
    '/api/v1/needs/:needId',
    { schema: { tags, params, response: { 200: needDetail } }, config: tenant },
    async (req) => svc.getNeed(deps, tenantScopeOf(req), req.params.needId as string),
  );
  r.patch(
    '/api/v1/needs/:needId',
    { schema: { tags, params, body: needUpdate, response: { 200: needDetail } }, config: tenant },
    async (req) => svc.updateNeed(deps, tenantScopeOf(req), req.params.needId as string, req.body),
  );
  r.post(
    '/api/v1/needs/:needId/merge',
    { schema: { tags, params, body: needMerge, response: { 200: needDetail } }, config: tenant },
    async (req) => svc.mergeNeed(deps, tenantScopeOf(req), req.params.needId as string, req.body),
  );
};
