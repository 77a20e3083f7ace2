/**
 * Running a shared service: work orders with a service level per priority, and the monthly statement of each
 * partner — its share of the pool's fixed costs under the agreement's key plus its actual use (orders, hours)
 * priced per unit, with corrections of closed months carried into the next one. Integer cents; the parts of a
 * month add up to the month's total to the cent.
 */
import { monthOf } from './capacity.js';
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

/** The month `n` months after `month` ('YYYY-MM', UTC). */
export function addMonths(month: string, n: number): string {
  return monthOf(new Date(`${month}-01T00:00:00Z`), n);
}

/**
 * The month a fact (an order done, time or material recorded) is billed in: its own month while that is open,
 * else the first open month — a correction of a closed month, shown as such there. `firstOpen` is the month
 * after the last closed one.
 */
export function billedMonth(factMonth: string, firstOpen: string): { month: string; correctionOf: string | null } {
  return factMonth < firstOpen
    ? { month: firstOpen, correctionOf: factMonth }
    : { month: factMonth, correctionOf: null };
}

/** The cost of recorded work time: minutes priced by the pay group's full cost per hour, to the cent. */
export function timeCents(minutes: number, centsPerHour: number): number {
  return Math.round((minutes * centsPerHour) / 60);
}

/** A month's use in the units a study prices by: orders done count as work orders and as cases. */
export function usedUnits(u: { orders: number; minutes: number }): Partial<Record<CaseUnit, number>> {
  return { work_orders: u.orders, cases: u.orders, hours: u.minutes / 60 };
}

export interface MonthUse {
  /** Actual use of the month per unit (work orders done, hours recorded). */
  units: Partial<Record<CaseUnit, number>>;
  /** Material used on the partner's orders, charged at cost. */
  materialCents?: number;
  /** Corrections of closed months, carried into this one (positive: the partner owes more). */
  correctionCents: number;
}

export interface StatementLine {
  baseCents: number;
  /** Use × unit rates plus material at cost. */
  usageCents: number;
  correctionCents: number;
  totalCents: number;
}

/** What a use costs: units × the rate per unit, plus material at cost, to the cent. */
export function useCents(
  u: Pick<MonthUse, 'units' | 'materialCents'>,
  ratesPerUnit: Partial<Record<CaseUnit, number>>,
): number {
  const units = Object.entries(u.units).reduce(
    (s, [unit, n]) => s + (n ?? 0) * (ratesPerUnit[unit as CaseUnit] ?? 0),
    0,
  );
  return Math.round(units) + Math.round(u.materialCents ?? 0);
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
    const usage = useCents(u, o.ratesPerUnit);
    const correction = Math.round(u.correctionCents);
    return {
      baseCents: base[i]!,
      usageCents: usage,
      correctionCents: correction,
      totalCents: base[i]! + usage + correction,
    };
  });
}
