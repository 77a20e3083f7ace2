import {
  colleagues,
  commentCreate,
  idParam,
  linkCreate,
  milestoneCreate,
  milestoneUpdate,
  okResponse,
  projectBoard,
  projectCreate,
  projectDetail,
  projectList,
  projectMove,
  projectsExportQuery,
  projectsQuery,
  projectUpdate,
  statusReportCreate,
  taskCreate,
  taskUpdate,
} from '@dz/core';
import { z } from 'zod';
import { sendUpload } from '../../lib/download.js';
import { modulePlugin } from '../../lib/route.js';
import { readUpload, uploadSchema } from '../../lib/upload.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as items from './project-items.service.js';
import { editableProject } from './projects.access.js';
import { portfolioCsv, portfolioXlsx } from './projects.export.js';
import * as svc from './projects.service.js';

const tags = ['Projekte'];
const params = idParam('projectId');
const milestoneParams = idParam('projectId', 'milestoneId');
const taskParams = idParam('projectId', 'taskId');
const linkParams = idParam('projectId', 'linkId');
const fileParams = idParam('projectId', 'fileId');
const detail = { 200: projectDetail };
const created = { 201: projectDetail };

export const projectsRoutes = modulePlugin({ prefix: '/api/v1', access: 'tenant' }, (r, deps) => {
  r.get('/projects', { schema: { tags, querystring: projectsQuery, response: { 200: projectList } } }, async (req) =>
    svc.listProjects(deps, tenantScopeOf(req), req.query),
  );
  r.get(
    '/projects/export',
    { schema: { tags, querystring: projectsExportQuery }, config: { produces: [MEDIA.csv, MEDIA.xlsx] } },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const { items: rows } = await svc.portfolioRows(deps, tenantScopeOf(req), q);
      if (format === 'xlsx')
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="projektportfolio.xlsx"')
          .send(await portfolioXlsx(rows));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="projektportfolio.csv"')
        .send(portfolioCsv(rows));
    },
  );
  r.get('/projects/board', { schema: { tags, response: { 200: projectBoard } } }, async (req) =>
    svc.board(deps, tenantScopeOf(req)),
  );
  r.get('/colleagues', { schema: { tags, response: { 200: colleagues } } }, async (req) =>
    svc.colleagues(deps, tenantScopeOf(req)),
  );
  r.post(
    '/projects',
    { schema: { tags, body: projectCreate, response: { 201: z.object({ id: z.uuid() }) } } },
    async (req, reply) => reply.code(201).send(await svc.createProject(deps, tenantScopeOf(req), req.body)),
  );
  r.get('/projects/:projectId', { schema: { tags, params, response: detail } }, async (req) =>
    svc.getProject(deps, tenantScopeOf(req), req.params.projectId),
  );
  r.patch('/projects/:projectId', { schema: { tags, params, body: projectUpdate, response: detail } }, async (req) =>
    svc.updateProject(deps, tenantScopeOf(req), req.params.projectId, req.body),
  );
  r.delete('/projects/:projectId', { schema: { tags, params, response: { 200: okResponse } } }, async (req) =>
    svc.deleteProject(deps, tenantScopeOf(req), req.params.projectId),
  );
  r.post('/projects/:projectId/move', { schema: { tags, params, body: projectMove, response: detail } }, async (req) =>
    svc.moveProject(deps, tenantScopeOf(req), req.params.projectId, req.body),
  );
  r.post(
    '/projects/:projectId/milestones',
    { schema: { tags, params, body: milestoneCreate, response: created } },
    async (req, reply) =>
      reply.code(201).send(await items.addMilestone(deps, tenantScopeOf(req), req.params.projectId, req.body)),
  );
  r.patch(
    '/projects/:projectId/milestones/:milestoneId',
    { schema: { tags, params: milestoneParams, body: milestoneUpdate, response: detail } },
    async (req) =>
      items.updateMilestone(deps, tenantScopeOf(req), req.params.projectId, req.params.milestoneId, req.body),
  );
  r.delete(
    '/projects/:projectId/milestones/:milestoneId',
    { schema: { tags, params: milestoneParams, response: detail } },
    async (req) =>
      items.deleteItem(deps, tenantScopeOf(req), req.params.projectId, 'milestones', req.params.milestoneId),
  );
  r.post(
    '/projects/:projectId/tasks',
    { schema: { tags, params, body: taskCreate, response: created } },
    async (req, reply) =>
      reply.code(201).send(await items.addTask(deps, tenantScopeOf(req), req.params.projectId, req.body)),
  );
  r.patch(
    '/projects/:projectId/tasks/:taskId',
    { schema: { tags, params: taskParams, body: taskUpdate, response: detail } },
    async (req) => items.updateTask(deps, tenantScopeOf(req), req.params.projectId, req.params.taskId, req.body),
  );
  r.delete(
    '/projects/:projectId/tasks/:taskId',
    { schema: { tags, params: taskParams, response: detail } },
    async (req) => items.deleteItem(deps, tenantScopeOf(req), req.params.projectId, 'tasks', req.params.taskId),
  );
  r.post(
    '/projects/:projectId/reports',
    { schema: { tags, params, body: statusReportCreate, response: created } },
    async (req, reply) =>
      reply.code(201).send(await items.addReport(deps, tenantScopeOf(req), req.params.projectId, req.body)),
  );
  r.post(
    '/projects/:projectId/links',
    { schema: { tags, params, body: linkCreate, response: created } },
    async (req, reply) =>
      reply.code(201).send(await items.addLink(deps, tenantScopeOf(req), req.params.projectId, req.body)),
  );
  r.delete(
    '/projects/:projectId/links/:linkId',
    { schema: { tags, params: linkParams, response: detail } },
    async (req) => items.deleteItem(deps, tenantScopeOf(req), req.params.projectId, 'projectLinks', req.params.linkId),
  );
  r.post(
    '/projects/:projectId/files',
    {
      schema: {
        tags,
        params,
        ...uploadSchema('Attach a file (field "file", at most 10 MB).'),
        response: created,
      },
    },
    async (req, reply) => {
      // access first: a foreign or unknown project answers 404 whatever the body
      await editableProject(deps, tenantScopeOf(req), req.params.projectId);
      const file = await readUpload(req, { maxBytes: items.MAX_FILE_BYTES });
      return reply.code(201).send(await items.addFile(deps, tenantScopeOf(req), req.params.projectId, file));
    },
  );
  r.get(
    '/projects/:projectId/files/:fileId',
    { schema: { tags, params: fileParams }, config: { produces: [MEDIA.upload] } },
    async (req, reply) => {
      const f = await items.readFile(deps, tenantScopeOf(req), req.params.projectId, req.params.fileId);
      return sendUpload(reply, f);
    },
  );
  r.delete(
    '/projects/:projectId/files/:fileId',
    { schema: { tags, params: fileParams, response: detail } },
    async (req) => items.deleteItem(deps, tenantScopeOf(req), req.params.projectId, 'projectFiles', req.params.fileId),
  );
  r.post(
    '/projects/:projectId/comments',
    { schema: { tags, params, body: commentCreate, response: created } },
    async (req, reply) =>
      reply.code(201).send(await items.addComment(deps, tenantScopeOf(req), req.params.projectId, req.body)),
  );
});
