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
import { type ModulePlugin, typed } from '../../lib/route.js';
import { readUpload } from '../../lib/upload.js';
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
const tenant = { access: 'tenant' as const };
const user = { access: 'user' as const };
const entryParams = idParam('publicationId');
const projectParams = idParam('projectId');
const jointParams = idParam('jointId');
const jointEntryParams = z.object({ jointId: z.uuid(), entryId: z.uuid() });
const created = { 201: z.object({ id: z.uuid() }) };

export const exchangeRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  // ---- the project exchange (Projektbörse) ----
  r.get(
    '/api/v1/exchange',
    { schema: { tags, querystring: exchangeQuery, response: { 200: exchangeList } }, config: user },
    async (req) => searchEntries(deps, scopeOf(req), req.query),
  );
  r.get(
    '/api/v1/exchange/:publicationId',
    { schema: { tags, params: entryParams, response: { 200: exchangeDetail } }, config: user },
    async (req) => entry.getEntry(deps, scopeOf(req), req.params.publicationId as string),
  );
  r.get(
    '/api/v1/exchange/:publicationId/documents/:fileId',
    {
      schema: { tags, params: z.object({ publicationId: z.uuid(), fileId: z.uuid() }) },
      config: { ...user, produces: [MEDIA.upload] },
    },
    async (req, reply) =>
      sendUpload(
        reply,
        await entry.entryDocument(deps, scopeOf(req), req.params.publicationId as string, req.params.fileId as string),
      ),
  );
  const lighthouseParams = z.object({ publicationId: z.uuid(), networkId: z.uuid() });
  r.put(
    '/api/v1/exchange/:publicationId/lighthouse/:networkId',
    { schema: { tags, params: lighthouseParams, response: { 200: exchangeDetail } }, config: user },
    async (req) =>
      entry.setLighthouse(deps, scopeOf(req), req.params.publicationId as string, req.params.networkId as string, true),
  );
  r.delete(
    '/api/v1/exchange/:publicationId/lighthouse/:networkId',
    { schema: { tags, params: lighthouseParams, response: { 200: exchangeDetail } }, config: user },
    async (req) =>
      entry.setLighthouse(
        deps,
        scopeOf(req),
        req.params.publicationId as string,
        req.params.networkId as string,
        false,
      ),
  );
  r.post(
    '/api/v1/exchange/:publicationId/posts',
    { schema: { tags, params: entryParams, body: postInput, response: { 201: exchangeDetail } }, config: tenant },
    async (req, reply) =>
      reply.code(201).send(await entry.addPost(deps, tenantScopeOf(req), req.params.publicationId as string, req.body)),
  );
  r.get(
    '/api/v1/exchange/:publicationId/adoption',
    { schema: { tags, params: entryParams, response: { 200: adoptionPreview } }, config: tenant },
    async (req) => adoption.adoptionPreview(deps, tenantScopeOf(req), req.params.publicationId as string),
  );
  r.post(
    '/api/v1/exchange/:publicationId/adoption',
    { schema: { tags, params: entryParams, body: adoptionInput, response: created }, config: tenant },
    async (req, reply) =>
      reply
        .code(201)
        .send(await adoption.adopt(deps, tenantScopeOf(req), req.params.publicationId as string, req.body)),
  );
  // ---- publishing a project ----
  r.get(
    '/api/v1/projects/:projectId/publication',
    { schema: { tags, params: projectParams, response: { 200: publicationState } }, config: tenant },
    async (req) => pubs.publicationState(deps, tenantScopeOf(req), req.params.projectId as string),
  );
  r.post(
    '/api/v1/projects/:projectId/publication/preview',
    {
      schema: { tags, params: projectParams, body: publicationInput, response: { 200: publicationPreview } },
      config: tenant,
    },
    async (req) => pubs.previewPublication(deps, tenantScopeOf(req), req.params.projectId as string, req.body),
  );
  r.put(
    '/api/v1/projects/:projectId/publication',
    {
      schema: { tags, params: projectParams, body: publicationInput, response: { 200: publicationState } },
      config: tenant,
    },
    async (req) => pubs.publish(deps, tenantScopeOf(req), req.params.projectId as string, req.body),
  );
  r.post(
    '/api/v1/projects/:projectId/publication/withdraw',
    { schema: { tags, params: projectParams, body: versioned, response: { 200: publicationState } }, config: tenant },
    async (req) => pubs.withdraw(deps, tenantScopeOf(req), req.params.projectId as string, req.body.version),
  );
  // ---- partner matching and contact requests ----
  r.get(
    '/api/v1/needs/:needId/partners',
    { schema: { tags, params: idParam('needId'), response: { 200: partnerSuggestions } }, config: tenant },
    async (req) => partners.suggestPartners(deps, tenantScopeOf(req), { needId: req.params.needId as string }),
  );
  r.get(
    '/api/v1/projects/:projectId/partners',
    { schema: { tags, params: projectParams, response: { 200: partnerSuggestions } }, config: tenant },
    async (req) => partners.suggestPartners(deps, tenantScopeOf(req), { projectId: req.params.projectId as string }),
  );
  r.put(
    '/api/v1/needs/:needId/partner-search',
    {
      schema: { tags, params: idParam('needId'), body: needPartnerSearch, response: { 200: okResponse } },
      config: tenant,
    },
    async (req) => partners.setPartnerSearch(deps, tenantScopeOf(req), req.params.needId as string, req.body),
  );
  r.get(
    '/api/v1/contact-requests',
    { schema: { tags, response: { 200: contactRequestList } }, config: tenant },
    async (req) => partners.listContactRequests(deps, tenantScopeOf(req)),
  );
  r.post(
    '/api/v1/contact-requests',
    { schema: { tags, body: contactRequestInput, response: created }, config: tenant },
    async (req, reply) => reply.code(201).send(await partners.sendContactRequest(deps, tenantScopeOf(req), req.body)),
  );
  r.post(
    '/api/v1/contact-requests/:requestId/answer',
    {
      schema: { tags, params: idParam('requestId'), body: contactAnswer, response: { 200: contactRequestList } },
      config: tenant,
    },
    async (req) =>
      partners.answerContactRequest(deps, tenantScopeOf(req), req.params.requestId as string, req.body.accept),
  );
  // ---- joint projects ----
  r.get('/api/v1/joint-projects', { schema: { tags, response: { 200: jointList } }, config: tenant }, async (req) =>
    joint.listJoint(deps, tenantScopeOf(req)),
  );
  r.post(
    '/api/v1/joint-projects',
    { schema: { tags, body: jointCreate, response: created }, config: tenant },
    async (req, reply) => reply.code(201).send(await joint.createJoint(deps, tenantScopeOf(req), req.body)),
  );
  r.get(
    '/api/v1/joint-projects/:jointId',
    { schema: { tags, params: jointParams, response: { 200: jointDetail } }, config: tenant },
    async (req) => joint.getJoint(deps, tenantScopeOf(req), req.params.jointId as string),
  );
  r.put(
    '/api/v1/joint-projects/:jointId',
    { schema: { tags, params: jointParams, body: jointUpdate, response: { 200: jointDetail } }, config: tenant },
    async (req) => joint.updateJoint(deps, tenantScopeOf(req), req.params.jointId as string, req.body),
  );
  r.post(
    '/api/v1/joint-projects/:jointId/shares/propose',
    {
      schema: { tags, params: jointParams, body: jointSharesAccept, response: { 200: jointDetail } },
      config: tenant,
    },
    async (req) => joint.proposeShares(deps, tenantScopeOf(req), req.params.jointId as string, req.body.version),
  );
  r.post(
    '/api/v1/joint-projects/:jointId/shares/accept',
    {
      schema: { tags, params: jointParams, body: jointSharesAccept, response: { 200: jointDetail } },
      config: tenant,
    },
    async (req) => joint.acceptShares(deps, tenantScopeOf(req), req.params.jointId as string, req.body.version),
  );
  r.post(
    '/api/v1/joint-projects/:jointId/answer',
    {
      schema: {
        tags,
        params: jointParams,
        body: contactAnswer,
        response: { 200: z.object({ ok: z.literal(true), declined: z.boolean() }) },
      },
      config: tenant,
    },
    async (req) => joint.answerJoint(deps, tenantScopeOf(req), req.params.jointId as string, req.body.accept),
  );
  r.post(
    '/api/v1/joint-projects/:jointId/entries',
    { schema: { tags, params: jointParams, body: jointEntryInput, response: { 201: jointDetail } }, config: tenant },
    async (req, reply) =>
      reply
        .code(201)
        .send(await jointEntries.addEntry(deps, tenantScopeOf(req), req.params.jointId as string, req.body)),
  );
  r.post(
    '/api/v1/joint-projects/:jointId/documents',
    {
      schema: {
        tags,
        params: jointParams,
        consumes: ['multipart/form-data'],
        description: 'Share a document with all partners (field "file", at most 10 MB).',
        response: { 201: jointDetail },
      },
      config: tenant,
    },
    async (req, reply) => {
      // access first: a foreign or unknown joint project answers 404 whatever the body
      await joint.getJoint(deps, tenantScopeOf(req), req.params.jointId as string);
      const file = await readUpload(req, jointEntries.MAX_JOINT_FILE_BYTES);
      return reply.code(201).send(
        await jointEntries.addEntry(deps, tenantScopeOf(req), req.params.jointId as string, {
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
    '/api/v1/joint-projects/:jointId/entries/:entryId/file',
    { schema: { tags, params: jointEntryParams }, config: { ...tenant, produces: [MEDIA.upload] } },
    async (req, reply) =>
      sendUpload(
        reply,
        await jointEntries.entryFile(
          deps,
          tenantScopeOf(req),
          req.params.jointId as string,
          req.params.entryId as string,
        ),
      ),
  );
  r.delete(
    '/api/v1/joint-projects/:jointId/entries/:entryId',
    { schema: { tags, params: jointEntryParams, response: { 200: jointDetail } }, config: tenant },
    async (req) =>
      jointEntries.deleteEntry(deps, tenantScopeOf(req), req.params.jointId as string, req.params.entryId as string),
  );
  r.get(
    '/api/v1/joint-projects/:jointId/statement',
    {
      schema: { tags, params: jointParams, querystring: statementQuery },
      config: { ...tenant, produces: [MEDIA.pdf, MEDIA.xlsx] },
    },
    async (req, reply) => {
      const scope = tenantScopeOf(req);
      const id = req.params.jointId as string;
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
};
