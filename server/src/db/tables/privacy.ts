import type { LegalPage, RetentionKind } from '@dz/core';
import type { Generated } from 'kysely';
import type { Timestamp } from './columns.js';

/** Data protection (migration 0045): retention periods per municipality, what the job deleted, legal pages. */
export interface RetentionSettings {
  municipalityId: string;
  surveyAnswersMonths: number | null;
  workshopNamesDays: number | null;
  version: Generated<number>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}
export interface RetentionLog {
  id: string;
  municipalityId: string;
  at: Timestamp;
  kind: RetentionKind;
  subjectId: string;
  subjectTitle: string;
  rows: number;
}
export interface LegalPages {
  page: LegalPage;
  markdown: string;
  version: Generated<number>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}
