import type {
  CommunicationAudience,
  CommunicationCadence,
  CommunicationChannel,
  CommunicationPhase,
  CommunicationStatus,
} from '@dz/core';
import type { Generated } from 'kysely';
import type { Timestamp } from './columns.js';

/** The communication plan. */
export interface CommunicationItems {
  id: string;
  municipalityId: string;
  projectId: string | null;
  audience: CommunicationAudience;
  departmentId: string | null;
  message: string;
  channel: CommunicationChannel;
  dueOn: string;
  cadence: Generated<CommunicationCadence>;
  ownerId: string | null;
  status: Generated<CommunicationStatus>;
  phase: CommunicationPhase | null;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
