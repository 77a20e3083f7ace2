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
import { modulePlugin } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as calendar from './calendar.service.js';
import * as capacity from './capacity.service.js';
import * as portfolio from './portfolio.service.js';
import * as prio from './prioritisation.service.js';

const tags = ['Portfolio'];
const params = idParam('projectId');

/** Prioritisation, capacity, timeline, traceability and the calendar feed of the portfolio. */
export const portfolioRoutes = modulePlugin({ prefix: '/api/v1', access: 'tenant' }, (r, deps) => {
  r.get('/priorities', { schema: { tags, response: { 200: priorities } } }, async (req) =>
    prio.getPriorities(deps, tenantScopeOf(req)),
  );
  r.put('/priorities/criteria', { schema: { tags, body: criteriaSave, response: { 200: priorities } } }, async (req) =>
    prio.saveCriteria(deps, tenantScopeOf(req), req.body),
  );
  r.put(
    '/projects/:projectId/scores',
    { schema: { tags, params, body: scoresSave, response: { 200: projectDetail } } },
    async (req) => prio.saveScores(deps, tenantScopeOf(req), req.params.projectId, req.body),
  );
  r.get('/projects/:projectId/effort', { schema: { tags, params, response: { 200: effortPlan } } }, async (req) =>
    capacity.getEffort(deps, tenantScopeOf(req), req.params.projectId),
  );
  r.put(
    '/projects/:projectId/effort',
    { schema: { tags, params, body: effortSave, response: { 200: projectDetail } } },
    async (req) => capacity.saveEffort(deps, tenantScopeOf(req), req.params.projectId, req.body),
  );
  r.get('/capacity', { schema: { tags, querystring: capacityQuery, response: { 200: capacityView } } }, async (req) =>
    capacity.getCapacity(deps, tenantScopeOf(req), req.query),
  );
  r.put(
    '/capacity/:userId',
    { schema: { tags, params: idParam('userId'), body: capacitySave, response: { 200: okResponse } } },
    async (req) => capacity.saveCapacity(deps, tenantScopeOf(req), req.params.userId, req.body),
  );
  r.get('/timeline', { schema: { tags, querystring: timelineQuery, response: { 200: timeline } } }, async (req) =>
    portfolio.getTimeline(deps, tenantScopeOf(req), req.query),
  );
  r.get('/portfolio/attention', { schema: { tags, response: { 200: portfolioAttention } } }, async (req) =>
    portfolio.getAttention(deps, tenantScopeOf(req)),
  );
  r.get('/traceability', { schema: { tags, response: { 200: traceability } } }, async (req) =>
    portfolio.getTraceability(deps, tenantScopeOf(req)),
  );
  r.get('/calendar-feed', { schema: { tags, response: { 200: calendarFeed } } }, async (req) =>
    calendar.getFeed(deps, tenantScopeOf(req)),
  );
  r.post('/calendar-feed', { schema: { tags, response: { 201: calendarFeed } } }, async (req, reply) =>
    reply.code(201).send(await calendar.createFeed(deps, tenantScopeOf(req))),
  );
  r.delete('/calendar-feed', { schema: { tags, response: { 200: calendarFeed } } }, async (req) =>
    calendar.revokeFeed(deps, tenantScopeOf(req)),
  );
  r.get(
    '/calendar/:file',
    {
      schema: {
        tags,
        params: z.object({ file: z.string().regex(/^[\w-]{20,100}\.ics$/) }),
        description: 'iCalendar feed behind a secret, revocable address (no session).',
      },
      config: { access: 'public' as const, produces: [MEDIA.ics] },
    },
    async (req, reply) => {
      const token = req.params.file.replace(/\.ics$/, '');
      if (!token) throw new AppError('not_found');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await calendar.feedIcs(deps, token));
    },
  );
});
