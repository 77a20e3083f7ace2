import {
  communicationApplied,
  communicationApply,
  communicationCreate,
  communicationItem,
  communicationList,
  communicationQuery,
  communicationUpdate,
  idParam,
  okResponse,
  progressReportQuery,
} from '@dz/core';
import { sendDownload } from '../../lib/download.js';
import { modulePlugin } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as svc from './communication.service.js';
import { progressReportData, progressReportPdf } from './progress-report.js';

const tags = ['Kommunikation'];
const params = idParam('communicationId');

export const communicationRoutes = modulePlugin({ prefix: '/api/v1/communication', access: 'tenant' }, (r, deps) => {
  r.get('', { schema: { tags, querystring: communicationQuery, response: { 200: communicationList } } }, async (req) =>
    svc.listItems(deps, tenantScopeOf(req), req.query),
  );
  r.post(
    '',
    { schema: { tags, body: communicationCreate, response: { 201: communicationItem } } },
    async (req, reply) => reply.code(201).send(await svc.createItem(deps, tenantScopeOf(req), req.body)),
  );
  r.put(
    '/:communicationId',
    { schema: { tags, params, body: communicationUpdate, response: { 200: communicationItem } } },
    async (req) => svc.updateItem(deps, tenantScopeOf(req), req.params.communicationId, req.body),
  );
  r.delete('/:communicationId', { schema: { tags, params, response: { 200: okResponse } } }, async (req) =>
    svc.deleteItem(deps, tenantScopeOf(req), req.params.communicationId),
  );
  // the quarterly progress report for the council (everyone of the municipality reads it, the council too)
  r.get(
    '/progress-report',
    { schema: { tags, querystring: progressReportQuery }, config: { produces: [MEDIA.pdf] } },
    async (req, reply) => {
      const data = await progressReportData(deps, tenantScopeOf(req), req.query.quarter);
      return sendDownload(reply, MEDIA.pdf, `sachstandsbericht-${data.quarter}.pdf`, await progressReportPdf(data));
    },
  );
  r.post(
    '/templates/apply',
    { schema: { tags, body: communicationApply, response: { 201: communicationApplied } } },
    async (req, reply) => reply.code(201).send(await svc.applyTemplate(deps, tenantScopeOf(req), req.body)),
  );
});
