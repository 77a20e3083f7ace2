import {
  agreementQuery,
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
import { disposition } from '../../lib/download.js';
import { modulePlugin } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import { agreementDoc, agreementDocx, agreementPdf } from './agreement.js';
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
  r.get(
    '/studies/:studyId/agreement',
    {
      schema: { tags, params: studyParams, querystring: agreementQuery },
      config: { produces: [MEDIA.pdf, MEDIA.docx] },
    },
    async (req, reply) => {
      const d = await studies.agreementOf(deps, tenantScopeOf(req), req.params.studyId);
      // rendered after the read, outside any transaction (a pure function of the study)
      const doc = agreementDoc(d);
      const name = `Vereinbarung ${d.serviceName} (Entwurf)`;
      if (req.query.format === 'docx')
        return reply
          .type(MEDIA.docx)
          .header('content-disposition', disposition(`${name}.docx`))
          .send(await agreementDocx(doc));
      return reply
        .type(MEDIA.pdf)
        .header('content-disposition', disposition(`${name}.pdf`))
        .send(await agreementPdf(doc));
    },
  );
  r.post(
    '/studies/:studyId/council-paper',
    { schema: { tags, params: studyParams, response: { 200: z.object({ projectId: z.uuid() }) } } },
    async (req) => studies.prepareCouncilPaper(deps, tenantScopeOf(req), req.params.studyId),
  );
});
