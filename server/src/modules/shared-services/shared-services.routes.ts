import {
  idParam,
  okResponse,
  serviceCatalogue,
  statusQuoInput,
  studyAnswer,
  studyCreate,
  studyDetail,
  studyList,
  studyUpdate,
} from '@dz/core';
import { z } from 'zod';
import { modulePlugin } from '../../lib/route.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as studies from './studies.service.js';

const tags = ['shared-services'];
const studyParams = idParam('studyId');

/** Shared services of several municipalities: the catalogue and feasibility studies. */
export const sharedServicesRoutes = modulePlugin({ prefix: '/api/v1/shared-services', access: 'tenant' }, (r, deps) => {
  r.get('/catalogue', { schema: { tags, response: { 200: serviceCatalogue } } }, async () => studies.catalogue());
  r.get('/studies', { schema: { tags, response: { 200: studyList } } }, async (req) =>
    studies.listStudies(deps, tenantScopeOf(req)),
  );
  r.post(
    '/studies',
    { schema: { tags, body: studyCreate, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => reply.code(201).send(await studies.createStudy(deps, tenantScopeOf(req), req.body)),
  );
  r.get('/studies/:studyId', { schema: { tags, params: studyParams, response: { 200: studyDetail } } }, async (req) =>
    studies.getStudy(deps, tenantScopeOf(req), req.params.studyId),
  );
  r.put(
    '/studies/:studyId',
    { schema: { tags, params: studyParams, body: studyUpdate, response: { 200: studyDetail } } },
    async (req) => studies.updateStudy(deps, tenantScopeOf(req), req.params.studyId, req.body),
  );
  r.put(
    '/studies/:studyId/status-quo',
    { schema: { tags, params: studyParams, body: statusQuoInput, response: { 200: studyDetail } } },
    async (req) => studies.saveStatusQuo(deps, tenantScopeOf(req), req.params.studyId, req.body),
  );
  r.post(
    '/studies/:studyId/answer',
    { schema: { tags, params: studyParams, body: studyAnswer, response: { 200: okResponse } } },
    async (req) => studies.answerStudy(deps, tenantScopeOf(req), req.params.studyId, req.body.accept),
  );
});
