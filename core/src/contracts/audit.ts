import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
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
  /** Whose account the entry is about (entries on accounts and memberships), as the platform names them now. */
  subjectName: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export const auditList = paged(auditEntry);
/** What an audit entry stores per changed field. */
export type AuditChanges = z.infer<typeof auditEntry>['changes'];

/** Mails of the municipality that could not be delivered after every retry (the outbox's failure state). */
export const mailFailure = z.object({
  id: uuid,
  recipient: z.string(),
  subject: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
export const mailFailureList = z.object({ items: z.array(mailFailure), can: canSchema('mailFailures') });
export const mailIdParams = z.object({ mailId: uuid });
