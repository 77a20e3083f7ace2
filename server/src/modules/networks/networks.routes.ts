import {
  idParam,
  moderatorAdd,
  networkCreate,
  networkDetail,
  networkInvitationAccept,
  networkInvitationDecline,
  networkList,
  networkMemberAdd,
  networkMemberLeave,
  networkMembershipList,
  networkMembershipUpdate,
  networkUpdate,
  okResponse,
} from '@dz/core';
import { z } from 'zod';
import { type ModulePlugin, typed } from '../../lib/route.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as svc from './networks.service.js';

const tags = ['Verbünde'];
const nid = idParam('networkId');

export const networksRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get(
    '/api/v1/networks',
    { schema: { tags, response: { 200: networkList } }, config: { access: 'user' } },
    async (req) => svc.listNetworks(deps, scopeOf(req)),
  );
  r.post(
    '/api/v1/networks',
    {
      schema: { tags, body: networkCreate, response: { 201: z.object({ id: z.uuid() }) } },
      config: { access: 'user' },
    },
    async (req, reply) => reply.code(201).send(await svc.createNetwork(deps, scopeOf(req), req.body)),
  );
  r.get(
    '/api/v1/networks/:networkId',
    { schema: { tags, params: nid, response: { 200: networkDetail } }, config: { access: 'user' } },
    async (req) => svc.getNetwork(deps, scopeOf(req), req.params.networkId as string),
  );
  r.patch(
    '/api/v1/networks/:networkId',
    {
      schema: { tags, params: nid, body: networkUpdate, response: { 200: networkDetail } },
      config: { access: 'user' },
    },
    async (req) => svc.updateNetwork(deps, scopeOf(req), req.params.networkId as string, req.body),
  );
  r.post(
    '/api/v1/networks/:networkId/members',
    {
      schema: { tags, params: nid, body: networkMemberAdd, response: { 201: networkDetail } },
      config: { access: 'user' },
    },
    async (req, reply) =>
      reply.code(201).send(await svc.addMember(deps, scopeOf(req), req.params.networkId as string, req.body)),
  );
  r.post(
    '/api/v1/networks/:networkId/members/:municipalityId/leave',
    {
      schema: {
        tags,
        params: z.object({ networkId: z.uuid(), municipalityId: z.uuid() }),
        body: networkMemberLeave,
        response: { 200: networkDetail.nullable() },
      },
      config: { access: 'user' },
    },
    async (req) => svc.leaveMember(deps, scopeOf(req), req.params.networkId, req.params.municipalityId, req.body),
  );
  r.post(
    '/api/v1/networks/:networkId/moderators',
    {
      schema: {
        tags,
        params: nid,
        body: moderatorAdd,
        response: { 202: okResponse },
        description:
          'Invites a person by email to moderate the network. The answer is the same whether an account with this email exists or not.',
      },
      config: { access: 'user' },
    },
    async (req, reply) => {
      await svc.inviteModerator(deps, scopeOf(req), req.params.networkId as string, req.body.email);
      return reply.code(202).send({ ok: true as const });
    },
  );
  r.delete(
    '/api/v1/networks/:networkId/moderators/:userId',
    {
      schema: { tags, params: z.object({ networkId: z.uuid(), userId: z.uuid() }), response: { 200: networkDetail } },
      config: { access: 'user' },
    },
    async (req) => svc.removeModerator(deps, scopeOf(req), req.params.networkId, req.params.userId),
  );

  // the member municipality's side: invitations to answer, consent to staff surveys
  r.get(
    '/api/v1/network-memberships',
    { schema: { tags, response: { 200: networkMembershipList } }, config: { access: 'tenant' } },
    async (req) => svc.listMemberships(deps, tenantScopeOf(req)),
  );
  r.post(
    '/api/v1/network-memberships/:networkId/accept',
    {
      schema: { tags, params: nid, body: networkInvitationAccept, response: { 200: networkMembershipList } },
      config: { access: 'tenant' },
    },
    async (req) => svc.answerInvitation(deps, tenantScopeOf(req), req.params.networkId as string, true, req.body),
  );
  r.post(
    '/api/v1/network-memberships/:networkId/decline',
    {
      schema: { tags, params: nid, body: networkInvitationDecline, response: { 200: networkMembershipList } },
      config: { access: 'tenant' },
    },
    async (req) => svc.answerInvitation(deps, tenantScopeOf(req), req.params.networkId as string, false, req.body),
  );
  r.patch(
    '/api/v1/network-memberships/:networkId',
    {
      schema: { tags, params: nid, body: networkMembershipUpdate, response: { 200: networkMembershipList } },
      config: { access: 'tenant' },
    },
    async (req) => svc.setStaffSurveys(deps, tenantScopeOf(req), req.params.networkId as string, req.body),
  );
};
