import type {
  ContactRequestStatus,
  exchangeEntry,
  JointCostKey,
  JointEntryKind,
  JointPartnerRole,
  JointPartnerStatus,
  jointCreate,
  PublicationStage,
  PublicationStatus,
  PublicationVisibility,
  publicationTemplate,
  SizeClass,
  TrafficLight,
} from '@dz/core';
import type { Generated } from 'kysely';
import type { z } from 'zod';
import type { JsonText, Timestamp } from './columns.js';

/**
 * A published project's reusable structure with what the publisher chose to share. The column defaults to `{}`,
 * so readers take every part as optional; rows from before the share choices lack `share`.
 */
export type StoredTemplate = Partial<Omit<z.infer<typeof publicationTemplate>, 'processes'>> & {
  share?: { milestones: boolean; tasks: boolean; costs: boolean; risks: boolean };
  /** Shared process models with their BPMN and the publisher's model id (never in an answer: the schema drops them). */
  processes?: SharedProcess[];
};
export interface SharedProcess {
  sourceId: string;
  name: string;
  kind: 'as_is' | 'to_be';
  service: string;
  xml: string;
}
/** A cost split of a joint project as agreed or proposed: the total and every partner's share in cents. */
export type JointSplit = { totalCents: number; shares: { municipalityId: string; shareCents: number }[] };

/** The exchange between municipalities: publications, questions, contact requests, joint projects; the mail outbox. */
export interface Publications {
  id: string;
  projectId: string;
  municipalityId: string;
  status: PublicationStatus;
  visibility: PublicationVisibility;
  title: string;
  problem: Generated<string>;
  solution: Generated<string>;
  results: Generated<string>;
  lessons: Generated<string>;
  fieldOfAction: Generated<string>;
  stage: PublicationStage;
  tcoCents: number | null;
  effortHours: number | null;
  durationMonths: number | null;
  products: Generated<string>;
  contactRole: string;
  documents: JsonText<z.infer<typeof exchangeEntry>['documents'], string | undefined>;
  template: JsonText<StoredTemplate, string | undefined>;
  sizeClass: SizeClass;
  landCode: string;
  kreisKey: string;
  population: number;
  publishedBy: string | null;
  publishedAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
  search: Generated<string>;
}
export interface PublicationNetworks {
  publicationId: string;
  networkId: string;
}
export interface LighthouseMarks {
  publicationId: string;
  networkId: string;
  markedBy: string | null;
  markedAt: Timestamp;
}
export interface Reuses {
  id: string;
  publicationId: string;
  municipalityId: string;
  projectId: string | null;
  sizeClass: SizeClass;
  landCode: string;
  createdBy: string | null;
  createdAt: Timestamp;
}
export interface ExchangePosts {
  id: string;
  publicationId: string;
  parentId: string | null;
  municipalityId: string | null;
  authorId: string | null;
  body: string;
  createdAt: Timestamp;
}
export interface ContactRequests {
  id: string;
  fromMunicipalityId: string;
  toMunicipalityId: string;
  fromUserId: string | null;
  about: Generated<string>;
  message: string;
  status: Generated<ContactRequestStatus>;
  answeredBy: string | null;
  answeredAt: Timestamp | null;
  createdAt: Timestamp;
}
export interface JointProjects {
  id: string;
  leadMunicipalityId: string;
  title: string;
  description: Generated<string>;
  costKey: JointCostKey;
  baseShare: Generated<number>;
  costLines: JsonText<z.infer<typeof jointCreate>['costLines'], string | undefined>;
  publicationId: string | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  sharesAgreed: JsonText<JointSplit | null, string | null | undefined>;
  sharesAgreedAt: Date | null;
  sharesProposed: JsonText<JointSplit | null, string | null | undefined>;
  sharesProposedAt: Date | null;
}
export interface JointPartners {
  jointProjectId: string;
  municipalityId: string;
  role: JointPartnerRole;
  status: JointPartnerStatus;
  caseVolume: Generated<number>;
  customPercent: Generated<number>;
  position: number;
  sharesAccepted: Generated<boolean>;
}
export interface JointEntries {
  id: string;
  jointProjectId: string;
  municipalityId: string;
  authorId: string | null;
  kind: JointEntryKind;
  private: Generated<boolean>;
  title: string;
  body: Generated<string>;
  light: TrafficLight | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  content: Buffer | null;
  createdAt: Timestamp;
}
export interface MailOutbox {
  id: string;
  municipalityId: string | null;
  template: string;
  recipient: string;
  subject: string;
  body: string;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  lastError: string | null;
  nextAttemptAt: Timestamp;
  claimedAt: Timestamp | null;
  createdAt: Timestamp;
  sentAt: Timestamp | null;
}
