import {
  erasureInput,
  erasureResult,
  idParam,
  legalPageInput,
  legalPageParams,
  legalPageView,
  personalDataSummary,
  retentionSettingsInput,
  retentionView,
} from '@dz/core';
import { sendDownload } from '../../lib/download.js';
import { modulePlugin } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as svc from './privacy.service.js';

const tags = ['Datenschutz'];
const userParams = idParam('userId');
const day = () => new Date().toISOString().slice(0, 10);

/** Data protection (issue 23): own export, access and erasure requests, retention, records of processing. */
export const privacyRoutes = modulePlugin({ prefix: '/api/v1/privacy', access: 'tenant' }, (r, deps) => {
  r.get(
    '/me/export.json',
    { schema: { tags }, config: { access: 'user', produces: [MEDIA.json] } },
    async (req, reply) => {
      const data = await svc.ownExport(deps, scopeOf(req), 'json');
      return sendDownload(
        reply,
        'application/json; charset=utf-8',
        svc.exportFileName(data, 'json'),
        JSON.stringify(data, null, 2),
      );
    },
  );
  r.get(
    '/me/export.pdf',
    { schema: { tags }, config: { access: 'user', produces: [MEDIA.pdf] } },
    async (req, reply) => {
      const { pdf, fileName } = await svc.ownExportPdf(deps, scopeOf(req));
      return sendDownload(reply, 'application/pdf', fileName, pdf);
    },
  );
  r.get(
    '/people/:userId',
    { schema: { tags, params: userParams, response: { 200: personalDataSummary } } },
    async (req) => svc.personSummary(deps, tenantScopeOf(req), req.params.userId),
  );
  r.get(
    '/people/:userId/export.json',
    { schema: { tags, params: userParams }, config: { produces: [MEDIA.json] } },
    async (req, reply) => {
      const data = await svc.colleagueExport(deps, tenantScopeOf(req), req.params.userId);
      return sendDownload(
        reply,
        'application/json; charset=utf-8',
        svc.exportFileName(data, 'json'),
        JSON.stringify(data, null, 2),
      );
    },
  );
  r.get(
    '/people/:userId/export.pdf',
    { schema: { tags, params: userParams }, config: { produces: [MEDIA.pdf] } },
    async (req, reply) => {
      const { pdf, fileName } = await svc.colleagueExportPdf(deps, tenantScopeOf(req), req.params.userId);
      return sendDownload(reply, 'application/pdf', fileName, pdf);
    },
  );
  r.post(
    '/people/:userId/erase',
    { schema: { tags, params: userParams, body: erasureInput, response: { 200: erasureResult } } },
    async (req) => svc.erase(deps, tenantScopeOf(req), req.params.userId, req.body),
  );
  r.get('/retention', { schema: { tags, response: { 200: retentionView } } }, async (req) =>
    svc.getRetention(deps, tenantScopeOf(req)),
  );
  r.put(
    '/retention',
    { schema: { tags, body: retentionSettingsInput, response: { 200: retentionView } } },
    async (req) => svc.saveRetention(deps, tenantScopeOf(req), req.body),
  );
  r.get(
    '/records.pdf',
    { schema: { tags }, config: { access: 'platform', produces: [MEDIA.pdf] } },
    async (req, reply) => {
      const pdf = await svc.recordsPdfFor(deps, scopeOf(req));
      return sendDownload(reply, 'application/pdf', `verarbeitungsverzeichnis-${day()}.pdf`, pdf);
    },
  );
  r.get(
    '/records.xlsx',
    { schema: { tags }, config: { access: 'platform', produces: [MEDIA.xlsx] } },
    async (req, reply) => {
      const xlsx = await svc.recordsXlsxFor(deps, scopeOf(req));
      return sendDownload(reply, MEDIA.xlsx, `verarbeitungsverzeichnis-${day()}.xlsx`, xlsx);
    },
  );
});

/** The privacy notice and the imprint: public, edited by the operator (platform administration). */
export const legalRoutes = modulePlugin({ prefix: '/api/v1/legal', access: 'public' }, (r, deps) => {
  r.get('/:page', { schema: { tags, params: legalPageParams, response: { 200: legalPageView } } }, async (req) =>
    svc.getLegalPage(deps, req.scope, req.params.page),
  );
  r.put(
    '/:page',
    {
      schema: { tags, params: legalPageParams, body: legalPageInput, response: { 200: legalPageView } },
      config: { access: 'platform' },
    },
    async (req) => svc.saveLegalPage(deps, scopeOf(req), req.params.page, req.body),
  );
});
