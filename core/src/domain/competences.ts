/**
 * Digital competences (issue 20, item 5): the EU's DigComp 2.2 framework as the default every municipality
 * starts from (renamed, hidden or extended per municipality), proficiency levels, the training catalogue's
 * formats and a starter list, and the disclosure rule of the department heatmap.
 */
import { DEFAULT_THRESHOLD } from './survey.js';

/** DigComp's five competence areas, numbered as in the framework. */
export const COMPETENCE_AREAS = [1, 2, 3, 4, 5] as const;
export type CompetenceArea = (typeof COMPETENCE_AREAS)[number];

export const COMPETENCE_AREA_NAMES: Readonly<Record<CompetenceArea, string>> = {
  1: 'Umgang mit Informationen und Daten',
  2: 'Kommunikation und Zusammenarbeit',
  3: 'Erstellung digitaler Inhalte',
  4: 'Sicherheit',
  5: 'Problemlösung',
};

export interface DefaultCompetence {
  /** DigComp's numbering, e.g. `1.1`. */
  code: string;
  area: CompetenceArea;
  name: string;
}

/** DigComp 2.2: 21 competences with the framework's numbering and their German names. */
export const DIGCOMP: readonly DefaultCompetence[] = [
  { code: '1.1', area: 1, name: 'Durchsuchen, Suchen und Filtern von Daten, Informationen und digitalen Inhalten' },
  { code: '1.2', area: 1, name: 'Bewerten von Daten, Informationen und digitalen Inhalten' },
  { code: '1.3', area: 1, name: 'Verwalten von Daten, Informationen und digitalen Inhalten' },
  { code: '2.1', area: 2, name: 'Interagieren mithilfe digitaler Technologien' },
  { code: '2.2', area: 2, name: 'Teilen mithilfe digitaler Technologien' },
  { code: '2.3', area: 2, name: 'Bürgerschaftliches Engagement mithilfe digitaler Technologien' },
  { code: '2.4', area: 2, name: 'Zusammenarbeiten mithilfe digitaler Technologien' },
  { code: '2.5', area: 2, name: 'Netiquette' },
  { code: '2.6', area: 2, name: 'Verwalten der digitalen Identität' },
  { code: '3.1', area: 3, name: 'Entwickeln digitaler Inhalte' },
  { code: '3.2', area: 3, name: 'Integrieren und Neugestalten digitaler Inhalte' },
  { code: '3.3', area: 3, name: 'Urheberrecht und Lizenzen' },
  { code: '3.4', area: 3, name: 'Programmieren' },
  { code: '4.1', area: 4, name: 'Schützen von Geräten' },
  { code: '4.2', area: 4, name: 'Schützen personenbezogener Daten und der Privatsphäre' },
  { code: '4.3', area: 4, name: 'Schützen der Gesundheit und des Wohlbefindens' },
  { code: '4.4', area: 4, name: 'Schützen der Umwelt' },
  { code: '5.1', area: 5, name: 'Lösen technischer Probleme' },
  { code: '5.2', area: 5, name: 'Erkennen von Bedürfnissen und technologischen Antworten darauf' },
  { code: '5.3', area: 5, name: 'Kreatives Nutzen digitaler Technologien' },
  { code: '5.4', area: 5, name: 'Erkennen digitaler Kompetenzlücken' },
];

/** DigComp's eight proficiency levels. */
export const MIN_LEVEL = 1;
export const MAX_LEVEL = 8;
/** Below this level a competence counts as not yet independent (the "share below" of the overview). */
export const INDEPENDENT_LEVEL = 3;

export const LEVEL_GROUPS = ['foundation', 'intermediate', 'advanced', 'highly_specialised'] as const;
export type LevelGroup = (typeof LEVEL_GROUPS)[number];
export const LEVEL_GROUP_NAMES: Readonly<Record<LevelGroup, string>> = {
  foundation: 'Grundlagen',
  intermediate: 'Selbstständig',
  advanced: 'Fortgeschritten',
  highly_specialised: 'Hochspezialisiert',
};

/**
 * DigComp groups the levels in pairs: 1–2 foundation, 3–4 intermediate, 5–6 advanced, 7–8 highly specialised. A
 * mean belongs to the group it has reached (2,6 is still foundation: level 3 is not reached yet).
 */
export function levelGroup(level: number): LevelGroup {
  const i = Math.min(3, Math.max(0, Math.floor((Math.floor(level) - 1) / 2)));
  return LEVEL_GROUPS[i] as LevelGroup;
}

/** A municipality's own competence: `<area>.E<n>`, apart from DigComp's numbers. */
export function ownCompetenceCode(area: number, n: number): string {
  return `${area}.E${n}`;
}
export const isDigCompCode = (code: string) => DIGCOMP.some((c) => c.code === code);

export const TRAINING_FORMATS = ['presence', 'online', 'blended', 'self_study'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];
export const TRAINING_FORMAT_NAMES: Readonly<Record<TrainingFormat, string>> = {
  presence: 'Präsenz',
  online: 'Online',
  blended: 'Blended Learning',
  self_study: 'Selbstlernkurs',
};

export const PARTICIPATION_STATUSES = ['planned', 'registered', 'attended', 'cancelled'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

export interface StarterTraining {
  title: string;
  provider: string;
  format: TrainingFormat;
  /** Only where the price is known: the eGov-Campus courses are free; others are left for the municipality. */
  costCents: number | null;
  competences: readonly string[];
  url: string | null;
}

const EGOV = 'eGov-Campus';
/**
 * Typical offers to start a catalogue from: real providers with generic course titles. Prices and hours are
 * not invented — the municipality fills them in from the provider's current programme.
 */
export const STARTER_TRAININGS: readonly StarterTraining[] = [
  {
    title: 'Digitale Verwaltung: Grundlagen (MOOC)',
    provider: EGOV,
    format: 'self_study',
    costCents: 0,
    competences: ['1.1', '1.3', '5.2'],
    url: 'https://egov-campus.org',
  },
  {
    title: 'Informationssicherheit in der Verwaltung (MOOC)',
    provider: EGOV,
    format: 'self_study',
    costCents: 0,
    competences: ['4.1', '4.2'],
    url: 'https://egov-campus.org',
  },
  {
    title: 'Datenkompetenz für die öffentliche Verwaltung (MOOC)',
    provider: EGOV,
    format: 'self_study',
    costCents: 0,
    competences: ['1.2', '1.3', '3.4'],
    url: 'https://egov-campus.org',
  },
  {
    title: 'Prozessmanagement und Digitalisierung von Verwaltungsleistungen (MOOC)',
    provider: EGOV,
    format: 'self_study',
    costCents: 0,
    competences: ['5.2', '5.3'],
    url: 'https://egov-campus.org',
  },
  {
    title: 'Arbeiten mit der E-Akte',
    provider: 'Verwaltungsakademie Bordesholm',
    format: 'presence',
    costCents: null,
    competences: ['1.3', '2.4'],
    url: null,
  },
  {
    title: 'Datenschutz im Verwaltungsalltag',
    provider: 'Studieninstitut für kommunale Verwaltung Westfalen-Lippe',
    format: 'online',
    costCents: null,
    competences: ['4.2', '2.6'],
    url: null,
  },
  {
    title: 'Barrierefreie Dokumente erstellen',
    provider: 'Niedersächsisches Studieninstitut für kommunale Verwaltung',
    format: 'blended',
    costCents: null,
    competences: ['3.1', '3.2', '3.3'],
    url: null,
  },
  {
    title: 'Digitale Zusammenarbeit und Videokonferenzen',
    provider: 'Digitalakademie@bw',
    format: 'online',
    costCents: null,
    competences: ['2.1', '2.2', '2.4', '2.5'],
    url: null,
  },
  {
    title: 'Technische Probleme am Arbeitsplatz selbst lösen',
    provider: 'Bayerische Verwaltungsschule',
    format: 'presence',
    costCents: null,
    competences: ['5.1', '5.4'],
    url: null,
  },
];

/**
 * At least this many people must have assessed themselves before any figure of a group is shown: the survey
 * engine's default anonymity threshold (there is no per-municipality setting; surveys carry their own).
 */
export const COMPETENCE_THRESHOLD = DEFAULT_THRESHOLD;

export interface GroupCount {
  key: string;
  n: number;
}

/**
 * Which groups (departments) of one unit (an area of the heatmap) may be shown, and whether the total may.
 * The one-dimensional case of the survey engine's rule (`publishableCells` in disclosure.ts): every shown
 * group holds at least `threshold` people, and so does the rest — everyone in no shown group — unless it is
 * empty, because "the total minus the shown groups" can be computed from the shown figures. Groups are
 * withdrawn smallest first (then by key, so the answer does not depend on the order) until that holds.
 * `hidden` groups are never shown (people without a department) but count in the total and the rest.
 */
export function publishableGroups(
  counts: readonly GroupCount[],
  threshold: number,
  hidden: readonly string[] = [],
): { total: boolean; groups: Set<string> } {
  const live = counts.filter((c) => c.n > 0);
  const total = live.reduce((s, c) => s + c.n, 0);
  if (total < threshold) return { total: false, groups: new Set() };
  const shown = live
    .filter((c) => c.n >= threshold && !hidden.includes(c.key))
    .sort((a, b) => a.n - b.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (;;) {
    const rest = total - shown.reduce((s, c) => s + c.n, 0);
    if (rest === 0 || rest >= threshold) return { total: true, groups: new Set(shown.map((c) => c.key)) };
    shown.shift();
  }
}
