import type { ParticipationStatus, TrainingFormat } from '@dz/core';
import type { Generated } from 'kysely';
import type { JsonText, Timestamp } from './columns.js';

/** Digital competences: framework changes, self-assessments, training catalogue and plan. */
export interface CompetenceItems {
  id: string;
  municipalityId: string;
  code: string;
  area: number;
  name: string;
  hidden: Generated<boolean>;
  builtin: boolean;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface CompetenceProfiles {
  municipalityId: string;
  userId: string;
  departmentId: string | null;
  shareWithManager: Generated<boolean>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** When the levels themselves last changed (a re-save, the department or the share flag do not count). */
  levelsChangedAt: Generated<Date>;
}
export interface CompetenceAssessments {
  municipalityId: string;
  userId: string;
  code: string;
  level: number;
  target: number | null;
}
export interface Trainings {
  id: string;
  municipalityId: string;
  title: string;
  provider: string;
  format: TrainingFormat;
  hours: number | null;
  costCents: number | null;
  competences: JsonText<string[], string | undefined>;
  url: string | null;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface TrainingAssignments {
  id: string;
  municipalityId: string;
  trainingId: string;
  userId: string | null;
  departmentId: string | null;
  dueOn: string | null;
  status: Generated<ParticipationStatus>;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** The competence overview as last released (aggregates only; see migration 0040). */
export interface CompetenceReleases {
  municipalityId: string;
  releasedAt: Date;
  aggregates: JsonText<CompetenceAggregates>;
}
export interface CompetenceAggregates {
  total: { n: number };
  perCompetence: { code: string; n: number; mean: number; shareBelow: number; targetMean: number | null }[];
  perDepartment: { department: string; n: number }[];
  perCell: { department: string; area: number; n: number; mean: number }[];
}
