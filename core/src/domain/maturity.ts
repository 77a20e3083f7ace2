/**
 * The maturity model of issue 22: the seed's dimensions, each with criteria on five levels described for a small
 * municipality (1 initial … 5 optimising), versioned; the level of a dimension from its criteria; percentiles as
 * PostgreSQL's `percentile_cont` computes them (the benchmark runs in SQL, these are the reference).
 */

export const MATURITY_MODEL_VERSION = '2026.1';
export const MATURITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];
export const MATURITY_LEVEL_NAMES: Record<MaturityLevel, string> = {
  1: 'Anfang',
  2: 'Wiederholbar',
  3: 'Festgelegt',
  4: 'Gesteuert',
  5: 'Optimierend',
};

/** What the platform already knows that answers a criterion (filled in from the municipality's own data). */
export const MATURITY_PREFILL_SOURCES = [
  'target_picture_adopted',
  'needs_register',
  'service_inventory',
  'processes_modelled',
  'media_breaks',
  'portfolio_prioritised',
  'project_method',
  'papers_with_risk_budget',
  'papers_economics',
  'capacity_planned',
  'competence_assessments',
  'trainings_recorded',
  'staff_council_checks',
  'funding_lines',
  'staff_rates',
  'communication_plan',
  'pulse_run',
  'ideas_box',
  'network_member',
  'shared_service_live',
  'exchange_reuse',
  'joint_agreements',
  'key_figure_e_file',
  'key_figure_e_invoice',
  'services_online_share',
] as const;
export type MaturityPrefillSource = (typeof MATURITY_PREFILL_SOURCES)[number];

export interface MaturityCriterion {
  key: string;
  name: string;
  /** What each level looks like in a small municipality, level 1 first. */
  levels: readonly [string, string, string, string, string];
  prefill?: MaturityPrefillSource;
}
export interface MaturityDimension {
  key: string;
  name: string;
  criteria: readonly MaturityCriterion[];
}

const c = (
  key: string,
  name: string,
  levels: MaturityCriterion['levels'],
  prefill?: MaturityPrefillSource,
): MaturityCriterion => (prefill ? { key, name, levels, prefill } : { key, name, levels });

export const MATURITY_DIMENSIONS: readonly MaturityDimension[] = [
  {
    key: 'strategy',
    name: 'Strategie und Zielbild',
    criteria: [
      c(
        'target_picture',
        'Zielbild Digitalisierung',
        [
          'Es gibt kein schriftliches Zielbild; Digitalisierung geschieht anlassbezogen.',
          'Ein Entwurf eines Zielbilds liegt vor, ist aber nicht abgestimmt.',
          'Ein Zielbild mit Handlungsfeldern ist von der Verwaltungsspitze beschlossen.',
          'Das Zielbild hat messbare Ziele mit Kennzahlen, die jährlich berichtet werden.',
          'Das Zielbild wird regelmäßig mit Rat, Beschäftigten und Bürgerschaft fortgeschrieben.',
        ],
        'target_picture_adopted',
      ),
      c('council_backing', 'Rückhalt in Rat und Spitze', [
        'Digitalisierung ist im Rat kein Thema.',
        'Einzelne Vorhaben werden im Rat vorgestellt.',
        'Der Rat hat die Digitalisierungsstrategie beschlossen.',
        'Der Rat erhält regelmäßig einen Sachstandsbericht.',
        'Digitalisierung ist fester Teil der Haushaltsberatung und der Ziele der Verwaltungsspitze.',
      ]),
      c(
        'needs_based',
        'Bedarfsorientierung',
        [
          'Vorhaben entstehen aus Angeboten von Herstellern.',
          'Bedarfe werden gelegentlich gesammelt, aber nicht bewertet.',
          'Bedarfe der Fachbereiche werden erfasst und Zielen zugeordnet.',
          'Bedarfe aus Umfragen, Workshops und Ideen der Beschäftigten fließen geordnet ein.',
          'Die Wirkung umgesetzter Vorhaben auf die Bedarfe wird geprüft.',
        ],
        'needs_register',
      ),
      c('responsibility', 'Verantwortung und Zeit', [
        'Niemand ist ausdrücklich zuständig.',
        'Eine Person kümmert sich neben ihren anderen Aufgaben.',
        'Eine Koordination ist benannt und hat feste Stunden dafür.',
        'Die Koordination hat ein Budget und eine Vertretung.',
        'Die Koordination steuert mit einem Team aus allen Fachbereichen.',
      ]),
    ],
  },
  {
    key: 'organisation',
    name: 'Organisation und Prozesse',
    criteria: [
      c(
        'service_inventory',
        'Leistungsverzeichnis',
        [
          'Welche Leistungen die Verwaltung erbringt, ist nirgends zusammengestellt.',
          'Eine Liste der Leistungen gibt es, ohne Fallzahlen.',
          'Die Leistungen sind mit Fallzahlen und Zuständigkeit erfasst.',
          'Aufwand und Reifegrad je Leistung sind bekannt und aktuell.',
          'Das Verzeichnis steuert, welche Leistungen zuerst digitalisiert werden.',
        ],
        'service_inventory',
      ),
      c(
        'process_models',
        'Prozessmodelle',
        [
          'Abläufe sind nur in den Köpfen der Beschäftigten.',
          'Einzelne Abläufe sind als Text oder Skizze beschrieben.',
          'Wichtige Leistungen sind als Ist-Prozess modelliert.',
          'Zu den wichtigsten Leistungen gibt es Soll-Prozesse mit berechneter Einsparung.',
          'Prozessmodelle werden nach jeder Umstellung aktualisiert und geteilt.',
        ],
        'processes_modelled',
      ),
      c(
        'media_breaks',
        'Medienbrüche',
        [
          'Anträge werden ausgedruckt, abgetippt und per Post weitergegeben.',
          'Einzelne Leistungen kommen digital an, werden aber ausgedruckt.',
          'Bei den häufigsten Leistungen sind Medienbrüche bekannt und gezählt.',
          'Die meisten Leistungen laufen ohne Ausdruck bis zur Ablage.',
          'Daten werden zwischen Fachverfahren ohne erneute Eingabe übergeben.',
        ],
        'media_breaks',
      ),
      c('roles', 'Rollen und Vertretungen', [
        'Zuständigkeiten sind nicht festgehalten.',
        'Ein Geschäftsverteilungsplan existiert, ist aber veraltet.',
        'Zuständigkeiten und Vertretungen sind aktuell dokumentiert.',
        'Prozessverantwortliche sind für wichtige Leistungen benannt.',
        'Prozessverantwortliche verbessern ihre Abläufe regelmäßig mit Kennzahlen.',
      ]),
    ],
  },
  {
    key: 'portfolio',
    name: 'Projekt- und Portfoliomanagement',
    criteria: [
      c(
        'portfolio_overview',
        'Überblick über Vorhaben',
        [
          'Es gibt keinen Überblick über laufende Vorhaben.',
          'Vorhaben sind in einer Liste erfasst.',
          'Alle Vorhaben haben Verantwortliche, Zeitraum und Stand.',
          'Vorhaben werden nach festen Kriterien priorisiert.',
          'Das Portfolio wird regelmäßig mit Kapazität und Budget abgeglichen.',
        ],
        'portfolio_prioritised',
      ),
      c(
        'project_method',
        'Projektvorgehen',
        [
          'Vorhaben laufen ohne Plan.',
          'Große Vorhaben haben einen Zeitplan.',
          'Vorhaben haben Meilensteine, Aufgaben und Statusberichte.',
          'Risiken und Abhängigkeiten werden geführt und berichtet.',
          'Erfahrungen aus abgeschlossenen Vorhaben fließen in neue ein.',
        ],
        'project_method',
      ),
      c(
        'decision_papers',
        'Entscheidungsgrundlagen',
        [
          'Der Rat entscheidet ohne Kostenübersicht.',
          'Beschlussvorlagen nennen die einmaligen Kosten.',
          'Vorlagen enthalten Folgekosten und Nutzen über mehrere Jahre.',
          'Vorlagen enthalten Risiken mit einem Risikobudget.',
          'Nach der Umsetzung wird die Wirtschaftlichkeit nachgeprüft.',
        ],
        'papers_with_risk_budget',
      ),
      c(
        'capacity',
        'Kapazitätsplanung',
        [
          'Niemand weiß, wer wie viel Zeit für Vorhaben hat.',
          'Engpässe werden bemerkt, wenn sie eintreten.',
          'Die verfügbaren Stunden für Digitalisierung sind bekannt.',
          'Geplante Stunden je Person und Monat werden mit den verfügbaren verglichen.',
          'Vorhaben werden nur gestartet, wenn die Kapazität reicht.',
        ],
        'capacity_planned',
      ),
    ],
  },
  {
    key: 'staff',
    name: 'Personal und Kompetenzen',
    criteria: [
      c(
        'skills_known',
        'Kompetenzen bekannt',
        [
          'Digitale Kompetenzen der Beschäftigten sind unbekannt.',
          'Einzelne Beschäftigte gelten als „die mit der Technik“.',
          'Beschäftigte schätzen ihre Kompetenzen nach einem Rahmen ein (z. B. DigComp).',
          'Schwächen werden je Fachbereich ausgewertet, anonym.',
          'Die Einschätzung wird wiederholt und zeigt Fortschritte.',
        ],
        'competence_assessments',
      ),
      c(
        'training',
        'Qualifizierung',
        [
          'Schulungen gibt es nur bei Einführung neuer Software.',
          'Beschäftigte können Schulungen auf Nachfrage besuchen.',
          'Ein Schulungsplan richtet sich nach den festgestellten Bedarfen.',
          'Die Teilnahme wird erfasst; die meisten Beschäftigten werden jährlich geschult.',
          'Multiplikatorinnen und Multiplikatoren geben Wissen im Haus weiter.',
        ],
        'trainings_recorded',
      ),
      c(
        'staff_council',
        'Beteiligung des Personalrats',
        [
          'Der Personalrat erfährt von Vorhaben erst bei der Einführung.',
          'Der Personalrat wird bei großen Vorhaben informiert.',
          'Die Mitbestimmung wird für jedes Vorhaben geprüft.',
          'Eine Dienstvereinbarung regelt den Umgang mit neuer Technik.',
          'Der Personalrat wirkt an der Digitalisierungsstrategie mit.',
        ],
        'staff_council_checks',
      ),
      c('recruiting', 'Personalgewinnung', [
        'Digitale Kompetenzen spielen bei Stellenbesetzungen keine Rolle.',
        'Stellenanzeigen nennen IT-Kenntnisse.',
        'Für die Digitalisierung gibt es eine eigene (Teil-)Stelle.',
        'Stellenprofile beschreiben die nötigen digitalen Kompetenzen.',
        'Die Verwaltung bildet selbst für digitale Aufgaben aus.',
      ]),
    ],
  },
  {
    key: 'finance',
    name: 'Finanzen und Ressourcen',
    criteria: [
      c('budget', 'Haushaltsmittel', [
        'Für Digitalisierung gibt es keine eigenen Haushaltsmittel.',
        'Mittel werden je Vorhaben einzeln beantragt.',
        'Im Haushalt steht ein Budget für Digitalisierung.',
        'Das Budget ist mehrjährig geplant, mit Folgekosten.',
        'Einsparungen aus umgesetzten Vorhaben werden im Haushalt sichtbar.',
      ]),
      c(
        'funding',
        'Fördermittel',
        [
          'Fördermittel werden nicht genutzt.',
          'Förderprogramme sind bekannt, werden aber selten beantragt.',
          'Fördermittel werden für passende Vorhaben regelmäßig beantragt.',
          'Förderfristen und -bedingungen werden im Finanzplan geführt.',
          'Die Kommune beantragt Förderung gemeinsam mit Nachbarn.',
        ],
        'funding_lines',
      ),
      c(
        'economics',
        'Wirtschaftlichkeit',
        [
          'Wirtschaftlichkeit wird nicht betrachtet.',
          'Anschaffungskosten werden verglichen.',
          'Kosten und Nutzen über die Laufzeit werden berechnet.',
          'Die WiBe-Methode (Kapitalwert, Dringlichkeit, Strategie) wird angewendet.',
          'Die Berechnung wird nach der Umsetzung mit tatsächlichen Zahlen verglichen.',
        ],
        'papers_economics',
      ),
      c(
        'staff_costs',
        'Personalkosten',
        [
          'Der Zeitaufwand der Beschäftigten wird nicht bewertet.',
          'Zeitaufwand wird geschätzt, aber nicht in Euro.',
          'Zeitaufwand wird mit Personalkostensätzen bewertet.',
          'Die Kostensätze sind jährlich aktualisiert, mit Quelle.',
          'Eingesparte Arbeitszeit wird gezielt für neue Aufgaben eingeplant.',
        ],
        'staff_rates',
      ),
    ],
  },
  {
    key: 'change',
    name: 'Veränderung und Kommunikation',
    criteria: [
      c(
        'communication',
        'Kommunikation',
        [
          'Beschäftigte erfahren von Änderungen kurzfristig.',
          'Wichtige Änderungen werden per Rundmail angekündigt.',
          'Vorhaben haben einen Kommunikationsplan.',
          'Erfolge werden regelmäßig intern veröffentlicht.',
          'Beschäftigte geben Rückmeldung, die sichtbar aufgegriffen wird.',
        ],
        'communication_plan',
      ),
      c(
        'readiness',
        'Veränderungsbereitschaft',
        [
          'Die Stimmung zu Veränderungen ist unbekannt.',
          'Die Stimmung wird aus Gesprächen geschätzt.',
          'Eine anonyme Befragung zur Veränderungsbereitschaft wurde durchgeführt.',
          'Die Befragung wird regelmäßig wiederholt und zeigt einen Verlauf.',
          'Maßnahmen folgen gezielt aus den schwächsten Bereichen.',
        ],
        'pulse_run',
      ),
      c(
        'participation',
        'Beteiligung',
        [
          'Beschäftigte werden nicht gefragt.',
          'Ideen werden gelegentlich mündlich aufgenommen.',
          'Eine Ideenbox steht allen offen.',
          'Ideen bekommen eine begründete Antwort und werden umgesetzt.',
          'Beschäftigte gestalten Soll-Prozesse in Workshops mit.',
        ],
        'ideas_box',
      ),
      c('leadership', 'Führung', [
        'Führungskräfte halten sich aus der Digitalisierung heraus.',
        'Einzelne Führungskräfte unterstützen Vorhaben.',
        'Führungskräfte vertreten die Ziele in ihren Bereichen.',
        'Führungskräfte geben Zeit für Lernen und Ausprobieren.',
        'Führungskräfte messen ihren Erfolg auch an der Digitalisierung.',
      ]),
    ],
  },
  {
    key: 'cooperation',
    name: 'Interkommunale Zusammenarbeit',
    criteria: [
      c(
        'network',
        'Austausch im Netzwerk',
        [
          'Die Kommune tauscht sich nicht mit anderen aus.',
          'Kontakte zu Nachbarn bestehen anlassbezogen.',
          'Die Kommune ist Mitglied eines Netzwerks (z. B. Innovationszirkel).',
          'Die Kommune teilt eigene Projekte und übernimmt fremde.',
          'Die Kommune bringt Vorhaben gemeinsam mit anderen auf den Weg.',
        ],
        'network_member',
      ),
      c(
        'shared_services',
        'Gemeinsame Dienste',
        [
          'Alle Aufgaben werden allein erledigt.',
          'Eine Zusammenarbeit wird diskutiert.',
          'Eine Machbarkeitsstudie für einen gemeinsamen Dienst läuft.',
          'Mindestens ein gemeinsamer Dienst ist in Betrieb.',
          'Gemeinsame Dienste werden mit Kennzahlen gesteuert und erweitert.',
        ],
        'shared_service_live',
      ),
      c(
        'reuse',
        'Nachnutzung',
        [
          'Lösungen werden jedes Mal neu beschafft.',
          'Lösungen anderer Kommunen sind bekannt.',
          'Die Kommune prüft vor jedem Vorhaben Lösungen anderer.',
          'Die Kommune nutzt Lösungen anderer nach (z. B. EfA-Leistungen).',
          'Eigene Lösungen werden anderen zur Nachnutzung angeboten.',
        ],
        'exchange_reuse',
      ),
      c(
        'agreements',
        'Vereinbarungen',
        [
          'Es gibt keine Vereinbarungen zur Zusammenarbeit.',
          'Absprachen sind mündlich.',
          'Eine öffentlich-rechtliche Vereinbarung regelt eine Aufgabe.',
          'Kostenschlüssel und Umsatzsteuer (§ 2b UStG) sind geregelt.',
          'Die Zusammenarbeit ist auf Dauer angelegt und wird fortentwickelt.',
        ],
        'joint_agreements',
      ),
    ],
  },
  {
    key: 'technology',
    name: 'Technik und Infrastruktur',
    criteria: [
      c('security', 'Informationssicherheit', [
        'Es gibt keine Regeln zur Informationssicherheit.',
        'Grundlegende Regeln (Passwörter, Sicherungen) sind bekannt.',
        'Eine Person ist für Informationssicherheit benannt; es gibt eine Leitlinie.',
        'Ein Sicherheitskonzept nach BSI IT-Grundschutz (z. B. Weg in die Basis-Absicherung) ist umgesetzt.',
        'Sicherheit wird regelmäßig geprüft und geübt.',
      ]),
      c(
        'e_file',
        'E-Akte und DMS',
        [
          'Akten werden auf Papier geführt.',
          'Dokumente liegen zusätzlich in Ordnern auf einem Laufwerk.',
          'Ein Dokumentenmanagement ist in einzelnen Bereichen eingeführt.',
          'Die E-Akte ist in den meisten Bereichen führend.',
          'Die E-Akte ist überall führend, mit Anbindung der Fachverfahren.',
        ],
        'key_figure_e_file',
      ),
      c(
        'e_invoice',
        'E-Rechnung',
        [
          'Rechnungen kommen auf Papier und werden von Hand bearbeitet.',
          'Rechnungen kommen teils per E-Mail als PDF.',
          'E-Rechnungen (XRechnung) können empfangen werden.',
          'Eingangsrechnungen laufen digital durch Prüfung und Freigabe.',
          'Der Rechnungsworkflow ist vollständig digital bis zur Buchung und Archivierung.',
        ],
        'key_figure_e_invoice',
      ),
      c('workplace', 'Arbeitsplatz und Netz', [
        'Arbeitsplätze sind veraltet; mobiles Arbeiten ist nicht möglich.',
        'Einzelne Arbeitsplätze sind modernisiert.',
        'Alle Arbeitsplätze sind aktuell; mobiles Arbeiten ist möglich.',
        'Kollaborationswerkzeuge (Videokonferenz, gemeinsame Dokumente) sind eingeführt.',
        'Die Ausstattung wird nach einem Lebenszyklusplan erneuert.',
      ]),
    ],
  },
  {
    key: 'online',
    name: 'Online-Dienste (OZG)',
    criteria: [
      c(
        'online_share',
        'Anteil der Leistungen online',
        [
          'Keine Leistung ist online beantragbar.',
          'Informationen und Formulare zum Herunterladen sind online.',
          'Einige häufige Leistungen sind online beantragbar (OZG-Reifegrad 3).',
          'Die meisten häufigen Leistungen sind online beantragbar.',
          'Leistungen laufen online bis zum Bescheid, mit Once-Only (Reifegrad 4).',
        ],
        'services_online_share',
      ),
      c('portal', 'Verwaltungsportal und Konto', [
        'Die Kommune ist in keinem Portal vertreten.',
        'Die Leistungen sind im Landesportal beschrieben.',
        'Online-Anträge laufen über das Landesportal oder ein Nutzerkonto (BundID).',
        'Online-Anträge kommen ohne Ausdruck im Fachverfahren an.',
        'Bescheide werden digital zugestellt (Postfach).',
      ]),
      c('payment', 'Bezahlen', [
        'Gebühren werden nur bar oder per Überweisung bezahlt.',
        'Am Schalter ist Kartenzahlung möglich.',
        'Online-Anträge können online bezahlt werden (ePayment).',
        'Zahlungen werden automatisch verbucht.',
        'Alle Gebührenleistungen sind online bezahl- und verbuchbar.',
      ]),
      c('accessibility', 'Barrierefreiheit', [
        'Barrierefreiheit der Online-Angebote ist unbekannt.',
        'Die Website hat eine Erklärung zur Barrierefreiheit.',
        'Online-Angebote werden vor dem Start auf Barrierefreiheit geprüft (BITV 2.0).',
        'Rückmeldungen zur Barrierefreiheit werden bearbeitet und behoben.',
        'Menschen mit Behinderungen testen neue Angebote mit.',
      ]),
    ],
  },
];

/** A criterion's answer: a level, or null when not answered. */
export type CriterionAnswers = Readonly<Record<string, number | null | undefined>>;

/**
 * The level of a dimension: the mean of its answered criteria rounded down (a dimension is only as mature as its
 * criteria together allow), or null while fewer than half of them are answered.
 */
export function dimensionLevel(dimension: MaturityDimension, answers: CriterionAnswers): number | null {
  const given = dimension.criteria
    .map((k) => answers[k.key])
    .filter((v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5);
  if (given.length * 2 < dimension.criteria.length || given.length === 0) return null;
  return Math.floor(given.reduce((s, v) => s + v, 0) / given.length);
}

/** Every dimension's level (the radar's axes, in the model's order). */
export function maturityProfile(answers: CriterionAnswers, dimensions = MATURITY_DIMENSIONS) {
  return dimensions.map((d) => ({ key: d.key, name: d.name, level: dimensionLevel(d, answers) }));
}

/**
 * A percentile of numbers as PostgreSQL's `percentile_cont(p)` computes it: linear interpolation between the
 * sorted values at position p × (n − 1); null for no values.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(1, Math.max(0, p)) * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** The box plot of a group: minimum, quartiles and maximum (null for an empty group). */
export function quartiles(values: readonly number[]) {
  if (values.length === 0) return null;
  return {
    min: percentileCont(values, 0)!,
    q1: percentileCont(values, 0.25)!,
    median: percentileCont(values, 0.5)!,
    q3: percentileCont(values, 0.75)!,
    max: percentileCont(values, 1)!,
  };
}
