import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import { allQuestions, MIN_THRESHOLD, QUESTION_TYPES, type SurveyDefinition } from '../domain/survey.js';
import { isoDate, uuid, versioned } from './common.js';

const key = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'Kennung: 1–40 Kleinbuchstaben, Ziffern, _ oder -');
const text = (max: number) =>
  z.object({ de: z.string().trim().min(1).max(max), en: z.string().trim().max(max).optional() });
const choice = z.object({ id: key, label: text(300) });

export const surveyQuestion = z.object({
  id: key,
  type: z.enum(QUESTION_TYPES),
  text: text(1000),
  help: text(2000).optional(),
  required: z.boolean(),
  options: z.array(choice).max(30).optional(),
  items: z.array(choice).max(30).optional(),
  scaleLabels: z.array(text(100)).length(5).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  showIf: z
    .object({
      questionId: key,
      op: z.enum(['equals', 'includes', 'gte', 'lte']),
      value: z.union([z.string().max(100), z.number().finite()]),
    })
    .optional(),
});
export const surveySection = z.object({
  id: key,
  title: text(300),
  description: text(2000).optional(),
  questions: z.array(surveyQuestion).max(100),
});

/** A survey definition with structural checks: unique ids, options where needed, show-if on earlier questions. */
export const surveyDefinition = z
  .object({ sections: z.array(surveySection).min(1).max(40) })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    for (const [si, s] of def.sections.entries()) {
      for (const [qi, q] of s.questions.entries()) {
        const path = ['sections', si, 'questions', qi];
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: 'Kennung doppelt' });
        if (['single', 'multiple', 'ranking'].includes(q.type) && (q.options?.length ?? 0) < 2)
          ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'mindestens zwei Antworten' });
        if (q.type === 'matrix' && (q.items?.length ?? 0) < 1)
          ctx.addIssue({ code: 'custom', path: [...path, 'items'], message: 'mindestens eine Zeile' });
        if (q.showIf && !seen.has(q.showIf.questionId))
          ctx.addIssue({ code: 'custom', path: [...path, 'showIf'], message: 'nur auf frühere Fragen' });
        seen.add(q.id);
      }
    }
    if (allQuestions(def as SurveyDefinition).length > 300)
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'höchstens 300 Fragen' });
  });

export const SURVEY_MODES = ['municipality', 'person'] as const;
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyMode = (typeof SURVEY_MODES)[number];
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
/** Where a survey target stands: nothing yet, a saved draft, or submitted (a stored response is never 'none'). */
export const RESPONSE_STATUSES = ['none', 'draft', 'submitted'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

const surveyFields = {
  title: z.string().trim().min(3).max(200),
  titleEn: z.string().trim().max(200).default(''),
  intro: z.string().trim().max(4000).default(''),
  mode: z.enum(SURVEY_MODES),
  opensOn: isoDate.nullable().default(null),
  closesOn: isoDate.nullable().default(null),
  threshold: z.number().int().min(MIN_THRESHOLD).max(50).default(5),
  /** Person surveys: anonymous (default) or declared non-anonymous before sending (names in the participation list). */
  anonymous: z.boolean().default(true),
  /** Networks whose member municipalities receive a network survey (the owning network first). */
  networkIds: z.array(uuid).max(20).default([]),
};

export const surveyCreate = z.object({
  /** A network survey (moderators) or an internal survey of the active municipality (coordinators). */
  networkId: uuid.nullable().default(null),
  title: surveyFields.title,
  mode: surveyFields.mode,
  anonymous: surveyFields.anonymous,
  /** Start from the built-in pain-point template, an imported definition, or empty. */
  source: z.enum(['template', 'empty', 'import']).default('template'),
  definition: surveyDefinition.optional(),
});
export const surveyUpdate = versioned.extend({ ...surveyFields, definition: surveyDefinition });

export const surveySummary = z.object({
  id: uuid,
  title: z.string(),
  status: z.enum(SURVEY_STATUSES),
  mode: z.enum(SURVEY_MODES),
  owner: z.string(),
  networkId: uuid.nullable(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  canEdit: z.boolean(),
  myResponse: z.enum(RESPONSE_STATUSES).nullable(),
  submitted: z.number().int(),
  targets: z.number().int(),
});
export const surveyList = z.object({ items: z.array(surveySummary), can: canSchema('surveys') });

export const surveyDetail = z.object({
  id: uuid,
  version: z.number().int(),
  title: z.string(),
  titleEn: z.string(),
  intro: z.string(),
  mode: z.enum(SURVEY_MODES),
  status: z.enum(SURVEY_STATUSES),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  threshold: z.number().int(),
  anonymous: z.boolean(),
  /** When the survey was closed and its results became visible (null while draft or open). */
  closedAt: z.string().nullable(),
  networkId: uuid.nullable(),
  networkIds: z.array(uuid),
  owner: z.string(),
  definition: surveyDefinition,
  can: canSchema('surveyView'),
});

/**
 * Who has answered — never what, and never when. Municipality surveys and person surveys declared
 * non-anonymous list one row per target; anonymous person surveys only counts per municipality.
 */
export const surveyParticipation = z.object({
  byPerson: z.boolean(),
  items: z.array(
    z.object({
      name: z.string(),
      municipality: z.string(),
      network: z.string().nullable(),
      invited: z.number().int(),
      started: z.number().int(),
      submitted: z.number().int(),
      remindedAt: z.string().nullable(),
    }),
  ),
  submitted: z.number().int(),
  total: z.number().int(),
  /** Person surveys of networks: member municipalities that have not allowed surveys of their staff. */
  withoutStaffConsent: z.number().int(),
});

/**
 * Who a survey reaches: before sending, who would be invited now (current members of its networks; for
 * person surveys their staff where allowed); once sent, who was invited — and how many have answered.
 */
export const surveyAudience = z.object({
  /** Persons (person surveys) or municipalities (municipality surveys). */
  invitees: z.number().int(),
  submitted: z.number().int(),
  /** Whether the survey is already sent (then `invitees` are the actual targets). */
  sent: z.boolean(),
});

const answerValue = z.union([
  z.number().finite(),
  z.string().max(4000),
  z.array(z.string().max(40)).max(30),
  z.record(z.string().max(40), z.number().finite()),
]);
export const surveyAnswers = z.record(key, answerValue);

export const responseSave = z.object({ version: z.number().int().min(0), answers: surveyAnswers });
export const responseDetail = z.object({
  status: z.enum(RESPONSE_STATUSES),
  version: z.number().int(),
  answers: surveyAnswers,
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  can: canSchema('responseView'),
});

export const RESULT_GROUPINGS = ['none', 'sizeClass', 'land', 'network'] as const;
export const resultsQuery = z.object({
  groupBy: z.enum(RESULT_GROUPINGS).default('none'),
  sizeClass: z.coerce.number().int().min(1).max(7).optional(),
  land: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  networkId: uuid.optional(),
});

const questionStats = z.object({
  questionId: z.string(),
  answered: z.number().int(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  /** Counts per option or scale point (key "1".."5"), per matrix item for matrices. */
  distribution: z.array(z.object({ itemId: z.string(), value: z.string(), count: z.number().int() })),
  items: z.array(
    z.object({
      itemId: z.string(),
      answered: z.number().int(),
      mean: z.number().nullable(),
      median: z.number().nullable(),
    }),
  ),
  borda: z.array(z.object({ option: z.string(), points: z.number() })),
  texts: z.array(z.string()),
  suppressed: z.boolean(),
});
/** A shown group (hidden groups are only counted, never named). */
export const resultGroup = z.object({
  key: z.string(),
  label: z.string(),
  responses: z.number().int(),
  questions: z.array(questionStats),
});
export const surveyResults = z.object({
  /** Results exist only once the survey is closed (no differencing while answers still come in). */
  released: z.boolean(),
  threshold: z.number().int(),
  responses: z.number().int(),
  suppressed: z.boolean(),
  hiddenGroups: z.number().int(),
  groups: z.array(resultGroup),
});
export type SurveyResults = z.infer<typeof surveyResults>;
