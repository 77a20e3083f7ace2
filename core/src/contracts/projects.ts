import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import { isoDate, uuid, versioned } from './common.js';

export const PROJECT_PHASES = ['idea', 'planning', 'implementation', 'operation', 'done', 'stopped'] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export const TRAFFIC_LIGHTS = ['green', 'yellow', 'red'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];
/** German phase names for documents and exports (the UI translates via i18n). */
export const PROJECT_PHASE_LABELS: Record<ProjectPhase, string> = {
  idea: 'Idee',
  planning: 'Planung',
  implementation: 'Umsetzung',
  operation: 'Betrieb',
  done: 'Abgeschlossen',
  stopped: 'Gestoppt',
};

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

/** The board's cards by phase (the client groups them into columns); `movable` when the person may move it. */
export const projectBoard = z.object({
  items: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      phase: z.enum(PROJECT_PHASES),
      version: z.number().int(),
      owner: z.string().nullable(),
      endsOn: z.string().nullable(),
      score: z.number().nullable(),
      movable: z.boolean(),
    }),
  ),
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
  can: canSchema('projects'),
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
  scores: z.record(z.string(), z.number()),
  score: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: canSchema('project'),
});

/** Colleagues of the active municipality for owner, team, assignee and @mention pickers. */
export const colleagues = z.object({ items: z.array(person) });

// ---- prioritisation ----
export const criterionInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: z.string().trim().min(2).max(120),
  weight: z.number().int().min(0).max(100),
  direction: z.enum(['benefit', 'cost']),
});
export const criteriaSave = z.object({
  version: z.number().int().min(0),
  criteria: z
    .array(criterionInput)
    .min(1)
    .max(20)
    .refine((c) => new Set(c.map((x) => x.key)).size === c.length, { message: 'duplicate_key' }),
});
export const scoresSave = versioned.extend({
  scores: z.record(z.string().max(40), z.number().int().min(0).max(5)),
});
export const priorities = z.object({
  version: z.number().int(),
  criteria: z.array(criterionInput),
  projects: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      phase: z.enum(PROJECT_PHASES),
      version: z.number().int(),
      scores: z.record(z.string(), z.number()),
      score: z.number().nullable(),
      complete: z.boolean(),
      rank: z.number().int().nullable(),
    }),
  ),
  can: canSchema('prioritisation'),
});

// ---- capacity ----
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** Months to show; without from/to the next twelve months from the current one. */
export const capacityQuery = z
  .object({ from: month.optional(), to: month.optional() })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { message: 'to_before_from', path: ['to'] })
  .refine(
    (q) => {
      if (!q.from || !q.to) return true;
      const [fy, fm] = q.from.split('-').map(Number) as [number, number];
      const [ty, tm] = q.to.split('-').map(Number) as [number, number];
      return (ty - fy) * 12 + (tm - fm) < 36;
    },
    { message: 'range_too_long', path: ['to'] },
  );
export const capacitySave = z.object({
  version: z.number().int().min(0),
  hoursPerWeek: z.number().min(0).max(60),
  departmentId: uuid.nullable().default(null),
});
export const effortSave = versioned.extend({
  rows: z
    .array(z.object({ userId: uuid, month, hours: z.number().min(0).max(744) }))
    .max(2000)
    // one row per person and month: a second one would silently replace the first
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      for (const [i, r] of rows.entries()) {
        const k = `${r.userId}|${r.month}`;
        if (seen.has(k)) ctx.addIssue({ code: 'custom', message: 'duplicate_month', path: [i, 'month'] });
        seen.add(k);
      }
    }),
});
const cell = z.object({ month: z.string(), available: z.number(), planned: z.number(), over: z.boolean() });
export const capacityView = z.object({
  months: z.array(z.string()),
  people: z.array(
    z.object({
      userId: uuid,
      name: z.string(),
      version: z.number().int(),
      hoursPerWeek: z.number().nullable(),
      departmentId: uuid.nullable(),
      department: z.string().nullable(),
      cells: z.array(cell),
      projects: z.array(z.object({ id: uuid, title: z.string(), hours: z.number() })),
    }),
  ),
  departments: z.array(z.object({ id: uuid.nullable(), name: z.string().nullable(), cells: z.array(cell) })),
  total: z.array(cell),
  can: canSchema('capacity'),
});
export const effortPlan = z.object({
  version: z.number().int(),
  rows: z.array(z.object({ userId: uuid, name: z.string(), month: z.string(), hours: z.number() })),
});

// ---- timeline and traceability ----
export const timelineQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  phase: z.enum(PROJECT_PHASES).optional(),
});
export const timeline = z.object({
  items: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      phase: z.enum(PROJECT_PHASES),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
      milestones: z.array(z.object({ title: z.string(), dueOn: z.string(), reachedOn: z.string().nullable() })),
    }),
  ),
});
const ref = z.object({ id: uuid, title: z.string() });
export const traceability = z.object({
  /** addressed: a project answers the need directly or through one of its goals. */
  needs: z.array(
    ref.extend({ status: z.string(), goals: z.array(ref), projects: z.array(ref), addressed: z.boolean() }),
  ),
  goals: z.array(ref.extend({ field: z.string(), needs: z.array(ref), projects: z.array(ref) })),
  projects: z.array(
    ref.extend({ phase: z.enum(PROJECT_PHASES), needs: z.array(ref), goals: z.array(ref), linked: z.boolean() }),
  ),
});
export const calendarFeed = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** Only right after creating: the secret address is shown once. */
  url: z.string().optional(),
});

/** What needs attention in the portfolio (cockpit cards). */
export const portfolioAttention = z.object({
  milestones: z.array(
    z.object({ projectId: uuid, project: z.string(), title: z.string(), dueOn: z.string(), overdue: z.boolean() }),
  ),
  atRisk: z.array(z.object({ id: uuid, title: z.string(), overall: z.enum(['yellow', 'red']) })),
  overloads: z.array(z.object({ name: z.string(), month: z.string(), over: z.number() })),
  openNeeds: z.number().int(),
  /** What there is to watch at all, so an empty card says "nothing yet" instead of "all is well". */
  basis: z.object({
    /** Projects not done or stopped. */
    activeProjects: z.number().int(),
    /** Active projects with at least one status report. */
    reportedProjects: z.number().int(),
    /** Milestones of active projects not reached yet. */
    openMilestones: z.number().int(),
    /** Hours planned on people in the next three months. */
    plannedHours: z.number(),
    /** Needs in the register (merged duplicates not counted). */
    needs: z.number().int(),
  }),
});
