import {
  AppError,
  calendarFeed,
  capacityQuery,
  capacitySave,
  capacityView,
  criteriaSave,
  effortPlan,
  effortSave,
  idParam,
  okResponse,
  portfolioAttention,
  priorities,
  projectDetail,
  scoresSave,
  timeline,
  timelineQuery,
  traceability,
} from '@dz/core';
import { z } from 'zod';
import { type ModulePlugin, typed } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as calendar from './calendar.service.js';
import * as capacity from './capacity.service.js';
import * as portfolio from './portfolio.service.js';
import * as prio from './prioritisation.service.js';

const tags = ['Portfolio'];
const params = idParam('projectId');
const tenant = { access: 'tenant' as const };

/** Prioritisation, capacity, timeline, traceability and the calendar feed of the portfolio. */
export const portfolioRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get('/api/v1/priorities', { schema: { tags, response: { 200: priorities } }, config: tenant }, async (req) =>
    prio.getPriorities(deps, tenantScopeOf(req)),
  );
  r.put(
    '/api/v1/priorities/criteria',
    { schema: { tags, body: criteriaSave, response: { 200: priorities } }, config: tenant },
    async (req) => prio.saveCriteria(deps, tenantScopeOf(req), req.body),
  );
  r.put(
    '/api/v1/projects/:projectId/scores',
    { schema: { tags, params, body: scoresSave, response: { 200: projectDetail } }, config: tenant },
    async (req) => prio.saveScores(deps, tenantScopeOf(req), req.params.projectId as string, req.body),
  );
  r.get(
    '/api/v1/projects/:projectId/effort',
    { schema: { tags, params, response: { 200: effortPlan } }, config: tenant },
    async (req) => capacity.getEffort(deps, tenantScopeOf(req), req.params.projectId as string),
  );
  r.put(
    '/api/v1/projects/:projectId/effort',
    { schema: { tags, params, body: effortSave, response: { 200: projectDetail } }, config: tenant },
    async (req) => capacity.saveEffort(deps, tenantScopeOf(req), req.params.projectId as string, req.body),
  );
  r.get(
    '/api/v1/capacity',
    { schema: { tags, querystring: capacityQuery, response: { 200: capacityView } }, config: tenant },
    async (req) => capacity.getCapacity(deps, tenantScopeOf(req), req.query),
  );
  r.put(
    '/api/v1/capacity/:userId',
    { schema: { tags, params: idParam('userId'), body: capacitySave, response: { 200: okResponse } }, config: tenant },
    async (req) => capacity.saveCapacity(deps, tenantScopeOf(req), req.params.userId as string, req.body),
  );
  r.get(
    '/api/v1/timeline',
    { schema: { tags, querystring: timelineQuery, response: { 200: timeline } }, config: tenant },
    async (req) => portfolio.getTimeline(deps, tenantScopeOf(req), req.query),
  );
  r.get(
    '/api/v1/portfolio/attention',
    { schema: { tags, response: { 200: portfolioAttention } }, config: tenant },
    async (req) => portfolio.getAttention(deps, tenantScopeOf(req)),
  );
  r.get('/api/v1/traceability', { schema: { tags, response: { 200: traceability } }, config: tenant }, async (req) =>
    portfolio.getTraceability(deps, tenantScopeOf(req)),
  );
  r.get('/api/v1/calendar-feed', { schema: { tags, response: { 200: calendarFeed } }, config: tenant }, async (req) =>
    calendar.getFeed(deps, tenantScopeOf(req)),
  );
  r.post(
    '/api/v1/calendar-feed',
    { schema: { tags, response: { 201: calendarFeed } }, config: tenant },
    async (req, reply) => reply.code(201).send(await calendar.createFeed(deps, tenantScopeOf(req))),
  );
  r.delete(
    '/api/v1/calendar-feed',
    { schema: { tags, response: { 200: calendarFeed } }, config: tenant },
    async (req) => calendar.revokeFeed(deps, tenantScopeOf(req)),
  );
  r.get(
    '/api/v1/calendar/:file',
    {
      schema: {
        tags,
        params: z.object({ file: z.string().regex(/^[\w-]{20,100}\.ics$/) }),
        description: 'iCalendar feed behind a secret, revocable address (no session).',
      },
      config: { access: 'public' as const, produces: [MEDIA.ics] },
    },
    async (req, reply) => {
      const token = (req.params.file as string).replace(/\.ics$/, '');
      if (!token) throw new AppError('not_found');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await calendar.feedIcs(deps, token));
    },
  );
};
