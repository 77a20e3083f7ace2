import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import { uuid, versioned } from './common.js';

export const NEED_URGENCIES = ['low', 'medium', 'high', 'critical'] as const;
export const NEED_SOURCES = ['department', 'employee', 'citizen', 'workshop'] as const;
export const NEED_STATUSES = ['open', 'in_review', 'planned', 'in_progress', 'done', 'rejected', 'merged'] as const;
export type NeedUrgency = (typeof NEED_URGENCIES)[number];
export type NeedSource = (typeof NEED_SOURCES)[number];
export type NeedStatus = (typeof NEED_STATUSES)[number];

const needFields = {
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(8000).default(''),
  /** The affected service or process, e.g. "Gewerbeanmeldung" or "Rechnungseingang". */
  service: z.string().trim().max(300).default(''),
  departmentId: uuid.nullable().default(null),
  urgency: z.enum(NEED_URGENCIES).default('medium'),
};
export const needCreate = z.object({
  ...needFields,
  source: z.enum(NEED_SOURCES),
  /** A workshop follow-up action this need continues (stable id from the workshop report). */
  workshopActionId: uuid.nullable().default(null),
});
export const needUpdate = versioned.extend({
  ...needFields,
  source: z.enum(NEED_SOURCES),
  status: z.enum(NEED_STATUSES).exclude(['merged']),
});
export const needMerge = versioned.extend({ intoId: uuid });
export const needsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(NEED_STATUSES).optional(),
  source: z.enum(NEED_SOURCES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const similarQuery = z.object({
  q: z.string().trim().max(300).default(''),
  exclude: uuid.optional(),
});

export const needSummary = z.object({
  id: uuid,
  title: z.string(),
  service: z.string(),
  department: z.string().nullable(),
  urgency: z.enum(NEED_URGENCIES),
  source: z.enum(NEED_SOURCES),
  status: z.enum(NEED_STATUSES),
  createdAt: z.string(),
});
export const needList = z.object({
  items: z.array(needSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  can: canSchema('needs'),
});
export const needSimilar = z.object({
  items: z.array(z.object({ id: uuid, title: z.string(), status: z.enum(NEED_STATUSES), score: z.number() })),
});
export const needDetail = needSummary.extend({
  version: z.number().int(),
  seekingPartners: z.boolean(),
  description: z.string(),
  departmentId: uuid.nullable(),
  workshopAction: z.object({ id: uuid, what: z.string(), workshop: z.string(), workshopId: uuid }).nullable(),
  mergedInto: z.object({ id: uuid, title: z.string() }).nullable(),
  merged: z.array(z.object({ id: uuid, title: z.string(), description: z.string() })),
  history: z.array(
    z.object({ at: z.string(), action: z.string(), actor: z.string().nullable(), changes: z.unknown() }),
  ),
  can: canSchema('need'),
});
