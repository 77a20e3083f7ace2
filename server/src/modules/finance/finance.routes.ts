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
import { type ModulePlugin, typed } from '../../lib/route.js';
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
const riskParams = z.object({ projectId: z.uuid(), riskId: z.uuid() });
const paperParams = z.object({ projectId: z.uuid(), paperId: z.uuid() });
const tenant = { access: 'tenant' as const };

export const financeRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get(
    '/api/v1/finance/settings',
    { schema: { tags, response: { 200: financeSettings } }, config: tenant },
    async (req) => svc.getSettings(deps, tenantScopeOf(req)),
  );
  r.put(
    '/api/v1/finance/settings',
    { schema: { tags, body: financeSettingsSave, response: { 200: financeSettings } }, config: tenant },
    async (req) => svc.saveSettings(deps, tenantScopeOf(req), req.body),
  );
  r.get(
    '/api/v1/finance/council',
    { schema: { tags, response: { 200: councilSettings } }, config: tenant },
    async (req) => council.getCouncil(deps, tenantScopeOf(req)),
  );
  r.put(
    '/api/v1/finance/council',
    { schema: { tags, body: councilSettingsSave, response: { 200: councilSettings } }, config: tenant },
    async (req) => council.saveCouncil(deps, tenantScopeOf(req), req.body),
  );
  r.get(
    '/api/v1/projects/:projectId/finance',
    { schema: { tags, params, response: { 200: projectFinance } }, config: tenant },
    async (req) => svc.getFinance(deps, tenantScopeOf(req), req.params.projectId as string),
  );
  r.put(
    '/api/v1/projects/:projectId/finance',
    { schema: { tags, params, body: financeSave, response: { 200: projectFinance } }, config: tenant },
    async (req) => svc.saveFinance(deps, tenantScopeOf(req), req.params.projectId as string, req.body),
  );
  r.get(
    '/api/v1/projects/:projectId/paper-suggestions',
    {
      schema: {
        tags,
        params,
        querystring: paperSuggestionsQuery,
        response: { 200: paperSuggestions },
        description:
          'Defaults for a first council paper: cost lines by project type and from comparable exchange projects, staff hours, risk suggestions by category.',
      },
      config: tenant,
    },
    async (req) => suggestions(deps, tenantScopeOf(req), req.params.projectId as string, req.query),
  );
  r.get(
    '/api/v1/projects/:projectId/risks',
    { schema: { tags, params, response: { 200: riskList } }, config: tenant },
    async (req) => risks.listRisks(deps, tenantScopeOf(req), req.params.projectId as string),
  );
  r.post(
    '/api/v1/projects/:projectId/risks',
    { schema: { tags, params, body: riskCreate, response: { 201: riskList } }, config: tenant },
    async (req, reply) =>
      reply.code(201).send(await risks.addRisk(deps, tenantScopeOf(req), req.params.projectId as string, req.body)),
  );
  r.patch(
    '/api/v1/projects/:projectId/risks/:riskId',
    { schema: { tags, params: riskParams, body: riskUpdate, response: { 200: riskList } }, config: tenant },
    async (req) =>
      risks.updateRisk(deps, tenantScopeOf(req), req.params.projectId as string, req.params.riskId as string, req.body),
  );
  r.delete(
    '/api/v1/projects/:projectId/risks/:riskId',
    { schema: { tags, params: riskParams, response: { 200: riskList } }, config: tenant },
    async (req) =>
      risks.deleteRisk(deps, tenantScopeOf(req), req.params.projectId as string, req.params.riskId as string),
  );
  r.post(
    '/api/v1/projects/:projectId/simulation',
    { schema: { tags, params, body: simulationRequest, response: { 200: simulationResult } }, config: tenant },
    async (req) => risks.simulateProject(deps, tenantScopeOf(req), req.params.projectId as string, req.body),
  );
  r.get(
    '/api/v1/projects/:projectId/decision-papers/draft',
    { schema: { tags, params, response: { 200: decisionPaperDraft } }, config: tenant },
    async (req) => papers.draftPaper(deps, tenantScopeOf(req), req.params.projectId as string),
  );
  r.get(
    '/api/v1/projects/:projectId/decision-papers',
    { schema: { tags, params, response: { 200: decisionPaperList } }, config: tenant },
    async (req) => papers.listPapers(deps, tenantScopeOf(req), req.params.projectId as string),
  );
  r.post(
    '/api/v1/projects/:projectId/decision-papers',
    {
      schema: {
        tags,
        params,
        body: decisionPaperInput,
        response: { 201: z.object({ id: z.uuid(), versionNo: z.number().int() }) },
      },
      config: tenant,
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await papers.createPaper(deps, tenantScopeOf(req), req.params.projectId as string, req.body)),
  );
  r.get(
    '/api/v1/projects/:projectId/decision-papers/:paperId/pdf',
    { schema: { tags, params: paperParams }, config: { ...tenant, produces: [MEDIA.pdf] } },
    async (req, reply) => {
      const p = await papers.paperPdf(
        deps,
        tenantScopeOf(req),
        req.params.projectId as string,
        req.params.paperId as string,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${p.fileName}"`)
        .send(p.pdf);
    },
  );
  r.get(
    '/api/v1/projects/:projectId/decision-papers/:paperId/oparl',
    { schema: { tags, params: paperParams, description: 'The paper as an OParl 1.1 Paper object.' }, config: tenant },
    async (req) =>
      papers.paperOparl(deps, tenantScopeOf(req), req.params.projectId as string, req.params.paperId as string),
  );
  r.get(
    '/api/v1/finance/portfolio',
    { schema: { tags, response: { 200: portfolioFinance } }, config: tenant },
    async (req) => overview(deps, tenantScopeOf(req)),
  );
  r.get(
    '/api/v1/finance/portfolio.xlsx',
    { schema: { tags }, config: { ...tenant, produces: [MEDIA.xlsx] } },
    async (req, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="haushaltsuebersicht.xlsx"')
        .send(await portfolioFinanceXlsx(await overview(deps, tenantScopeOf(req)))),
  );
};
