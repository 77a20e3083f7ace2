import {
  agreementQuery,
  idParam,
  monthClose,
  networkStudyCreate,
  networkStudyList,
  okResponse,
  serviceCatalogue,
  serviceStatement,
  serviceStatementQuery,
  serviceTeam,
  serviceTypeInput,
  statementExportQuery,
  statusQuoInput,
  studyAdvance,
  studyAnswer,
  studyCreate,
  studyDetail,
  studyList,
  studyUpdate,
  teamMemberAdd,
  workEntryCreate,
  workOrderCreate,
  workOrderDetail,
  workOrderList,
  workOrderQuery,
  workOrderUpdate,
} from '@dz/core';
import { z } from 'zod';
import { sendDownload, sendUpload } from '../../lib/download.js';
import { modulePlugin } from '../../lib/route.js';
import { readUpload, uploadSchema } from '../../lib/upload.js';
import { MEDIA } from '../../plugins/openapi.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import { agreementDoc, agreementDocx, agreementPdf } from './agreement.js';
import * as network from './network-studies.service.js';
import { MAX_ATTACHMENT_BYTES } from './operation.access.js';
import * as types from './service-types.service.js';
import { statementCsv, statementPdf, statementTitle, statementXlsx } from './statement-export.js';
import * as statements from './statements.service.js';
import * as studies from './studies.service.js';
import * as team from './team.service.js';
import * as operation from './work-orders.service.js';

const tags = ['shared-services'];
const studyParams = idParam('studyId');
const orderParams = idParam('studyId', 'orderId');
const created = { 201: z.object({ id: z.uuid() }) };

/** Shared services of several municipalities: the catalogue and feasibility studies. */
export const sharedServicesRoutes = modulePlugin({ prefix: '/api/v1/shared-services', access: 'tenant' }, (r, deps) => {
  // the catalogue and the studies a network starts are also the work of moderators without a municipality
  const user = { access: 'user' } as const;
  r.get('/catalogue', { config: user, schema: { tags, response: { 200: serviceCatalogue } } }, async (req) =>
    types.catalogue(deps, scopeOf(req)),
  );
  r.post(
    '/catalogue',
    { config: user, schema: { tags, body: serviceTypeInput, response: created } },
    async (req, reply) => reply.code(201).send(await types.createType(deps, scopeOf(req), req.body)),
  );
  r.put(
    '/catalogue/:typeId',
    {
      config: user,
      schema: { tags, params: idParam('typeId'), body: serviceTypeInput, response: { 200: serviceCatalogue } },
    },
    async (req) => types.updateType(deps, scopeOf(req), req.params.typeId, req.body),
  );
  r.delete(
    '/catalogue/:typeId',
    { config: user, schema: { tags, params: idParam('typeId'), response: { 200: serviceCatalogue } } },
    async (req) => types.deleteType(deps, scopeOf(req), req.params.typeId),
  );
  r.get('/network-studies', { config: user, schema: { tags, response: { 200: networkStudyList } } }, async (req) =>
    network.listNetworkStudies(deps, scopeOf(req)),
  );
  r.post(
    '/network-studies',
    { config: user, schema: { tags, body: networkStudyCreate, response: created } },
    async (req, reply) => reply.code(201).send(await network.createNetworkStudy(deps, scopeOf(req), req.body)),
  );
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
      if (req.query.format === 'docx') return sendDownload(reply, MEDIA.docx, `${name}.docx`, await agreementDocx(doc));
      return sendDownload(reply, MEDIA.pdf, `${name}.pdf`, await agreementPdf(doc));
    },
  );
  r.post(
    '/studies/:studyId/council-paper',
    { schema: { tags, params: studyParams, response: { 200: z.object({ projectId: z.uuid() }) } } },
    async (req) => studies.prepareCouncilPaper(deps, tenantScopeOf(req), req.params.studyId),
  );

  // operation: the way to live, the service team, work orders, monthly statements
  r.post(
    '/studies/:studyId/advance',
    { schema: { tags, params: studyParams, body: studyAdvance, response: { 200: studyDetail } } },
    async (req) => team.advanceStudy(deps, tenantScopeOf(req), req.params.studyId, req.body),
  );
  r.get(
    '/studies/:studyId/team',
    { schema: { tags, params: studyParams, response: { 200: serviceTeam } } },
    async (req) => team.getTeam(deps, tenantScopeOf(req), req.params.studyId),
  );
  r.post(
    '/studies/:studyId/team',
    { schema: { tags, params: studyParams, body: teamMemberAdd, response: { 200: serviceTeam } } },
    async (req) => team.addTeamMember(deps, tenantScopeOf(req), req.params.studyId, req.body),
  );
  r.delete(
    '/studies/:studyId/team/:userId',
    { schema: { tags, params: idParam('studyId', 'userId'), response: { 200: serviceTeam } } },
    async (req) => team.removeTeamMember(deps, tenantScopeOf(req), req.params.studyId, req.params.userId),
  );
  r.get(
    '/studies/:studyId/orders',
    { schema: { tags, params: studyParams, querystring: workOrderQuery, response: { 200: workOrderList } } },
    async (req) => operation.listOrders(deps, tenantScopeOf(req), req.params.studyId, req.query),
  );
  r.post(
    '/studies/:studyId/orders',
    {
      schema: {
        tags,
        params: studyParams,
        body: workOrderCreate,
        response: { 201: z.object({ id: z.uuid(), number: z.number().int() }) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await operation.createOrder(deps, tenantScopeOf(req), req.params.studyId, req.body)),
  );
  r.get(
    '/studies/:studyId/orders/:orderId',
    { schema: { tags, params: orderParams, response: { 200: workOrderDetail } } },
    async (req) => operation.getOrder(deps, tenantScopeOf(req), req.params.studyId, req.params.orderId),
  );
  r.put(
    '/studies/:studyId/orders/:orderId',
    { schema: { tags, params: orderParams, body: workOrderUpdate, response: { 200: workOrderDetail } } },
    async (req) => operation.updateOrder(deps, tenantScopeOf(req), req.params.studyId, req.params.orderId, req.body),
  );
  r.post(
    '/studies/:studyId/orders/:orderId/entries',
    { schema: { tags, params: orderParams, body: workEntryCreate, response: { 200: workOrderDetail } } },
    async (req) => operation.addEntry(deps, tenantScopeOf(req), req.params.studyId, req.params.orderId, req.body),
  );
  r.delete(
    '/studies/:studyId/orders/:orderId/entries/:workEntryId',
    { schema: { tags, params: idParam('studyId', 'orderId', 'workEntryId'), response: { 200: workOrderDetail } } },
    async (req) =>
      operation.deleteEntry(deps, tenantScopeOf(req), req.params.studyId, req.params.orderId, req.params.workEntryId),
  );
  r.post(
    '/studies/:studyId/orders/:orderId/attachments',
    {
      schema: {
        tags,
        params: orderParams,
        ...uploadSchema('Attach a photo or document (field "file", at most 10 MB).'),
        response: created,
      },
    },
    async (req, reply) => {
      // access first: a foreign or unknown order answers 404 whatever the body
      await operation.getOrder(deps, tenantScopeOf(req), req.params.studyId, req.params.orderId);
      const file = await readUpload(req, { maxBytes: MAX_ATTACHMENT_BYTES });
      return reply
        .code(201)
        .send(await operation.addAttachment(deps, tenantScopeOf(req), req.params.studyId, req.params.orderId, file));
    },
  );
  r.get(
    '/studies/:studyId/orders/:orderId/attachments/:attachmentId',
    { schema: { tags, params: idParam('studyId', 'orderId', 'attachmentId') }, config: { produces: [MEDIA.upload] } },
    async (req, reply) =>
      sendUpload(
        reply,
        await operation.readAttachment(
          deps,
          tenantScopeOf(req),
          req.params.studyId,
          req.params.orderId,
          req.params.attachmentId,
        ),
      ),
  );
  r.get(
    '/studies/:studyId/statements',
    { schema: { tags, params: studyParams, querystring: serviceStatementQuery, response: { 200: serviceStatement } } },
    async (req) => statements.getStatement(deps, tenantScopeOf(req), req.params.studyId, req.query.month),
  );
  r.get(
    '/studies/:studyId/statements/export',
    {
      schema: { tags, params: studyParams, querystring: statementExportQuery },
      config: { produces: [MEDIA.pdf, MEDIA.xlsx, MEDIA.csv] },
    },
    async (req, reply) => {
      const s = await statements.getStatement(deps, tenantScopeOf(req), req.params.studyId, req.query.month);
      const name = statementTitle(s).replace('/', '-');
      if (req.query.format === 'csv')
        return sendDownload(reply, `${MEDIA.csv}; charset=utf-8`, `${name}.csv`, statementCsv(s));
      if (req.query.format === 'xlsx') return sendDownload(reply, MEDIA.xlsx, `${name}.xlsx`, await statementXlsx(s));
      return sendDownload(reply, MEDIA.pdf, `${name}.pdf`, await statementPdf(s));
    },
  );
  r.post(
    '/studies/:studyId/statements/close',
    { schema: { tags, params: studyParams, body: monthClose, response: { 200: serviceStatement } } },
    async (req) => statements.closeMonth(deps, tenantScopeOf(req), req.params.studyId, req.body.month),
  );
});
