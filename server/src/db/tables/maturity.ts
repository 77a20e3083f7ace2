import type { KeyFigureDirection, ValueOrigin } from '@dz/core';
import type { Generated } from 'kysely';
import type { JsonText, Timestamp } from './columns.js';

/** A dimension of a published model version (the shape of core's `MATURITY_DIMENSIONS`). */
export interface StoredMaturityDimension {
  key: string;
  name: string;
  criteria: { key: string; name: string; levels: string[]; prefill?: string }[];
}

/** A version of the maturity model the platform administration published (the built-in one lives in core). */
export interface MaturityModels {
  version: string;
  definition: JsonText<StoredMaturityDimension[]>;
  note: Generated<string>;
  publishedBy: string | null;
  publishedAt: Timestamp;
}
export interface MaturityNetworkCriteria {
  id: string;
  networkId: string;
  dimensionKey: string;
  name: string;
  levels: JsonText<string[]>;
  createdBy: string | null;
  createdAt: Timestamp;
  archivedAt: Date | null;
}
export interface MaturityAssessments {
  id: string;
  municipalityId: string;
  modelVersion: string;
  status: Generated<'draft' | 'completed'>;
  /** Dimension key → level (null while too few criteria are answered), kept on every answer. */
  levels: JsonText<Record<string, number | null>, string | undefined>;
  createdBy: string | null;
  createdAt: Timestamp;
  completedBy: string | null;
  completedAt: Date | null;
}
export interface MaturityAnswers {
  assessmentId: string;
  criterionKey: string;
  level: number | null;
  prefillLevel: number | null;
  prefillSource: string | null;
  prefillNote: Generated<string>;
  prefillLink: Generated<string>;
  overridden: Generated<boolean>;
  evidenceUrl: Generated<string>;
  evidenceNote: Generated<string>;
  answeredBy: string | null;
  updatedAt: Date | null;
  version: Generated<number>;
}
export interface MaturitySettings {
  municipalityId: string;
  contactable: Generated<boolean>;
  version: Generated<number>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}
export interface KeyFigures {
  id: string;
  networkId: string | null;
  key: string;
  name: string;
  definition: string;
  unit: string;
  direction: KeyFigureDirection;
  source: string;
  decimals: Generated<number>;
  minValue: Generated<number>;
  maxValue: number | null;
  computed: string | null;
  position: Generated<number>;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: Timestamp;
  archivedAt: Date | null;
}
export interface KeyFigureValues {
  keyFigureId: string;
  municipalityId: string;
  year: number;
  value: number;
  origin: ValueOrigin;
  note: Generated<string>;
  version: Generated<number>;
  updatedBy: string | null;
  updatedAt: Timestamp;
}
export interface KeyFigureOpenRing {
  networkId: string;
  municipalityId: string;
  joinedBy: string | null;
  joinedAt: Timestamp;
}
