import {
  councilSettings,
  councilSettingsSave,
  decisionPaperDraft,
  decisionPaperInput,
  decisionPaperList,
  financeSave,
  financeSettings,
  financeSettingsSave,
  idParam,
  paperSuggestions,
  paperSuggestionsQuery,
  portfolioFinance,
  projectFinance,
  riskCreate,
  riskList,
  riskUpdate,
  simulationRequest,
  simulationResult,
} from '@dz/core';
import { z } from 'zod';
import { modulePlugin } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as council from './council.service.js';
import * as papers from './decision-paper.service.js';
import * as svc from './finance.service.js';
import { paperSuggestions as suggestions } from './paper-suggestions.service.js';
import { portfolioFinance as overview, portfolioFinanceXlsx } from './portfolio-finance.service.js';
import * as risks from './risks.service.js';

const tags = ['Finanzen und Risiken'];
const params = idParam('projectId');
const riskParams = idParam('projectId', 'riskId');
const paperParams = idParam('projectId', 'paperId');

export const financeRoutes = modulePlugin({ prefix: '/api/v1', access: 'tenant' }, (r, deps) => {
  r.get('/finance/settings', { schema: { tags, response: { 200: financeSettings } } }, async (req) =>
    svc.getSettings(deps, tenantScopeOf(req)),
  );
  r.put(
    '/finance/settings',
    { schema: { tags, body: financeSettingsSave, response: { 200: financeSettings } } },
    async (req) => svc.saveSettings(deps, tenantScopeOf(req), req.body),
  );
  r.get('/finance/council', { schema: { tags, response: { 200: councilSettings } } }, async (req) =>
    council.getCouncil(deps, tenantScopeOf(req)),
  );
  r.put(
    '/finance/council',
    { schema: { tags, body: councilSettingsSave, response: { 200: councilSettings } } },
    async (req) => council.saveCouncil(deps, tenantScopeOf(req), req.body),
  );
  r.get('/projects/:projectId/finance', { schema: { tags, params, response: { 200: projectFinance } } }, async (req) =>
    svc.getFinance(deps, tenantScopeOf(req), req.params.projectId),
  );
  r.put(
    '/projects/:projectId/finance',
    { schema: { tags, params, body: financeSave, response: { 200: projectFinance } } },
    async (req) => svc.saveFinance(deps, tenantScopeOf(req), req.params.projectId, req.body),
  );
  r.get(
    '/projects/:projectId/paper-suggestions',
    {
      schema: {
        tags,
        params,
        querystring: paperSuggestionsQuery,
        response: { 200: paperSuggestions },
        description:
          'Defaults for a first council paper: cost lines by project type and from comparable exchange projects, staff hours, risk suggestions by category.',
      },
    },
    async (req) => suggestions(deps, tenantScopeOf(req), req.params.projectId, req.query),
  );
  r.get('/projects/:projectId/risks', { schema: { tags, params, response: { 200: riskList } } }, async (req) =>
    risks.listRisks(deps, tenantScopeOf(req), req.params.projectId),
  );
  r.post(
    '/projects/:projectId/risks',
    { schema: { tags, params, body: riskCreate, response: { 201: riskList } } },
    async (req, reply) =>
      reply.code(201).send(await risks.addRisk(deps, tenantScopeOf(req), req.params.projectId, req.body)),
  );
  r.patch(
    '/projects/:projectId/risks/:riskId',
    { schema: { tags, params: riskParams, body: riskUpdate, response: { 200: riskList } } },
    async (req) => risks.updateRisk(deps, tenantScopeOf(req), req.params.projectId, req.params.riskId, req.body),
  );
  r.delete(
    '/projects/:projectId/risks/:riskId',
    { schema: { tags, params: riskParams, response: { 200: riskList } } },
    async (req) => risks.deleteRisk(deps, tenantScopeOf(req), req.params.projectId, req.params.riskId),
  );
  r.post(
    '/projects/:projectId/simulation',
    { schema: { tags, params, body: simulationRequest, response: { 200: simulationResult } } },
    async (req) => risks.simulateProject(deps, tenantScopeOf(req), req.params.projectId, req.body),
  );
  r.get(
    '/projects/:projectId/decision-papers/draft',
    { schema: { tags, params, response: { 200: decisionPaperDraft } } },
    async (req) => papers.draftPaper(deps, tenantScopeOf(req), req.params.projectId),
  );
  r.get(
    '/projects/:projectId/decision-papers',
    { schema: { tags, params, response: { 200: decisionPaperList } } },
    async (req) => papers.listPapers(deps, tenantScopeOf(req), req.params.projectId),
  );
  r.post(
    '/projects/:projectId/decision-papers',
    {
      schema: {
        tags,
        params,
        body: decisionPaperInput,
        response: { 201: z.object({ id: z.uuid(), versionNo: z.number().int() }) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await papers.createPaper(deps, tenantScopeOf(req), req.params.projectId, req.body)),
  );
  r.get(
    '/projects/:projectId/decision-papers/:paperId/pdf',
    { schema: { tags, params: paperParams }, config: { produces: [MEDIA.pdf] } },
    async (req, reply) => {
      const p = await papers.paperPdf(deps, tenantScopeOf(req), req.params.projectId, req.params.paperId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${p.fileName}"`)
        .send(p.pdf);
    },
  );
  r.get(
    '/projects/:projectId/decision-papers/:paperId/oparl',
    { schema: { tags, params: paperParams, description: 'The paper as an OParl 1.1 Paper object.' } },
    async (req) => papers.paperOparl(deps, tenantScopeOf(req), req.params.projectId, req.params.paperId),
  );
  r.get('/finance/portfolio', { schema: { tags, response: { 200: portfolioFinance } } }, async (req) =>
    overview(deps, tenantScopeOf(req)),
  );
  r.get('/finance/portfolio.xlsx', { schema: { tags }, config: { produces: [MEDIA.xlsx] } }, async (req, reply) =>
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="haushaltsuebersicht.xlsx"')
      .send(await portfolioFinanceXlsx(await overview(deps, tenantScopeOf(req)))),
  );
});
