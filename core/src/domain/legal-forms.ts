/**
 * Guidance for a shared service's legal form and its VAT question (§ 2b UStG, mandatory from 1 January 2027).
 * A guided checklist: answers in, the forms ranked with their reasons out. Guidance with its legal sources,
 * never legal advice — the municipal supervisory authority and the tax office decide.
 */

export const LEGAL_FORM_KEYS = [
  'arbeitsgemeinschaft',
  'zweckvereinbarung_mandatierend',
  'zweckvereinbarung_delegierend',
  'zweckverband',
  'kommunalunternehmen',
  'gmbh',
] as const;
export type LegalFormKey = (typeof LEGAL_FORM_KEYS)[number];

export interface LegalForm {
  key: LegalFormKey;
  name: string;
  /** What it takes: decisions of every council, supervisory approval, own budget, staff transfer, staff council. */
  needs: {
    councilDecisions: boolean;
    supervisoryApproval: boolean;
    ownBudget: boolean;
    staffTransfer: boolean;
    staffCouncil: boolean;
  };
  pros: readonly string[];
  cons: readonly string[];
  source: string;
}

const GKG = 'Gesetz über kommunale Gemeinschaftsarbeit bzw. Zusammenarbeit des jeweiligen Landes (GkG/GKZ/KAG)';

export const LEGAL_FORMS: readonly LegalForm[] = [
  {
    key: 'arbeitsgemeinschaft',
    name: 'Kommunale Arbeitsgemeinschaft',
    needs: {
      councilDecisions: true,
      supervisoryApproval: false,
      ownBudget: false,
      staffTransfer: false,
      staffCouncil: false,
    },
    pros: ['Schnell und formlos vereinbart', 'Keine Aufsichtsgenehmigung', 'Jede Kommune bleibt voll zuständig'],
    cons: [
      'Nur Abstimmung und Beratung, keine gemeinsame Aufgabenerledigung',
      'Beschlüsse binden die Mitglieder nicht',
    ],
    source: GKG,
  },
  {
    key: 'zweckvereinbarung_mandatierend',
    name: 'Öffentlich-rechtliche Vereinbarung (mandatierend)',
    needs: {
      councilDecisions: true,
      supervisoryApproval: true,
      ownBudget: false,
      staffTransfer: false,
      staffCouncil: true,
    },
    pros: [
      'Eine Kommune erledigt die Aufgabe für die anderen, die Zuständigkeit bleibt bei jeder Kommune',
      'Kein neuer Rechtsträger, geringer Verwaltungsaufwand',
      'Kostenerstattung nach vereinbartem Schlüssel',
    ],
    cons: ['Die beauftragende Kommune bleibt nach außen verantwortlich', 'Abhängigkeit von der ausführenden Kommune'],
    source: GKG,
  },
  {
    key: 'zweckvereinbarung_delegierend',
    name: 'Öffentlich-rechtliche Vereinbarung (delegierend)',
    needs: {
      councilDecisions: true,
      supervisoryApproval: true,
      ownBudget: false,
      staffTransfer: true,
      staffCouncil: true,
    },
    pros: [
      'Die Aufgabe geht mit Zuständigkeit auf eine Kommune über (klare Verantwortung)',
      'Kein neuer Rechtsträger',
      'Kostenschlüssel verpflichtend vereinbart',
    ],
    cons: ['Abgebende Kommunen verlieren Zuständigkeit und Einfluss', 'Personalübergang kann nötig werden'],
    source: GKG,
  },
  {
    key: 'zweckverband',
    name: 'Zweckverband',
    needs: {
      councilDecisions: true,
      supervisoryApproval: true,
      ownBudget: true,
      staffTransfer: true,
      staffCouncil: true,
    },
    pros: [
      'Eigener Rechtsträger mit Verbandsversammlung, alle Mitglieder entscheiden mit',
      'Eigener Haushalt, darf eine Umlage erheben',
      'Dauerhaft und für viele Mitglieder geeignet',
    ],
    cons: ['Gründung dauert (Satzung, Genehmigung, Organe)', 'Eigene Haushaltsführung und Verwaltung kosten'],
    source: GKG,
  },
  {
    key: 'kommunalunternehmen',
    name: 'Gemeinsames Kommunalunternehmen (AöR)',
    needs: {
      councilDecisions: true,
      supervisoryApproval: true,
      ownBudget: true,
      staffTransfer: true,
      staffCouncil: true,
    },
    pros: [
      'Eigener öffentlich-rechtlicher Rechtsträger mit unternehmerischer Führung (Vorstand, Verwaltungsrat)',
      'Darf Gebühren erheben und hoheitlich handeln',
    ],
    cons: [
      'Keine Umlage: finanziert über Gebühren und Entgelte',
      'Nicht in jedem Land für gemeinsame Träger vorgesehen',
    ],
    source: 'Kommunalunternehmensrecht des Landes (z. B. Art. 49–50 KommZG Bayern, § 14a GkG NRW)',
  },
  {
    key: 'gmbh',
    name: 'GmbH in kommunaler Hand',
    needs: {
      councilDecisions: true,
      supervisoryApproval: true,
      ownBudget: true,
      staffTransfer: true,
      staffCouncil: true,
    },
    pros: ['Flexibel, auch für Leistungen an Dritte und am Markt', 'Privates Arbeits- und Vergaberecht vertraut'],
    cons: [
      'Nicht hoheitlich: keine Gebühren, keine Satzungen',
      'Umsätze sind in der Regel umsatzsteuerpflichtig',
      'Gemeindewirtschaftsrecht: Zweck, Haftungsbegrenzung und Einfluss müssen gesichert sein',
    ],
    source: 'Gemeindeordnung des Landes (wirtschaftliche Betätigung), GmbHG',
  },
];

export interface LegalAnswers {
  /** Only coordinate and advise each other, no shared service. */
  coordinationOnly?: boolean;
  /** The responsibility for the task itself should move (not only the work). */
  transferResponsibility?: boolean;
  /** The service needs its own budget, assets or debt. */
  ownBudget?: boolean;
  /** The service charges fees to citizens itself. */
  chargesFees?: boolean;
  /** The service will also work for private customers or on the market. */
  servesThirdParties?: boolean;
  /** Many partners (roughly more than five) or members joining and leaving over time. */
  manyPartners?: boolean;
}

export interface LegalRecommendation {
  key: LegalFormKey;
  name: string;
  score: number;
  reasons: string[];
}

/** The forms ranked for the answers given (unanswered questions count as "no"), best first, with reasons. */
export function recommendLegalForm(a: LegalAnswers): LegalRecommendation[] {
  const score = new Map<LegalFormKey, { score: number; reasons: string[] }>(
    LEGAL_FORM_KEYS.map((k) => [k, { score: 0, reasons: [] }]),
  );
  const add = (k: LegalFormKey, points: number, reason: string) => {
    const e = score.get(k)!;
    e.score += points;
    e.reasons.push(reason);
  };
  if (a.coordinationOnly) {
    add('arbeitsgemeinschaft', 10, 'Es geht nur um Abstimmung und Beratung.');
    for (const k of LEGAL_FORM_KEYS.filter((x) => x !== 'arbeitsgemeinschaft'))
      add(k, -5, 'Mehr Aufwand als für reine Abstimmung nötig.');
  } else {
    add('arbeitsgemeinschaft', -10, 'Eine Arbeitsgemeinschaft kann keine Aufgabe gemeinsam erledigen.');
    add('zweckvereinbarung_mandatierend', 3, 'Eine Kommune kann die Aufgabe für die anderen erledigen.');
    add('zweckvereinbarung_delegierend', 3, 'Eine Kommune kann die Aufgabe für die anderen übernehmen.');
  }
  if (a.transferResponsibility) {
    add('zweckvereinbarung_delegierend', 3, 'Die Zuständigkeit soll übergehen.');
    add('zweckverband', 2, 'Die Zuständigkeit geht auf den Verband über.');
    add('kommunalunternehmen', 2, 'Die Zuständigkeit geht auf das Kommunalunternehmen über.');
    add('zweckvereinbarung_mandatierend', -3, 'Bei der Mandatierung bleibt die Zuständigkeit bei jeder Kommune.');
  } else if (!a.coordinationOnly) {
    add('zweckvereinbarung_mandatierend', 2, 'Die Zuständigkeit bleibt bei jeder Kommune.');
  }
  if (a.ownBudget) {
    add('zweckverband', 6, 'Ein eigener Haushalt (mit Umlage) ist vorgesehen.');
    add('kommunalunternehmen', 5, 'Ein eigener Wirtschaftsplan ist vorgesehen.');
    add('gmbh', 5, 'Eigenes Vermögen und eigene Wirtschaftsführung sind möglich.');
    add('zweckvereinbarung_mandatierend', -4, 'Ohne eigenen Rechtsträger kein eigener Haushalt.');
    add('zweckvereinbarung_delegierend', -4, 'Ohne eigenen Rechtsträger kein eigener Haushalt.');
  }
  if (a.chargesFees) {
    add('kommunalunternehmen', 4, 'Ein Kommunalunternehmen darf Gebühren erheben.');
    add('zweckverband', 2, 'Ein Zweckverband darf Gebühren erheben.');
    add('gmbh', -4, 'Eine GmbH darf keine Gebühren erheben.');
  }
  if (a.servesThirdParties) {
    add('gmbh', 5, 'Leistungen an Private und am Markt passen zu einer GmbH.');
    for (const k of ['zweckvereinbarung_mandatierend', 'zweckvereinbarung_delegierend', 'zweckverband'] as const)
      add(k, -2, 'Leistungen an Dritte sind hier nur begrenzt zulässig.');
  } else {
    add('gmbh', -3, 'Ohne Leistungen am Markt bringt die GmbH vor allem Umsatzsteuer und Aufwand.');
  }
  if (a.manyPartners) {
    add('zweckverband', 3, 'Viele Mitglieder entscheiden in der Verbandsversammlung gemeinsam.');
    add('zweckvereinbarung_mandatierend', -1, 'Mit vielen Partnern wird ein Vertragsgeflecht unübersichtlich.');
  } else if (!a.coordinationOnly) {
    add('zweckvereinbarung_mandatierend', 1, 'Für wenige Partner genügt ein Vertrag.');
    add('zweckvereinbarung_delegierend', 1, 'Für wenige Partner genügt ein Vertrag.');
  }
  return LEGAL_FORMS.map((f) => ({ key: f.key, name: f.name, ...score.get(f.key)! })).sort(
    (x, y) => y.score - x.score || LEGAL_FORM_KEYS.indexOf(x.key) - LEGAL_FORM_KEYS.indexOf(y.key),
  );
}

export interface VatAnswers {
  /** § 2b Abs. 3 Nr. 1: the service may by law only be provided by public bodies. */
  reservedByLaw?: boolean;
  /** § 2b Abs. 3 Nr. 2 a: the cooperation rests on a long-term public-law agreement. */
  longTermPublicLaw?: boolean;
  /** § 2b Abs. 3 Nr. 2 b: it serves public infrastructure or the performance of a public task. */
  publicTask?: boolean;
  /** § 2b Abs. 3 Nr. 2 c: paid by cost reimbursement only (no profit margin). */
  costReimbursementOnly?: boolean;
  /** § 2b Abs. 3 Nr. 2 d: provided mainly to public bodies. */
  mainlyPublicBodies?: boolean;
  /** § 2b Abs. 2 Nr. 1: similar turnover of the providing body ≤ 17,500 € a year. */
  smallTurnover?: boolean;
}

export interface VatAssessment {
  /** Taxable (19 % on each partner's share) unless a condition keeps it out. */
  taxable: boolean;
  reasons: string[];
  sources: string[];
}

export const VAT_DISCLAIMER =
  'Orientierungshilfe, keine Rechts- oder Steuerberatung. Die Beurteilung trifft das zuständige Finanzamt; eine verbindliche Auskunft (§ 89 AO) schafft Sicherheit.';

/** § 2b UStG: whether the service between the partners stays non-taxable, and why. */
export function assessVat(a: VatAnswers): VatAssessment {
  const reasons: string[] = [];
  const sources = [
    '§ 2b UStG (ab 1. Januar 2027 verpflichtend, § 27 Abs. 22a UStG)',
    'BMF-Schreiben vom 16. Dezember 2016',
  ];
  if (a.reservedByLaw) {
    reasons.push(
      'Die Leistung darf nach gesetzlichen Bestimmungen nur von juristischen Personen des öffentlichen Rechts erbracht werden (§ 2b Abs. 3 Nr. 1 UStG).',
    );
    return { taxable: false, reasons, sources };
  }
  const nr2 = [
    [a.longTermPublicLaw, 'eine langfristige öffentlich-rechtliche Vereinbarung'],
    [a.publicTask, 'der Erhalt öffentlicher Infrastruktur oder die Wahrnehmung einer gemeinsamen öffentlichen Aufgabe'],
    [a.costReimbursementOnly, 'ein Entgelt nur als Kostenerstattung'],
    [a.mainlyPublicBodies, 'Leistungen im Wesentlichen an juristische Personen des öffentlichen Rechts'],
  ] as const;
  if (nr2.every(([ok]) => ok)) {
    reasons.push('Alle Voraussetzungen der Zusammenarbeit nach § 2b Abs. 3 Nr. 2 UStG liegen vor.');
    return { taxable: false, reasons, sources };
  }
  if (a.smallTurnover) {
    reasons.push(
      'Der Umsatz aus gleichartigen Tätigkeiten bleibt voraussichtlich unter 17.500 € im Jahr (§ 2b Abs. 2 Nr. 1 UStG).',
    );
    return { taxable: false, reasons, sources };
  }
  for (const [ok, what] of nr2) if (!ok) reasons.push(`Es fehlt: ${what} (§ 2b Abs. 3 Nr. 2 UStG).`);
  reasons.push('Dann gilt die Leistung als steuerbar: 19 % Umsatzsteuer auf den Anteil jeder Partnerkommune.');
  return { taxable: true, reasons, sources };
}
