/**
 * Effort of an administrative process modelled in BPMN (reduced to a `ProcessGraph`): the expected number of
 * executions ("visits") of every node per case, from the branch probabilities; per case the working minutes and
 * the staff cost of the tasks; per year hours and euros; as-is against to-be the savings.
 *
 * Visits solve the linear system v = s + Σ_flows v_source × weight(flow), so loops ("Rückfrage" back to an earlier
 * step) are handled exactly: a step repeated with probability p runs 1/(1−p) times on average.
 */
import type { ProcessFlow, ProcessGraph, ProcessNode } from './process-model.js';

/**
 * Net annual working hours of one full-time employee (after holidays, sick days, training), a KGSt-style rule of
 * thumb used to turn saved hours into full-time equivalents. A default; to become editable later.
 */
export const NET_HOURS_PER_FTE = 1600;

/** Largest graph the calculation accepts (the dense linear system grows with the square of the node count). */
export const MAX_EFFORT_NODES = 1000;

export interface EffortWarning {
  code: 'probability_assumed' | 'unknown_pay_group' | 'minutes_missing' | 'several_starts';
  elementId: string;
}

export interface EffortError {
  code: 'probabilities_sum' | 'probability_range' | 'inclusive_join' | 'endless_loop' | 'too_large' | 'no_start';
  elementId?: string;
}

export interface TaskEffort {
  id: string;
  name: string;
  lane: string | null;
  /** Expected executions per case. */
  visits: number;
  /** Minutes per execution as counted (0 when not set). */
  minutes: number;
  /** The pay group used (the task's own, else the default); null when there is none. */
  payGroup: string | null;
  /** visits × minutes / 60 × rate, unrounded. */
  centsPerCase: number;
  mediaBreak: boolean;
}

export interface CaseEffort {
  /** Expected working minutes per case (all tasks, parallel branches added up), unrounded. */
  minutesPerCase: number;
  /** Expected staff cost per case in cents, unrounded. */
  centsPerCase: number;
  /** Tasks marked as media break that cases actually reach. */
  mediaBreaks: number;
  tasks: TaskEffort[];
  /** Expected executions per case of every node, by id. */
  visits: Record<string, number>;
  warnings: EffortWarning[];
}

export type EffortResult =
  | { ok: true; effort: CaseEffort }
  | { ok: false; errors: EffortError[]; warnings: EffortWarning[] };

const SUM_TOLERANCE = 1e-6;
const PIVOT_TOLERANCE = 1e-9;
const MAX_VISITS = 1e6;

/**
 * Round half away from zero, so that rounding −x gives exactly −(rounding x); never returns −0. The value is first
 * taken to 15 significant digits, as PostgreSQL does when it turns a float into a numeric, so the portfolio
 * aggregated in SQL rounds exactly like this (90 × 0.7 / 60 = 1.0499999999999998 → 1.05 → 1.1 on both sides).
 */
const roundTo = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  const x15 = Number(Math.abs(x).toPrecision(15));
  return (Math.sign(x) * Math.round(Number((x15 * f).toPrecision(15)))) / f + 0;
};

const validProbability = (p: number) => Number.isFinite(p) && p >= 0 && p <= 1;

/** Collects problems, each (code, element) once, in the order found. */
class Findings {
  readonly errors: EffortError[] = [];
  readonly warnings: EffortWarning[] = [];
  private readonly seen = new Set<string>();

  error(code: EffortError['code'], elementId?: string) {
    if (this.once(`e|${code}|${elementId ?? ''}`))
      this.errors.push(elementId === undefined ? { code } : { code, elementId });
  }

  warn(code: EffortWarning['code'], elementId: string) {
    if (this.once(`w|${code}|${elementId}`)) this.warnings.push({ code, elementId });
  }

  private once(key: string) {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

/**
 * Weight of each flow out of `node` (aligned with `out`): the share of the node's executions that pass the flow.
 */
function outgoingWeights(node: ProcessNode, out: ProcessFlow[], found: Findings): number[] {
  if (out.length === 0) return [];
  if (out.length === 1 || node.kind === 'parallel') return out.map(() => 1);
  for (const f of out)
    if (f.probability != null && !validProbability(f.probability)) found.error('probability_range', f.id);
  if (node.kind === 'inclusive') {
    // each branch independently; an unset branch is assumed to be always taken
    if (out.some((f) => f.probability == null)) found.warn('probability_assumed', node.id);
    return out.map((f) => f.probability ?? 1);
  }
  const set = out.filter((f) => f.probability != null);
  // a task or event splitting without any probability is an implicit parallel split (BPMN semantics)
  if (node.kind !== 'exclusive' && set.length === 0) return out.map(() => 1);
  // exclusive choice: the probabilities form a distribution
  if (set.length === 0) {
    found.warn('probability_assumed', node.id);
    return out.map(() => 1 / out.length);
  }
  const sum = set.reduce((s, f) => s + (f.probability as number), 0);
  if (set.length === out.length) {
    if (Math.abs(sum - 1) > SUM_TOLERANCE) found.error('probabilities_sum', node.id);
    return out.map((f) => f.probability as number);
  }
  if (sum > 1 + SUM_TOLERANCE) {
    found.error('probabilities_sum', node.id);
    return out.map((f) => f.probability ?? 0);
  }
  found.warn('probability_assumed', node.id);
  const rest = Math.max(0, 1 - sum) / (out.length - set.length);
  return out.map((f) => f.probability ?? rest);
}

/**
 * Solves A x = b in place by Gaussian elimination with partial pivoting (A row-major, n × n).
 * Returns null when a pivot is smaller than PIVOT_TOLERANCE (singular system).
 */
function solveLinear(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    let best = Math.abs(a[col * n + col]!);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(a[r * n + col]!);
      if (v > best) {
        best = v;
        pivotRow = r;
      }
    }
    if (!(best >= PIVOT_TOLERANCE)) return null;
    if (pivotRow !== col) {
      for (let c = col; c < n; c++) {
        const t = a[col * n + c]!;
        a[col * n + c] = a[pivotRow * n + c]!;
        a[pivotRow * n + c] = t;
      }
      const t = b[col]!;
      b[col] = b[pivotRow]!;
      b[pivotRow] = t;
    }
    const pivot = a[col * n + col]!;
    for (let r = col + 1; r < n; r++) {
      const factor = a[r * n + col]! / pivot;
      if (factor === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c]! -= factor * a[col * n + c]!;
      b[r]! -= factor * b[col]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < n; c++) s -= a[r * n + c]! * x[c]!;
    x[r] = s / a[r * n + r]!;
  }
  return x;
}

/**
 * Expected visits, minutes and staff cost per case of a process graph.
 * `ratesCentsPerHour`: staff cost rate per pay group; tasks without a pay group use `defaultPayGroup`.
 * A boundary event adds its path in `probability` of its host's executions (none when unset, with a warning); an
 * interrupting one (BPMN's default) takes those executions away from the host's own outgoing flows.
 * Several entries (start events nothing flows into) each count once per case, with a `several_starts` warning:
 * alternative ways in are better modelled as a decision after one start event.
 * Only nodes reachable from an entry take part in the linear system; all others have 0 visits.
 */
export function caseEffort(
  graph: ProcessGraph,
  ratesCentsPerHour: Readonly<Record<string, number>>,
  defaultPayGroup: string | null = null,
): EffortResult {
  const found = new Findings();
  if (graph.nodes.length > MAX_EFFORT_NODES) return { ok: false, errors: [{ code: 'too_large' }], warnings: [] };

  // nodes (first of duplicate ids wins) and the flows between known nodes
  const index = new Map<string, number>();
  const nodes: ProcessNode[] = [];
  for (const node of graph.nodes) {
    if (index.has(node.id)) continue;
    index.set(node.id, nodes.length);
    nodes.push(node);
  }
  const n = nodes.length;
  const out: ProcessFlow[][] = nodes.map(() => []);
  const incoming: number[] = nodes.map(() => 0);
  for (const f of graph.flows) {
    const s = index.get(f.source);
    const t = index.get(f.target);
    if (s === undefined || t === undefined) continue;
    out[s]!.push(f);
    incoming[t]!++;
  }

  // a case enters once at every start event that nothing flows into
  const entries = nodes.flatMap((node, i) => (node.kind === 'start' && incoming[i] === 0 ? [i] : []));
  if (entries.length === 0) found.error('no_start');
  for (const e of entries.slice(1)) found.warn('several_starts', nodes[e]!.id);

  const weights = nodes.map((node, i) => outgoingWeights(node, out[i]!, found));
  const hostOf: (number | undefined)[] = nodes.map((node) => {
    if (node.kind !== 'boundary') return undefined;
    if (node.probability == null) found.warn('probability_assumed', node.id);
    else if (!validProbability(node.probability)) found.error('probability_range', node.id);
    return node.attachedTo == null ? undefined : index.get(node.attachedTo);
  });
  nodes.forEach((node, i) => {
    if (node.kind === 'inclusive' && incoming[i]! > 1) found.error('inclusive_join', node.id);
  });
  if (found.errors.length > 0) return { ok: false, errors: found.errors, warnings: found.warnings };

  // only nodes a case can reach take part in the system; the others are never visited
  const successors: number[][] = nodes.map((_, i) => out[i]!.map((f) => index.get(f.target)!));
  hostOf.forEach((host, b) => {
    if (host !== undefined) successors[host]!.push(b);
  });
  const position = new Int32Array(n).fill(-1);
  const reached: number[] = [];
  const stack = [...entries];
  for (const e of entries) position[e] = -2;
  while (stack.length > 0) {
    const i = stack.pop()!;
    position[i] = reached.length;
    reached.push(i);
    for (const j of successors[i]!) {
      if (position[j] !== -1) continue;
      position[j] = -2;
      stack.push(j);
    }
  }

  // the share of a host's executions that leave it through an interrupting boundary event
  const interrupted = new Float64Array(n);
  hostOf.forEach((host, bi) => {
    const node = nodes[bi]!;
    if (host !== undefined && node.interrupting !== false) interrupted[host]! += node.probability ?? 0;
  });
  // (I − Wᵀ) v = s over the reached nodes; a parallel join fires once per k arriving tokens
  const m = reached.length;
  const a = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let r = 0; r < m; r++) a[r * m + r] = 1;
  for (const e of entries) b[position[e]!] = 1;
  for (const i of reached) {
    const from = position[i]!;
    out[i]!.forEach((f, k) => {
      const t = index.get(f.target)!;
      const share = nodes[t]!.kind === 'parallel' && incoming[t]! > 1 ? 1 / incoming[t]! : 1;
      a[position[t]! * m + from]! -= weights[i]![k]! * share * Math.max(0, 1 - interrupted[i]!);
    });
  }
  hostOf.forEach((host, bi) => {
    const p = nodes[bi]!.probability ?? 0;
    if (host !== undefined && position[host]! >= 0 && p > 0) a[position[bi]! * m + position[host]!]! -= p;
  });
  const solution = solveLinear(a, b, m);
  if (solution === null || solution.some((v) => !Number.isFinite(v) || v < -PIVOT_TOLERANCE || v > MAX_VISITS)) {
    return { ok: false, errors: [{ code: 'endless_loop' }], warnings: found.warnings };
  }
  const visitsAt = (i: number) => (position[i]! >= 0 ? Math.max(0, solution[position[i]!]!) : 0);

  // effort of the tasks
  const tasks: TaskEffort[] = [];
  for (const [i, node] of nodes.entries()) {
    if (node.kind !== 'task') continue;
    const given = node.minutes;
    const minutes = given != null && Number.isFinite(given) && given >= 0 ? given : 0;
    if (minutes !== given) found.warn('minutes_missing', node.id);
    const payGroup = node.payGroup ?? defaultPayGroup ?? null;
    const rate = payGroup !== null && Object.hasOwn(ratesCentsPerHour, payGroup) ? ratesCentsPerHour[payGroup]! : null;
    if (rate === null || !Number.isFinite(rate)) found.warn('unknown_pay_group', node.id);
    const visits = visitsAt(i);
    const centsPerCase = rate !== null && Number.isFinite(rate) ? ((visits * minutes) / 60) * rate : 0;
    tasks.push({
      id: node.id,
      name: node.name,
      lane: node.lane,
      visits,
      minutes,
      payGroup,
      centsPerCase,
      mediaBreak: node.mediaBreak,
    });
  }
  return {
    ok: true,
    effort: {
      minutesPerCase: tasks.reduce((s, t) => s + t.visits * t.minutes, 0),
      centsPerCase: tasks.reduce((s, t) => s + t.centsPerCase, 0),
      mediaBreaks: tasks.filter((t) => t.mediaBreak && t.visits > PIVOT_TOLERANCE).length,
      tasks,
      visits: Object.fromEntries(nodes.map((node, i) => [node.id, visitsAt(i)])),
      warnings: found.warnings,
    },
  };
}

/** Annual figures: hours (1 decimal) and cents (integer) for `casesPerYear`. */
export function annualEffort(
  effort: Pick<CaseEffort, 'minutesPerCase' | 'centsPerCase'>,
  casesPerYear: number,
): { hours: number; cents: number } {
  return {
    hours: roundTo((effort.minutesPerCase * casesPerYear) / 60, 1),
    cents: roundTo(effort.centsPerCase * casesPerYear, 0),
  };
}

export interface ProcessSavings {
  /** Hours saved per year (as-is − to-be of the rounded annual hours, so the figures add up on paper). */
  hours: number;
  /** Full-time equivalents: hours / NET_HOURS_PER_FTE, 2 decimals. */
  fte: number;
  /** Cents saved per year. */
  cents: number;
  /** Media breaks as-is − to-be (negative when the to-be adds some). */
  mediaBreaksRemoved: number;
  asIs: { hours: number; cents: number };
  toBe: { hours: number; cents: number };
}

type SavingsInput = Pick<CaseEffort, 'minutesPerCase' | 'centsPerCase' | 'mediaBreaks'>;

/** Savings as-is → to-be for `casesPerYear`; negative figures mean the to-be costs more. */
export function processSavings(asIs: SavingsInput, toBe: SavingsInput, casesPerYear: number): ProcessSavings {
  const before = annualEffort(asIs, casesPerYear);
  const after = annualEffort(toBe, casesPerYear);
  const hours = roundTo(before.hours - after.hours, 1);
  return {
    hours,
    fte: roundTo(hours / NET_HOURS_PER_FTE, 2),
    cents: before.cents - after.cents + 0,
    mediaBreaksRemoved: asIs.mediaBreaks - toBe.mediaBreaks + 0,
    asIs: before,
    toBe: after,
  };
}

/**
 * Saved hours per pay group per year (1 decimal), for pre-filled benefit lines of a project's finance plan (one
 * line per pay group). Pay groups whose hours do not change are left out; order: by name, tasks without pay
 * group (null) last.
 */
export function savedHoursByPayGroup(
  asIs: Pick<CaseEffort, 'tasks'>,
  toBe: Pick<CaseEffort, 'tasks'>,
  casesPerYear: number,
): { payGroup: string | null; hours: number }[] {
  // as-is and to-be minutes per group summed apart, so that swapping the two exactly negates the result
  const minutes = new Map<string | null, [number, number]>();
  for (const [side, effort] of [asIs, toBe].entries()) {
    for (const t of effort.tasks) {
      const row = minutes.get(t.payGroup) ?? [0, 0];
      row[side]! += t.visits * t.minutes;
      minutes.set(t.payGroup, row);
    }
  }
  return [...minutes]
    .map(([payGroup, [before, after]]) => ({ payGroup, hours: roundTo(((before - after) * casesPerYear) / 60, 1) }))
    .filter((row) => row.hours !== 0)
    .sort((x, y) =>
      x.payGroup === y.payGroup
        ? 0
        : x.payGroup === null
          ? 1
          : y.payGroup === null
            ? -1
            : x.payGroup.localeCompare(y.payGroup, 'de'),
    );
}
