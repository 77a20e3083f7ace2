import {
  pulseOverview,
  pulseRoundStart,
  pulseSettings,
  pulseSettingsUpdate,
  pulseTrend,
  pulseTrendQuery,
} from '@dz/core';
import { z } from 'zod';
import { modulePlugin } from '../../lib/route.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as svc from './pulse.service.js';
import { getTrend } from './pulse.trend.js';

const tags = ['Veränderungspuls'];

/** Settings, rounds and trend of the pulse; answering, closing, reminding and results go through /api/v1/surveys. */
export const pulseRoutes = modulePlugin({ prefix: '/api/v1/pulse', access: 'tenant' }, (r, deps) => {
  r.get('', { schema: { tags, response: { 200: pulseOverview } } }, async (req) =>
    svc.getOverview(deps, tenantScopeOf(req)),
  );
  r.put('/settings', { schema: { tags, body: pulseSettingsUpdate, response: { 200: pulseSettings } } }, async (req) =>
    svc.updateSettings(deps, tenantScopeOf(req), req.body),
  );
  r.post(
    '/rounds',
    {
      schema: {
        tags,
        description: "Starts this quarter's round now: a survey from the pulse template, opened for all staff.",
        body: pulseRoundStart,
        response: { 201: z.object({ id: z.uuid(), surveyId: z.uuid() }) },
      },
    },
    async (req, reply) => {
      const scope = tenantScopeOf(req);
      return reply.code(201).send(await svc.startRound(deps, scope, scope.municipalityId, req.body));
    },
  );
  r.get('/trend', { schema: { tags, querystring: pulseTrendQuery, response: { 200: pulseTrend } } }, async (req) =>
    getTrend(deps, tenantScopeOf(req), req.query.groupBy),
  );
});
