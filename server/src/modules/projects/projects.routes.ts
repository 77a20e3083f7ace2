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
import { type ModulePlugin, typed } from '../../lib/route.js';
import { readUpload } from '../../lib/upload.js';
import { MEDIA } from '../../plugins/openapi.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as items from './project-items.service.js';
import { editableProject } from './projects.access.js';
import { portfolioCsv, portfolioXlsx } from './projects.export.js';
import * as svc from './projects.service.js';

const tags = ['Projekte'];
const params = idParam('projectId');
const sub = (name: string) => z.object({ projectId: z.uuid(), [name]: z.uuid() });
const milestoneParams = sub('milestoneId');
const taskParams = sub('taskId');
const linkParams = sub('linkId');
const fileParams = sub('fileId');
const tenant = { access: 'tenant' as const };
const detail = { 200: projectDetail };
const created = { 201: projectDetail };

export const projectsRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get(
    '/api/v1/projects',
    { schema: { tags, querystring: projectsQuery, response: { 200: projectList } }, config: tenant },
    async (req) => svc.listProjects(deps, tenantScopeOf(req), req.query),
  );
  r.get(
    '/api/v1/projects/export',
    { schema: { tags, querystring: projectsExportQuery }, config: { ...tenant, produces: [MEDIA.csv, MEDIA.xlsx] } },
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
  r.get('/api/v1/projects/board', { schema: { tags, response: { 200: projectBoard } }, config: tenant }, async (req) =>
    svc.board(deps, tenantScopeOf(req)),
  );
  r.get('/api/v1/colleagues', { schema: { tags, response: { 200: colleagues } }, config: tenant }, async (req) =>
    svc.colleagues(deps, tenantScopeOf(req)),
  );
  r.post(
    '/api/v1/projects',
    { schema: { tags, body: projectCreate, response: { 201: z.object({ id: z.uuid() }) } }, config: tenant },
    async (req, reply) => reply.code(201).send(await svc.createProject(deps, tenantScopeOf(req), req.body)),
  );
  r.get('/api/v1/projects/:projectId', { schema: { tags, params, response: detail }, config: tenant }, async (req) =>
    svc.getProject(deps, tenantScopeOf(req), req.params.projectId as string),
  );
  r.patch(
    '/api/v1/projects/:projectId',
    { schema: { tags, params, body: projectUpdate, response: detail }, config: tenant },
    async (req) => svc.updateProject(deps, tenantScopeOf(req), req.params.projectId as string, req.body),
  );
  r.delete(
    '/api/v1/projects/:projectId',
    { schema: { tags, params, response: { 200: okResponse } }, config: tenant },
    async (req) => svc.deleteProject(deps, tenantScopeOf(req), req.params.projectId as string),
  );
  r.post(
    '/api/v1/projects/:projectId/move',
    { schema: { tags, params, body: projectMove, response: detail }, config: tenant },
    async (req) => svc.moveProject(deps, tenantScopeOf(req), req.params.projectId as string, req.body),
  );
  r.post(
    '/api/v1/projects/:projectId/milestones',
    { schema: { tags, params, body: milestoneCreate, response: created }, config: tenant },
    async (req, reply) =>
      reply
        .code(201)
        .send(await items.addMilestone(deps, tenantScopeOf(req), req.params.projectId as string, req.body)),
  );
  r.patch(
    '/api/v1/projects/:projectId/milestones/:milestoneId',
    { schema: { tags, params: milestoneParams, body: milestoneUpdate, response: detail }, config: tenant },
    async (req) =>
      items.updateMilestone(
        deps,
        tenantScopeOf(req),
        req.params.projectId as string,
        req.params.milestoneId as string,
        req.body,
      ),
  );
  r.delete(
    '/api/v1/projects/:projectId/milestones/:milestoneId',
    { schema: { tags, params: milestoneParams, response: detail }, config: tenant },
    async (req) =>
      items.deleteItem(
        deps,
        tenantScopeOf(req),
        req.params.projectId as string,
        'milestones',
        req.params.milestoneId as string,
      ),
  );
  r.post(
    '/api/v1/projects/:projectId/tasks',
    { schema: { tags, params, body: taskCreate, response: created }, config: tenant },
    async (req, reply) =>
      reply.code(201).send(await items.addTask(deps, tenantScopeOf(req), req.params.projectId as string, req.body)),
  );
  r.patch(
    '/api/v1/projects/:projectId/tasks/:taskId',
    { schema: { tags, params: taskParams, body: taskUpdate, response: detail }, config: tenant },
    async (req) =>
      items.updateTask(deps, tenantScopeOf(req), req.params.projectId as string, req.params.taskId as string, req.body),
  );
  r.delete(
    '/api/v1/projects/:projectId/tasks/:taskId',
    { schema: { tags, params: taskParams, response: detail }, config: tenant },
    async (req) =>
      items.deleteItem(deps, tenantScopeOf(req), req.params.projectId as string, 'tasks', req.params.taskId as string),
  );
  r.post(
    '/api/v1/projects/:projectId/reports',
    { schema: { tags, params, body: statusReportCreate, response: created }, config: tenant },
    async (req, reply) =>
      reply.code(201).send(await items.addReport(deps, tenantScopeOf(req), req.params.projectId as string, req.body)),
  );
  r.post(
    '/api/v1/projects/:projectId/links',
    { schema: { tags, params, body: linkCreate, response: created }, config: tenant },
    async (req, reply) =>
      reply.code(201).send(await items.addLink(deps, tenantScopeOf(req), req.params.projectId as string, req.body)),
  );
  r.delete(
    '/api/v1/projects/:projectId/links/:linkId',
    { schema: { tags, params: linkParams, response: detail }, config: tenant },
    async (req) =>
      items.deleteItem(
        deps,
        tenantScopeOf(req),
        req.params.projectId as string,
        'projectLinks',
        req.params.linkId as string,
      ),
  );
  r.post(
    '/api/v1/projects/:projectId/files',
    {
      schema: {
        tags,
        params,
        consumes: ['multipart/form-data'],
        description: 'Attach a file (field "file", at most 10 MB).',
        response: created,
      },
      config: tenant,
    },
    async (req, reply) => {
      // access first: a foreign or unknown project answers 404 whatever the body
      await editableProject(deps, tenantScopeOf(req), req.params.projectId as string);
      const file = await readUpload(req, items.MAX_FILE_BYTES);
      return reply.code(201).send(await items.addFile(deps, tenantScopeOf(req), req.params.projectId as string, file));
    },
  );
  r.get(
    '/api/v1/projects/:projectId/files/:fileId',
    { schema: { tags, params: fileParams }, config: { ...tenant, produces: [MEDIA.upload] } },
    async (req, reply) => {
      const f = await items.readFile(
        deps,
        tenantScopeOf(req),
        req.params.projectId as string,
        req.params.fileId as string,
      );
      return sendUpload(reply, f);
    },
  );
  r.delete(
    '/api/v1/projects/:projectId/files/:fileId',
    { schema: { tags, params: fileParams, response: detail }, config: tenant },
    async (req) =>
      items.deleteItem(
        deps,
        tenantScopeOf(req),
        req.params.projectId as string,
        'projectFiles',
        req.params.fileId as string,
      ),
  );
  r.post(
    '/api/v1/projects/:projectId/comments',
    { schema: { tags, params, body: commentCreate, response: created }, config: tenant },
    async (req, reply) =>
      reply.code(201).send(await items.addComment(deps, tenantScopeOf(req), req.params.projectId as string, req.body)),
  );
};
