/**
 * Sensible defaults for a first council paper: cost-line templates by project type and risk suggestions by category.
 * The figures are guide values (Richtwerte) for a municipality of 10,000 inhabitants, net in cents; they are scaled by
 * population like an adopted exchange project and rounded to 10 €, and the user checks and edits every line.
 */
import { populationFactor, scaleEstimate } from './exchange.js';
import { type CostCategory, type CostLineInput, grossCents, kindOf, type StaffLineInput } from './finance.js';

export const PROJECT_TYPES = [
  'appointments',
  'online_services',
  'e_invoice',
  'dms',
  'website',
  'council_info',
  'field_software',
  'infrastructure',
  'other',
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

/** The risk categories of the register (the same list as the contract's RISK_CATEGORIES). */
export type RiskCategory = 'financial' | 'staff' | 'technical' | 'legal' | 'vendor' | 'acceptance';
export const SUGGESTION_CATEGORIES: readonly RiskCategory[] = [
  'financial',
  'staff',
  'technical',
  'legal',
  'vendor',
  'acceptance',
];

export interface RiskSuggestion {
  title: string;
  category: RiskCategory;
  /** Probability in percent. */
  probability: number;
  costMin: number;
  costLikely: number;
  costMax: number;
  weeks: number;
  mitigation: string;
  /** The municipality whose published project lists this risk (absent for a general suggestion). */
  source?: string;
}

/** A cost line of a template: a category of the cost plan (own staff is planned in hours apart). */
export type TemplateCost = CostLineInput & { category: Exclude<CostCategory, 'staff'> };

interface ProjectTemplate {
  /** German name of the type, as offered in the guided path and named in documents. */
  label: string;
  /** Lower-case word parts that identify the type in a title or description (and find comparable exchange entries). */
  keywords: readonly string[];
  costs: readonly TemplateCost[];
  staff: readonly StaffLineInput[];
  /** Risk categories that matter most for this type, most important first (the others follow). */
  risks: readonly RiskCategory[];
}

/** Inhabitants the guide values are meant for. */
export const TEMPLATE_POPULATION = 10_000;

/** A cost line from euros (min, likely, max); one-time or recurring follows from the category. */
const cost = (
  category: Exclude<CostCategory, 'staff'>,
  label: string,
  euros: [number, number, number],
  year = 0,
  vat = true,
): TemplateCost => {
  const [min, likely, max] = euros.map((e) => e * 100) as [number, number, number];
  return { kind: kindOf(category), category, label, year, vat, min, likely, max };
};
const staff = (label: string, payGroup: string, hours: [number, number, number]): StaffLineInput => ({
  kind: 'one_time',
  label,
  payGroup,
  year: 0,
  hours: { min: hours[0], likely: hours[1], max: hours[2] },
});

export const PROJECT_TEMPLATES: Record<ProjectType, ProjectTemplate> = {
  appointments: {
    label: 'Online-Terminvergabe',
    keywords: ['termin'],
    costs: [
      cost('investment', 'Terminsoftware: Einrichtung und Konfiguration', [6_000, 8_000, 12_000]),
      cost('implementation', 'Schnittstelle zum Fachverfahren (z. B. Meldewesen)', [2_000, 3_000, 6_000]),
      cost('training', 'Schulung der Mitarbeitenden', [800, 1_200, 2_000]),
      cost('licences', 'Lizenz und Wartung (Software als Dienst)', [2_400, 3_000, 4_000], 1),
    ],
    staff: [staff('Einführung, Prozessanpassung und Information der Bürgerschaft', 'EG 9b', [60, 100, 160])],
    risks: ['technical', 'acceptance', 'vendor', 'legal'],
  },
  online_services: {
    label: 'Online-Dienste (OZG-Leistungen)',
    keywords: ['ozg', 'online-dienst', 'onlinedienst', 'online-antrag', 'onlineantrag', 'antrag', 'portal', 'formular'],
    costs: [
      cost('investment', 'Formular- und Prozessbaukasten', [5_000, 8_000, 14_000]),
      cost('implementation', 'Anbindung an Servicekonto, Bezahldienst und Fachverfahren', [3_000, 5_000, 9_000]),
      cost('training', 'Schulung der Fachämter', [1_000, 1_500, 2_500]),
      cost('licences', 'Lizenzen und Betrieb der Plattform', [2_500, 3_500, 5_000], 1),
      cost('operation', 'Gebühren des Bezahldienstes (E-Payment)', [300, 600, 1_200], 1),
    ],
    staff: [staff('Prozessaufnahme und Test in den Fachämtern', 'EG 9b', [80, 150, 250])],
    risks: ['technical', 'legal', 'acceptance', 'staff'],
  },
  e_invoice: {
    label: 'E-Rechnung und Rechnungsworkflow',
    keywords: ['rechnung', 'xrechnung', 'zugferd'],
    costs: [
      cost('investment', 'Rechnungsworkflow-Software', [8_000, 10_000, 15_000]),
      cost(
        'implementation',
        'Anbindung an die Finanzsoftware und die Eingangskanäle (XRechnung)',
        [3_000, 5_000, 8_000],
      ),
      cost('training', 'Schulung der Kämmerei und der Fachämter', [1_000, 1_500, 2_500]),
      cost('licences', 'Lizenz und Wartung', [2_000, 2_400, 3_000], 1),
    ],
    staff: [staff('Einführung in der Kämmerei und den Fachämtern', 'EG 9b', [80, 120, 200])],
    risks: ['technical', 'staff', 'vendor', 'legal'],
  },
  dms: {
    label: 'E-Akte und Dokumentenmanagement',
    keywords: ['e-akte', 'eakte', 'akte', 'dms', 'dokumentenmanagement', 'scan'],
    costs: [
      cost('investment', 'Lizenzen des Dokumentenmanagementsystems', [15_000, 20_000, 30_000]),
      cost('implementation', 'Einführung, Aktenplan und Scanprozesse', [10_000, 15_000, 25_000]),
      cost('migration', 'Übernahme von Altbeständen', [3_000, 6_000, 12_000]),
      cost('training', 'Schulung aller Anwenderinnen und Anwender', [3_000, 4_000, 6_000]),
      cost('maintenance', 'Softwarepflege', [3_000, 4_000, 5_500], 1),
      cost('hosting', 'Betrieb beim kommunalen IT-Dienstleister', [1_500, 2_400, 3_600], 1),
    ],
    staff: [staff('Organisationsprojekt Aktenplan und Einführung', 'EG 11', [200, 300, 500])],
    risks: ['staff', 'acceptance', 'technical', 'legal'],
  },
  website: {
    label: 'Homepage und Internetauftritt',
    keywords: ['homepage', 'website', 'webseite', 'internetauftritt', 'internetseite', 'relaunch'],
    costs: [
      cost('implementation', 'Relaunch mit Baukasten: Konzept, Gestaltung, Einrichtung', [8_000, 12_000, 18_000]),
      cost('migration', 'Übernahme der Inhalte', [1_000, 2_000, 4_000]),
      cost('external', 'Prüfung der Barrierefreiheit (BITV-Test)', [1_500, 2_500, 4_000]),
      cost('training', 'Schulung der Redaktion', [600, 1_000, 1_500]),
      cost('hosting', 'Hosting und Pflege des Baukastens', [1_800, 2_400, 3_600], 1),
    ],
    staff: [staff('Redaktion der Inhalte in den Ämtern', 'EG 8', [60, 100, 160])],
    risks: ['staff', 'legal', 'vendor', 'acceptance'],
  },
  council_info: {
    label: 'Ratsinformationssystem und digitale Gremienarbeit',
    keywords: ['ratsinformation', 'gremien', 'sitzungsdienst', 'ratsmitglied', 'papierlos'],
    costs: [
      cost('investment', 'Ratsinformationssystem: Einrichtung', [4_000, 6_000, 9_000]),
      cost('investment', 'Tablets für die Ratsmitglieder', [6_000, 8_000, 11_000]),
      cost('training', 'Schulung der Ratsmitglieder und des Sitzungsdienstes', [800, 1_200, 2_000]),
      cost('licences', 'Lizenz und Wartung', [1_800, 2_400, 3_200], 1),
      cost('operation', 'Geräteverwaltung und Datenverträge', [1_000, 1_500, 2_200], 1),
    ],
    staff: [staff('Einführung im Sitzungsdienst', 'EG 8', [40, 80, 120])],
    risks: ['acceptance', 'technical', 'legal', 'financial'],
  },
  field_software: {
    label: 'Fachverfahren ablösen',
    keywords: ['fachverfahren', 'ablösung', 'altverfahren', 'meldewesen', 'standesamt', 'finanzsoftware'],
    costs: [
      cost('investment', 'Lizenzen des neuen Fachverfahrens', [8_000, 12_000, 20_000]),
      cost('implementation', 'Einrichtung und Schnittstellen', [4_000, 6_000, 10_000]),
      cost('migration', 'Datenübernahme aus dem Altverfahren', [2_000, 4_000, 8_000]),
      cost('training', 'Schulung der Fachanwenderinnen und Fachanwender', [1_000, 2_000, 3_000]),
      cost('maintenance', 'Softwarepflege', [1_800, 2_400, 3_600], 1),
    ],
    staff: [staff('Parallelbetrieb, Test und Abnahme', 'EG 9b', [80, 140, 240])],
    risks: ['technical', 'vendor', 'staff', 'financial'],
  },
  infrastructure: {
    label: 'IT-Infrastruktur (Netz, Geräte, WLAN)',
    keywords: ['wlan', 'netzwerk', 'server', 'arbeitsplätze', 'hardware', 'glasfaser', 'telefonanlage', 'endgeräte'],
    costs: [
      cost('investment', 'Hardware (Geräte, Netzkomponenten)', [12_000, 18_000, 26_000]),
      cost('external', 'Planung und Ausschreibung', [1_500, 2_500, 4_000]),
      cost('implementation', 'Installation und Einrichtung', [3_000, 5_000, 8_000]),
      cost('maintenance', 'Wartung und Support', [1_500, 2_200, 3_200], 1),
    ],
    staff: [staff('Koordination, Abnahme und Inventarisierung', 'EG 9b', [40, 80, 120])],
    risks: ['financial', 'vendor', 'technical', 'legal'],
  },
  other: {
    label: 'Sonstiges Digitalisierungsvorhaben',
    keywords: [],
    costs: [
      cost('investment', 'Beschaffung (Software oder Geräte)', [5_000, 8_000, 12_000]),
      cost('implementation', 'Einführung und Einrichtung', [2_000, 3_000, 5_000]),
      cost('training', 'Schulung', [500, 1_000, 1_500]),
      cost('licences', 'Lizenz, Wartung und Betrieb', [1_500, 2_000, 3_000], 1),
    ],
    staff: [staff('Projektleitung und Einführung', 'EG 9b', [60, 100, 160])],
    risks: ['financial', 'staff', 'technical', 'acceptance'],
  },
};

const risk = (
  category: RiskCategory,
  title: string,
  probability: number,
  euros: [number, number, number],
  weeks: number,
  mitigation: string,
): RiskSuggestion => ({
  title,
  category,
  probability,
  costMin: euros[0] * 100,
  costLikely: euros[1] * 100,
  costMax: euros[2] * 100,
  weeks,
  mitigation,
});

/** Typical risks of municipal digital projects, per category (costs for 10,000 inhabitants, in cents). */
export const RISK_SUGGESTIONS: Record<RiskCategory, readonly RiskSuggestion[]> = {
  financial: [
    risk(
      'financial',
      'Kosten steigen über die Schätzung',
      30,
      [1_000, 3_000, 8_000],
      0,
      'Festpreise vereinbaren, Reserve im Haushalt vorsehen',
    ),
    risk(
      'financial',
      'Förderung wird nicht oder später bewilligt',
      25,
      [2_000, 5_000, 10_000],
      8,
      'Förderung früh beantragen, Umsetzung in Stufen planen',
    ),
  ],
  staff: [
    risk(
      'staff',
      'Schlüsselpersonen fallen aus oder sind überlastet',
      40,
      [500, 2_000, 5_000],
      6,
      'Vertretung benennen, Projektzeit fest einplanen',
    ),
  ],
  technical: [
    risk(
      'technical',
      'Schnittstelle zum Fachverfahren verzögert sich',
      35,
      [1_000, 3_000, 8_000],
      6,
      'Schnittstelle vor Vertragsschluss testen lassen',
    ),
    risk(
      'technical',
      'Datenübernahme aufwendiger als geplant',
      30,
      [1_000, 2_500, 6_000],
      4,
      'Probemigration mit echten Daten vereinbaren',
    ),
  ],
  legal: [
    risk(
      'legal',
      'Datenschutzprüfung oder Personalrat verzögern den Start',
      30,
      [0, 1_000, 3_000],
      8,
      'Datenschutzbeauftragte und Personalrat von Anfang an einbinden',
    ),
    risk(
      'legal',
      'Vergabe muss wiederholt werden',
      15,
      [500, 1_500, 4_000],
      12,
      'Leistungsbeschreibung prüfen lassen, Rahmenverträge nutzen',
    ),
  ],
  vendor: [
    risk(
      'vendor',
      'Anbieter liefert verspätet',
      25,
      [500, 2_000, 6_000],
      4,
      'Liefertermine und Vertragsstrafe vereinbaren',
    ),
    risk(
      'vendor',
      'Anbieter erhöht die Lizenzpreise',
      20,
      [1_000, 2_000, 6_000],
      0,
      'Preisbindung über die Vertragslaufzeit vereinbaren',
    ),
  ],
  acceptance: [
    risk(
      'acceptance',
      'Mitarbeitende nutzen das neue Verfahren zögerlich',
      35,
      [500, 1_500, 4_000],
      4,
      'Früh beteiligen, Ansprechpersonen in den Ämtern benennen',
    ),
    risk(
      'acceptance',
      'Geringe Nutzung durch Bürgerinnen und Bürger',
      30,
      [500, 1_000, 3_000],
      0,
      'Bekannt machen (Amtsblatt, Homepage), Hilfe vor Ort anbieten',
    ),
  ],
};

/**
 * The project type a title (and description) most likely describes: the type with the most keyword hits, the earlier
 * type on a tie, and "other" without any hit.
 */
export function guessProjectType(text: string): ProjectType {
  const lower = text.toLowerCase();
  let best: ProjectType = 'other';
  let hits = 0;
  for (const type of PROJECT_TYPES) {
    const n = PROJECT_TEMPLATES[type].keywords.filter((k) => lower.includes(k)).length;
    if (n > hits) {
      best = type;
      hits = n;
    }
  }
  return best;
}

/** Rounds a three-point estimate to whole 10 € (monotone, so min ≤ likely ≤ max still holds). */
const roundTen = (e: { min: number; likely: number; max: number }) => {
  const r = (c: number) => Math.round(c / 1_000) * 1_000;
  return { min: r(e.min), likely: r(e.likely), max: r(e.max) };
};

/**
 * The template of a project type for a municipality: cost lines scaled by population (own ÷ 10,000, as an adopted
 * exchange project) and rounded to 10 €; own staff hours stay as they are (the work of introducing it barely depends
 * on size).
 */
export function projectTemplate(type: ProjectType, population: number) {
  const t = PROJECT_TEMPLATES[type];
  const factor = populationFactor(population, TEMPLATE_POPULATION);
  return {
    type,
    label: t.label,
    factor,
    costs: t.costs.map((c) => ({ ...c, ...roundTen(scaleEstimate(c, factor)) })),
    staff: t.staff.map((s) => ({ ...s, hours: { ...s.hours } })),
  };
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
/** Whether a suggestion is already in the register (same title, ignoring case and spacing). */
export const isSuggestionTaken = (s: Pick<RiskSuggestion, 'title'>, registerTitles: readonly string[]) =>
  registerTitles.some((t) => normalise(t) === normalise(s.title));

/**
 * Risk suggestions grouped by category, the categories that matter most for the type first; costs scaled like the
 * template. Extra suggestions (e.g. the risks of a comparable exchange project) join their category's group first and
 * replace a general suggestion of the same title.
 */
export function riskSuggestions(type: ProjectType, population: number, extra: readonly RiskSuggestion[] = []) {
  const factor = populationFactor(population, TEMPLATE_POPULATION);
  const first = PROJECT_TEMPLATES[type].risks;
  const order = [...first, ...SUGGESTION_CATEGORIES.filter((c) => !first.includes(c))];
  return order.map((category) => ({
    category,
    items: [
      ...extra.filter((r) => r.category === category),
      ...RISK_SUGGESTIONS[category]
        .filter(
          (r) =>
            !isSuggestionTaken(
              r,
              extra.map((x) => x.title),
            ),
        )
        .map((r) => {
          const e = roundTen(scaleEstimate({ min: r.costMin, likely: r.costLikely, max: r.costMax }, factor));
          return { ...r, costMin: e.min, costLikely: e.likely, costMax: e.max };
        }),
    ],
  }));
}

/** Sums of the most likely values, net and gross: one-time in total and recurring per year. */
export function costTotals(costs: readonly Pick<CostLineInput, 'kind' | 'likely' | 'vat'>[]) {
  const sum = (kind: CostLineInput['kind'], gross: boolean) =>
    costs.filter((c) => c.kind === kind).reduce((s, c) => s + (gross ? grossCents(c.likely, c.vat) : c.likely), 0);
  return {
    oneTimeNet: sum('one_time', false),
    oneTimeGross: sum('one_time', true),
    recurringNet: sum('recurring', false),
    recurringGross: sum('recurring', true),
  };
}
