import { z } from 'zod';
import { paged, pageQuery, uuid } from './common.js';

export const auditQuery = pageQuery.extend({
  entity: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const auditEntry = z.object({
  id: uuid,
  at: z.string(),
  actorId: uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export const auditList = paged(auditEntry);
