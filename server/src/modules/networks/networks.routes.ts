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
import { modulePlugin } from '../../lib/route.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as svc from './networks.service.js';

const tags = ['Verbünde'];
const nid = idParam('networkId');

export const networksRoutes = modulePlugin({ prefix: '/api/v1/networks', access: 'user' }, (r, deps) => {
  r.get('', { schema: { tags, response: { 200: networkList } } }, async (req) => svc.listNetworks(deps, scopeOf(req)));
  r.post(
    '',
    {
      schema: { tags, body: networkCreate, response: { 201: z.object({ id: z.uuid() }) } },
    },
    async (req, reply) => reply.code(201).send(await svc.createNetwork(deps, scopeOf(req), req.body)),
  );
  r.get('/:networkId', { schema: { tags, params: nid, response: { 200: networkDetail } } }, async (req) =>
    svc.getNetwork(deps, scopeOf(req), req.params.networkId),
  );
  r.patch(
    '/:networkId',
    {
      schema: { tags, params: nid, body: networkUpdate, response: { 200: networkDetail } },
    },
    async (req) => svc.updateNetwork(deps, scopeOf(req), req.params.networkId, req.body),
  );
  r.post(
    '/:networkId/members',
    {
      schema: { tags, params: nid, body: networkMemberAdd, response: { 201: networkDetail } },
    },
    async (req, reply) => reply.code(201).send(await svc.addMember(deps, scopeOf(req), req.params.networkId, req.body)),
  );
  r.post(
    '/:networkId/members/:municipalityId/leave',
    {
      schema: {
        tags,
        params: idParam('networkId', 'municipalityId'),
        body: networkMemberLeave,
        response: { 200: networkDetail.nullable() },
      },
    },
    async (req) => svc.leaveMember(deps, scopeOf(req), req.params.networkId, req.params.municipalityId, req.body),
  );
  r.post(
    '/:networkId/moderators',
    {
      schema: {
        tags,
        params: nid,
        body: moderatorAdd,
        response: { 202: okResponse },
        description:
          'Invites a person by email to moderate the network. The answer is the same whether an account with this email exists or not.',
      },
    },
    async (req, reply) => {
      await svc.inviteModerator(deps, scopeOf(req), req.params.networkId, req.body.email);
      return reply.code(202).send({ ok: true as const });
    },
  );
  r.delete(
    '/:networkId/moderators/:userId',
    {
      schema: { tags, params: idParam('networkId', 'userId'), response: { 200: networkDetail } },
    },
    async (req) => svc.removeModerator(deps, scopeOf(req), req.params.networkId, req.params.userId),
  );

  // the member municipality's side: invitations to answer, consent to staff surveys
});

/** The active municipality's answers to network invitations. */
export const networkMembershipsRoutes = modulePlugin(
  { prefix: '/api/v1/network-memberships', access: 'tenant' },
  (r, deps) => {
    r.get('', { schema: { tags, response: { 200: networkMembershipList } } }, async (req) =>
      svc.listMemberships(deps, tenantScopeOf(req)),
    );
    r.post(
      '/:networkId/accept',
      {
        schema: { tags, params: nid, body: networkInvitationAccept, response: { 200: networkMembershipList } },
      },
      async (req) => svc.answerInvitation(deps, tenantScopeOf(req), req.params.networkId, true, req.body),
    );
    r.post(
      '/:networkId/decline',
      {
        schema: { tags, params: nid, body: networkInvitationDecline, response: { 200: networkMembershipList } },
      },
      async (req) => svc.answerInvitation(deps, tenantScopeOf(req), req.params.networkId, false, req.body),
    );
    r.patch(
      '/:networkId',
      {
        schema: { tags, params: nid, body: networkMembershipUpdate, response: { 200: networkMembershipList } },
      },
      async (req) => svc.setStaffSurveys(deps, tenantScopeOf(req), req.params.networkId, req.body),
    );
  },
);
