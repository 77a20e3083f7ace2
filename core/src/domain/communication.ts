import { addDays } from './exchange.js';

/**
 * The communication plan of a municipality's digitalisation: who hears what, through which channel, when.
 * Templates per project phase give a sensible German starting set; their offsets count in days from an
 * anchor date the coordinator picks (e.g. the go-live day).
 */
export const COMMUNICATION_AUDIENCES = [
  'heads',
  'managers',
  'all_staff',
  'department',
  'staff_council',
  'council',
  'citizens',
  'partners',
] as const;
export const COMMUNICATION_CHANNELS = [
  'staff_meeting',
  'newsroom',
  'email',
  'notice_board',
  'staff_assembly',
  'gazette',
  'website',
] as const;
export const COMMUNICATION_CADENCES = ['once', 'weekly', 'monthly', 'quarterly'] as const;
export const COMMUNICATION_STATUSES = ['planned', 'done', 'skipped'] as const;
export const COMMUNICATION_PHASES = ['kickoff', 'before_go_live', 'go_live', 'after_go_live'] as const;
export type CommunicationAudience = (typeof COMMUNICATION_AUDIENCES)[number];
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];
export type CommunicationCadence = (typeof COMMUNICATION_CADENCES)[number];
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];
export type CommunicationPhase = (typeof COMMUNICATION_PHASES)[number];

export interface CommunicationTemplateItem {
  audience: CommunicationAudience;
  channel: CommunicationChannel;
  message: string;
  /** Days from the anchor date (negative: before it). */
  offsetDays: number;
  cadence: CommunicationCadence;
}

/** The starting set per phase; the staff council hears early, the citizens once something works. */
export const COMMUNICATION_TEMPLATES: Record<CommunicationPhase, readonly CommunicationTemplateItem[]> = {
  kickoff: [
    {
      audience: 'heads',
      channel: 'staff_meeting',
      message: 'Projektziele, Zeitplan und Rollen in der Amtsleiterrunde vorstellen',
      offsetDays: 0,
      cadence: 'once',
    },
    {
      audience: 'staff_council',
      channel: 'email',
      message: 'Personalrat frühzeitig über das Vorhaben informieren und zum Auftaktgespräch einladen',
      offsetDays: 3,
      cadence: 'once',
    },
    {
      audience: 'all_staff',
      channel: 'newsroom',
      message: 'Projektstart ankündigen: Was ändert sich, warum, und wer ist ansprechbar?',
      offsetDays: 7,
      cadence: 'once',
    },
    {
      audience: 'managers',
      channel: 'email',
      message: 'Kurzer Sachstand an die Führungskräfte',
      offsetDays: 30,
      cadence: 'monthly',
    },
  ],
  before_go_live: [
    {
      audience: 'all_staff',
      channel: 'staff_meeting',
      message: 'Ablauf der Umstellung, Schulungstermine und Ansprechpersonen vorstellen',
      offsetDays: -28,
      cadence: 'once',
    },
    {
      audience: 'staff_council',
      channel: 'email',
      message: 'Personalrat über Schulungsplan und Einführungstermin informieren',
      offsetDays: -21,
      cadence: 'once',
    },
    {
      audience: 'all_staff',
      channel: 'notice_board',
      message: 'Aushang mit Umstellungstermin, Schulungen und Hilfe-Kontakt',
      offsetDays: -14,
      cadence: 'once',
    },
    {
      audience: 'council',
      channel: 'email',
      message: 'Rat über den bevorstehenden Start und den Stand von Kosten und Zeitplan unterrichten',
      offsetDays: -7,
      cadence: 'once',
    },
  ],
  go_live: [
    {
      audience: 'all_staff',
      channel: 'email',
      message: 'Start bestätigen: Zugang, Hilfe und Ansprechpersonen für die ersten Tage',
      offsetDays: 0,
      cadence: 'once',
    },
    {
      audience: 'all_staff',
      channel: 'newsroom',
      message: 'Meldung zum Start: Was jetzt digital geht und wem es hilft',
      offsetDays: 0,
      cadence: 'once',
    },
    {
      audience: 'citizens',
      channel: 'website',
      message: 'Neues Angebot auf der Website vorstellen',
      offsetDays: 1,
      cadence: 'once',
    },
    {
      audience: 'citizens',
      channel: 'gazette',
      message: 'Hinweis im Amtsblatt auf das neue Angebot',
      offsetDays: 7,
      cadence: 'once',
    },
  ],
  after_go_live: [
    {
      audience: 'managers',
      channel: 'staff_meeting',
      message: 'Erste Erfahrungen sammeln: Was läuft, wo hakt es?',
      offsetDays: 14,
      cadence: 'once',
    },
    {
      audience: 'all_staff',
      channel: 'newsroom',
      message: 'Erfolge und Zahlen der ersten Wochen teilen, Dank an die Beteiligten',
      offsetDays: 30,
      cadence: 'once',
    },
    {
      audience: 'staff_council',
      channel: 'email',
      message: 'Erfahrungsbericht an den Personalrat',
      offsetDays: 60,
      cadence: 'once',
    },
    {
      audience: 'partners',
      channel: 'email',
      message: 'Erfahrungen mit den Partnerkommunen teilen',
      offsetDays: 90,
      cadence: 'once',
    },
    {
      audience: 'council',
      channel: 'email',
      message: 'Sachstand an den Rat: Nutzen, Kosten, nächste Schritte',
      offsetDays: 90,
      cadence: 'quarterly',
    },
  ],
};

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // clamp to the month's last day (31 January + 1 month → 28/29 February)
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * The days an item falls due, starting at its due date: one for `once`, else every week, month or quarter
 * up to and including `until` (the calendar feed shows the coming year of a recurring item).
 * The due date itself always counts.
 */
export function occurrences(dueOn: string, cadence: CommunicationCadence, until: string): string[] {
  if (cadence === 'once') return [dueOn];
  const days: string[] = [];
  for (let i = 0; i < 60; i++) {
    const day = cadence === 'weekly' ? addDays(dueOn, 7 * i) : addMonths(dueOn, (cadence === 'monthly' ? 1 : 3) * i);
    // the first time always counts, even beyond the limit
    if (i > 0 && day > until) break;
    days.push(day);
  }
  return days;
}
