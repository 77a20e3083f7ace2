import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import { NETWORK_TYPES } from '../domain/roles.js';
import { email } from './auth.js';
import { isoDate, uuid, versioned } from './common.js';

export const networkType = z.enum(NETWORK_TYPES);
/** Only accepted members count; invitations wait for the municipality's answer. */
export const NETWORK_MEMBER_STATUSES = ['invited', 'accepted', 'declined'] as const;
export type NetworkMemberStatus = (typeof NETWORK_MEMBER_STATUSES)[number];

export const networkSummary = z.object({
  id: uuid,
  name: z.string(),
  type: networkType,
  description: z.string(),
  memberCount: z.number().int(),
  isModerator: z.boolean(),
});
export const networkList = z.object({ items: z.array(networkSummary), can: canSchema('networks') });

export const networkMember = z.object({
  municipalityId: uuid,
  name: z.string(),
  ags: z.string(),
  land: z.string(),
  kreis: z.string().nullable(),
  population: z.number().int(),
  sizeClass: z.number().int(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  /** Only accepted members count; invitations wait for the municipality's answer. */
  status: z.enum(NETWORK_MEMBER_STATUSES),
  /** The municipality allows the network's person surveys to its staff. */
  staffSurveys: z.boolean(),
});
export const networkDetail = z.object({
  id: uuid,
  name: z.string(),
  type: networkType,
  description: z.string(),
  version: z.number().int(),
  members: z.array(networkMember),
  moderators: z.array(z.object({ userId: uuid, name: z.string(), email: z.string() })),
  can: canSchema('network'),
});

export const networkCreate = z.object({
  name: z.string().trim().min(3).max(200),
  type: networkType,
  description: z.string().trim().max(4000).default(''),
});
export const networkUpdate = versioned.extend({
  name: z.string().trim().min(3).max(200),
  type: networkType,
  description: z.string().trim().max(4000),
});
export const networkMemberAdd = z.object({ municipalityId: uuid, joinedOn: isoDate });
export const networkMemberLeave = z.object({ leftOn: isoDate });
export const moderatorAdd = z.object({ email });

export const networkMembershipStatus = z.enum(['invited', 'accepted']);
/** A network membership or invitation as the member municipality sees it. */
export const networkMembership = z.object({
  networkId: uuid,
  name: z.string(),
  type: networkType,
  description: z.string(),
  memberCount: z.number().int(),
  status: networkMembershipStatus,
  joinedOn: z.string(),
  staffSurveys: z.boolean(),
  invitedBy: z.string().nullable(),
  invitedAt: z.string(),
  answeredAt: z.string().nullable(),
  version: z.number().int(),
});
export const networkMembershipList = z.object({
  items: z.array(networkMembership),
  can: canSchema('networkInvitations'),
});
export const networkInvitationAccept = versioned.extend({ staffSurveys: z.boolean().default(false) });
export const networkInvitationDecline = versioned;
export const networkMembershipUpdate = versioned.extend({ staffSurveys: z.boolean() });
