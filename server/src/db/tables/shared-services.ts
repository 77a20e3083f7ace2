import type {
  agreementTerms,
  allocation,
  CaseUnit,
  LegalAnswers,
  STUDY_PARTNER_STATUSES,
  STUDY_STATUSES,
  serviceStatement,
  statusQuo,
  targetModel,
  VatAnswers,
  WorkOrderPriority,
  WorkOrderStatus,
} from '@dz/core';
import type { Generated } from 'kysely';
import type { z } from 'zod';
import type { JsonText, Timestamp } from './columns.js';

export interface ServiceStudies {
  id: string;
  leadMunicipalityId: string;
  title: string;
  serviceKey: string;
  status: Generated<(typeof STUDY_STATUSES)[number]>;
  target: JsonText<z.infer<typeof targetModel>, string | undefined>;
  allocation: JsonText<z.infer<typeof allocation>>;
  vatTaxable: Generated<boolean>;
  legalAnswers: JsonText<LegalAnswers, string | undefined>;
  vatAnswers: JsonText<VatAnswers, string | undefined>;
  agreement: JsonText<Partial<z.infer<typeof agreementTerms>>, string | undefined>;
  hoursPerFte: Generated<number>;
  discountRate: Generated<number>;
  horizonYears: Generated<number>;
  /** The service's definition when the study started (a network's own type); null: a default type by key. */
  service: JsonText<ServiceDefinition | null, string | null | undefined>;
  liveFrom: string | null;
  orderSeq: Generated<number>;
  /** The network whose moderation started the study (its moderators see who accepted, never the figures). */
  networkId: string | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface ServiceStudyPartners {
  studyId: string;
  municipalityId: string;
  role: 'lead' | 'partner';
  status: (typeof STUDY_PARTNER_STATUSES)[number];
  customPercent: Generated<number>;
  statusQuo: JsonText<z.infer<typeof statusQuo> | null, string | null | undefined>;
  statusQuoVersion: Generated<number>;
  /** The partner's own project for its council decision (finance from its share). */
  projectId: string | null;
  position: number;
}

/** A colleague of a partner in the service team; their time is priced by their pay group. */
export interface ServiceTeam {
  studyId: string;
  userId: string;
  municipalityId: string;
  payGroup: string;
  addedAt: Timestamp;
}
export interface ServiceWorkOrders {
  id: string;
  studyId: string;
  /** The partner that filed the order (and pays for it). */
  municipalityId: string;
  number: number;
  type: string;
  title: string;
  description: Generated<string>;
  location: Generated<string>;
  priority: WorkOrderPriority;
  dueOn: string | null;
  status: Generated<WorkOrderStatus>;
  rejectReason: Generated<string>;
  assigneeId: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  doneAt: Date | null;
  version: Generated<number>;
}
export interface ServiceWorkAttachments {
  id: string;
  orderId: string;
  fileName: string;
  contentType: string;
  size: number;
  content: Buffer;
  createdBy: string | null;
  createdAt: Timestamp;
}
/** One billable fact: an order done, time worked or material used, billed in one month. */
export interface ServiceWorkEntries {
  id: string;
  studyId: string;
  orderId: string;
  municipalityId: string;
  kind: 'completion' | 'time' | 'material';
  userId: string | null;
  person: string | null;
  payGroup: string | null;
  minutes: Generated<number>;
  label: string | null;
  quantity: number | null;
  cents: Generated<number>;
  workedOn: string;
  billedMonth: string;
  correctionOf: string | null;
  note: Generated<string>;
  createdBy: string | null;
  createdAt: Timestamp;
}
/** A closed month: its statement lines frozen as they were when it closed. */
export interface ServiceClosedMonths {
  studyId: string;
  month: string;
  lines: JsonText<z.infer<typeof serviceStatement>['lines']>;
  closedBy: string | null;
  closedAt: Timestamp;
}

export interface ServiceDefinition {
  name: string;
  tasks: string[];
  costDrivers: string[];
  units: CaseUnit[];
}
/** A service type a network adds to the catalogue for its members. */
export interface ServiceTypes {
  id: string;
  networkId: string;
  name: string;
  tasks: JsonText<string[]>;
  costDrivers: JsonText<string[]>;
  units: JsonText<CaseUnit[]>;
  createdBy: string | null;
  createdAt: Timestamp;
}
