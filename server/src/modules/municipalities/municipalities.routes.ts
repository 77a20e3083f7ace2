import {
  dashboard,
  department,
  departmentCreate,
  departmentList,
  departmentUpdate,
  idParam,
  municipality,
  municipalityList,
  municipalityListQuery,
  municipalityUpdate,
  okResponse,
} from '@dz/core';
import { modulePlugin } from '../../lib/route.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as svc from './municipalities.service.js';

const tags = ['Kommunen'];

export const municipalitiesRoutes = modulePlugin({ prefix: '/api/v1', access: 'tenant' }, (r, deps) => {
  r.get('/dashboard', { schema: { tags, response: { 200: dashboard } } }, async (req) =>
    svc.dashboard(deps, tenantScopeOf(req)),
  );
  r.get(
    '/municipalities',
    {
      schema: { tags, querystring: municipalityListQuery, response: { 200: municipalityList } },
      config: { access: 'user' },
    },
    async (req) => svc.listDirectory(deps, scopeOf(req), req.query),
  );
  r.get(
    '/municipalities/:municipalityId',
    {
      schema: { tags, params: idParam('municipalityId'), response: { 200: municipality } },
      config: { access: 'user' },
    },
    async (req) => svc.getMunicipality(deps, scopeOf(req), req.params.municipalityId),
  );
  r.patch(
    '/municipalities/:municipalityId',
    {
      schema: { tags, params: idParam('municipalityId'), body: municipalityUpdate, response: { 200: municipality } },
    },
    async (req) => svc.updateMunicipality(deps, tenantScopeOf(req), req.params.municipalityId, req.body),
  );

  const dtags = ['Fachbereiche'];
  r.get(
    '/departments',
    {
      schema: { tags: dtags, response: { 200: departmentList } },
    },
    async (req) => svc.listDepartments(deps, tenantScopeOf(req)),
  );
  r.post(
    '/departments',
    {
      schema: { tags: dtags, body: departmentCreate, response: { 201: department } },
    },
    async (req, reply) => reply.code(201).send(await svc.createDepartment(deps, tenantScopeOf(req), req.body)),
  );
  r.post(
    '/departments/defaults',
    {
      schema: { tags: dtags, response: { 200: okResponse } },
    },
    async (req) => {
      await svc.restoreDefaultDepartments(deps, tenantScopeOf(req));
      return { ok: true as const };
    },
  );
  r.patch(
    '/departments/:departmentId',
    {
      schema: { tags: dtags, params: idParam('departmentId'), body: departmentUpdate, response: { 200: department } },
    },
    async (req) => svc.updateDepartment(deps, tenantScopeOf(req), req.params.departmentId, req.body),
  );
  r.delete(
    '/departments/:departmentId',
    {
      schema: { tags: dtags, params: idParam('departmentId'), response: { 200: okResponse } },
    },
    async (req) => {
      await svc.deleteDepartment(deps, tenantScopeOf(req), req.params.departmentId);
      return { ok: true as const };
    },
  );
});
