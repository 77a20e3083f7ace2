import {
  benchmark,
  benchmarkQuery,
  idParam,
  keyFigureComputeInput,
  keyFigureInput,
  keyFigureList,
  keyFigureUpdate,
  keyFigureValueInput,
  keyFigureYearQuery,
  maturityAnswerInput,
  maturityAssessment,
  maturityModel,
  maturityModelInput,
  maturityOverview,
  maturitySettingsInput,
  networkCriterionInput,
  networkMaturity,
  okResponse,
  recommendations,
  ringJoinInput,
  ringView,
} from '@dz/core';
import { z } from 'zod';
import { sendDownload } from '../../lib/download.js';
import { newId } from '../../lib/ids.js';
import { modulePlugin } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as assessments from './assessments.service.js';
import { getBenchmark } from './benchmark.service.js';
import { keyFiguresCsv, keyFiguresXlsx } from './key-figures.export.js';
import * as figures from './key-figures.service.js';
import { getModel, publishModel } from './model.service.js';
import * as network from './network.service.js';
import { getRecommendations } from './recommendations.service.js';
import { maturityReport } from './report.service.js';

const tags = ['Reifegrad und Kennzahlenvergleich'];
const assessmentParams = idParam('assessmentId');
const answerParams = z.object({
  assessmentId: z.uuid(),
  criterionKey: z.string().regex(/^([a-z][a-z0-9_]{1,39}|net:[0-9a-f-]{36})$/),
});
const valueParams = z.object({ figureId: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) });
const networkParams = idParam('networkId');

/** Self-assessment, key figures, benchmark, recommendations and a network's ring (issue 22). */
export const maturityRoutes = modulePlugin({ prefix: '/api/v1/maturity', access: 'tenant' }, (r, deps) => {
  r.get('', { schema: { tags, response: { 200: maturityOverview } } }, async (req) =>
    assessments.getOverview(deps, tenantScopeOf(req)),
  );
  r.get('/model', { schema: { tags, response: { 200: maturityModel } }, config: { access: 'user' } }, async (req) =>
    getModel(deps, scopeOf(req)),
  );
  r.put(
    '/model',
    { schema: { tags, body: maturityModelInput, response: { 200: maturityModel } }, config: { access: 'platform' } },
    async (req) => publishModel(deps, scopeOf(req), req.body),
  );
  r.post('/assessments', { schema: { tags, response: { 201: maturityAssessment } } }, async (req, reply) =>
    reply.code(201).send(await assessments.createAssessment(deps, tenantScopeOf(req))),
  );
  r.get(
    '/assessments/:assessmentId',
    { schema: { tags, params: assessmentParams, response: { 200: maturityAssessment } } },
    async (req) => assessments.getAssessment(deps, tenantScopeOf(req), req.params.assessmentId),
  );
  r.put(
    '/assessments/:assessmentId/answers/:criterionKey',
    { schema: { tags, params: answerParams, body: maturityAnswerInput, response: { 200: maturityAssessment } } },
    async (req) =>
      assessments.saveAnswer(deps, tenantScopeOf(req), req.params.assessmentId, req.params.criterionKey, req.body),
  );
  r.post(
    '/assessments/:assessmentId/prefill',
    { schema: { tags, params: assessmentParams, response: { 200: maturityAssessment } } },
    async (req) => assessments.refreshPrefill(deps, tenantScopeOf(req), req.params.assessmentId),
  );
  r.post(
    '/assessments/:assessmentId/complete',
    { schema: { tags, params: assessmentParams, response: { 200: maturityAssessment } } },
    async (req) => assessments.completeAssessment(deps, tenantScopeOf(req), req.params.assessmentId),
  );
  r.delete(
    '/assessments/:assessmentId',
    { schema: { tags, params: assessmentParams, response: { 200: okResponse } } },
    async (req) => assessments.deleteDraft(deps, tenantScopeOf(req), req.params.assessmentId),
  );
  r.put(
    '/settings',
    {
      schema: {
        tags,
        body: maturitySettingsInput,
        response: { 200: z.object({ contactable: z.boolean(), version: z.number().int() }) },
      },
    },
    async (req) => assessments.updateSettings(deps, tenantScopeOf(req), req.body),
  );
  r.get('/recommendations', { schema: { tags, response: { 200: recommendations } } }, async (req) =>
    getRecommendations(deps, tenantScopeOf(req)),
  );
  r.get(
    '/report.pdf',
    { schema: { tags, querystring: keyFigureYearQuery }, config: { produces: [MEDIA.pdf] } },
    async (req, reply) => {
      const file = await maturityReport(deps, tenantScopeOf(req), req.query.year);
      return sendDownload(reply, MEDIA.pdf, file.fileName, file.pdf);
    },
  );

  // ---- key figures and benchmark ----
  r.get(
    '/key-figures',
    { schema: { tags, querystring: keyFigureYearQuery, response: { 200: keyFigureList } } },
    async (req) => figures.listFigures(deps, tenantScopeOf(req), req.query.year),
  );
  r.put(
    '/key-figures/:figureId/values/:year',
    { schema: { tags, params: valueParams, body: keyFigureValueInput, response: { 200: keyFigureList } } },
    async (req) => figures.saveValue(deps, tenantScopeOf(req), req.params.figureId, req.params.year, req.body),
  );
  r.post(
    '/key-figures/compute',
    { schema: { tags, body: keyFigureComputeInput, response: { 200: keyFigureList } } },
    async (req) => figures.storeComputed(deps, tenantScopeOf(req), req.body.year),
  );
  for (const kind of ['csv', 'xlsx'] as const)
    r.get(
      `/key-figures/export.${kind}`,
      { schema: { tags, querystring: keyFigureYearQuery }, config: { produces: [MEDIA[kind]] } },
      async (req, reply) => {
        const scope = tenantScopeOf(req);
        const [list, bench] = await Promise.all([
          figures.listFigures(deps, scope, req.query.year),
          getBenchmark(deps, scope, { year: req.query.year }),
        ]);
        const body = kind === 'csv' ? keyFiguresCsv(list, bench) : await keyFiguresXlsx(list, bench);
        return sendDownload(reply, MEDIA[kind], `kennzahlen-${list.year}.${kind}`, body);
      },
    );
  r.get('/benchmark', { schema: { tags, querystring: benchmarkQuery, response: { 200: benchmark } } }, async (req) =>
    getBenchmark(deps, tenantScopeOf(req), req.query),
  );

  // ---- a network's criteria, figures and ring (its moderation, and its members) ----
  r.get(
    '/networks/:networkId',
    { schema: { tags, params: networkParams, response: { 200: networkMaturity } }, config: { access: 'user' } },
    async (req) => network.getNetworkMaturity(deps, scopeOf(req), req.params.networkId),
  );
  r.post(
    '/networks/:networkId/criteria',
    {
      schema: { tags, params: networkParams, body: networkCriterionInput, response: { 201: networkMaturity } },
      config: { access: 'user' },
    },
    async (req, reply) =>
      reply.code(201).send(await network.addCriterion(deps, scopeOf(req), req.params.networkId, req.body)),
  );
  r.delete(
    '/networks/:networkId/criteria/:criterionId',
    {
      schema: { tags, params: idParam('networkId', 'criterionId'), response: { 200: networkMaturity } },
      config: { access: 'user' },
    },
    async (req) => network.archiveCriterion(deps, scopeOf(req), req.params.networkId, req.params.criterionId),
  );
  r.post(
    '/networks/:networkId/key-figures',
    {
      schema: { tags, params: networkParams, body: keyFigureInput, response: { 201: networkMaturity } },
      config: { access: 'user' },
    },
    async (req, reply) => {
      const scope = scopeOf(req);
      await figures.createNetworkFigure(deps.db, scope, req.params.networkId, req.body, newId());
      return reply.code(201).send(await network.getNetworkMaturity(deps, scope, req.params.networkId));
    },
  );
  r.put(
    '/networks/:networkId/key-figures/:figureId',
    {
      schema: {
        tags,
        params: idParam('networkId', 'figureId'),
        body: keyFigureUpdate,
        response: { 200: networkMaturity },
      },
      config: { access: 'user' },
    },
    async (req) => {
      const scope = scopeOf(req);
      await figures.updateNetworkFigure(
        deps.db,
        scope,
        req.params.networkId,
        req.params.figureId,
        req.body.version,
        req.body.figure,
      );
      return network.getNetworkMaturity(deps, scope, req.params.networkId);
    },
  );
  r.delete(
    '/networks/:networkId/key-figures/:figureId',
    {
      schema: { tags, params: idParam('networkId', 'figureId'), response: { 200: networkMaturity } },
      config: { access: 'user' },
    },
    async (req) => {
      const scope = scopeOf(req);
      await figures.archiveNetworkFigure(deps.db, scope, req.params.networkId, req.params.figureId);
      return network.getNetworkMaturity(deps, scope, req.params.networkId);
    },
  );
  r.get(
    '/networks/:networkId/ring',
    {
      schema: { tags, params: networkParams, querystring: keyFigureYearQuery, response: { 200: ringView } },
      config: { access: 'user' },
    },
    async (req) => network.getRing(deps, scopeOf(req), req.params.networkId, req.query.year),
  );
  r.put(
    '/networks/:networkId/ring',
    { schema: { tags, params: networkParams, body: ringJoinInput, response: { 200: ringView } } },
    async (req) => network.setRing(deps, tenantScopeOf(req), req.params.networkId, req.body.open),
  );
});
