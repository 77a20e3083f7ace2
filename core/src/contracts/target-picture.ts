import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import { isoDate, uuid } from './common.js';

const indicator = z.object({
  id: uuid.optional(),
  name: z.string().trim().min(2).max(200),
  unit: z.string().trim().max(40).default(''),
  baseline: z.number().finite().nullable().default(null),
  target: z.number().finite().nullable().default(null),
  targetDate: isoDate.nullable().default(null),
});
const goal = z.object({
  id: uuid.optional(),
  title: z.string().trim().min(3).max(300),
  description: z.string().trim().max(4000).default(''),
  needIds: z.array(uuid).max(200).default([]),
  indicators: z.array(indicator).max(20).default([]),
});
const field = z.object({
  id: uuid.optional(),
  name: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000).default(''),
  goals: z.array(goal).max(50).default([]),
});
/** The whole target picture is saved as one versioned document (vision, fields of action, goals, indicators). */
export const targetPictureSave = z.object({
  version: z.number().int().min(0),
  vision: z.string().trim().max(8000).default(''),
  fields: z.array(field).max(30),
});
export const indicatorValueAdd = z.object({ measuredOn: isoDate, value: z.number().finite() });

export const targetPicture = z.object({
  version: z.number().int(),
  vision: z.string(),
  fields: z.array(
    field.extend({
      id: uuid,
      goals: z.array(
        goal.extend({
          id: uuid,
          indicators: z.array(
            indicator.extend({
              id: uuid,
              values: z.array(z.object({ id: uuid, measuredOn: z.string(), value: z.number() })),
            }),
          ),
        }),
      ),
    }),
  ),
  needs: z.array(z.object({ id: uuid, title: z.string(), status: z.string() })),
  can: canSchema('targetPicture'),
});
