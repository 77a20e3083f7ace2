import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import { OZG_SUBJECT_AREAS } from '../domain/process-model.js';
import { uuid, versioned } from './common.js';

export const PROCESS_MODEL_KINDS = ['as_is', 'to_be'] as const;
export type ProcessModelKind = (typeof PROCESS_MODEL_KINDS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null);
const ozgLevel = z.number().int().min(0).max(4);

const serviceFields = {
  name: z.string().trim().min(2).max(200),
  subjectArea: z.enum(OZG_SUBJECT_AREAS).nullable().default(null),
  lifeSituation: optionalText(120),
  /** LeiKa key (Leistungsschlüssel): exactly 14 digits. */
  leikaKey: z
    .string()
    .trim()
    .transform((s) => s.replace(/\s+/g, ''))
    .refine((s) => s === '' || /^\d{14}$/.test(s), 'Der LeiKa-Schlüssel hat genau 14 Ziffern.')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null),
  departmentId: uuid.nullable().default(null),
  casesPerYear: z.number().int().min(0).max(10_000_000),
  minutesPerCase: z.number().min(0).max(100_000),
  ozgLevel: ozgLevel.default(0),
  ozgTarget: ozgLevel.default(3),
  /** Where the service is offered online (portal name or address). */
  onlineChannel: optionalText(300),
  mediaBreaks: z.number().int().min(0).max(100).default(0),
};
/** The OZG target is where the service is going: not below where it stands today. */
const targetNotBelow = <T extends { ozgLevel: number; ozgTarget: number }>(s: T) => s.ozgTarget >= s.ozgLevel;
const TARGET_BELOW = {
  message: 'Das Ziel liegt unter dem heutigen Reifegrad. Wählen Sie mindestens die heutige Stufe.',
  path: ['ozgTarget'],
};
export const serviceCreate = z.object(serviceFields).refine(targetNotBelow, TARGET_BELOW);
export const serviceUpdate = versioned.extend(serviceFields).refine(targetNotBelow, TARGET_BELOW);

export const effortFigures = z.object({
  minutesPerCase: z.number(),
  centsPerCase: z.number(),
  mediaBreaks: z.number().int(),
  hoursPerYear: z.number(),
  centsPerYear: z.number(),
});
export const savingsFigures = z.object({
  hours: z.number(),
  fte: z.number(),
  cents: z.number(),
  mediaBreaksRemoved: z.number().int(),
});

export const processModelSummary = z.object({
  id: uuid,
  kind: z.enum(PROCESS_MODEL_KINDS),
  name: z.string(),
  version: z.number().int(),
  /** Figures from the last save; null when the model cannot be computed (see its page). */
  effort: effortFigures.nullable(),
  /** To-be models: savings against the service's as-is model. */
  savings: savingsFigures.nullable(),
  projectId: uuid.nullable(),
  project: z.string().nullable(),
  updatedAt: z.string(),
});

export const serviceItem = z.object({
  id: uuid,
  version: z.number().int(),
  name: z.string(),
  subjectArea: z.enum(OZG_SUBJECT_AREAS).nullable(),
  lifeSituation: z.string().nullable(),
  leikaKey: z.string().nullable(),
  departmentId: uuid.nullable(),
  department: z.string().nullable(),
  casesPerYear: z.number().int(),
  minutesPerCase: z.number(),
  ozgLevel: z.number().int(),
  ozgTarget: z.number().int(),
  onlineChannel: z.string().nullable(),
  mediaBreaks: z.number().int(),
  /** Hours a year today: the as-is model's figure when there is one, else volume × minutes. */
  hoursPerYear: z.number(),
  /** Whether `hoursPerYear` comes from the as-is model (once it has steps with minutes). */
  fromModel: z.boolean(),
  /** The as-is model's minutes per case, when it counts. */
  modelMinutesPerCase: z.number().nullable(),
  models: z.number().int(),
  /** The best to-be model's savings per year. */
  savingsHours: z.number().nullable(),
  savingsCents: z.number().nullable(),
});
export const serviceListQuery = z.object({
  /** `savings` (default): biggest savings first, then the biggest effort; `name`; `effort`. */
  sort: z.enum(['savings', 'effort', 'name']).default('savings'),
  notOnline: z.enum(['true', 'false']).optional(),
});
export const serviceList = z.object({
  items: z.array(serviceItem),
  totals: z.object({
    services: z.number().int(),
    notOnline: z.number().int(),
    hoursPerYear: z.number(),
    savingsHours: z.number(),
    savingsCents: z.number(),
  }),
  can: canSchema('processes'),
});
export const serviceDetail = serviceItem.extend({
  modelList: z.array(processModelSummary),
  can: canSchema('processes'),
});

export const starterService = z.object({
  key: z.string(),
  name: z.string(),
  subjectArea: z.string().nullable(),
  lifeSituation: z.string().nullable(),
  department: z.string(),
  casesPerYear: z.number().int(),
  minutesPerCase: z.number(),
  ozgLevel: z.number().int(),
  added: z.boolean(),
});
export const starterList = z.object({ items: z.array(starterService), population: z.number().int() });
export const starterAdd = z.object({ keys: z.array(z.string().min(1).max(60)).min(1).max(100) });
export const createdCount = z.object({ created: z.number().int() });

export const serviceImportQuery = z.object({ mode: z.enum(['preview', 'commit']).default('preview') });
export const serviceImportReport = z.object({
  mode: z.enum(['preview', 'commit']),
  lines: z.array(
    z.object({
      line: z.number().int(),
      name: z.string(),
      status: z.enum(['new', 'update', 'error']),
      errors: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  ),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
});

export const modelCreate = z.object({
  serviceId: uuid,
  kind: z.enum(PROCESS_MODEL_KINDS),
  name: z.string().trim().min(2).max(200),
  /** Start from a copy of this model (e.g. the as-is model as the first to-be variant). */
  copyOf: uuid.nullable().default(null),
});
export const modelSave = versioned.extend({
  name: z.string().trim().min(2).max(200),
  xml: z.string().min(1).max(6_000_000),
});
export const modelCheck = z.object({ xml: z.string().min(1).max(6_000_000) });

export const lintFinding = z.object({
  elementId: z.string(),
  rule: z.string(),
  message: z.string(),
  category: z.enum(['error', 'warn', 'info']),
});
export const effortProblem = z.object({ code: z.string(), elementId: z.string().nullable() });
export const taskEffort = z.object({
  id: z.string(),
  name: z.string(),
  lane: z.string().nullable(),
  visits: z.number(),
  minutes: z.number(),
  payGroup: z.string().nullable(),
  centsPerCase: z.number(),
  mediaBreak: z.boolean(),
});
export const modelAnalysis = z.object({
  findings: z.array(lintFinding),
  /** Names of the model's elements (steps, decisions, flows), to name them in messages. */
  elementNames: z.array(z.object({ id: z.string(), name: z.string() })),
  /** What bpmn-moddle noticed while reading (unknown elements, unresolved references): kept, not refused. */
  importWarnings: z.array(z.string()),
  effort: effortFigures.nullable(),
  tasks: z.array(taskEffort),
  effortWarnings: z.array(effortProblem),
  effortErrors: z.array(effortProblem),
  savings: savingsFigures.nullable(),
});
export const modelDetail = z.object({
  id: uuid,
  version: z.number().int(),
  serviceId: uuid,
  service: z.string(),
  casesPerYear: z.number().int(),
  kind: z.enum(PROCESS_MODEL_KINDS),
  name: z.string(),
  xml: z.string(),
  copyOfId: uuid.nullable(),
  asIsId: uuid.nullable(),
  projectId: uuid.nullable(),
  project: z.string().nullable(),
  payGroups: z.array(z.string()),
  defaultPayGroup: z.string().nullable(),
  analysis: modelAnalysis,
  can: canSchema('processes'),
});
export const modelProjectCreate = z.object({ title: z.string().trim().min(3).max(200).optional() });
export const modelProjectCreated = z.object({ projectId: uuid });
export const modelImportQuery = z.object({
  kind: z.enum(PROCESS_MODEL_KINDS).default('to_be'),
  /** Default: the file's name without its extension. */
  name: z.string().trim().min(2).max(200).optional(),
});
export const projectModels = z.object({
  items: z.array(
    z.object({ id: uuid, name: z.string(), kind: z.enum(PROCESS_MODEL_KINDS), serviceId: uuid, service: z.string() }),
  ),
});
