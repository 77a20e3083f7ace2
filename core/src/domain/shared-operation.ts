/**
 * Running a shared service: work orders with a service level per priority, and the monthly statement of each
 * partner — its share of the pool's fixed costs under the agreement's key plus its actual use (orders, hours)
 * priced per unit, with corrections of closed months carried into the next one. Integer cents; the parts of a
 * month add up to the month's total to the cent.
 */
import { splitCents } from './finance.js';
import { type Allocation, allocate, type CaseUnit, type Partner } from './shared-services.js';

export const WORK_ORDER_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type WorkOrderPriority = (typeof WORK_ORDER_PRIORITIES)[number];
export const WORK_ORDER_STATUSES = ['new', 'planned', 'in_progress', 'done', 'rejected'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Hours until an order of each priority is due when the partner names no date (the agreement's service level). */
export const SLA_HOURS: Record<WorkOrderPriority, number> = { urgent: 24, high: 72, normal: 240, low: 720 };

/** When an order is due: the partner's date (end of that day) or its priority's service level from filing. */
export function dueAt(o: { createdAt: Date; priority: WorkOrderPriority; dueOn: string | null }): Date {
  if (o.dueOn) return new Date(`${o.dueOn}T23:59:59Z`);
  return new Date(o.createdAt.getTime() + SLA_HOURS[o.priority] * 3_600_000);
}

/** An open order past its due time. Done and rejected orders are never overdue. */
export function isOverdue(
  o: { createdAt: Date; priority: WorkOrderPriority; dueOn: string | null; status: WorkOrderStatus },
  now: Date,
): boolean {
  return o.status !== 'done' && o.status !== 'rejected' && dueAt(o).getTime() < now.getTime();
}

/** Which status may follow which: forward through the queue, rejection only before the work is done. */
export const NEXT_STATUS: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  new: ['planned', 'in_progress', 'rejected'],
  planned: ['in_progress', 'new', 'rejected'],
  in_progress: ['done', 'planned', 'rejected'],
  done: [],
  rejected: [],
};

export interface MonthUse {
  /** Actual use of the month per unit (work orders done, hours recorded). */
  units: Partial<Record<CaseUnit, number>>;
  /** Corrections of closed months, carried into this one (positive: the partner owes more). */
  correctionCents: number;
}

export interface StatementLine {
  baseCents: number;
  usageCents: number;
  correctionCents: number;
  totalCents: number;
}

/**
 * The month's statement of every partner: the pool's fixed costs of one month (the annual amount split into twelve
 * months exactly: the cents left over go to the first months) split by the agreement's key, plus each partner's
 * actual use × the unit rates, plus its carried corrections.
 */
export function monthlyStatement(o: {
  fixedCentsPerYear: number;
  month: number; // 1–12
  allocation: Allocation;
  partners: readonly Partner[];
  ratesPerUnit: Partial<Record<CaseUnit, number>>;
  use: readonly MonthUse[];
}): StatementLine[] {
  const months = splitCents(
    Math.round(o.fixedCentsPerYear),
    Array.from({ length: 12 }, () => 1),
  );
  const base = allocate(months[o.month - 1] ?? 0, o.partners, o.allocation);
  return o.partners.map((_, i) => {
    const u = o.use[i] ?? { units: {}, correctionCents: 0 };
    const usage = Math.round(
      Object.entries(u.units).reduce((s, [unit, n]) => s + (n ?? 0) * (o.ratesPerUnit[unit as CaseUnit] ?? 0), 0),
    );
    const correction = Math.round(u.correctionCents);
    return {
      baseCents: base[i]!,
      usageCents: usage,
      correctionCents: correction,
      totalCents: base[i]! + usage + correction,
    };
  });
}
