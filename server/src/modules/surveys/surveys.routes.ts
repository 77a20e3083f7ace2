import {
  idParam,
  okResponse,
  responseDetail,
  responseSave,
  resultsQuery,
  surveyAudience,
  surveyCreate,
  surveyDetail,
  surveyList,
  surveyParticipation,
  surveyResults,
  surveyUpdate,
  versioned,
} from '@dz/core';
import { z } from 'zod';
import { type ModulePlugin, typed } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { scopeOf } from '../../plugins/session.js';
import * as distribution from './distribution.service.js';
import * as responses from './responses.service.js';
import { rawAnswersCsv, resultsCsv, resultsXlsx } from './results.export.js';
import { getRawAnswers, getResults } from './results.service.js';
import * as svc from './surveys.service.js';

const tags = ['Umfragen'];
const params = idParam('surveyId');
const created = z.object({ id: z.uuid() });
const user = { access: 'user' as const };

export const surveysRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get('/api/v1/surveys', { schema: { tags, response: { 200: surveyList } }, config: user }, async (req) =>
    svc.listSurveys(deps, scopeOf(req)),
  );
  r.post(
    '/api/v1/surveys',
    { schema: { tags, body: surveyCreate, response: { 201: created } }, config: user },
    async (req, reply) => reply.code(201).send(await svc.createSurvey(deps, scopeOf(req), req.body)),
  );
  r.get(
    '/api/v1/surveys/:surveyId',
    { schema: { tags, params, response: { 200: surveyDetail } }, config: user },
    async (req) => svc.getSurvey(deps, scopeOf(req), req.params.surveyId as string),
  );
  r.patch(
    '/api/v1/surveys/:surveyId',
    { schema: { tags, params, body: surveyUpdate, response: { 200: surveyDetail } }, config: user },
    async (req) => svc.updateSurvey(deps, scopeOf(req), req.params.surveyId as string, req.body),
  );
  r.delete(
    '/api/v1/surveys/:surveyId',
    { schema: { tags, params, response: { 200: okResponse } }, config: user },
    async (req) => svc.deleteSurvey(deps, scopeOf(req), req.params.surveyId as string),
  );
  r.post(
    '/api/v1/surveys/:surveyId/duplicate',
    { schema: { tags, params, response: { 201: created } }, config: user },
    async (req, reply) =>
      reply.code(201).send(await svc.duplicateSurvey(deps, scopeOf(req), req.params.surveyId as string)),
  );
  r.get(
    '/api/v1/surveys/:surveyId/definition.json',
    { schema: { tags, params }, config: { ...user, produces: [MEDIA.json] } },
    async (req, reply) => {
      const def = await svc.exportDefinition(deps, scopeOf(req), req.params.surveyId as string);
      return reply
        .header('content-disposition', `attachment; filename="umfrage-${req.params.surveyId}.json"`)
        .send(def);
    },
  );
  r.post(
    '/api/v1/surveys/:surveyId/open',
    { schema: { tags, params, body: versioned, response: { 200: surveyDetail } }, config: user },
    async (req) => distribution.openSurvey(deps, scopeOf(req), req.params.surveyId as string, req.body.version),
  );
  r.post(
    '/api/v1/surveys/:surveyId/close',
    { schema: { tags, params, body: versioned, response: { 200: surveyDetail } }, config: user },
    async (req) => distribution.closeSurvey(deps, scopeOf(req), req.params.surveyId as string, req.body.version),
  );
  r.post(
    '/api/v1/surveys/:surveyId/remind',
    { schema: { tags, params, response: { 200: z.object({ reminded: z.number().int() }) } }, config: user },
    async (req) => distribution.remind(deps, scopeOf(req), req.params.surveyId as string),
  );
  r.get(
    '/api/v1/surveys/:surveyId/participation',
    { schema: { tags, params, response: { 200: surveyParticipation } }, config: user },
    async (req) => distribution.participation(deps, scopeOf(req), req.params.surveyId as string),
  );
  r.get(
    '/api/v1/surveys/:surveyId/audience',
    {
      schema: {
        tags,
        params,
        description:
          'How many the survey reaches and how many have answered; for a draft, who would be invited if it were sent today.',
        response: { 200: surveyAudience },
      },
      config: user,
    },
    async (req) => distribution.audience(deps, scopeOf(req), req.params.surveyId as string),
  );
  r.get(
    '/api/v1/surveys/:surveyId/response',
    { schema: { tags, params, response: { 200: responseDetail } }, config: user },
    async (req) => responses.getResponse(deps, scopeOf(req), req.params.surveyId as string),
  );
  r.put(
    '/api/v1/surveys/:surveyId/response',
    { schema: { tags, params, body: responseSave, response: { 200: responseDetail } }, config: user },
    async (req) => responses.saveResponse(deps, scopeOf(req), req.params.surveyId as string, req.body, false),
  );
  r.post(
    '/api/v1/surveys/:surveyId/response/submit',
    { schema: { tags, params, body: responseSave, response: { 200: responseDetail } }, config: user },
    async (req) => responses.saveResponse(deps, scopeOf(req), req.params.surveyId as string, req.body, true),
  );
  r.post(
    '/api/v1/surveys/:surveyId/response/reopen',
    { schema: { tags, params, response: { 200: responseDetail } }, config: user },
    async (req) => responses.reopenResponse(deps, scopeOf(req), req.params.surveyId as string),
  );
  r.get(
    '/api/v1/surveys/:surveyId/results',
    { schema: { tags, params, querystring: resultsQuery, response: { 200: surveyResults } }, config: user },
    async (req) => (await getResults(deps, scopeOf(req), req.params.surveyId as string, req.query)).results,
  );
  r.get(
    '/api/v1/surveys/:surveyId/results.csv',
    { schema: { tags, params, querystring: resultsQuery }, config: { ...user, produces: [MEDIA.csv] } },
    async (req, reply) => {
      const { s, results } = await getResults(deps, scopeOf(req), req.params.surveyId as string, req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="umfrage-ergebnisse.csv"')
        .send(resultsCsv(s, results));
    },
  );
  r.get(
    '/api/v1/surveys/:surveyId/results.xlsx',
    { schema: { tags, params, querystring: resultsQuery }, config: { ...user, produces: [MEDIA.xlsx] } },
    async (req, reply) => {
      const { s, results } = await getResults(deps, scopeOf(req), req.params.surveyId as string, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="umfrage-ergebnisse.xlsx"')
        .send(await resultsXlsx(deps, s, results));
    },
  );
  r.get(
    '/api/v1/surveys/:surveyId/raw.csv',
    { schema: { tags, params }, config: { ...user, produces: [MEDIA.csv] } },
    async (req, reply) => {
      const { s, d, rows } = await getRawAnswers(deps, scopeOf(req), req.params.surveyId as string);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="umfrage-rohdaten.csv"')
        .send(rawAnswersCsv(s, d, rows));
    },
  );
};
