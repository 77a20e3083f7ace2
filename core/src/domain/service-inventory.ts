/**
 * The municipality's administrative services (Verwaltungsleistungen): a starter list of services a small
 * municipality (Gemeinde, Amt, Verbandsgemeinde) usually provides itself — not those of the Kreis — to tick
 * and adjust, with case volumes scaled to the population, and the inventory's portfolio figures.
 */
import type { OzgLevel } from './process-model.js';

export interface StarterService {
  key: string;
  name: string;
  /** OZG subject area, only where the assignment is clear; the municipality completes the rest. */
  subjectArea: string | null;
  lifeSituation: string | null;
  /** KGSt department number the service usually sits in (10 Hauptamt, 20 Kämmerei, 32 Ordnungsamt, …). */
  departmentCode: string;
  /** Estimated cases per year per 1,000 inhabitants (a rough starting value to adjust). */
  casesPer1000: number;
  /** Estimated working minutes per case today. */
  minutesPerCase: number;
  ozgLevel: OzgLevel;
}

export const STARTER_SERVICES: readonly StarterService[] = [
  {
    key: 'gewerbe-an',
    name: 'Gewerbe anmelden',
    subjectArea: 'Unternehmensführung & -entwicklung',
    lifeSituation: 'Unternehmensgründung',
    departmentCode: '32',
    casesPer1000: 8,
    minutesPerCase: 25,
    ozgLevel: 2,
  },
  {
    key: 'gewerbe-um',
    name: 'Gewerbe ummelden',
    subjectArea: 'Unternehmensführung & -entwicklung',
    lifeSituation: 'Unternehmensführung',
    departmentCode: '32',
    casesPer1000: 2,
    minutesPerCase: 20,
    ozgLevel: 2,
  },
  {
    key: 'gewerbe-ab',
    name: 'Gewerbe abmelden',
    subjectArea: 'Unternehmensführung & -entwicklung',
    lifeSituation: 'Unternehmensaufgabe',
    departmentCode: '32',
    casesPer1000: 6,
    minutesPerCase: 15,
    ozgLevel: 2,
  },
  {
    key: 'wohnsitz-an',
    name: 'Wohnsitz anmelden',
    subjectArea: null,
    lifeSituation: 'Umzug',
    departmentCode: '33',
    casesPer1000: 60,
    minutesPerCase: 15,
    ozgLevel: 1,
  },
  {
    key: 'meldebescheinigung',
    name: 'Meldebescheinigung ausstellen',
    subjectArea: null,
    lifeSituation: null,
    departmentCode: '33',
    casesPer1000: 20,
    minutesPerCase: 8,
    ozgLevel: 1,
  },
  {
    key: 'personalausweis',
    name: 'Personalausweis beantragen',
    subjectArea: null,
    lifeSituation: null,
    departmentCode: '33',
    casesPer1000: 70,
    minutesPerCase: 20,
    ozgLevel: 1,
  },
  {
    key: 'reisepass',
    name: 'Reisepass beantragen',
    subjectArea: 'Mobilität & Reisen',
    lifeSituation: 'Reisen',
    departmentCode: '33',
    casesPer1000: 30,
    minutesPerCase: 20,
    ozgLevel: 1,
  },
  {
    key: 'fuehrungszeugnis',
    name: 'Führungszeugnis beantragen',
    subjectArea: null,
    lifeSituation: null,
    departmentCode: '33',
    casesPer1000: 25,
    minutesPerCase: 10,
    ozgLevel: 1,
  },
  {
    key: 'hundesteuer',
    name: 'Hund zur Hundesteuer an- oder abmelden',
    subjectArea: 'Steuern & Zoll',
    lifeSituation: 'Haustier',
    departmentCode: '20',
    casesPer1000: 12,
    minutesPerCase: 15,
    ozgLevel: 1,
  },
  {
    key: 'grundsteuer',
    name: 'Grundsteuer festsetzen (Änderungen und Widersprüche)',
    subjectArea: 'Steuern & Zoll',
    lifeSituation: null,
    departmentCode: '20',
    casesPer1000: 15,
    minutesPerCase: 30,
    ozgLevel: 0,
  },
  {
    key: 'kita-platz',
    name: 'Kita-Platz anmelden',
    subjectArea: 'Familie & Kind',
    lifeSituation: 'Kinderbetreuung',
    departmentCode: '10',
    casesPer1000: 10,
    minutesPerCase: 40,
    ozgLevel: 1,
  },
  {
    key: 'geburt',
    name: 'Geburt beurkunden',
    subjectArea: 'Familie & Kind',
    lifeSituation: 'Geburt',
    departmentCode: '34',
    casesPer1000: 3,
    minutesPerCase: 45,
    ozgLevel: 0,
  },
  {
    key: 'eheschliessung',
    name: 'Eheschließung anmelden',
    subjectArea: 'Familie & Kind',
    lifeSituation: 'Heirat',
    departmentCode: '34',
    casesPer1000: 4,
    minutesPerCase: 60,
    ozgLevel: 0,
  },
  {
    key: 'sterbefall',
    name: 'Sterbefall beurkunden',
    subjectArea: null,
    lifeSituation: 'Todesfall',
    departmentCode: '34',
    casesPer1000: 10,
    minutesPerCase: 40,
    ozgLevel: 0,
  },
  {
    key: 'grabstelle',
    name: 'Grabnutzungsrecht erwerben oder verlängern',
    subjectArea: null,
    lifeSituation: 'Todesfall',
    departmentCode: '32',
    casesPer1000: 8,
    minutesPerCase: 30,
    ozgLevel: 0,
  },
  {
    key: 'fundsache',
    name: 'Fundsache melden oder abholen',
    subjectArea: 'Recht & Ordnung',
    lifeSituation: null,
    departmentCode: '32',
    casesPer1000: 6,
    minutesPerCase: 15,
    ozgLevel: 0,
  },
  {
    key: 'veranstaltung',
    name: 'Öffentliche Veranstaltung anzeigen',
    subjectArea: 'Engagement & Hobby',
    lifeSituation: 'Vereinsleben',
    departmentCode: '32',
    casesPer1000: 4,
    minutesPerCase: 45,
    ozgLevel: 1,
  },
  {
    key: 'sondernutzung',
    name: 'Sondernutzung öffentlicher Straßen beantragen',
    subjectArea: null,
    lifeSituation: null,
    departmentCode: '60',
    casesPer1000: 5,
    minutesPerCase: 40,
    ozgLevel: 0,
  },
  {
    key: 'baumfaellung',
    name: 'Baumfällung nach Baumschutzsatzung beantragen',
    subjectArea: 'Umwelt',
    lifeSituation: null,
    departmentCode: '60',
    casesPer1000: 3,
    minutesPerCase: 60,
    ozgLevel: 0,
  },
  {
    key: 'raumvermietung',
    name: 'Gemeinderaum oder Halle mieten',
    subjectArea: 'Engagement & Hobby',
    lifeSituation: 'Vereinsleben',
    departmentCode: '10',
    casesPer1000: 10,
    minutesPerCase: 20,
    ozgLevel: 0,
  },
  {
    key: 'briefwahl',
    name: 'Briefwahlunterlagen beantragen',
    subjectArea: null,
    lifeSituation: 'Wahlen',
    departmentCode: '10',
    casesPer1000: 120,
    minutesPerCase: 4,
    ozgLevel: 3,
  },
];

/** Cases per year of a starter service for a population (whole cases, at least 1). */
export const starterCases = (s: Pick<StarterService, 'casesPer1000'>, population: number) =>
  Math.max(1, Math.round((s.casesPer1000 * Math.max(0, population)) / 1000));

/** Hours a year a service takes today from its volume and minutes per case (one decimal). */
export const inventoryHours = (casesPerYear: number, minutesPerCase: number) =>
  Math.round(((casesPerYear * minutesPerCase) / 60) * 10) / 10;
