import { z } from 'zod';
import { WORK_ORDER_PRIORITIES, WORK_ORDER_STATUSES } from '../domain/shared-operation.js';
import { isoDate, uuid, versioned } from './common.js';

/**
 * Running a shared service (issue 19): the study's way to live, the service team, work orders with time and
 * material, and the monthly statements per partner.
 */
const text = (max: number) => z.string().trim().max(max).default('');
const cents = z.number().int().min(0).max(100_000_000);
/** A calendar month, 'YYYY-MM'. */
export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month');

/** The lead moves the study on: the councils have agreed → agreed; the service starts → live (from a month). */
export const studyAdvance = versioned.extend({
  status: z.enum(['agreed', 'live']),
  /** live: the first month of operation (default: the current month). */
  liveFrom: monthParam.optional(),
});

export const teamMemberAdd = z.object({ userId: uuid, payGroup: z.string().trim().min(1).max(40) });
export const teamMember = z.object({
  userId: uuid,
  name: z.string(),
  municipality: z.string(),
  payGroup: z.string(),
  /** A member of my municipality: my coordination may remove them. */
  own: z.boolean(),
});
export const serviceTeam = z.object({
  members: z.array(teamMember),
  /** Colleagues of my municipality who may join (for my coordination only, else empty). */
  candidates: z.array(z.object({ userId: uuid, name: z.string() })),
  payGroups: z.array(z.string()),
});

export const workOrderCreate = z.object({
  /** One of the service's tasks (e.g. "Grünpflege"). */
  type: z.string().trim().min(1).max(100),
  title: z.string().trim().min(3).max(200),
  description: text(5_000),
  location: text(300),
  priority: z.enum(WORK_ORDER_PRIORITIES).default('normal'),
  dueOn: isoDate.nullable().default(null),
});
/** The team triages an order: status, assignee, priority, due date; a rejection needs its reason. */
export const workOrderUpdate = versioned
  .extend({
    status: z.enum(WORK_ORDER_STATUSES),
    assigneeId: uuid.nullable(),
    priority: z.enum(WORK_ORDER_PRIORITIES),
    dueOn: isoDate.nullable(),
    rejectReason: text(1_000),
  })
  .refine((o) => o.status !== 'rejected' || o.rejectReason.length >= 3, {
    message: 'reason_required',
    path: ['rejectReason'],
  });
export const workOrderQuery = z.object({
  status: z.enum([...WORK_ORDER_STATUSES, 'open']).optional(),
});
export const workEntryCreate = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('time'),
    /** A member of the service team; the time is priced by their pay group. */
    userId: uuid,
    minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    workedOn: isoDate,
    note: text(500),
  }),
  z.object({
    kind: z.literal('material'),
    label: z.string().trim().min(2).max(200),
    quantity: z.number().positive().max(100_000),
    unitCents: cents,
    workedOn: isoDate,
  }),
]);

const orderSummary = {
  id: uuid,
  number: z.number().int(),
  title: z.string(),
  type: z.string(),
  municipality: z.object({ id: uuid, name: z.string() }),
  priority: z.enum(WORK_ORDER_PRIORITIES),
  status: z.enum(WORK_ORDER_STATUSES),
  dueAt: z.string(),
  overdue: z.boolean(),
  assignee: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
};
export const workOrderList = z.object({
  items: z.array(z.object(orderSummary)),
  /** Whether I see the whole queue of the service (team) or my municipality's orders only. */
  team: z.boolean(),
  tasks: z.array(z.string()),
  can: z.object({ file: z.boolean(), work: z.boolean() }),
});
export const workEntry = z.object({
  id: uuid,
  kind: z.enum(['time', 'material']),
  person: z.string().nullable(),
  payGroup: z.string().nullable(),
  minutes: z.number().int().nullable(),
  label: z.string().nullable(),
  quantity: z.number().nullable(),
  cents: z.number().int(),
  workedOn: z.string(),
  /** The month it is billed in; a correction of a closed month names that month. */
  billedMonth: z.string(),
  correctionOf: z.string().nullable(),
  note: z.string(),
});
export const workOrderDetail = z.object({
  ...orderSummary,
  version: z.number().int(),
  studyId: uuid,
  serviceTitle: z.string(),
  description: z.string(),
  location: z.string(),
  dueOn: z.string().nullable(),
  rejectReason: z.string(),
  filedBy: z.string().nullable(),
  assigneeId: uuid.nullable(),
  entries: z.array(workEntry),
  attachments: z.array(z.object({ id: uuid, fileName: z.string(), contentType: z.string(), size: z.number().int() })),
  totals: z.object({ minutes: z.number().int(), timeCents: z.number().int(), materialCents: z.number().int() }),
  /** The statuses the order may move to next. */
  next: z.array(z.enum(WORK_ORDER_STATUSES)),
  team: z.array(z.object({ userId: uuid, name: z.string(), payGroup: z.string() })),
  can: z.object({ work: z.boolean(), attach: z.boolean() }),
});

export const serviceStatementQuery = z.object({ month: monthParam.optional() });
export const statementExportQuery = z.object({
  /** Default: the month the statement page opens with. */
  month: monthParam.optional(),
  format: z.enum(['pdf', 'xlsx', 'csv']).default('pdf'),
});
export const monthClose = z.object({ month: monthParam });
const statementLine = z.object({
  municipalityId: uuid,
  name: z.string(),
  orders: z.number().int(),
  hours: z.number(),
  baseCents: z.number().int(),
  usageCents: z.number().int(),
  materialCents: z.number().int(),
  correctionCents: z.number().int(),
  totalCents: z.number().int(),
  /** The closed months whose late facts are corrected here, with their amount. */
  corrections: z.array(z.object({ month: z.string(), cents: z.number().int() })),
});
export const serviceStatement = z.object({
  studyId: uuid,
  serviceTitle: z.string(),
  month: z.string(),
  months: z.array(z.object({ month: z.string(), closed: z.boolean() })),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  /** The lead sees every partner's line; a partner only its own. */
  lines: z.array(statementLine),
  totalCents: z.number().int(),
  /** § 2b UStG: the service is taxable, so 19 % VAT comes on top of the (net) amounts. */
  vatTaxable: z.boolean(),
  rates: z.object({ fixedCentsPerYear: z.number().int(), perUnit: z.record(z.string(), z.number()) }),
  /** Orders done and hours per month and partner (the same visibility as the lines), for the chart. */
  volumes: z.array(
    z.object({ month: z.string(), municipality: z.string(), orders: z.number().int(), hours: z.number() }),
  ),
  can: z.object({ close: z.boolean() }),
});
