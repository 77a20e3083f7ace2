/**
 * The step view's model: a pure reading of the diagram's elements (lanes, steps in flow order, decisions with
 * their branches) and the checks that say which edits are possible; then the edits, which all go through
 * bpmn-js `modeling` inside one `dz.batch` command each (the diagram follows, one Ctrl+Z undoes one edit).
 */

/** What the step view needs of a moddle business object (bpmn-moddle elements satisfy it). */
export interface BusinessObject {
  id: string;
  name?: string;
  get?: (name: string) => unknown;
  $attrs?: Record<string, unknown>;
  flowNodeRef?: { id: string }[];
  childLaneSet?: { lanes?: unknown[] } | null;
}

/** What the step view needs of a diagram-js element (shapes, connections; labels and the root are skipped). */
export interface DiagramElement {
  id: string;
  type: string;
  businessObject: BusinessObject;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  di?: { isHorizontal?: boolean };
  incoming?: DiagramElement[];
  outgoing?: DiagramElement[];
  source?: DiagramElement;
  target?: DiagramElement;
  host?: DiagramElement;
  attachers?: DiagramElement[];
  parent?: DiagramElement;
  labelTarget?: DiagramElement;
}

export type StepKind = 'start' | 'end' | 'task' | 'gateway' | 'event' | 'boundary';
export type GatewayKind = 'exclusive' | 'parallel' | 'inclusive' | 'eventBased' | 'complex';

export interface Branch {
  flowId: string;
  /** The flow's own name ('' when unnamed). */
  name: string;
  targetId: string;
  targetName: string;
  /** Share 0–1 from `dz:probability`; null when not set. */
  probability: number | null;
}

export interface Step {
  id: string;
  name: string;
  /** The bpmn type, e.g. `bpmn:UserTask`. */
  type: string;
  kind: StepKind;
  gateway?: GatewayKind;
  /** 1-based position in flow order. */
  order: number;
  laneId: string | null;
  minutes: number | null;
  payGroup: string | null;
  mediaBreak: boolean;
  /** Boundary events: share of the host's executions that trigger it. */
  probability: number | null;
  predecessors: string[];
  successors: string[];
  branches: Branch[];
}

export interface Lane {
  id: string;
  name: string;
}

export interface StepGroup {
  /** null: steps outside every lane. */
  laneId: string | null;
  name: string;
  steps: Step[];
}

export interface StepModel {
  steps: Step[];
  lanes: Lane[];
  groups: StepGroup[];
  byId: Map<string, Step>;
}

const ACTIVITIES = new Set([
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:ManualTask',
  'bpmn:ScriptTask',
  'bpmn:BusinessRuleTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:SubProcess',
  'bpmn:AdHocSubProcess',
  'bpmn:Transaction',
  'bpmn:CallActivity',
]);
const GATEWAYS: Record<string, GatewayKind> = {
  'bpmn:ExclusiveGateway': 'exclusive',
  'bpmn:EventBasedGateway': 'eventBased',
  'bpmn:ParallelGateway': 'parallel',
  'bpmn:InclusiveGateway': 'inclusive',
  'bpmn:ComplexGateway': 'complex',
};

export function stepKind(type: string): StepKind | null {
  if (ACTIVITIES.has(type)) return 'task';
  if (type in GATEWAYS) return 'gateway';
  if (type === 'bpmn:StartEvent') return 'start';
  if (type === 'bpmn:EndEvent') return 'end';
  if (type === 'bpmn:BoundaryEvent') return 'boundary';
  if (type === 'bpmn:IntermediateCatchEvent' || type === 'bpmn:IntermediateThrowEvent') return 'event';
  return null;
}

/** One of our `dz:` attributes: typed when the extension is registered, else the raw XML attribute. */
export function dzAttr(bo: BusinessObject, name: 'minutes' | 'payGroup' | 'mediaBreak' | 'probability'): unknown {
  const key = `dz:${name}`;
  const typed = bo.get?.(key);
  return typed !== undefined ? typed : bo.$attrs?.[key];
}

function num(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

const isSequenceFlow = (e: DiagramElement) => e.type === 'bpmn:SequenceFlow';
const centre = (e: DiagramElement) => ({ x: (e.x ?? 0) + (e.width ?? 0) / 2, y: (e.y ?? 0) + (e.height ?? 0) / 2 });
const byPosition = (a: DiagramElement, b: DiagramElement) => (a.x ?? 0) - (b.x ?? 0) || (a.y ?? 0) - (b.y ?? 0);
const byRow = (a: DiagramElement, b: DiagramElement) => centre(a).y - centre(b).y || centre(a).x - centre(b).x;

export const sequenceIn = (e: Pick<DiagramElement, 'incoming'>) => (e.incoming ?? []).filter(isSequenceFlow);
export const sequenceOut = (e: Pick<DiagramElement, 'outgoing'>) => (e.outgoing ?? []).filter(isSequenceFlow);

/** Leaf lanes (a lane with child lanes is a frame around them), top to bottom / left to right. */
function leafLanes(elements: DiagramElement[]): DiagramElement[] {
  return elements
    .filter((e) => e.type === 'bpmn:Lane' && !e.businessObject.childLaneSet?.lanes?.length)
    .sort((a, b) => (a.y ?? 0) - (b.y ?? 0) || (a.x ?? 0) - (b.x ?? 0));
}

/**
 * Flow order: breadth-first from the start events (left to right) along sequence flows, branches top to
 * bottom, a host's boundary events after its normal successors; nodes not reached come last, left to right.
 */
export function flowOrder(nodes: DiagramElement[]): DiagramElement[] {
  const ids = new Set(nodes.map((n) => n.id));
  const seen = new Set<string>();
  const order: DiagramElement[] = [];
  const queue: DiagramElement[] = [];
  const visit = (n: DiagramElement) => {
    if (seen.has(n.id) || !ids.has(n.id)) return;
    seen.add(n.id);
    queue.push(n);
  };
  const walk = () => {
    while (queue.length) {
      const n = queue.shift()!;
      order.push(n);
      const next = sequenceOut(n)
        .map((f) => f.target)
        .filter((t): t is DiagramElement => !!t)
        .sort(byRow);
      next.forEach(visit);
      (n.attachers ?? []).slice().sort(byPosition).forEach(visit);
    }
  };
  nodes
    .filter((n) => stepKind(n.type) === 'start')
    .sort(byPosition)
    .forEach((s) => {
      visit(s);
      walk();
    });
  for (const n of nodes.slice().sort(byPosition)) {
    visit(n);
    walk();
  }
  return order;
}

/** Reads lanes, steps and branches from the diagram's elements (e.g. `elementRegistry.getAll()`). */
export function readSteps(elements: DiagramElement[], noLaneName: string): StepModel {
  const nodes = elements.filter((e) => e.type !== 'label' && stepKind(e.type) !== null);
  const laneShapes = leafLanes(elements);
  const laneOf = new Map<string, string>();
  for (const lane of laneShapes) for (const ref of lane.businessObject.flowNodeRef ?? []) laneOf.set(ref.id, lane.id);
  const nameOf = (e: DiagramElement | undefined) => e?.businessObject.name?.trim() ?? '';
  const steps: Step[] = flowOrder(nodes).map((n, i) => {
    const bo = n.businessObject;
    const kind = stepKind(n.type)!;
    const laneId = laneOf.get(n.id) ?? (n.host ? (laneOf.get(n.host.id) ?? null) : null);
    return {
      id: n.id,
      name: nameOf(n),
      type: n.type,
      kind,
      gateway: GATEWAYS[n.type],
      order: i + 1,
      laneId,
      minutes: num(dzAttr(bo, 'minutes')),
      payGroup: (dzAttr(bo, 'payGroup') as string | undefined) || null,
      mediaBreak: dzAttr(bo, 'mediaBreak') === true || dzAttr(bo, 'mediaBreak') === 'true',
      probability: kind === 'boundary' ? num(dzAttr(bo, 'probability')) : null,
      predecessors: sequenceIn(n).flatMap((f) => (f.source ? [f.source.id] : [])),
      successors: sequenceOut(n).flatMap((f) => (f.target ? [f.target.id] : [])),
      branches: sequenceOut(n)
        .filter((f) => !!f.target)
        .sort((a, b) => byRow(a.target!, b.target!))
        .map((f) => ({
          flowId: f.id,
          name: nameOf(f),
          targetId: f.target!.id,
          targetName: nameOf(f.target),
          probability: num(dzAttr(f.businessObject, 'probability')),
        })),
    };
  });
  const lanes = laneShapes.map((l) => ({ id: l.id, name: nameOf(l) }));
  const groups: StepGroup[] = lanes.map((l) => ({
    laneId: l.id,
    name: l.name,
    steps: steps.filter((s) => s.laneId === l.id),
  }));
  const outside = steps.filter((s) => s.laneId === null || !laneOf.size);
  if (outside.length || !lanes.length) groups.push({ laneId: null, name: noLaneName, steps: outside });
  return { steps, lanes, groups, byId: new Map(steps.map((s) => [s.id, s])) };
}

/** Why an edit is not possible (a key under `processModeler.reason`), or null when it is. */
export type BlockReason = 'notLinear' | 'noStepBefore' | 'noStepAfter' | null;

/** A plain step of a chain: an activity with exactly one sequence flow in and one out. */
function isChainLink(s: Step | undefined): s is Step {
  return !!s && s.kind === 'task' && s.predecessors.length === 1 && s.successors.length === 1;
}

/** Moving up swaps the step with its predecessor; both must be plain links of one chain. */
export function moveUpBlock(model: StepModel, id: string): BlockReason {
  const s = model.byId.get(id);
  if (!isChainLink(s)) return 'notLinear';
  const p = model.byId.get(s.predecessors[0]!);
  if (!isChainLink(p) || p.id === s.id || p.predecessors[0] === s.id) return 'noStepBefore';
  return null;
}

export function moveDownBlock(model: StepModel, id: string): BlockReason {
  const s = model.byId.get(id);
  if (!isChainLink(s)) return 'notLinear';
  const n = model.byId.get(s.successors[0]!);
  if (!isChainLink(n) || n.id === s.id || n.successors[0] === s.id) return 'noStepAfter';
  return null;
}

/** A new step may follow a start, a task or an intermediate/boundary event (not an end, not a decision). */
export const canFollow = (s: Step) =>
  s.kind === 'start' || s.kind === 'task' || s.kind === 'event' || s.kind === 'boundary';

/** Where a new step goes by default: after the last plain step in flow order, else after the first start event. */
export function defaultAnchor(model: StepModel): string | null {
  const tasks = model.steps.filter((s) => s.kind === 'task');
  const last = tasks[tasks.length - 1];
  if (last) return last.id;
  return model.steps.find((s) => s.kind === 'start')?.id ?? null;
}

/** The exclusive decisions whose branch probabilities do not add up to 100 % (sum in percent). */
export function branchSum(step: Step): { sum: number; complete: boolean } | null {
  if (step.kind !== 'gateway' || (step.gateway !== 'exclusive' && step.gateway !== 'eventBased')) return null;
  if (step.branches.length < 2) return null;
  const sum = step.branches.reduce((acc, b) => acc + (b.probability ?? 0), 0);
  const complete = step.branches.every((b) => b.probability !== null) && Math.abs(sum - 1) < 0.0005;
  return { sum: Math.round(sum * 1000) / 10, complete };
}

/**
 * A German or English decimal number ≥ 0 ("12,5", "12.5", "1.234,5"); '' → null (the attribute is removed);
 * undefined when it is not a number.
 */
export function parseDecimal(text: string): number | null | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return null;
  const normalised = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  if (!/^\d+(\.\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

/** Formats for the inputs: German decimal comma, no thousands separator, at most 2 decimals. */
export function formatDecimal(value: number | null): string {
  if (value === null) return '';
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

// ——— edits through bpmn-js ———————————————————————————————————————————————————————————————————————————

type Point = { x: number; y: number };

/** The bpmn-js services the edits use (a subset of their APIs, typed for what is called here). */
export interface ModelerServices {
  modeling: {
    appendShape(
      source: DiagramElement,
      shape: DiagramElement,
      position: Point,
      target?: DiagramElement,
    ): DiagramElement;
    createShape(shape: DiagramElement, position: Point, target: DiagramElement): DiagramElement;
    moveElements(shapes: DiagramElement[], delta: Point, target?: DiagramElement): void;
    moveShape(shape: DiagramElement, delta: Point): void;
    reconnectStart(connection: DiagramElement, source: DiagramElement, docking: Point): void;
    reconnectEnd(connection: DiagramElement, target: DiagramElement, docking: Point): void;
    reconnect(connection: DiagramElement, source: DiagramElement, target: DiagramElement, docking: Point): void;
    removeShape(shape: DiagramElement): void;
    layoutConnection(connection: DiagramElement, hints?: { waypoints?: Point[] }): void;
    updateLabel(element: DiagramElement, text: string | null): void;
    updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  };
  elementRegistry: {
    get(id: string): DiagramElement | undefined;
    getAll(): DiagramElement[];
  };
  elementFactory: { createShape(attrs: { type: string; businessObject: BusinessObject }): DiagramElement };
  bpmnFactory: { create(type: string, attrs: Record<string, unknown>): BusinessObject };
  commandStack: {
    execute(command: string, context: Record<string, unknown>): void;
    registerHandler(command: string, handler: new () => unknown): void;
  };
  canvas: { getRootElement(): DiagramElement };
}

/** One command that runs other commands in its pre-execute step, so undo takes them back together. */
class BatchHandler {
  preExecute(context: { run: () => void }) {
    context.run();
  }
  execute() {
    return [];
  }
  revert() {
    return [];
  }
}

/** Registers `dz.batch` once per modeler (call right after creating it). */
export function registerStepCommands(commandStack: ModelerServices['commandStack']) {
  commandStack.registerHandler('dz.batch', BatchHandler);
}

function batch(s: ModelerServices, run: () => void) {
  s.commandStack.execute('dz.batch', { run });
}

function element(s: ModelerServices, id: string): DiagramElement {
  const e = s.elementRegistry.get(id);
  if (!e) throw new Error(`element ${id} not in the diagram`);
  return e;
}

/**
 * Lays out the sequence flows at these shapes afresh (no waypoints given: bpmn-js routes them at right angles
 * between the shapes' middles): bend points drawn for the old order would make loops after a swap or a move
 * across lanes.
 */
function relayout(s: ModelerServices, shapes: (DiagramElement | undefined)[]) {
  const flows = new Set<DiagramElement>();
  for (const shape of shapes) for (const f of [...sequenceIn(shape ?? {}), ...sequenceOut(shape ?? {})]) flows.add(f);
  for (const f of flows) s.modeling.layoutConnection(f, { waypoints: [] });
}

/** Horizontal gap between steps and the room a new task (100 × 80) needs with a gap either side. */
const GAP = 50;
const TASK = { width: 100, height: 80 };

/**
 * Adds a task named `name` after `afterId` (else after the first start event; else alone in the diagram): the
 * step's old outgoing flows now leave the new task; steps to the right move aside when there is no room.
 * Returns the new task's id.
 */
export function addStep(s: ModelerServices, afterId: string | null, name: string): string {
  const all = s.elementRegistry.getAll();
  const anchor =
    (afterId ? s.elementRegistry.get(afterId) : undefined) ??
    all.filter((e) => e.type === 'bpmn:StartEvent').sort(byPosition)[0];
  const shape = s.elementFactory.createShape({
    type: 'bpmn:Task',
    businessObject: s.bpmnFactory.create('bpmn:Task', { name }),
  });
  let created: DiagramElement | undefined;
  batch(s, () => {
    if (!anchor) {
      const root = s.canvas.getRootElement();
      const parent = all.find((e) => e.type === 'bpmn:Participant') ?? root;
      const at = parent === root ? { x: 250, y: 200 } : { x: (parent.x ?? 0) + 200, y: centre(parent).y };
      created = s.modeling.createShape(shape, at, parent);
      return;
    }
    const outgoing = sequenceOut(anchor);
    const host = anchor.host ?? anchor;
    const parent = host.parent;
    const right = (anchor.x ?? 0) + (anchor.width ?? 0);
    const toRight = all.filter(
      (e) =>
        e.parent === parent && e !== host && e.type !== 'label' && stepKind(e.type) && !e.host && (e.x ?? 0) >= right,
    );
    const room = Math.min(...toRight.map((e) => (e.x ?? 0) - right));
    const need = GAP + TASK.width + GAP;
    if (toRight.length && room < need) s.modeling.moveElements(toRight, { x: need - room, y: 0 });
    const y = anchor.host ? (anchor.y ?? 0) + (anchor.height ?? 0) + GAP + TASK.height / 2 : centre(anchor).y;
    created = s.modeling.appendShape(anchor, shape, { x: right + GAP + TASK.width / 2, y }, parent);
    for (const flow of outgoing) s.modeling.reconnectStart(flow, created, centre(created));
    relayout(s, [created]);
  });
  return created!.id;
}

/** Renames a step (or a branch's flow); '' removes the name. */
export function renameElement(s: ModelerServices, id: string, name: string) {
  s.modeling.updateLabel(element(s, id), name.trim() || null);
}

/**
 * Removes a step; with exactly one flow in and one out, its predecessor is connected to its successor (the
 * incoming flow is kept with its name and probability).
 */
export function removeStep(s: ModelerServices, id: string) {
  const e = element(s, id);
  const ins = sequenceIn(e);
  const outs = sequenceOut(e);
  batch(s, () => {
    const from = ins[0];
    const to = outs[0]?.target;
    const reconnect = ins.length === 1 && outs.length === 1 && from && to && from.source !== to && to !== e;
    if (reconnect) s.modeling.reconnectEnd(from, to, centre(to));
    s.modeling.removeShape(e);
    if (reconnect) relayout(s, [to]);
  });
}

function laneIdOf(s: ModelerServices, e: DiagramElement): string | null {
  const lane = leafLanes(s.elementRegistry.getAll()).find((l) =>
    (l.businessObject.flowNodeRef ?? []).some((r) => r.id === e.id),
  );
  return lane?.id ?? null;
}

/** Swaps a chain link with its predecessor: A → P → S → B becomes A → S → P → B, and their places swap. */
function swapWithPredecessor(s: ModelerServices, step: DiagramElement) {
  const f2 = sequenceIn(step)[0];
  const f3 = sequenceOut(step)[0];
  const pred = f2?.source;
  const f1 = pred ? sequenceIn(pred)[0] : undefined;
  if (!f1 || !f2 || !f3 || !pred) throw new Error('not a chain');
  const sameLane = laneIdOf(s, pred) === laneIdOf(s, step);
  const cp = centre(pred);
  const cs = centre(step);
  batch(s, () => {
    s.modeling.moveShape(step, { x: cp.x - cs.x, y: sameLane ? cp.y - cs.y : 0 });
    s.modeling.moveShape(pred, { x: cs.x - cp.x, y: sameLane ? cs.y - cp.y : 0 });
    s.modeling.reconnectEnd(f1, step, centre(step));
    s.modeling.reconnect(f2, step, pred, centre(pred));
    s.modeling.reconnectStart(f3, pred, centre(pred));
    relayout(s, [step, pred]);
  });
}

/** Moves a step one place up or down its chain (check `moveUpBlock`/`moveDownBlock` first). */
export function moveStep(s: ModelerServices, id: string, direction: 'up' | 'down') {
  const e = element(s, id);
  if (direction === 'up') return swapWithPredecessor(s, e);
  const next = sequenceOut(e)[0]?.target;
  if (!next) throw new Error('no successor');
  swapWithPredecessor(s, next);
}

export interface Effort {
  minutes?: number | null;
  payGroup?: string | null;
  mediaBreak?: boolean;
}

/** Writes `dz:minutes`, `dz:payGroup`, `dz:mediaBreak` (null/false remove the attribute). */
export function setEffort(s: ModelerServices, id: string, effort: Effort) {
  const props: Record<string, unknown> = {};
  if ('minutes' in effort) props['dz:minutes'] = effort.minutes ?? undefined;
  if ('payGroup' in effort) props['dz:payGroup'] = effort.payGroup || undefined;
  if ('mediaBreak' in effort) props['dz:mediaBreak'] = effort.mediaBreak ? true : undefined;
  s.modeling.updateProperties(element(s, id), props);
}

/** Writes `dz:probability` (0–1) on a sequence flow or boundary event; null removes it. */
export function setProbability(s: ModelerServices, id: string, probability: number | null) {
  s.modeling.updateProperties(element(s, id), { 'dz:probability': probability ?? undefined });
}

/**
 * Moves a step into a lane: the shape moves across the lanes (not along the flow) to the lane's middle, and
 * bpmn-js updates the lanes' `flowNodeRef` lists from the new position.
 */
export function setLane(s: ModelerServices, id: string, laneId: string) {
  const e = element(s, id);
  const lane = element(s, laneId);
  let pool = lane.parent;
  while (pool && pool.type !== 'bpmn:Participant') pool = pool.parent;
  const horizontal = lane.di?.isHorizontal !== false;
  const c = centre(e);
  const l = centre(lane);
  const delta = horizontal ? { x: 0, y: l.y - c.y } : { x: l.x - c.x, y: 0 };
  batch(s, () => {
    s.modeling.moveElements([e], delta, pool && pool !== e.parent ? pool : undefined);
    relayout(s, [e]);
  });
}
