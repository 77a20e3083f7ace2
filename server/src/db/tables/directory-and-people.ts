import type {
  AdministeringBodyType,
  AuditChanges,
  ImportJobStatus,
  ImportReport,
  MunicipalityRole,
  NetworkMemberStatus,
  NetworkType,
} from '@dz/core';
import type { Generated } from 'kysely';
import type { Json, JsonText, Timestamp } from './columns.js';

/** The official directory, people, sessions and sign-in, networks, audit trail, imports. */
export interface AdministeringBodies {
  id: string;
  arsPrefix: string;
  name: string;
  type: AdministeringBodyType;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface Municipalities {
  id: string;
  ags: string;
  ars: string | null;
  name: string;
  shortName: string;
  landCode: string;
  kreis: string | null;
  kreisKey: string;
  population: number;
  populationDate: string | null;
  areaKm2: number | null;
  lat: number | null;
  lon: number | null;
  administeringBodyId: string | null;
  inDirectory: Generated<boolean>;
  source: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface UnincorporatedAreas {
  ags: string;
  name: string;
  landCode: string;
  population: number;
  areaKm2: number | null;
  updatedAt: Timestamp;
}
export interface Departments {
  id: string;
  municipalityId: string;
  code: string | null;
  name: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface Users {
  id: string;
  email: string;
  name: string;
  /** null for an account the identity provider created (it signs in there only). */
  passwordHash: string | null;
  locale: Generated<string>;
  isPlatformAdmin: Generated<boolean>;
  failedLogins: Generated<number>;
  lockedUntil: Date | null;
  /** Where the person last worked: a new session starts there. */
  lastMunicipalityId: Generated<string | null>;
  /** Set when the account was erased (GDPR Art. 17): the row stays as a pseudonymous tombstone. */
  erasedAt: Generated<Date | null>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface Memberships {
  userId: string;
  municipalityId: string;
  role: MunicipalityRole;
  /** The department the person works in (news audiences, pulse and competence groups). */
  departmentId: string | null;
  /** The weekly news digest by email (the person may opt out). */
  newsDigest: Generated<boolean>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  firstStepsDismissedAt: Date | null;
}
export interface Sessions {
  id: string;
  tokenHash: string;
  userId: string;
  activeMunicipalityId: string | null;
  csrfToken: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
}
export interface Tokens {
  id: string;
  tokenHash: string;
  purpose: 'password_reset' | 'setup';
  userId: string | null;
  email: string | null;
  expiresAt: Timestamp;
  usedAt: Date | null;
  createdAt: Timestamp;
}
export interface LoginThrottles {
  key: string;
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}
export interface NetworkModeratorInvitations {
  id: string;
  networkId: string;
  email: string;
  tokenHash: string;
  invitedBy: string | null;
  expiresAt: Timestamp;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Timestamp;
}
export interface Invitations {
  id: string;
  municipalityId: string;
  email: string;
  role: MunicipalityRole;
  tokenHash: string;
  invitedBy: string | null;
  expiresAt: Timestamp;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Timestamp;
}
export interface Networks {
  id: string;
  name: string;
  type: NetworkType;
  description: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface NetworkMembers {
  id: string;
  networkId: string;
  municipalityId: string;
  joinedOn: string;
  leftOn: string | null;
  /** When the leaving was entered (system time; `leftOn` is the date entered). */
  leftAt: Date | null;
  status: Generated<NetworkMemberStatus>;
  staffSurveys: Generated<boolean>;
  invitedBy: string | null;
  invitedAt: Generated<Date>;
  answeredBy: string | null;
  answeredAt: Date | null;
  version: Generated<number>;
}
export interface NetworkModerators {
  networkId: string;
  userId: string;
  createdAt: Timestamp;
}
export interface AuditLog {
  id: string;
  at: Timestamp;
  actorId: string | null;
  municipalityId: string | null;
  networkId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: JsonText<AuditChanges>;
  /** When personal fields of `changes` were redacted (erasure); set by the append-only trigger. */
  redactedAt: Generated<Date | null>;
}
export interface ImportJobs {
  id: string;
  fileName: string;
  status: ImportJobStatus;
  progress: Generated<number>;
  error: string | null;
  report: JsonText<ImportReport | null, string | null>;
  createdBy: string | null;
  createdAt: Timestamp;
  finishedAt: Date | null;
}
export interface ImportRows {
  jobId: string;
  line: number;
  newId: string;
  ags: string;
  ars: string;
  name: string;
  shortName: string;
  landCode: string;
  kreis: string | null;
  kreisKey: string;
  population: number;
  populationDate: string | null;
  areaKm2: number | null;
  lat: number | null;
  lon: number | null;
  bodyPrefix: string;
}
export interface ImportBodies {
  jobId: string;
  newId: string;
  arsPrefix: string;
  name: string;
  type: AdministeringBodyType;
}
export interface PlatformSettings {
  key: string;
  value: Json;
}
