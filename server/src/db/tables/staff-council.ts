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

/** The change-readiness pulse's schedule per municipality. */
export interface PulseSettings {
  municipalityId: string;
  enabled: Generated<boolean>;
  quarterStartMonth: Generated<number>;
  remindAfterDays: Generated<number>;
  version: Generated<number>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}

/** A round of the pulse: one survey of the engine per municipality and quarter. */
export interface PulseRounds {
  id: string;
  municipalityId: string;
  surveyId: string;
  quarter: string;
  remindedAt: Timestamp | null;
  createdBy: string | null;
  createdAt: Timestamp;
}
