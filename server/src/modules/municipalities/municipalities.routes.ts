import {
  canSchema,
  dashboard,
  department,
  departmentCreate,
  departmentUpdate,
  idParam,
  municipality,
  municipalityList,
  municipalityListQuery,
  municipalityUpdate,
  okResponse,
} from '@dz/core';
import { z } from 'zod';
import { type ModulePlugin, typed } from '../../lib/route.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as svc from './municipalities.service.js';

const tags = ['Kommunen'];

export const municipalitiesRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get(
    '/api/v1/dashboard',
    { schema: { tags, response: { 200: dashboard } }, config: { access: 'tenant' } },
    async (req) => svc.dashboard(deps, tenantScopeOf(req)),
  );
  r.get(
    '/api/v1/municipalities',
    {
      schema: { tags, querystring: municipalityListQuery, response: { 200: municipalityList } },
      config: { access: 'user' },
    },
    async (req) => svc.listDirectory(deps, scopeOf(req), req.query),
  );
  r.get(
    '/api/v1/municipalities/:municipalityId',
    {
      schema: { tags, params: idParam('municipalityId'), response: { 200: municipality } },
      config: { access: 'user' },
    },
    async (req) => svc.getMunicipality(deps, scopeOf(req), req.params.municipalityId as string),
  );
  r.patch(
    '/api/v1/municipalities/:municipalityId',
    {
      schema: { tags, params: idParam('municipalityId'), body: municipalityUpdate, response: { 200: municipality } },
      config: { access: 'tenant' },
    },
    async (req) => svc.updateMunicipality(deps, tenantScopeOf(req), req.params.municipalityId as string, req.body),
  );

  const dtags = ['Fachbereiche'];
  r.get(
    '/api/v1/departments',
    {
      schema: {
        tags: dtags,
        response: { 200: z.object({ items: z.array(department), can: canSchema('departments') }) },
      },
      config: { access: 'tenant' },
    },
    async (req) => svc.listDepartments(deps, tenantScopeOf(req)),
  );
  r.post(
    '/api/v1/departments',
    {
      schema: { tags: dtags, body: departmentCreate, response: { 201: department } },
      config: { access: 'tenant' },
    },
    async (req, reply) => reply.code(201).send(await svc.createDepartment(deps, tenantScopeOf(req), req.body)),
  );
  r.post(
    '/api/v1/departments/defaults',
    {
      schema: { tags: dtags, response: { 200: okResponse } },
      config: { access: 'tenant' },
    },
    async (req) => {
      await svc.restoreDefaultDepartments(deps, tenantScopeOf(req));
      return { ok: true as const };
    },
  );
  r.patch(
    '/api/v1/departments/:departmentId',
    {
      schema: { tags: dtags, params: idParam('departmentId'), body: departmentUpdate, response: { 200: department } },
      config: { access: 'tenant' },
    },
    async (req) => svc.updateDepartment(deps, tenantScopeOf(req), req.params.departmentId as string, req.body),
  );
  r.delete(
    '/api/v1/departments/:departmentId',
    {
      schema: { tags: dtags, params: idParam('departmentId'), response: { 200: okResponse } },
      config: { access: 'tenant' },
    },
    async (req) => {
      await svc.deleteDepartment(deps, tenantScopeOf(req), req.params.departmentId as string);
      return { ok: true as const };
    },
  );
};
