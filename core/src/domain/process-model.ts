/**
 * The shapes shared by the BPMN editor (web), the BPMN reader (server) and the effort calculation
 * (`process-effort.ts`): our own attributes on BPMN elements, and the neutral graph a model is reduced to.
 */

/** XML namespace of Digitalzirkel's own BPMN attributes (other tools keep and ignore them). */
export const DZ_BPMN_NS = 'https://digitalzirkel.de/schema/bpmn/1.0';

/**
 * moddle extension descriptor for bpmn-moddle and bpmn-js (`moddleExtensions: { dz: DZ_BPMN_EXTENSION }`):
 * - on every flow node: `dz:minutes` (working minutes per execution), `dz:payGroup` (row of the staff cost rate
 *   table), `dz:mediaBreak` (paper or manual transfer);
 * - on sequence flows and boundary events: `dz:probability` (0–1, the share of cases taking this branch).
 */
export const DZ_BPMN_EXTENSION = {
  name: 'Digitalzirkel',
  uri: DZ_BPMN_NS,
  prefix: 'dz',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  enumerations: [],
  types: [
    {
      name: 'Effort',
      extends: ['bpmn:FlowNode'],
      properties: [
        { name: 'minutes', isAttr: true, type: 'Real' },
        { name: 'payGroup', isAttr: true, type: 'String' },
        { name: 'mediaBreak', isAttr: true, type: 'Boolean' },
      ],
    },
    {
      name: 'Branch',
      extends: ['bpmn:SequenceFlow', 'bpmn:BoundaryEvent'],
      properties: [{ name: 'probability', isAttr: true, type: 'Real' }],
    },
  ],
} as const;

/**
 * Node kinds of the effort graph:
 * - `start`: a start event (one case enters here unless something flows into it);
 * - `task`: any activity (task of every type, call activity, collapsed or expanded sub-process counted as one step);
 * - `exclusive`: exclusive or event-based gateway (one branch, by probability);
 * - `parallel`: parallel gateway (split: every branch; join: waits for all incoming);
 * - `inclusive`: inclusive or complex gateway (split: each branch independently by its probability);
 * - `boundary`: a boundary event on `attachedTo`, triggered in `probability` of the host's executions;
 * - `event`: intermediate events, `end`: end events, `other`: anything else on the flow.
 */
export type ProcessNodeKind =
  | 'start'
  | 'end'
  | 'task'
  | 'exclusive'
  | 'parallel'
  | 'inclusive'
  | 'boundary'
  | 'event'
  | 'other';

export interface ProcessNode {
  id: string;
  name: string;
  kind: ProcessNodeKind;
  /** Working minutes per execution (tasks); null when not set. */
  minutes: number | null;
  payGroup: string | null;
  mediaBreak: boolean;
  /** The lane (id) the node sits in, if any. */
  lane: string | null;
  /** Boundary events: the host activity and the share of its executions that trigger the event. */
  attachedTo?: string | null;
  probability?: number | null;
  /** Boundary events: the activity is left through the event (BPMN's default), not continued beside it. */
  interrupting?: boolean;
}

export interface ProcessFlow {
  id: string;
  name: string;
  source: string;
  target: string;
  /** Share of cases (0–1) at a splitting node taking this flow; null when not set. */
  probability: number | null;
}

export interface ProcessLane {
  id: string;
  name: string;
}

export interface ProcessGraph {
  nodes: ProcessNode[];
  flows: ProcessFlow[];
  lanes: ProcessLane[];
}

/** OZG maturity of an online service (model 1.1): 0 offline … 4 online transaction; OZG-compliant from 3. */
export const OZG_LEVELS = [0, 1, 2, 3, 4] as const;
export type OzgLevel = (typeof OZG_LEVELS)[number];
export type OzgSubjectArea = (typeof OZG_SUBJECT_AREAS)[number];
export const OZG_COMPLIANT_LEVEL = 3;

/** The 14 OZG subject areas (Themenfelder). */
export const OZG_SUBJECT_AREAS = [
  'Arbeit & Ruhestand',
  'Bauen & Wohnen',
  'Bildung',
  'Ein- & Auswanderung',
  'Engagement & Hobby',
  'Familie & Kind',
  'Forschung & Förderung',
  'Gesundheit',
  'Mobilität & Reisen',
  'Querschnittsleistungen',
  'Recht & Ordnung',
  'Steuern & Zoll',
  'Umwelt',
  'Unternehmensführung & -entwicklung',
] as const;

/** A LeiKa key (Leistungsschlüssel of the Leistungskatalog) has exactly 14 digits. */
export const isLeikaKey = (key: string) => /^\d{14}$/.test(key);
