import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import {
  STAFF_COUNCIL_ANSWERS,
  STAFF_COUNCIL_LEVELS,
  STAFF_COUNCIL_QUESTION_IDS,
  STAFF_COUNCIL_STATUSES,
  type StaffCouncilQuestionId,
} from '../domain/staff-council.js';
import { isoDate, uuid } from './common.js';

const answer = z.enum(STAFF_COUNCIL_ANSWERS);
/** One answer per question of the check; a question left out is still open. */
export const staffCouncilAnswers = z.object(
  Object.fromEntries(STAFF_COUNCIL_QUESTION_IDS.map((id) => [id, answer.default('unknown')])) as Record<
    StaffCouncilQuestionId,
    z.ZodDefault<typeof answer>
  >,
);

const dateField = isoDate.nullable().default(null);

/**
 * The whole check of a project, saved at once. `version` 0 creates it; a stale version gets 409. Whether the dates
 * fit the status is checked by the service (German field errors, `staffCouncilDateIssues`).
 */
export const staffCouncilSave = z.object({
  version: z.number().int().min(0),
  answers: staffCouncilAnswers,
  status: z.enum(STAFF_COUNCIL_STATUSES),
  informedOn: dateField,
  consultedOn: dateField,
  agreedOn: dateField,
  concludedOn: dateField,
  note: z.string().trim().max(2000).default(''),
});

export const staffCouncilAssessment = z.object({
  level: z.enum(STAFF_COUNCIL_LEVELS),
  label: z.string(),
  reasons: z.array(
    z.object({
      questionId: z.enum(STAFF_COUNCIL_QUESTION_IDS),
      answer: z.enum(['yes', 'unknown']),
      text: z.string(),
      basis: z.string(),
      level: z.enum(STAFF_COUNCIL_LEVELS),
    }),
  ),
  open: z.number().int(),
  advice: z.string(),
});

export const staffCouncilCheck = z.object({
  projectId: uuid,
  /** 0 while the check has not been made. */
  version: z.number().int(),
  answers: z.object(
    Object.fromEntries(STAFF_COUNCIL_QUESTION_IDS.map((id) => [id, answer])) as Record<
      StaffCouncilQuestionId,
      typeof answer
    >,
  ),
  status: z.enum(STAFF_COUNCIL_STATUSES),
  informedOn: z.string().nullable(),
  consultedOn: z.string().nullable(),
  agreedOn: z.string().nullable(),
  concludedOn: z.string().nullable(),
  note: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  assessment: staffCouncilAssessment,
  can: canSchema('projectPart'),
});
