import {
  actionCreate,
  actionUpdate,
  agendaItemCreate,
  agendaItemMove,
  agendaItemUpdate,
  ideaCreate,
  idParam,
  joined,
  joinWorkshop,
  liveControl,
  liveState,
  voteCast,
  workshopCreate,
  workshopDetail,
  workshopList,
  workshopUpdate,
} from '@dz/core';
import QRCode from 'qrcode';
import { z } from 'zod';
import { modulePlugin } from '../../lib/route.js';
import { MEDIA } from '../../plugins/openapi.js';
import { scopeOf } from '../../plugins/session.js';
import { createWorkshopFromSurvey } from './from-survey.service.js';
import * as live from './live.service.js';
import { reportData, reportMarkdown, reportPdf } from './report.js';
import { loadWorkshop, requireWorkshopModerator, workshopAccess } from './workshops.access.js';
import * as svc from './workshops.service.js';

const tags = ['Workshops'];
const params = idParam('workshopId');
const itemParams = idParam('workshopId', 'itemId');
const actionParams = idParam('workshopId', 'actionId');
const ideaParams = idParam('workshopId', 'workshopIdeaId');
const created = z.object({ id: z.uuid() });

export const workshopsRoutes = modulePlugin({ prefix: '/api/v1', access: 'user' }, (r, deps) => {
  r.get('/workshops', { schema: { tags, response: { 200: workshopList } } }, async (req) =>
    svc.listWorkshops(deps, scopeOf(req)),
  );
  r.post('/workshops', { schema: { tags, body: workshopCreate, response: { 201: created } } }, async (req, reply) =>
    reply.code(201).send(await svc.createWorkshop(deps, scopeOf(req), req.body)),
  );
  r.post(
    '/surveys/:surveyId/workshop',
    {
      schema: {
        tags,
        params: idParam('surveyId'),
        description:
          'Creates a workshop of the survey’s network prefilled from the survey: title, member municipalities, an agenda of the results and one topic per section.',
        response: { 201: created },
      },
    },
    async (req, reply) => reply.code(201).send(await createWorkshopFromSurvey(deps, scopeOf(req), req.params.surveyId)),
  );
  r.get('/workshops/:workshopId', { schema: { tags, params, response: { 200: workshopDetail } } }, async (req) =>
    svc.getWorkshop(deps, scopeOf(req), req.params.workshopId),
  );
  r.patch(
    '/workshops/:workshopId',
    { schema: { tags, params, body: workshopUpdate, response: { 200: workshopDetail } } },
    async (req) => svc.updateWorkshop(deps, scopeOf(req), req.params.workshopId, req.body),
  );
  r.post(
    '/workshops/:workshopId/items',
    { schema: { tags, params, body: agendaItemCreate, response: { 201: workshopDetail } } },
    async (req, reply) => reply.code(201).send(await svc.addItem(deps, scopeOf(req), req.params.workshopId, req.body)),
  );
  r.patch(
    '/workshops/:workshopId/items/:itemId',
    { schema: { tags, params: itemParams, body: agendaItemUpdate, response: { 200: workshopDetail } } },
    async (req) => svc.updateItem(deps, scopeOf(req), req.params.workshopId, req.params.itemId, req.body),
  );
  r.post(
    '/workshops/:workshopId/items/:itemId/move',
    { schema: { tags, params: itemParams, body: agendaItemMove, response: { 200: workshopDetail } } },
    async (req) => svc.moveItem(deps, scopeOf(req), req.params.workshopId, req.params.itemId, req.body.direction),
  );
  r.delete(
    '/workshops/:workshopId/items/:itemId',
    { schema: { tags, params: itemParams, response: { 200: workshopDetail } } },
    async (req) => svc.deleteItem(deps, scopeOf(req), req.params.workshopId, req.params.itemId),
  );
  r.post(
    '/workshops/:workshopId/live',
    { schema: { tags, params, body: liveControl, response: { 200: workshopDetail } } },
    async (req) => svc.setLive(deps, scopeOf(req), req.params.workshopId, req.body),
  );
  r.post(
    '/workshops/:workshopId/ideas',
    { schema: { tags, params, body: ideaCreate, response: { 201: workshopDetail } } },
    async (req, reply) =>
      reply.code(201).send(await svc.addIdeaAsModerator(deps, scopeOf(req), req.params.workshopId, req.body)),
  );
  r.delete(
    '/workshops/:workshopId/ideas/:workshopIdeaId',
    { schema: { tags, params: ideaParams, response: { 200: workshopDetail } } },
    async (req) => svc.deleteIdea(deps, scopeOf(req), req.params.workshopId, req.params.workshopIdeaId),
  );
  r.post(
    '/workshops/:workshopId/actions',
    { schema: { tags, params, body: actionCreate, response: { 201: workshopDetail } } },
    async (req, reply) =>
      reply.code(201).send(await svc.addAction(deps, scopeOf(req), req.params.workshopId, req.body)),
  );
  r.patch(
    '/workshops/:workshopId/actions/:actionId',
    { schema: { tags, params: actionParams, body: actionUpdate, response: { 200: workshopDetail } } },
    async (req) => svc.updateAction(deps, scopeOf(req), req.params.workshopId, req.params.actionId, req.body),
  );
  r.delete(
    '/workshops/:workshopId/actions/:actionId',
    { schema: { tags, params: actionParams, response: { 200: workshopDetail } } },
    async (req) => svc.deleteAction(deps, scopeOf(req), req.params.workshopId, req.params.actionId),
  );
  r.get(
    '/workshops/:workshopId/events',
    { schema: { tags, params }, config: { produces: [MEDIA.events] } },
    async (req, reply) => {
      const w = await loadWorkshop(deps.db, req.params.workshopId);
      await workshopAccess(deps.db, scopeOf(req), w);
      live.streamUpdates(deps, reply, w.id, `user:${scopeOf(req).user.id}:${w.id}`);
    },
  );
  r.get(
    '/workshops/:workshopId/qr.svg',
    { schema: { tags, params }, config: { produces: [MEDIA.svg] } },
    async (req, reply) => {
      const w = await requireWorkshopModerator(deps.db, scopeOf(req), req.params.workshopId);
      const svg = await QRCode.toString(`${deps.config.publicUrl}/mitmachen?code=${w.joinCode}`, {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      return reply.type('image/svg+xml').header('cache-control', 'private, no-store').send(svg);
    },
  );
  r.get(
    '/workshops/:workshopId/report.pdf',
    { schema: { tags, params }, config: { produces: [MEDIA.pdf] } },
    async (req, reply) => {
      const data = await reportData(deps, scopeOf(req), req.params.workshopId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="workshopbericht-${data.w.heldOn}.pdf"`)
        .send(await reportPdf(data));
    },
  );
  r.get(
    '/workshops/:workshopId/report.md',
    { schema: { tags, params }, config: { produces: [MEDIA.markdown] } },
    async (req, reply) => {
      const data = await reportData(deps, scopeOf(req), req.params.workshopId);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="workshopbericht-${data.w.heldOn}.md"`)
        .send(reportMarkdown(data));
    },
  );
});

/** The participants' side of a live workshop: joined with the short code, identified by their participant token. */
export const liveRoutes = modulePlugin({ prefix: '/api/v1/live', access: 'public' }, (r, deps) => {
  r.post(
    '/join',
    {
      schema: { tags, body: joinWorkshop, response: { 201: joined } },
      config: { rateLimit: { max: Math.min(deps.config.rateLimitMax, 30), timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const res = await live.join(deps, req.scope, req.body, [live.tokenOf(req), req.cookies[live.PARTICIPANT_COOKIE]]);
      live.setParticipantCookie(reply, deps.config, res.token);
      return reply.code(201).send(res);
    },
  );
  r.get('/state', { schema: { tags, response: { 200: liveState } } }, async (req) =>
    live.liveState(deps, await live.participantOf(deps, live.tokenOf(req))),
  );
  r.post('/ideas', { schema: { tags, body: ideaCreate, response: { 201: liveState } } }, async (req, reply) =>
    reply.code(201).send(await live.addIdea(deps, await live.participantOf(deps, live.tokenOf(req)), req.body)),
  );
  r.post('/votes', { schema: { tags, body: voteCast, response: { 201: liveState } } }, async (req, reply) =>
    reply.code(201).send(await live.vote(deps, await live.participantOf(deps, live.tokenOf(req)), req.body.ideaId)),
  );
  r.delete(
    '/votes/:workshopIdeaId',
    { schema: { tags, params: idParam('workshopIdeaId'), response: { 200: liveState } } },
    async (req) => live.unvote(deps, await live.participantOf(deps, live.tokenOf(req)), req.params.workshopIdeaId),
  );
  r.get(
    '/events',
    {
      schema: { tags, querystring: z.object({ token: z.string().max(100) }) },
      config: { produces: [MEDIA.events] },
    },
    async (req, reply) => {
      const p = await live.participantOf(deps, req.query.token);
      live.streamUpdates(deps, reply, p.workshopId, `participant:${p.id}`);
    },
  );
});
