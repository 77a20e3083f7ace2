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

/**
 * The placeholders still in a legal page's Markdown: every text in square brackets that is not part of a link
 * (`[text](url)`, `[text][ref]`, a reference `[ref]` defined as `[ref]: url`), outside code, in order and
 * once each. The sample texts mark what the operator fills in this way („[Name der betreibenden Stelle]“, „[…]“),
 * so a page counts as the sample as long as one is left.
 */
export function legalPlaceholders(markdown: string): string[] {
  const text = markdown.replace(/```[\s\S]*?```|`[^`\n]*`/g, ' ');
  const references = new Set(
    [...text.matchAll(/^ {0,3}\[([^\]\n]+)\]:/gm)].map((m) => m[1]!.trim().toLocaleLowerCase('de')),
  );
  const found: string[] = [];
  for (const m of text.matchAll(/(?<![\\!\]])\[([^[\]\n]{1,200})\](?![([])/g)) {
    const inner = m[1]!.trim();
    if (!inner || references.has(inner.toLocaleLowerCase('de'))) continue;
    const placeholder = `[${inner}]`;
    if (!found.includes(placeholder)) found.push(placeholder);
  }
  return found;
}

/** Raw survey answers: at least one month after the survey closed (results must be read first), at most ten years. */
export const RETENTION_SURVEY_MONTHS = { min: 1, max: 120 } as const;
/** Workshop participants' names: at least a week after the workshop (the report names them), at most ten years. */
export const RETENTION_WORKSHOP_DAYS = { min: 7, max: 3650 } as const;

/** What the retention job removes, as the deletion log names it. */
export const RETENTION_KINDS = ['survey_answers', 'workshop_names'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
