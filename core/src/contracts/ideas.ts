import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import { uuid, versioned } from './common.js';

export const IDEA_STATUSES = ['new', 'in_review', 'accepted', 'rejected', 'implemented'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const ideaSubmit = z.object({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(4000).default(''),
  /** The submitter may be named in the news when the idea is implemented. */
  creditConsent: z.boolean().default(false),
});
export const ideaStatusChange = versioned.extend({
  status: z.enum(IDEA_STATUSES),
  /** A short reason the submitter reads under "Was aus Ihrer Idee wurde". */
  reason: z.string().trim().min(3).max(1000),
});
export const ideaToNeed = versioned;
export const ideasQuery = z.object({ mine: z.enum(['true', 'false']).optional() });

const ideaSummary = z.object({
  id: uuid,
  title: z.string(),
  description: z.string(),
  status: z.enum(IDEA_STATUSES),
  supports: z.number().int(),
  supportedByMe: z.boolean(),
  mine: z.boolean(),
  needId: uuid.nullable(),
  createdAt: z.string(),
  lastReason: z.string(),
});
export const ideaList = z.object({ items: z.array(ideaSummary), can: canSchema('ideas') });
export const ideaDetail = ideaSummary.extend({
  version: z.number().int(),
  submittedBy: z.string().nullable(),
  events: z.array(z.object({ at: z.string(), status: z.enum(IDEA_STATUSES), reason: z.string() })),
  can: canSchema('idea'),
});
