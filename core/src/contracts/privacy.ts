import { z } from 'zod';
import { canSchema } from '../domain/permissions.js';
import { LEGAL_PAGES, RETENTION_KINDS, RETENTION_SURVEY_MONTHS, RETENTION_WORKSHOP_DAYS } from '../domain/privacy.js';
import { isoDateTime, uuid } from './common.js';

// ---- access and erasure requests (Art. 15, 17, 20 GDPR) ----

/** One table of the personal-data export with the number of rows about or by the person. */
export const personalDataTable = z.object({
  table: z.string(),
  purpose: z.string(),
  rows: z.number().int(),
  /** What erasure does with these rows: deleted, or kept under the pseudonym. */
  onErase: z.enum(['delete', 'pseudonymise']),
});

/** What a data-protection request about one colleague finds (before an export or erasure). */
export const personalDataSummary = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  tables: z.array(personalDataTable),
  /** Whether this municipality's administration may erase the account (else the reason). */
  erasable: z.boolean(),
  notErasableReason: z.string().nullable(),
  can: canSchema('privacy'),
});

/** Erasure names the person's email again, so a wrong click cannot erase anybody. */
export const erasureInput = z.object({
  confirmEmail: z.string().trim().min(1, 'Bitte geben Sie zur Bestätigung die E-Mail-Adresse der Person ein.').max(320),
});

export const erasureResult = z.object({
  userId: uuid,
  deletedRows: z.number().int(),
  pseudonymisedRows: z.number().int(),
  redactedAuditEntries: z.number().int(),
});

// ---- retention (per municipality) ----

export const retentionSettingsInput = z.object({
  version: z.number().int().min(0),
  /** Months after a survey closed until this municipality's raw answers go (null: kept). */
  surveyAnswersMonths: z
    .number()
    .int('Bitte eine ganze Zahl von Monaten angeben.')
    .min(RETENTION_SURVEY_MONTHS.min, `Mindestens ${RETENTION_SURVEY_MONTHS.min} Monat.`)
    .max(RETENTION_SURVEY_MONTHS.max, `Höchstens ${RETENTION_SURVEY_MONTHS.max} Monate.`)
    .nullable(),
  /** Days after a finished workshop until its participants' names go (null: kept). */
  workshopNamesDays: z
    .number()
    .int('Bitte eine ganze Zahl von Tagen angeben.')
    .min(RETENTION_WORKSHOP_DAYS.min, `Mindestens ${RETENTION_WORKSHOP_DAYS.min} Tage.`)
    .max(RETENTION_WORKSHOP_DAYS.max, `Höchstens ${RETENTION_WORKSHOP_DAYS.max} Tage.`)
    .nullable(),
});

export const retentionLogEntry = z.object({
  id: uuid,
  at: isoDateTime,
  kind: z.enum(RETENTION_KINDS),
  subjectTitle: z.string(),
  rows: z.number().int(),
});

export const retentionView = z.object({
  version: z.number().int(),
  surveyAnswersMonths: z.number().int().nullable(),
  workshopNamesDays: z.number().int().nullable(),
  updatedAt: isoDateTime.nullable(),
  log: z.array(retentionLogEntry),
  can: canSchema('privacy'),
});

// ---- legal pages (platform administration) ----

export const legalPageParams = z.object({ page: z.enum(LEGAL_PAGES) });

export const legalPageView = z.object({
  page: z.enum(LEGAL_PAGES),
  markdown: z.string(),
  /** The Markdown as HTML (raw HTML off). */
  html: z.string(),
  version: z.number().int(),
  updatedAt: isoDateTime.nullable(),
  /** Whether the text is still the platform's default (never saved). */
  isDefault: z.boolean(),
  /** The placeholders in square brackets still in the text (`legalPlaceholders`). */
  placeholders: z.array(z.string()),
  /** Still the sample: the default, or placeholders left — the editor warns until both are gone. */
  isSample: z.boolean(),
  can: canSchema('legal'),
});

export const legalPageInput = z.object({
  version: z.number().int().min(0),
  markdown: z
    .string()
    .trim()
    .min(20, 'Bitte geben Sie den Text der Seite ein (mindestens 20 Zeichen).')
    .max(50_000, 'Der Text ist zu lang (höchstens 50.000 Zeichen).'),
});

export type PersonalDataSummary = z.infer<typeof personalDataSummary>;
export type ErasureInput = z.infer<typeof erasureInput>;
export type ErasureResult = z.infer<typeof erasureResult>;
export type RetentionSettingsInput = z.infer<typeof retentionSettingsInput>;
export type RetentionView = z.infer<typeof retentionView>;
export type LegalPageView = z.infer<typeof legalPageView>;
export type LegalPageInput = z.infer<typeof legalPageInput>;
