import {
  createdCount,
  idParam,
  modelAnalysis,
  modelCheck,
  modelCreate,
  modelDetail,
  modelImportQuery,
  modelProjectCreate,
  modelProjectCreated,
  modelSave,
  okResponse,
  projectModels,
  serviceCreate,
  serviceDetail,
  serviceImportQuery,
  serviceImportReport,
  serviceList,
  serviceListQuery,
  serviceUpdate,
  starterAdd,
  starterList,
} from '@dz/core';
import { authorize } from '../../lib/authorize.js';
import { sendDownload } from '../../lib/download.js';
import { modulePlugin } from '../../lib/route.js';
import { readUpload, uploadSchema } from '../../lib/upload.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as projects from './model-project.service.js';
import * as models from './models.service.js';
import { exportServices, importServices, MAX_IMPORT_BYTES } from './services.import.js';
import * as services from './services.service.js';

const tags = ['Prozesse'];
const serviceParams = idParam('serviceId');
const modelParams = idParam('modelId');
/** A BPMN file may have 5 MB (the reader's limit answers with its own message); JSON adds some escaping. */
const MODEL_BODY_LIMIT = 7 * 1024 * 1024;
const MAX_BPMN_BYTES = 5 * 1024 * 1024;

export const processesRoutes = modulePlugin({ prefix: '/api/v1/processes', access: 'tenant' }, (r, deps) => {
  r.get('/services', { schema: { tags, querystring: serviceListQuery, response: { 200: serviceList } } }, async (req) =>
    services.listServices(deps, tenantScopeOf(req), req.query),
  );
  r.post('/services', { schema: { tags, body: serviceCreate, response: { 201: serviceDetail } } }, async (req, reply) =>
    reply.code(201).send(await services.createService(deps, tenantScopeOf(req), req.body)),
  );
  r.get('/services/starter', { schema: { tags, response: { 200: starterList } } }, async (req) =>
    services.starterList(deps, tenantScopeOf(req)),
  );
  r.post(
    '/services/starter',
    { schema: { tags, body: starterAdd, response: { 201: createdCount } } },
    async (req, reply) => reply.code(201).send(await services.addStarters(deps, tenantScopeOf(req), req.body.keys)),
  );
  r.post(
    '/services/import',
    {
      schema: {
        tags,
        querystring: serviceImportQuery,
        ...uploadSchema('Leistungsverzeichnis als CSV (Semikolon) oder XLSX; erste Zeile Spaltenüberschriften'),
        response: { 200: serviceImportReport },
      },
    },
    async (req) => {
      // access first: a reader gets 403 whatever the file
      authorize(tenantScopeOf(req), 'processes', 'edit');
      const file = await readUpload(req, { maxBytes: MAX_IMPORT_BYTES });
      return importServices(deps, tenantScopeOf(req), file, req.query.mode);
    },
  );
  r.get('/services.csv', { schema: { tags }, config: { produces: [MEDIA.csv] } }, async (req, reply) =>
    sendDownload(reply, MEDIA.csv, 'leistungsverzeichnis.csv', await exportServices(deps, tenantScopeOf(req))),
  );
  r.get(
    '/services/:serviceId',
    { schema: { tags, params: serviceParams, response: { 200: serviceDetail } } },
    async (req) => services.getService(deps, tenantScopeOf(req), req.params.serviceId),
  );
  r.put(
    '/services/:serviceId',
    { schema: { tags, params: serviceParams, body: serviceUpdate, response: { 200: serviceDetail } } },
    async (req) => services.updateService(deps, tenantScopeOf(req), req.params.serviceId, req.body),
  );
  r.delete(
    '/services/:serviceId',
    { schema: { tags, params: serviceParams, response: { 200: okResponse } } },
    async (req) => services.deleteService(deps, tenantScopeOf(req), req.params.serviceId),
  );

  r.post('/models', { schema: { tags, body: modelCreate, response: { 201: modelDetail } } }, async (req, reply) =>
    reply.code(201).send(await models.createModel(deps, tenantScopeOf(req), req.body)),
  );
  r.post(
    '/services/:serviceId/models/import',
    {
      schema: {
        tags,
        params: serviceParams,
        querystring: modelImportQuery,
        ...uploadSchema('Eine BPMN-2.0-Datei (XML, bis 5 MB), z. B. aus Camunda Modeler, Signavio oder ADONIS'),
        response: { 201: modelDetail },
      },
    },
    async (req, reply) => {
      const scope = tenantScopeOf(req);
      // access first: a reader gets 403 and a foreign service 404 whatever the file
      await models.importTarget(deps, scope, req.params.serviceId);
      const file = await readUpload(req, { maxBytes: MAX_BPMN_BYTES });
      const name =
        req.query.name ??
        (file.fileName
          .replace(/\.[^.]*$/, '')
          .trim()
          .slice(0, 200) ||
          'Importiertes Modell');
      const detail = await models.importModel(
        deps,
        scope,
        { serviceId: req.params.serviceId, kind: req.query.kind, name },
        file.content,
      );
      return reply.code(201).send(detail);
    },
  );
  r.get('/models/:modelId', { schema: { tags, params: modelParams, response: { 200: modelDetail } } }, async (req) =>
    models.getModel(deps, tenantScopeOf(req), req.params.modelId),
  );
  r.put(
    '/models/:modelId',
    {
      bodyLimit: MODEL_BODY_LIMIT,
      schema: { tags, params: modelParams, body: modelSave, response: { 200: modelDetail } },
    },
    async (req) => models.saveModel(deps, tenantScopeOf(req), req.params.modelId, req.body),
  );
  r.post(
    '/models/:modelId/check',
    {
      bodyLimit: MODEL_BODY_LIMIT,
      schema: { tags, params: modelParams, body: modelCheck, response: { 200: modelAnalysis } },
    },
    async (req) => models.checkModel(deps, tenantScopeOf(req), req.params.modelId, req.body.xml),
  );
  r.delete('/models/:modelId', { schema: { tags, params: modelParams, response: { 200: okResponse } } }, async (req) =>
    models.deleteModel(deps, tenantScopeOf(req), req.params.modelId),
  );
  r.get(
    '/models/:modelId/bpmn',
    { schema: { tags, params: modelParams }, config: { produces: [MEDIA.bpmn] } },
    async (req, reply) => {
      const f = await models.exportModel(deps, tenantScopeOf(req), req.params.modelId);
      // the XML may come from a file someone uploaded: never rendered as active content in our origin
      reply
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('x-content-type-options', 'nosniff');
      return sendDownload(reply, `${MEDIA.bpmn}; charset=utf-8`, f.fileName, f.xml);
    },
  );
  r.post(
    '/models/:modelId/project',
    { schema: { tags, params: modelParams, body: modelProjectCreate, response: { 201: modelProjectCreated } } },
    async (req, reply) =>
      reply
        .code(201)
        .send(await projects.projectFromModel(deps, tenantScopeOf(req), req.params.modelId, req.body.title)),
  );
  r.get(
    '/projects/:projectId/models',
    { schema: { tags, params: idParam('projectId'), response: { 200: projectModels } } },
    async (req) => projects.modelsOfProject(deps, tenantScopeOf(req), req.params.projectId),
  );
});
