import type {
  agreementTerms,
  allocation,
  LegalAnswers,
  STUDY_PARTNER_STATUSES,
  STUDY_STATUSES,
  statusQuo,
  targetModel,
  VatAnswers,
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
