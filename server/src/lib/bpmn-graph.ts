import type { ProcessFlow, ProcessGraph, ProcessLane, ProcessNode, ProcessNodeKind } from '@dz/core';
import type { ModdleElement } from 'bpmn-moddle';

/** The elements of a many-valued property (moddle leaves an unset list undefined). */
export function many(el: ModdleElement | undefined, property: string): ModdleElement[] {
  const v = el?.get(property);
  return Array.isArray(v) ? (v as ModdleElement[]) : [];
}

/** The element a reference property points to (undefined when unset or unresolved). */
function ref(el: ModdleElement, property: string): ModdleElement | undefined {
  const v = el.get(property);
  return v && typeof v === 'object' ? (v as ModdleElement) : undefined;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Node kinds by BPMN type, most specific first (an activity of any kind — task, call, sub-process — is one step). */
const KINDS: [string, ProcessNodeKind][] = [
  ['bpmn:StartEvent', 'start'],
  ['bpmn:EndEvent', 'end'],
  ['bpmn:BoundaryEvent', 'boundary'],
  ['bpmn:IntermediateCatchEvent', 'event'],
  ['bpmn:IntermediateThrowEvent', 'event'],
  ['bpmn:Activity', 'task'],
  ['bpmn:ExclusiveGateway', 'exclusive'],
  ['bpmn:EventBasedGateway', 'exclusive'],
  ['bpmn:ParallelGateway', 'parallel'],
  ['bpmn:InclusiveGateway', 'inclusive'],
  ['bpmn:ComplexGateway', 'inclusive'],
];

export function nodeKind(el: ModdleElement): ProcessNodeKind {
  for (const [type, kind] of KINDS) if (el.$instanceOf(type)) return kind;
  return 'other';
}

/**
 * The processes of a model: its top-level processes and those of a collaboration's participants (pools),
 * each once, in document order.
 */
export function processesOf(definitions: ModdleElement): ModdleElement[] {
  const out = new Set<ModdleElement>();
  const roots = many(definitions, 'rootElements');
  for (const r of roots) if (r.$instanceOf('bpmn:Process')) out.add(r);
  for (const r of roots) {
    if (!r.$instanceOf('bpmn:Collaboration')) continue;
    for (const p of many(r, 'participants')) {
      const proc = ref(p, 'processRef');
      if (proc?.$instanceOf('bpmn:Process')) out.add(proc);
    }
  }
  return [...out];
}

/**
 * Lanes of a process in document order (a lane before its child lanes) and, for every flow node a lane
 * names, the innermost such lane.
 */
function lanesOf(process: ModdleElement, lanes: ProcessLane[], laneOf: Map<ModdleElement, string>, ids: IdMap) {
  // pre-order walk without recursion: a lane's child lanes are visited before its next sibling
  const todo = many(process, 'laneSets')
    .flatMap((set) => many(set, 'lanes'))
    .reverse();
  while (todo.length) {
    const lane = todo.pop()!;
    const id = ids.of(lane, 'Lane');
    lanes.push({ id, name: text(lane.get('name')) });
    for (const node of many(lane, 'flowNodeRef')) laneOf.set(node, id);
    const child = ref(lane, 'childLaneSet');
    if (child) todo.push(...[...many(child, 'lanes')].reverse());
  }
}

/** Graph ids: an element's own id, made unique (a broken file may repeat ids or leave them out). */
class IdMap {
  private byElement = new Map<ModdleElement, string>();
  private used = new Set<string>();

  of(el: ModdleElement, fallback: string): string {
    const known = this.byElement.get(el);
    if (known) return known;
    const base = text(el.get('id')) || `${fallback}_${this.used.size + 1}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}~${n}`;
    this.used.add(id);
    this.byElement.set(el, id);
    return id;
  }

  get(el: ModdleElement | undefined): string | undefined {
    return el ? this.byElement.get(el) : undefined;
  }
}

/**
 * A model reduced to the neutral effort graph: every flow node and sequence flow of every process (pools of a
 * collaboration included). A sub-process is one step: its contents are not read. Our `dz:` attributes give
 * minutes, pay group, media break and branch probabilities; absent ones are null (false for the media break).
 */
export function graphOf(definitions: ModdleElement): ProcessGraph {
  const nodes: ProcessNode[] = [];
  const flows: ProcessFlow[] = [];
  const lanes: ProcessLane[] = [];
  const ids = new IdMap();
  const laneOf = new Map<ModdleElement, string>();
  const processes = processesOf(definitions);
  for (const process of processes) lanesOf(process, lanes, laneOf, ids);
  const flowNodes = processes.flatMap((p) => many(p, 'flowElements')).filter((el) => el.$instanceOf('bpmn:FlowNode'));
  for (const el of flowNodes) ids.of(el, 'Node'); // first, so a boundary event may name a later host
  for (const el of flowNodes) {
    const kind = nodeKind(el);
    const node: ProcessNode = {
      id: ids.of(el, 'Node'),
      name: text(el.get('name')),
      kind,
      minutes: finite(el.get('dz:minutes')),
      payGroup: text(el.get('dz:payGroup')) || null,
      mediaBreak: el.get('dz:mediaBreak') === true,
      lane: laneOf.get(el) ?? null,
    };
    if (kind === 'boundary') {
      node.attachedTo = ids.get(ref(el, 'attachedToRef')) ?? null;
      node.probability = finite(el.get('dz:probability'));
      // BPMN: a boundary event interrupts its activity unless cancelActivity="false"
      node.interrupting = el.get('cancelActivity') !== false;
    }
    nodes.push(node);
  }
  for (const process of processes) {
    for (const el of many(process, 'flowElements')) {
      if (!el.$instanceOf('bpmn:SequenceFlow')) continue;
      const source = ids.get(ref(el, 'sourceRef'));
      const target = ids.get(ref(el, 'targetRef'));
      if (!source || !target) continue; // unresolved reference (reported as a warning when read)
      flows.push({
        id: ids.of(el, 'Flow'),
        name: text(el.get('name')),
        source,
        target,
        probability: finite(el.get('dz:probability')),
      });
    }
  }
  return { nodes, flows, lanes };
}
