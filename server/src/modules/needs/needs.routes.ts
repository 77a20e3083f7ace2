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
import { modulePlugin } from '../../lib/route.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as svc from './needs.service.js';

const tags = ['Bedarfe'];
const params = idParam('needId');

export const needsRoutes = modulePlugin({ prefix: '/api/v1/needs', access: 'tenant' }, (r, deps) => {
  r.get('', { schema: { tags, querystring: needsQuery, response: { 200: needList } } }, async (req) =>
    svc.listNeeds(deps, tenantScopeOf(req), req.query),
  );
  r.get('/similar', { schema: { tags, querystring: similarQuery, response: { 200: needSimilar } } }, async (req) =>
    svc.similarNeeds(deps, tenantScopeOf(req), req.query.q, req.query.exclude),
  );
  r.post(
    '',
    { schema: { tags, body: needCreate, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => reply.code(201).send(await svc.createNeed(deps, tenantScopeOf(req), req.body)),
  );
  r.get('/:needId', { schema: { tags, params, response: { 200: needDetail } } }, async (req) =>
    svc.getNeed(deps, tenantScopeOf(req), req.params.needId),
  );
  r.patch('/:needId', { schema: { tags, params, body: needUpdate, response: { 200: needDetail } } }, async (req) =>
    svc.updateNeed(deps, tenantScopeOf(req), req.params.needId, req.body),
  );
  r.post('/:needId/merge', { schema: { tags, params, body: needMerge, response: { 200: needDetail } } }, async (req) =>
    svc.mergeNeed(deps, tenantScopeOf(req), req.params.needId, req.body),
  );
});
