import type { StaffCouncilAnswers, StaffCouncilStatus } from '@dz/core';
import type { Generated } from 'kysely';
import type { JsonText, Timestamp } from './columns.js';

/** The staff council check of a project (one row per project). */
export interface StaffCouncilChecks {
  projectId: string;
  municipalityId: string;
  answers: JsonText<StaffCouncilAnswers>;
  status: StaffCouncilStatus;
  informedOn: string | null;
  consultedOn: string | null;
  agreedOn: string | null;
  concludedOn: string | null;
  note: Generated<string>;
  version: Generated<number>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}
