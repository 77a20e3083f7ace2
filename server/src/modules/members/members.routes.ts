import { idParam, invitationCreate, invitationList, memberList, memberUpdate, okResponse } from '@dz/core';
import { z } from 'zod';
import { type ModulePlugin, typed } from '../../lib/route.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as svc from './members.service.js';

const tags = ['Benutzer und Rollen'];

export const membersRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get(
    '/api/v1/members',
    { schema: { tags, response: { 200: memberList } }, config: { access: 'tenant' } },
    async (req) => svc.listMembers(deps, tenantScopeOf(req)),
  );
  r.patch(
    '/api/v1/members/:userId',
    {
      schema: {
        tags,
        params: idParam('userId'),
        body: memberUpdate,
        response: { 200: z.object({ role: z.string(), version: z.number() }) },
      },
      config: { access: 'tenant' },
    },
    async (req) => svc.changeRole(deps, tenantScopeOf(req), req.params.userId as string, req.body),
  );
  r.delete(
    '/api/v1/members/:userId',
    {
      schema: { tags, params: idParam('userId'), response: { 200: okResponse } },
      config: { access: 'tenant' },
    },
    async (req) => {
      await svc.removeMember(deps, tenantScopeOf(req), req.params.userId as string);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/v1/invitations',
    { schema: { tags, response: { 200: invitationList } }, config: { access: 'tenant' } },
    async (req) => svc.listInvitations(deps, tenantScopeOf(req)),
  );
  r.post(
    '/api/v1/invitations',
    {
      schema: { tags, body: invitationCreate, response: { 201: z.object({ id: z.uuid() }) } },
      config: { access: 'tenant' },
    },
    async (req, reply) => reply.code(201).send(await svc.invite(deps, tenantScopeOf(req), req.body)),
  );
  r.delete(
    '/api/v1/invitations/:invitationId',
    {
      schema: { tags, params: idParam('invitationId'), response: { 200: okResponse } },
      config: { access: 'tenant' },
    },
    async (req) => {
      await svc.revokeInvitation(deps, tenantScopeOf(req), req.params.invitationId as string);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/municipalities/:municipalityId/invitations',
    {
      schema: {
        tags,
        description: 'Platform administration: invite the first person of a municipality (onboarding).',
        params: idParam('municipalityId'),
        body: invitationCreate,
        response: { 201: z.object({ id: z.uuid() }) },
      },
      config: { access: 'platform' },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await svc.inviteIntoMunicipality(deps, scopeOf(req), req.params.municipalityId as string, req.body)),
  );
};
