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
import { modulePlugin } from '../../lib/route.js';
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

export const surveysRoutes = modulePlugin({ prefix: '/api/v1/surveys', access: 'user' }, (r, deps) => {
  r.get('', { schema: { tags, response: { 200: surveyList } } }, async (req) => svc.listSurveys(deps, scopeOf(req)));
  r.post('', { schema: { tags, body: surveyCreate, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send(await svc.createSurvey(deps, scopeOf(req), req.body)),
  );
  r.get('/:surveyId', { schema: { tags, params, response: { 200: surveyDetail } } }, async (req) =>
    svc.getSurvey(deps, scopeOf(req), req.params.surveyId),
  );
  r.patch(
    '/:surveyId',
    { schema: { tags, params, body: surveyUpdate, response: { 200: surveyDetail } } },
    async (req) => svc.updateSurvey(deps, scopeOf(req), req.params.surveyId, req.body),
  );
  r.delete('/:surveyId', { schema: { tags, params, response: { 200: okResponse } } }, async (req) =>
    svc.deleteSurvey(deps, scopeOf(req), req.params.surveyId),
  );
  r.post('/:surveyId/duplicate', { schema: { tags, params, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send(await svc.duplicateSurvey(deps, scopeOf(req), req.params.surveyId)),
  );
  r.get(
    '/:surveyId/definition.json',
    { schema: { tags, params }, config: { produces: [MEDIA.json] } },
    async (req, reply) => {
      const def = await svc.exportDefinition(deps, scopeOf(req), req.params.surveyId);
      return reply
        .header('content-disposition', `attachment; filename="umfrage-${req.params.surveyId}.json"`)
        .send(def);
    },
  );
  r.post(
    '/:surveyId/open',
    { schema: { tags, params, body: versioned, response: { 200: surveyDetail } } },
    async (req) => distribution.openSurvey(deps, scopeOf(req), req.params.surveyId, req.body.version),
  );
  r.post(
    '/:surveyId/close',
    { schema: { tags, params, body: versioned, response: { 200: surveyDetail } } },
    async (req) => distribution.closeSurvey(deps, scopeOf(req), req.params.surveyId, req.body.version),
  );
  r.post(
    '/:surveyId/remind',
    { schema: { tags, params, response: { 200: z.object({ reminded: z.number().int() }) } } },
    async (req) => distribution.remind(deps, scopeOf(req), req.params.surveyId),
  );
  r.get('/:surveyId/participation', { schema: { tags, params, response: { 200: surveyParticipation } } }, async (req) =>
    distribution.participation(deps, scopeOf(req), req.params.surveyId),
  );
  r.get(
    '/:surveyId/audience',
    {
      schema: {
        tags,
        params,
        description:
          'How many the survey reaches and how many have answered; for a draft, who would be invited if it were sent today.',
        response: { 200: surveyAudience },
      },
    },
    async (req) => distribution.audience(deps, scopeOf(req), req.params.surveyId),
  );
  r.get('/:surveyId/response', { schema: { tags, params, response: { 200: responseDetail } } }, async (req) =>
    responses.getResponse(deps, scopeOf(req), req.params.surveyId),
  );
  r.put(
    '/:surveyId/response',
    { schema: { tags, params, body: responseSave, response: { 200: responseDetail } } },
    async (req) => responses.saveResponse(deps, scopeOf(req), req.params.surveyId, req.body, false),
  );
  r.post(
    '/:surveyId/response/submit',
    { schema: { tags, params, body: responseSave, response: { 200: responseDetail } } },
    async (req) => responses.saveResponse(deps, scopeOf(req), req.params.surveyId, req.body, true),
  );
  r.post('/:surveyId/response/reopen', { schema: { tags, params, response: { 200: responseDetail } } }, async (req) =>
    responses.reopenResponse(deps, scopeOf(req), req.params.surveyId),
  );
  r.get(
    '/:surveyId/results',
    { schema: { tags, params, querystring: resultsQuery, response: { 200: surveyResults } } },
    async (req) => (await getResults(deps, scopeOf(req), req.params.surveyId, req.query)).results,
  );
  r.get(
    '/:surveyId/results.csv',
    { schema: { tags, params, querystring: resultsQuery }, config: { produces: [MEDIA.csv] } },
    async (req, reply) => {
      const { s, results } = await getResults(deps, scopeOf(req), req.params.surveyId, req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="umfrage-ergebnisse.csv"')
        .send(resultsCsv(s, results));
    },
  );
  r.get(
    '/:surveyId/results.xlsx',
    { schema: { tags, params, querystring: resultsQuery }, config: { produces: [MEDIA.xlsx] } },
    async (req, reply) => {
      const { s, results } = await getResults(deps, scopeOf(req), req.params.surveyId, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="umfrage-ergebnisse.xlsx"')
        .send(await resultsXlsx(deps, s, results));
    },
  );
  r.get('/:surveyId/raw.csv', { schema: { tags, params }, config: { produces: [MEDIA.csv] } }, async (req, reply) => {
    const { s, d, rows } = await getRawAnswers(deps, scopeOf(req), req.params.surveyId);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="umfrage-rohdaten.csv"')
      .send(rawAnswersCsv(s, d, rows));
  });
});
