/**
 * The key-figure ring (Kennzahlenvergleich, issue 22): key figures with definition, unit and direction, the
 * defaults every municipality sees, the ones the platform can compute, and the peer groups of the benchmark.
 */
import { DEFAULT_THRESHOLD } from './survey.js';

export const KEY_FIGURE_DIRECTIONS = ['higher', 'lower'] as const;
export type KeyFigureDirection = (typeof KEY_FIGURE_DIRECTIONS)[number];

/** Key figures the platform computes from a municipality's own data (the value says so). */
export const COMPUTED_KEY_FIGURES = ['online_share', 'fte_per_10k', 'trained_share'] as const;
export type ComputedKeyFigure = (typeof COMPUTED_KEY_FIGURES)[number];

export const VALUE_ORIGINS = ['entered', 'computed'] as const;
export type ValueOrigin = (typeof VALUE_ORIGINS)[number];

export interface KeyFigureDefinition {
  key: string;
  name: string;
  definition: string;
  unit: string;
  direction: KeyFigureDirection;
  source: string;
  decimals: number;
  computed: ComputedKeyFigure | null;
  /** Values must lie in this range (percentages 0–100). */
  min: number;
  max: number | null;
}

/** The defaults of every ring (platform-wide, maintained by the platform administration). */
export const DEFAULT_KEY_FIGURES: readonly KeyFigureDefinition[] = [
  {
    key: 'online_share',
    name: 'Anteil der Leistungen online (OZG-Reifegrad ≥ 3)',
    definition:
      'Leistungen des Leistungsverzeichnisses, die heute mindestens auf OZG-Reifegrad 3 online beantragt werden können, geteilt durch alle erfassten Leistungen.',
    unit: '%',
    direction: 'higher',
    source: 'Leistungsverzeichnis der Plattform (Prozesse)',
    decimals: 1,
    computed: 'online_share',
    min: 0,
    max: 100,
  },
  {
    key: 'it_spend_per_inhabitant',
    name: 'IT-Ausgaben je Einwohnerin und Einwohner',
    definition:
      'Ausgaben des Haushaltsjahres für IT (Sachkosten, Dienstleistungen, Lizenzen, Umlagen an IT-Dienstleister) geteilt durch die Einwohnerzahl am 31.12. des Vorjahres.',
    unit: '€',
    direction: 'lower',
    source: 'Haushalt (Ergebnisrechnung), Einwohnerzahl des Statistischen Landesamts',
    decimals: 2,
    computed: null,
    min: 0,
    max: null,
  },
  {
    key: 'fte_per_10k',
    name: 'Stellen für Digitalisierung je 10.000 Einwohner',
    definition:
      'Vollzeitäquivalente (39 Stunden je Woche), die für Digitalisierung verfügbar sind, je 10.000 Einwohnerinnen und Einwohner.',
    unit: 'VZÄ',
    direction: 'higher',
    source: 'Kapazitätsplanung der Plattform (verfügbare Stunden je Woche)',
    decimals: 2,
    computed: 'fte_per_10k',
    min: 0,
    max: null,
  },
  {
    key: 'trained_share',
    name: 'Anteil der Beschäftigten mit Schulung in den letzten 12 Monaten',
    definition:
      'Beschäftigte, die in den letzten 12 Monaten an mindestens einer Schulung zu digitalen Themen teilgenommen haben, geteilt durch alle Beschäftigten der Kommune auf der Plattform.',
    unit: '%',
    direction: 'higher',
    source: 'Qualifizierungsplan der Plattform (Teilnahme „teilgenommen“)',
    decimals: 1,
    computed: 'trained_share',
    min: 0,
    max: 100,
  },
  {
    key: 'e_file_coverage',
    name: 'Abdeckung E-Akte',
    definition: 'Anteil der Arbeitsplätze, an denen die E-Akte führend ist, an allen Arbeitsplätzen der Verwaltung.',
    unit: '%',
    direction: 'higher',
    source: 'Eigene Erhebung (IT oder Organisation)',
    decimals: 0,
    computed: null,
    min: 0,
    max: 100,
  },
  {
    key: 'e_invoice_share',
    name: 'Anteil elektronisch eingegangener Rechnungen',
    definition:
      'Eingangsrechnungen, die strukturiert elektronisch (XRechnung, ZUGFeRD) eingingen, geteilt durch alle Eingangsrechnungen des Jahres.',
    unit: '%',
    direction: 'higher',
    source: 'Finanzsoftware (Rechnungseingangsbuch)',
    decimals: 0,
    computed: null,
    min: 0,
    max: 100,
  },
  {
    key: 'processing_days',
    name: 'Durchschnittliche Bearbeitungszeit eines Standardfalls',
    definition:
      'Kalendertage vom Eingang bis zum Abschluss einer Gewerbeanmeldung, gemittelt über die Fälle des Jahres (der Standardfall des Rings).',
    unit: 'Tage',
    direction: 'lower',
    source: 'Fachverfahren oder Stichprobe von 20 Fällen',
    decimals: 1,
    computed: null,
    min: 0,
    max: null,
  },
];

/** At least this many municipalities must have a value before any figure of a peer group is shown. */
export const BENCHMARK_THRESHOLD = DEFAULT_THRESHOLD;
/**
 * The 10th and 90th percentile are shown from this many values on. Below it they would give away the smallest and
 * the largest value: with five values the quartiles are the 2nd to 4th value, and p10/p90 (interpolated) the rest.
 */
export const BENCHMARK_WHISKER_MIN = 10;

/** The years the benchmark shows: this one and the four before it. */
export const BENCHMARK_YEARS = 5;

/** The peer groups, from the narrowest to all. */
export const PEER_GROUP_KINDS = ['size_land', 'size_class', 'land', 'network', 'all'] as const;
export type PeerGroupKind = (typeof PEER_GROUP_KINDS)[number];

/** Keys of the groups a municipality belongs to (the same shape for every municipality, see `publishableGroupCells`). */
export function peerCells(m: { sizeClass: number; landCode: string; networkIds: readonly string[] }): string[] {
  return [
    'all',
    `gk:${m.sizeClass}`,
    `land:${m.landCode}`,
    `gkland:${m.sizeClass}:${m.landCode}`,
    ...[...m.networkIds].sort().map((id) => `net:${id}`),
  ];
}

/** The quarter a value falls into (1 = best quarter), by the figure's direction. */
export function quarterOfValue(
  value: number,
  q: { q1: number; median: number; q3: number },
  direction: KeyFigureDirection,
): 1 | 2 | 3 | 4 {
  // the quarter from the bottom of the distribution: 1 below q1 … 4 above q3
  const fromBottom = value < q.q1 ? 1 : value < q.median ? 2 : value <= q.q3 ? 3 : 4;
  return (direction === 'higher' ? 5 - fromBottom : fromBottom) as 1 | 2 | 3 | 4;
}
