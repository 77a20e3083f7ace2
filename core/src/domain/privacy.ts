/**
 * Data protection (GDPR, issue 23): the pseudonym an erased colleague's content is shown under, the legal pages
 * the platform administration edits, and the bounds of a municipality's retention periods.
 */

/** The name an erased person's account keeps (German, the platform's language); the web app translates it. */
export const FORMER_STAFF_NAME = 'ehemalige/r Mitarbeiter/in';

/** Is this the pseudonym of an erased person (shown translated in the web app)? */
export const isFormerStaff = (name: string | null | undefined) => name === FORMER_STAFF_NAME;

/** The public legal pages: the privacy notice (Datenschutzerklärung) and the imprint (Impressum). */
export const LEGAL_PAGES = ['privacy', 'imprint'] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

/** Raw survey answers: at least one month after the survey closed (results must be read first), at most ten years. */
export const RETENTION_SURVEY_MONTHS = { min: 1, max: 120 } as const;
/** Workshop participants' names: at least a week after the workshop (the report names them), at most ten years. */
export const RETENTION_WORKSHOP_DAYS = { min: 7, max: 3650 } as const;

/** What the retention job removes, as the deletion log names it. */
export const RETENTION_KINDS = ['survey_answers', 'workshop_names'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
