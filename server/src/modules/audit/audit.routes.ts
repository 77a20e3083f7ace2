import { auditList, auditQuery, mailFailureList, mailIdParams } from '@dz/core';
import { modulePlugin } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as svc from './audit.service.js';

const tags = ['Protokoll'];

export const auditRoutes = modulePlugin({ prefix: '/api/v1/audit', access: 'tenant' }, (r, deps) => {
  r.get('', { schema: { tags, querystring: auditQuery, response: { 200: auditList } } }, async (req) =>
    svc.auditPage(deps, tenantScopeOf(req), req.query),
  );
  r.get(
    '/export.csv',
    {
      schema: { tags, querystring: auditQuery.omit({ page: true, pageSize: true }) },
      config: { produces: [MEDIA.csv] },
    },
    async (req, reply) => {
      const csv = await svc.auditCsv(deps, tenantScopeOf(req), req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="protokoll-${new Date().toISOString().slice(0, 10)}.csv"`)
        .send(csv);
    },
  );
  r.get('/mail-failures', { schema: { tags, response: { 200: mailFailureList } } }, async (req) =>
    svc.mailFailures(deps, tenantScopeOf(req)),
  );
  r.post(
    '/mail-failures/:mailId/retry',
    { schema: { tags, params: mailIdParams, response: { 200: mailFailureList } } },
    async (req) => svc.retryMail(deps, tenantScopeOf(req), req.params.mailId),
  );
});
