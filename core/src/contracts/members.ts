import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import { email, municipalityRole } from './auth.js';
import { uuid, versioned } from './common.js';

export const member = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  role: municipalityRole,
  /** The department the person works in (null: none recorded). */
  departmentId: uuid.nullable(),
  since: z.string(),
  version: z.number().int(),
});
export const memberList = z.object({ items: z.array(member), can: canSchema('members') });
/** A member's role and (left out: unchanged) department. */
export const memberUpdate = versioned.extend({ role: municipalityRole, departmentId: uuid.nullable().optional() });

export const invitationCreate = z.object({ email, role: municipalityRole });
export const invitation = z.object({
  id: uuid,
  email: z.string(),
  role: municipalityRole,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const invitationList = z.object({ items: z.array(invitation) });
