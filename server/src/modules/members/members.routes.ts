import { idParam, invitationCreate, invitationList, memberList, memberUpdate, okResponse } from '@dz/core';
import { z } from 'zod';
import { modulePlugin } from '../../lib/route.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as svc from './members.service.js';

const tags = ['Benutzer und Rollen'];

export const membersRoutes = modulePlugin({ prefix: '/api/v1', access: 'tenant' }, (r, deps) => {
  r.get('/members', { schema: { tags, response: { 200: memberList } } }, async (req) =>
    svc.listMembers(deps, tenantScopeOf(req)),
  );
  r.patch(
    '/members/:userId',
    {
      schema: {
        tags,
        params: idParam('userId'),
        body: memberUpdate,
        response: { 200: z.object({ role: z.string(), departmentId: z.string().nullable(), version: z.number() }) },
      },
    },
    async (req) => svc.changeRole(deps, tenantScopeOf(req), req.params.userId, req.body),
  );
  r.delete(
    '/members/:userId',
    {
      schema: { tags, params: idParam('userId'), response: { 200: okResponse } },
    },
    async (req) => {
      await svc.removeMember(deps, tenantScopeOf(req), req.params.userId);
      return { ok: true as const };
    },
  );
  r.get('/invitations', { schema: { tags, response: { 200: invitationList } } }, async (req) =>
    svc.listInvitations(deps, tenantScopeOf(req)),
  );
  r.post(
    '/invitations',
    {
      schema: { tags, body: invitationCreate, response: { 201: z.object({ id: z.uuid() }) } },
    },
    async (req, reply) => reply.code(201).send(await svc.invite(deps, tenantScopeOf(req), req.body)),
  );
  r.delete(
    '/invitations/:invitationId',
    {
      schema: { tags, params: idParam('invitationId'), response: { 200: okResponse } },
    },
    async (req) => {
      await svc.revokeInvitation(deps, tenantScopeOf(req), req.params.invitationId);
      return { ok: true as const };
    },
  );
  r.post(
    '/municipalities/:municipalityId/invitations',
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
      reply.code(201).send(await svc.inviteIntoMunicipality(deps, scopeOf(req), req.params.municipalityId, req.body)),
  );
});
