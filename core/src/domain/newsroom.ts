/**
 * The newsroom for all employees: posts the coordination publishes, many of them drafted by the platform itself
 * when something worth telling happens (a milestone reached, a project live, an idea implemented …). The texts
 * here are the drafts' starting points; the coordination edits them before anything is published.
 */
export const NEWS_STATUSES = ['draft', 'published', 'discarded'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];
export const NEWS_AUDIENCES = ['all', 'departments'] as const;
export const NEWS_SOURCES = [
  'manual',
  'milestone',
  'phase',
  'status_green',
  'idea_implemented',
  'survey_released',
  'service_live',
] as const;
export type NewsSource = (typeof NEWS_SOURCES)[number];
export const COMMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
/** The drafts' placeholder sentence starts so: a post still holding it is not published. */
export const DRAFT_PLACEHOLDER = 'Ergänzen Sie hier';

/** What happened, as the drafting needs it. */
export type NewsEvent =
  | { kind: 'milestone'; project: string; milestone: string; reachedOn: string }
  | { kind: 'phase'; project: string; phase: 'operation' | 'done' }
  | { kind: 'status_green'; project: string; summary: string }
  | { kind: 'idea_implemented'; idea: string; submitter: string | null }
  | { kind: 'survey_released'; survey: string }
  | { kind: 'service_live'; service: string; partners: string[]; liveFrom: string };

const deDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
};
const deMonth = (iso: string) => {
  const [y, m] = iso.slice(0, 7).split('-');
  return `${m}/${y}`;
};
/** "A, B und C" */
export const joinNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} und ${names.at(-1)}`;

/** The draft's title and Markdown text for an event (German, formal; the coordination edits it). */
export function draftFor(e: NewsEvent): { title: string; body: string } {
  switch (e.kind) {
    case 'milestone':
      return {
        title: `Meilenstein erreicht: ${e.milestone}`,
        body: `Im Projekt **${e.project}** ist am ${deDate(e.reachedOn)} der Meilenstein „${e.milestone}“ erreicht worden.\n\nWas heißt das für Ihre Arbeit? Ergänzen Sie hier, was sich ändert und wer Fragen beantwortet.`,
      };
    case 'phase':
      return e.phase === 'operation'
        ? {
            title: `Jetzt im Einsatz: ${e.project}`,
            body: `**${e.project}** ist in Betrieb. Ab sofort arbeiten wir damit.\n\nErgänzen Sie hier, wo es Hilfe gibt und an wen sich Kolleginnen und Kollegen wenden können.`,
          }
        : {
            title: `Abgeschlossen: ${e.project}`,
            body: `Das Projekt **${e.project}** ist abgeschlossen. Danke an alle, die mitgearbeitet haben!\n\nErgänzen Sie hier, was das Projekt gebracht hat.`,
          };
    case 'status_green':
      return {
        title: `Wieder im Plan: ${e.project}`,
        body: `Das Projekt **${e.project}** ist wieder im grünen Bereich.${e.summary ? `\n\n${e.summary}` : ''}`,
      };
    case 'idea_implemented':
      return {
        title: `Sie haben es vorgeschlagen – jetzt ist es umgesetzt: ${e.idea}`,
        body: `${e.submitter ? `${e.submitter} hat` : 'Eine Kollegin oder ein Kollege hat'} die Idee „${e.idea}“ eingereicht. Jetzt ist sie umgesetzt.\n\nHaben Sie auch eine Idee? Reichen Sie sie im Ideenkasten ein.`,
      };
    case 'survey_released':
      return {
        title: `Die Ergebnisse sind da: ${e.survey}`,
        body: `Die Ergebnisse der Umfrage „${e.survey}“ sind freigegeben. Danke an alle, die teilgenommen haben!\n\nErgänzen Sie hier die wichtigsten Erkenntnisse und was daraus folgt.`,
      };
    case 'service_live':
      return {
        title: `Gemeinsam stark: ${e.service} startet`,
        body: `Ab ${deMonth(e.liveFrom)} erledigen ${joinNames(e.partners)} die Aufgabe „${e.service}“ gemeinsam.\n\nErgänzen Sie hier, wie Aufträge künftig eingereicht werden.`,
      };
  }
}

/** The Monday (ISO week) a digest belongs to, as YYYY-MM-DD: one digest per person and week. */
export function digestWeek(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day);
  return d.toISOString().slice(0, 10);
}
