import { z } from 'zod';
import {
  COMPETENCE_AREAS,
  MAX_LEVEL,
  MIN_LEVEL,
  PARTICIPATION_STATUSES,
  TRAINING_FORMATS,
} from '../domain/competences.js';
import { canSchema } from '../domain/permissions.js';
import { isoDate, uuid, versioned } from './common.js';

/** DigComp's numbers (`1.1`) or a municipality's own (`1.E1`). */
export const competenceCode = z.string().regex(/^[1-5]\.(\d{1,2}|E\d{1,3})$/);
const area = z
  .number()
  .int()
  .min(COMPETENCE_AREAS[0])
  .max(COMPETENCE_AREAS[COMPETENCE_AREAS.length - 1] as number);
const level = z.number().int().min(MIN_LEVEL).max(MAX_LEVEL);

export const competenceItem = z.object({
  code: z.string(),
  area: z.number().int(),
  name: z.string(),
  hidden: z.boolean(),
  /** From DigComp (renamed or hidden, never removed) rather than the municipality's own. */
  builtin: z.boolean(),
  /** 0 while a DigComp competence is unchanged. */
  version: z.number().int(),
});
export const competenceFramework = z.object({
  areas: z.array(z.object({ area: z.number().int(), name: z.string() })),
  items: z.array(competenceItem),
  can: canSchema('competences'),
});
export const competenceCreate = z.object({ area, name: z.string().trim().min(3).max(200) });
/** Rename or hide one competence; `version` 0 for a DigComp competence not changed before. */
export const competenceUpdate = z.object({
  code: competenceCode,
  name: z.string().trim().min(3).max(200),
  hidden: z.boolean(),
  version: z.number().int().min(0),
});

/** A goal lies at or above today's level (a lower one is a typing slip). */
export const competenceLevel = z
  .object({ code: competenceCode, level, target: level.nullable().default(null) })
  .refine((l) => l.target === null || l.target >= l.level, { message: 'target_below_level', path: ['target'] });
export const myCompetences = z.object({
  departmentId: uuid.nullable(),
  shareWithManager: z.boolean(),
  /** 0 before the first assessment. */
  version: z.number().int(),
  levels: z.array(z.object({ code: z.string(), level: z.number().int(), target: z.number().int().nullable() })),
  can: canSchema('competences'),
});
export const myCompetencesUpdate = z.object({
  version: z.number().int().min(0),
  departmentId: uuid.nullable().default(null),
  shareWithManager: z.boolean().default(false),
  levels: z.array(competenceLevel).max(200),
});

const mean = z.number().nullable();
export const competenceOverview = z.object({
  threshold: z.number().int(),
  /** People who assessed themselves; null below the threshold. */
  assessed: z.number().int().nullable(),
  competences: z.array(
    z.object({
      code: z.string(),
      area: z.number().int(),
      name: z.string(),
      mean,
      /** Share (0–1) of the assessed below level 3 (not yet independent). */
      shareBelow: mean,
      targetMean: mean,
    }),
  ),
  heatmap: z.object({
    rows: z.array(
      z.object({
        departmentId: uuid,
        department: z.string(),
        people: z.number().int(),
        cells: z.array(z.object({ area: z.number().int(), mean })),
      }),
    ),
    /** Departments with assessments that are not shown (too few, or they would reveal a small rest). */
    withheld: z.number().int(),
  }),
  weakest: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      mean: z.number(),
      trainings: z.array(z.object({ id: uuid, title: z.string(), provider: z.string() })),
    }),
  ),
  can: canSchema('competences'),
});

export const sharedAssessments = z.object({
  people: z.array(
    z.object({
      userId: uuid,
      name: z.string(),
      department: z.string().nullable(),
      levels: z.array(z.object({ code: z.string(), level: z.number().int(), target: z.number().int().nullable() })),
    }),
  ),
});

const trainingFields = {
  title: z.string().trim().min(3).max(200),
  provider: z.string().trim().min(2).max(200),
  format: z.enum(TRAINING_FORMATS),
  hours: z.number().min(0).max(2000).nullable().default(null),
  /** Cost per participant in cents; empty while unknown. */
  costCents: z.number().int().min(0).max(100_000_000).nullable().default(null),
  competences: z.array(competenceCode).max(30).default([]),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
};
export const trainingCreate = z.object(trainingFields);
export const trainingUpdate = versioned.extend(trainingFields);
export const trainingItem = z.object({
  id: uuid,
  version: z.number().int(),
  title: z.string(),
  provider: z.string(),
  format: z.enum(TRAINING_FORMATS),
  hours: z.number().nullable(),
  costCents: z.number().int().nullable(),
  competences: z.array(z.string()),
  url: z.string().nullable(),
});
export const trainingList = z.object({ items: z.array(trainingItem), can: canSchema('competences') });
export const trainingsAdded = z.object({ created: z.number().int() });

export const assignmentCreate = z.object({
  trainingId: uuid,
  /** One person or one department. */
  userId: uuid.nullable().default(null),
  departmentId: uuid.nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  status: z.enum(PARTICIPATION_STATUSES).default('planned'),
});
export const assignmentUpdate = versioned.extend({
  dueOn: isoDate.nullable(),
  status: z.enum(PARTICIPATION_STATUSES),
});
export const assignmentItem = z.object({
  id: uuid,
  version: z.number().int(),
  trainingId: uuid,
  training: z.string(),
  provider: z.string(),
  userId: uuid.nullable(),
  person: z.string().nullable(),
  departmentId: uuid.nullable(),
  department: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(PARTICIPATION_STATUSES),
});
export const trainingPlan = z.object({
  items: z.array(assignmentItem),
  /** The members a training can be assigned to (for those who manage the plan; else empty). */
  people: z.array(z.object({ id: uuid, name: z.string() })),
  can: canSchema('competences'),
});
