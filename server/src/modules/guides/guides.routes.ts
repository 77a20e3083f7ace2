import {
  GUIDE_FILE_MAX_BYTES,
  guideCreate,
  guideDetail,
  guideDetailQuery,
  guideList,
  guideQuery,
  guideTickInput,
  guideTickParams,
  guideUpdate,
  guideVersion,
  guideVersionList,
  guideVersionParams,
  idParam,
  okResponse,
} from '@dz/core';
import { authorize } from '../../lib/authorize.js';
import { sendUpload } from '../../lib/download.js';
import { modulePlugin } from '../../lib/route.js';
import { readUpload, uploadSchema } from '../../lib/upload.js';
import { MEDIA } from '../../plugins/openapi.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as files from './files.service.js';
import { findGuide } from './guides.access.js';
import * as guides from './guides.service.js';
import { setTick } from './ticks.service.js';

const tags = ['Hilfen'];
const params = idParam('guideId');

/**
 * The method library („Hilfen“): platform-wide guides and those a network curates for its members, for everyone
 * signed in (also the platform administration and moderators without a municipality); ticking checklists needs
 * the active municipality.
 */
export const guidesRoutes = modulePlugin({ prefix: '/api/v1/guides', access: 'user' }, (r, deps) => {
  r.get('', { schema: { tags, querystring: guideQuery, response: { 200: guideList } } }, async (req) =>
    guides.listGuides(deps, scopeOf(req), req.query),
  );
  r.post('', { schema: { tags, body: guideCreate, response: { 201: guideDetail } } }, async (req, reply) =>
    reply.code(201).send(await guides.createGuide(deps, scopeOf(req), req.body)),
  );
  r.get(
    '/:guideId',
    { schema: { tags, params, querystring: guideDetailQuery, response: { 200: guideDetail } } },
    async (req) => guides.getGuide(deps, scopeOf(req), req.params.guideId, req.query.projectId),
  );
  r.put('/:guideId', { schema: { tags, params, body: guideUpdate, response: { 200: guideDetail } } }, async (req) =>
    guides.updateGuide(deps, scopeOf(req), req.params.guideId, req.body),
  );
  r.delete('/:guideId', { schema: { tags, params, response: { 200: okResponse } } }, async (req) =>
    guides.archiveGuide(deps, scopeOf(req), req.params.guideId),
  );
  r.get('/:guideId/versions', { schema: { tags, params, response: { 200: guideVersionList } } }, async (req) =>
    guides.listVersions(deps, scopeOf(req), req.params.guideId),
  );
  r.get(
    '/:guideId/versions/:version',
    { schema: { tags, params: guideVersionParams, response: { 200: guideVersion } } },
    async (req) => guides.getVersion(deps, scopeOf(req), req.params.guideId, req.params.version),
  );
  r.put(
    '/:guideId/ticks/:itemKey',
    {
      schema: { tags, params: guideTickParams, body: guideTickInput, response: { 200: guideDetail } },
      config: { access: 'tenant' },
    },
    async (req) => setTick(deps, tenantScopeOf(req), req.params.guideId, req.params.itemKey, req.body),
  );
  r.post(
    '/:guideId/files',
    {
      schema: {
        tags,
        params,
        ...uploadSchema('Eine Vorlage oder ein Musterdokument (DOCX, XLSX, PDF, ODT, ODS; bis 10 MB)'),
        response: { 201: guideDetail },
      },
    },
    async (req, reply) => {
      const scope = scopeOf(req);
      // access first: an unknown or foreign guide answers 404 (a reader 403) whatever the body
      const g = await findGuide(deps, scope, req.params.guideId);
      authorize(scope, 'guide', 'edit', { networkId: g.networkId });
      const file = await readUpload(req, { maxBytes: GUIDE_FILE_MAX_BYTES });
      return reply.code(201).send(await files.addFile(deps, scope, req.params.guideId, file));
    },
  );
  r.get(
    '/:guideId/files/:guideFileId',
    { schema: { tags, params: idParam('guideId', 'guideFileId') }, config: { produces: [MEDIA.upload] } },
    async (req, reply) =>
      sendUpload(reply, await files.getFile(deps, scopeOf(req), req.params.guideId, req.params.guideFileId)),
  );
  r.delete(
    '/:guideId/files/:guideFileId',
    { schema: { tags, params: idParam('guideId', 'guideFileId'), response: { 200: guideDetail } } },
    async (req) => files.removeFile(deps, scopeOf(req), req.params.guideId, req.params.guideFileId),
  );
});
