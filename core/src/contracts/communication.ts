import { z } from 'zod';
import {
  COMMUNICATION_AUDIENCES,
  COMMUNICATION_CADENCES,
  COMMUNICATION_CHANNELS,
  COMMUNICATION_PHASES,
  COMMUNICATION_STATUSES,
} from '../domain/communication.js';
import { canSchema } from '../domain/permissions.js';
import { isoDate, uuid, versioned } from './common.js';

const itemFields = {
  projectId: uuid.nullable().default(null),
  audience: z.enum(COMMUNICATION_AUDIENCES),
  /** The department addressed when the audience is one department. */
  departmentId: uuid.nullable().default(null),
  message: z.string().trim().min(3).max(2000),
  channel: z.enum(COMMUNICATION_CHANNELS),
  /** Due date; for a recurring item the first time. */
  dueOn: isoDate,
  cadence: z.enum(COMMUNICATION_CADENCES).default('once'),
  ownerId: uuid.nullable().default(null),
  status: z.enum(COMMUNICATION_STATUSES).default('planned'),
};
export const communicationCreate = z.object(itemFields);
export const communicationUpdate = versioned.extend(itemFields);
export const communicationQuery = z.object({
  projectId: uuid.optional(),
  status: z.enum(COMMUNICATION_STATUSES).optional(),
});
export const communicationApply = z.object({
  projectId: uuid,
  phase: z.enum(COMMUNICATION_PHASES),
  anchorDate: isoDate,
});

export const communicationItem = z.object({
  id: uuid,
  version: z.number().int(),
  projectId: uuid.nullable(),
  project: z.string().nullable(),
  audience: z.enum(COMMUNICATION_AUDIENCES),
  departmentId: uuid.nullable(),
  department: z.string().nullable(),
  message: z.string(),
  channel: z.enum(COMMUNICATION_CHANNELS),
  dueOn: z.string(),
  cadence: z.enum(COMMUNICATION_CADENCES),
  ownerId: uuid.nullable(),
  owner: z.string().nullable(),
  status: z.enum(COMMUNICATION_STATUSES),
  phase: z.enum(COMMUNICATION_PHASES).nullable(),
});
export const communicationList = z.object({
  items: z.array(communicationItem),
  can: canSchema('communication'),
});
export const communicationApplied = z.object({ created: z.number().int() });
export const progressReportQuery = z.object({
  /** The quarter reported on, `YYYY-Qn` (default: the current one). */
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, 'Geben Sie das Quartal als JJJJ-Qn an, z. B. 2026-Q4.')
    .optional(),
});
