import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns.js';

/** The exchange between municipalities: publications, questions, contact requests, joint projects; the mail outbox. */
export interface Publications {
  id: string;
  projectId: string;
  municipalityId: string;
  status: string;
  visibility: string;
  title: string;
  problem: Generated<string>;
  solution: Generated<string>;
  results: Generated<string>;
  lessons: Generated<string>;
  fieldOfAction: Generated<string>;
  stage: string;
  tcoCents: number | null;
  effortHours: number | null;
  durationMonths: number | null;
  products: Generated<string>;
  contactRole: string;
  documents: ColumnType<unknown, string | undefined, string>;
  template: ColumnType<unknown, string | undefined, string>;
  sizeClass: number;
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
  sizeClass: number;
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
  status: Generated<string>;
  answeredBy: string | null;
  answeredAt: Timestamp | null;
  createdAt: Timestamp;
}
export interface JointProjects {
  id: string;
  leadMunicipalityId: string;
  title: string;
  description: Generated<string>;
  costKey: string;
  baseShare: Generated<number>;
  costLines: ColumnType<unknown, string | undefined, string>;
  publicationId: string | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  sharesAgreed: ColumnType<unknown, string | null | undefined, string | null>;
  sharesAgreedAt: Date | null;
  sharesProposed: ColumnType<unknown, string | null | undefined, string | null>;
  sharesProposedAt: Date | null;
}
export interface JointPartners {
  jointProjectId: string;
  municipalityId: string;
  role: string;
  status: string;
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
  kind: string;
  private: Generated<boolean>;
  title: string;
  body: Generated<string>;
  light: string | null;
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
