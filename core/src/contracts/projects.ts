import { z } from 'zod';
import { isoDate, uuid, versioned } from './common.js';

export const PROJECT_PHASES = ['idea', 'planning', 'implementation', 'operation', 'done', 'stopped'] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export const TRAFFIC_LIGHTS = ['green', 'yellow', 'red'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

const projectFields = {
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(8000).default(''),
  ownerId: uuid.nullable().default(null),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  teamIds: z.array(uuid).max(50).default([]),
  departmentIds: z.array(uuid).max(30).default([]),
  needIds: z.array(uuid).max(100).default([]),
  goalIds: z.array(uuid).max(100).default([]),
};
const endAfterStart = (p: { startsOn: string | null; endsOn: string | null }) =>
  !p.startsOn || !p.endsOn || p.endsOn >= p.startsOn;
const endMessage = { message: 'end_before_start', path: ['endsOn'] };

/** A project starts free, from a need or from a goal (needIds/goalIds prefilled by the UI). */
export const projectCreate = z
  .object({ ...projectFields, phase: z.enum(PROJECT_PHASES).default('idea') })
  .refine(endAfterStart, endMessage);
export const projectUpdate = versioned
  .extend({ ...projectFields, phase: z.enum(PROJECT_PHASES) })
  .refine(endAfterStart, endMessage);
/** A move on the board: new phase and the position inside its column. */
export const projectMove = versioned.extend({
  phase: z.enum(PROJECT_PHASES),
  position: z.number().int().min(0).max(100_000),
});

export const PROJECT_SORTS = ['title', 'phase', 'startsOn', 'endsOn', 'owner', 'score', 'updatedAt'] as const;
export const projectsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  phase: z.enum(PROJECT_PHASES).optional(),
  ownerId: uuid.optional(),
  departmentId: uuid.optional(),
  overall: z.enum(TRAFFIC_LIGHTS).optional(),
  sort: z.enum(PROJECT_SORTS).default('title'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const projectsExportQuery = projectsQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const milestoneCreate = z.object({
  title: z.string().trim().min(2).max(300),
  dueOn: isoDate,
  reachedOn: isoDate.nullable().default(null),
});
export const milestoneUpdate = versioned.extend(milestoneCreate.shape);
export const taskCreate = z.object({
  title: z.string().trim().min(2).max(300),
  assigneeId: uuid.nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  status: z.enum(TASK_STATUSES).default('open'),
});
export const taskUpdate = versioned.extend(taskCreate.shape);
const light = z.enum(TRAFFIC_LIGHTS);
export const statusReportCreate = z.object({
  reportedOn: isoDate,
  scope: light,
  schedule: light,
  budget: light,
  overall: light,
  summary: z.string().trim().max(8000).default(''),
});
export const linkCreate = z.object({
  title: z.string().trim().min(2).max(200),
  url: z.url({ protocol: /^https?$/ }).max(2000),
});
export const commentCreate = z.object({ body: z.string().trim().min(1).max(8000) });

const person = z.object({ id: uuid, name: z.string() });
export const projectSummary = z.object({
  id: uuid,
  title: z.string(),
  phase: z.enum(PROJECT_PHASES),
  owner: person.nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  departments: z.array(z.string()),
  overall: light.nullable(),
  needCount: z.number().int(),
  goalCount: z.number().int(),
  score: z.number().nullable(),
  nextMilestone: z.object({ title: z.string(), dueOn: z.string() }).nullable(),
  updatedAt: z.string(),
});
export const projectList = z.object({
  items: z.array(projectSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  can: z.record(z.string(), z.boolean()),
});

export const milestone = z.object({
  id: uuid,
  version: z.number().int(),
  title: z.string(),
  dueOn: z.string(),
  reachedOn: z.string().nullable(),
});
export const task = z.object({
  id: uuid,
  version: z.number().int(),
  title: z.string(),
  assignee: person.nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
});
export const statusReport = statusReportCreate.extend({
  id: uuid,
  summary: z.string(),
  author: z.string().nullable(),
  createdAt: z.string(),
});
export const projectDetail = z.object({
  id: uuid,
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  phase: z.enum(PROJECT_PHASES),
  owner: person.nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  team: z.array(person),
  departments: z.array(z.object({ id: uuid, name: z.string() })),
  needs: z.array(z.object({ id: uuid, title: z.string(), status: z.string() })),
  goals: z.array(z.object({ id: uuid, title: z.string(), field: z.string() })),
  milestones: z.array(milestone),
  tasks: z.array(task),
  reports: z.array(statusReport),
  links: z.array(z.object({ id: uuid, title: z.string(), url: z.string(), createdAt: z.string() })),
  files: z.array(
    z.object({
      id: uuid,
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      uploadedBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  comments: z.array(
    z.object({
      id: uuid,
      author: z.string().nullable(),
      body: z.string(),
      mentions: z.array(z.string()),
      createdAt: z.string(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.record(z.string(), z.boolean()),
});

/** Colleagues of the active municipality for owner, team, assignee and @mention pickers. */
export const colleagues = z.object({ items: z.array(person) });
