/**
 * The method library („Hilfen“, issue 23): what a guide is (article, checklist, template with files), the
 * modules of the app a guide is tagged with (each module page links to the guides tagged for it) and the
 * project phases it helps in.
 */
export const GUIDE_KINDS = ['article', 'checklist', 'template'] as const;
export type GuideKind = (typeof GUIDE_KINDS)[number];

/** The app's modules as help topics (the web app maps its page addresses onto them). */
export const GUIDE_MODULES = [
  'start',
  'surveys',
  'workshops',
  'needs',
  'target_picture',
  'projects',
  'finance',
  'exchange',
  'shared_services',
  'communication',
  'staff_council',
  'competences',
  'processes',
  'maturity',
  'networks',
  'administration',
] as const;
export type GuideModule = (typeof GUIDE_MODULES)[number];

/** The project phases a guide helps in (the running phases of a project; done and stopped need no help). */
export const GUIDE_PHASES = ['idea', 'planning', 'implementation', 'operation'] as const;
export type GuidePhase = (typeof GUIDE_PHASES)[number];

/** File types a template may carry: office documents a municipality edits, and PDF. */
export const GUIDE_FILE_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
} as const;
export type GuideFileExtension = keyof typeof GUIDE_FILE_TYPES;

/** Largest file of a template (10 MB). */
export const GUIDE_FILE_MAX_BYTES = 10 * 1024 * 1024;
