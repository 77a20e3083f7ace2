import {
  adoptionInput,
  adoptionPreview,
  contactAnswer,
  contactRequestInput,
  contactRequestList,
  exchangeDetail,
  exchangeList,
  exchangeQuery,
  idParam,
  jointCreate,
  jointDetail,
  jointEntryInput,
  jointList,
  jointSharesAccept,
  jointUpdate,
  needPartnerSearch,
  okResponse,
  partnerSuggestions,
  postInput,
  publicationInput,
  publicationPreview,
  publicationState,
  statementQuery,
  versioned,
} from '@dz/core';
import { z } from 'zod';
import { disposition, sendUpload } from '../../lib/download.js';
import { modulePlugin } from '../../lib/route.js';
import { readUpload, uploadSchema } from '../../lib/upload.js';
import { MEDIA } from '../../plugins/openapi.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as adoption from './adoption.service.js';
import * as entry from './entry.service.js';
import * as joint from './joint.service.js';
import * as jointEntries from './joint-entries.service.js';
import * as jointStatements from './joint-statements.service.js';
import * as partners from './partners.service.js';
import * as pubs from './publications.service.js';
import { searchEntries } from './search.service.js';

const tags = ['Austausch'];
const entryParams = idParam('publicationId');
const projectParams = idParam('projectId');
const jointParams = idParam('jointId');
const jointEntryParams = idParam('jointId', 'entryId');
const created = { 201: z.object({ id: z.uuid() }) };

/** The project exchange (Projektbörse): readable by every signed-in user, acting on an entry needs a municipality. */
export const exchangeRoutes = modulePlugin({ prefix: '/api/v1/exchange', access: 'user' }, (r, deps) => {
  r.get('', { schema: { tags, querystring: exchangeQuery, response: { 200: exchangeList } } }, async (req) =>
    searchEntries(deps, scopeOf(req), req.query),
  );
  r.get('/:publicationId', { schema: { tags, params: entryParams, response: { 200: exchangeDetail } } }, async (req) =>
    entry.getEntry(deps, scopeOf(req), req.params.publicationId),
  );
  r.get(
    '/:publicationId/documents/:fileId',
    {
      schema: { tags, params: idParam('publicationId', 'fileId') },
      config: { produces: [MEDIA.upload] },
    },
    async (req, reply) =>
      sendUpload(reply, await entry.entryDocument(deps, scopeOf(req), req.params.publicationId, req.params.fileId)),
  );
  const lighthouseParams = idParam('publicationId', 'networkId');
  r.put(
    '/:publicationId/lighthouse/:networkId',
    { schema: { tags, params: lighthouseParams, response: { 200: exchangeDetail } } },
    async (req) => entry.setLighthouse(deps, scopeOf(req), req.params.publicationId, req.params.networkId, true),
  );
  r.delete(
    '/:publicationId/lighthouse/:networkId',
    { schema: { tags, params: lighthouseParams, response: { 200: exchangeDetail } } },
    async (req) => entry.setLighthouse(deps, scopeOf(req), req.params.publicationId, req.params.networkId, false),
  );
  r.post(
    '/:publicationId/posts',
    {
      schema: { tags, params: entryParams, body: postInput, response: { 201: exchangeDetail } },
      config: { access: 'tenant' },
    },
    async (req, reply) =>
      reply.code(201).send(await entry.addPost(deps, tenantScopeOf(req), req.params.publicationId, req.body)),
  );
  r.get(
    '/:publicationId/adoption',
    { schema: { tags, params: entryParams, response: { 200: adoptionPreview } }, config: { access: 'tenant' } },
    async (req) => adoption.adoptionPreview(deps, tenantScopeOf(req), req.params.publicationId),
  );
  r.post(
    '/:publicationId/adoption',
    { schema: { tags, params: entryParams, body: adoptionInput, response: created }, config: { access: 'tenant' } },
    async (req, reply) =>
      reply.code(201).send(await adoption.adopt(deps, tenantScopeOf(req), req.params.publicationId, req.body)),
  );
});

/** Publishing a project, partner suggestions and contact requests of the active municipality. */
export const partnersRoutes = modulePlugin({ prefix: '/api/v1', access: 'tenant' }, (r, deps) => {
  r.get(
    '/projects/:projectId/publication',
    { schema: { tags, params: projectParams, response: { 200: publicationState } } },
    async (req) => pubs.publicationState(deps, tenantScopeOf(req), req.params.projectId),
  );
  r.post(
    '/projects/:projectId/publication/preview',
    {
      schema: { tags, params: projectParams, body: publicationInput, response: { 200: publicationPreview } },
    },
    async (req) => pubs.previewPublication(deps, tenantScopeOf(req), req.params.projectId, req.body),
  );
  r.put(
    '/projects/:projectId/publication',
    {
      schema: { tags, params: projectParams, body: publicationInput, response: { 200: publicationState } },
    },
    async (req) => pubs.publish(deps, tenantScopeOf(req), req.params.projectId, req.body),
  );
  r.post(
    '/projects/:projectId/publication/withdraw',
    { schema: { tags, params: projectParams, body: versioned, response: { 200: publicationState } } },
    async (req) => pubs.withdraw(deps, tenantScopeOf(req), req.params.projectId, req.body.version),
  );
  // ---- partner matching and contact requests ----
  r.get(
    '/needs/:needId/partners',
    { schema: { tags, params: idParam('needId'), response: { 200: partnerSuggestions } } },
    async (req) => partners.suggestPartners(deps, tenantScopeOf(req), { needId: req.params.needId }),
  );
  r.get(
    '/projects/:projectId/partners',
    { schema: { tags, params: projectParams, response: { 200: partnerSuggestions } } },
    async (req) => partners.suggestPartners(deps, tenantScopeOf(req), { projectId: req.params.projectId }),
  );
  r.put(
    '/needs/:needId/partner-search',
    {
      schema: { tags, params: idParam('needId'), body: needPartnerSearch, response: { 200: okResponse } },
    },
    async (req) => partners.setPartnerSearch(deps, tenantScopeOf(req), req.params.needId, req.body),
  );
  r.get('/contact-requests', { schema: { tags, response: { 200: contactRequestList } } }, async (req) =>
    partners.listContactRequests(deps, tenantScopeOf(req)),
  );
  r.post('/contact-requests', { schema: { tags, body: contactRequestInput, response: created } }, async (req, reply) =>
    reply.code(201).send(await partners.sendContactRequest(deps, tenantScopeOf(req), req.body)),
  );
  r.post(
    '/contact-requests/:requestId/answer',
    {
      schema: { tags, params: idParam('requestId'), body: contactAnswer, response: { 200: contactRequestList } },
    },
    async (req) => partners.answerContactRequest(deps, tenantScopeOf(req), req.params.requestId, req.body.accept),
  );
});

/** Joint projects (Verbundprojekte) of the active municipality with its partners. */
export const jointRoutes = modulePlugin({ prefix: '/api/v1/joint-projects', access: 'tenant' }, (r, deps) => {
  r.get('', { schema: { tags, response: { 200: jointList } } }, async (req) =>
    joint.listJoint(deps, tenantScopeOf(req)),
  );
  r.post('', { schema: { tags, body: jointCreate, response: created } }, async (req, reply) =>
    reply.code(201).send(await joint.createJoint(deps, tenantScopeOf(req), req.body)),
  );
  r.get('/:jointId', { schema: { tags, params: jointParams, response: { 200: jointDetail } } }, async (req) =>
    joint.getJoint(deps, tenantScopeOf(req), req.params.jointId),
  );
  r.put(
    '/:jointId',
    { schema: { tags, params: jointParams, body: jointUpdate, response: { 200: jointDetail } } },
    async (req) => joint.updateJoint(deps, tenantScopeOf(req), req.params.jointId, req.body),
  );
  r.post(
    '/:jointId/shares/propose',
    {
      schema: { tags, params: jointParams, body: jointSharesAccept, response: { 200: jointDetail } },
    },
    async (req) => joint.proposeShares(deps, tenantScopeOf(req), req.params.jointId, req.body.version),
  );
  r.post(
    '/:jointId/shares/accept',
    {
      schema: { tags, params: jointParams, body: jointSharesAccept, response: { 200: jointDetail } },
    },
    async (req) => joint.acceptShares(deps, tenantScopeOf(req), req.params.jointId, req.body.version),
  );
  r.post(
    '/:jointId/answer',
    {
      schema: {
        tags,
        params: jointParams,
        body: contactAnswer,
        response: { 200: z.object({ ok: z.literal(true), declined: z.boolean() }) },
      },
    },
    async (req) => joint.answerJoint(deps, tenantScopeOf(req), req.params.jointId, req.body.accept),
  );
  r.post(
    '/:jointId/entries',
    { schema: { tags, params: jointParams, body: jointEntryInput, response: { 201: jointDetail } } },
    async (req, reply) =>
      reply.code(201).send(await jointEntries.addEntry(deps, tenantScopeOf(req), req.params.jointId, req.body)),
  );
  r.post(
    '/:jointId/documents',
    {
      schema: {
        tags,
        params: jointParams,
        ...uploadSchema('Share a document with all partners (field "file", at most 10 MB).'),
        response: { 201: jointDetail },
      },
    },
    async (req, reply) => {
      // access first: a foreign or unknown joint project answers 404 whatever the body
      await joint.getJoint(deps, tenantScopeOf(req), req.params.jointId);
      const file = await readUpload(req, { maxBytes: jointEntries.MAX_JOINT_FILE_BYTES });
      return reply.code(201).send(
        await jointEntries.addEntry(deps, tenantScopeOf(req), req.params.jointId, {
          kind: 'document',
          title: file.fileName.slice(0, 200) || 'Dokument',
          body: '',
          light: null,
          private: false,
          file,
        }),
      );
    },
  );
  r.get(
    '/:jointId/entries/:entryId/file',
    { schema: { tags, params: jointEntryParams }, config: { produces: [MEDIA.upload] } },
    async (req, reply) =>
      sendUpload(reply, await jointEntries.entryFile(deps, tenantScopeOf(req), req.params.jointId, req.params.entryId)),
  );
  r.delete(
    '/:jointId/entries/:entryId',
    { schema: { tags, params: jointEntryParams, response: { 200: jointDetail } } },
    async (req) => jointEntries.deleteEntry(deps, tenantScopeOf(req), req.params.jointId, req.params.entryId),
  );
  r.get(
    '/:jointId/statement',
    {
      schema: { tags, params: jointParams, querystring: statementQuery },
      config: { produces: [MEDIA.pdf, MEDIA.xlsx] },
    },
    async (req, reply) => {
      const scope = tenantScopeOf(req);
      const id = req.params.jointId;
      if (req.query.format === 'xlsx') {
        const x = await jointStatements.statementXlsx(deps, scope, id, req.query.municipalityId);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', disposition(`Kostenaufstellung ${x.name}.xlsx`))
          .send(x.buffer);
      }
      const { me } = await jointStatements.statement(deps, scope, id, req.query.municipalityId);
      return reply
        .type('application/pdf')
        .header('content-disposition', disposition(`Kostenaufstellung ${me.name}.pdf`))
        .send(await jointStatements.statementPdf(deps, scope, id, req.query.municipalityId));
    },
  );
});
