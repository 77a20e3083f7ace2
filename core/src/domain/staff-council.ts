/**
 * The staff council's (Personalrat) involvement in a digitalisation project: a short co-determination check and
 * the steps of the procedure with their dates. The check is guidance for the coordination, not legal advice: it
 * names the matters the Bundespersonalvertretungsgesetz lists, while a municipality's staff council acts under its
 * Land's own law, whose catalogue and paragraphs differ.
 */

/** How strongly the staff council takes part, weakest first. */
export const STAFF_COUNCIL_LEVELS = ['information', 'participation', 'codetermination'] as const;
export type StaffCouncilLevel = (typeof STAFF_COUNCIL_LEVELS)[number];

export const STAFF_COUNCIL_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type StaffCouncilAnswer = (typeof STAFF_COUNCIL_ANSWERS)[number];

/** The steps of the procedure in their order; each reached step has its date. */
export const STAFF_COUNCIL_STATUSES = [
  'not_started',
  'informed',
  'consulted',
  'agreed',
  'agreement_concluded',
] as const;
export type StaffCouncilStatus = (typeof STAFF_COUNCIL_STATUSES)[number];

/** The date field of each step after `not_started`, in the order of the steps. */
export const STAFF_COUNCIL_DATE_FIELDS = ['informedOn', 'consultedOn', 'agreedOn', 'concludedOn'] as const;
export type StaffCouncilDateField = (typeof STAFF_COUNCIL_DATE_FIELDS)[number];
export type StaffCouncilDates = Record<StaffCouncilDateField, string | null>;

export const STAFF_COUNCIL_STATUS_LABELS: Record<StaffCouncilStatus, string> = {
  not_started: 'noch nicht beteiligt',
  informed: 'informiert',
  consulted: 'erörtert',
  agreed: 'zugestimmt',
  agreement_concluded: 'Dienstvereinbarung abgeschlossen',
};

export const STAFF_COUNCIL_LEVEL_LABELS: Record<StaffCouncilLevel, string> = {
  information: 'Information des Personalrats',
  participation: 'Mitwirkung (Beteiligung) des Personalrats wahrscheinlich',
  codetermination: 'Mitbestimmung des Personalrats wahrscheinlich erforderlich',
};

export const STAFF_COUNCIL_QUESTION_IDS = [
  'monitoring',
  'workMethods',
  'workplaces',
  'performance',
  'organisation',
  'employeeData',
  'dailyWork',
] as const;
export type StaffCouncilQuestionId = (typeof STAFF_COUNCIL_QUESTION_IDS)[number];
export type StaffCouncilAnswers = Record<StaffCouncilQuestionId, StaffCouncilAnswer>;

export interface StaffCouncilQuestion {
  id: StaffCouncilQuestionId;
  /** The question as the coordination answers it. */
  text: string;
  /** A short help: what counts, with an example from a municipality. */
  hint: string;
  /** The legal basis in the BPersVG (the Länder laws have corresponding matters under other paragraphs). */
  basis: string;
  /** What a "yes" means for the staff council's part. */
  level: StaffCouncilLevel;
}

/**
 * The check's questions. The paragraph is cited without item numbers: the 2021 revision of the BPersVG renumbered
 * the catalogue, and the Länder laws number it differently again.
 */
export const STAFF_COUNCIL_QUESTIONS: readonly StaffCouncilQuestion[] = [
  {
    id: 'monitoring',
    text: 'Führt das Vorhaben technische Einrichtungen ein oder ändert sie wesentlich, die geeignet sind, das Verhalten oder die Leistung der Beschäftigten zu überwachen?',
    hint: 'Es genügt, dass die Technik dazu geeignet ist – eine Absicht zur Kontrolle ist nicht nötig. Beispiele: Protokolle mit Benutzernamen und Zeitstempel, Auswertungen je Person, Bearbeitungszeiten im Fachverfahren, Standortdaten.',
    basis: '§ 80 Abs. 1 BPersVG (technische Einrichtungen zur Überwachung von Verhalten oder Leistung)',
    level: 'codetermination',
  },
  {
    id: 'workMethods',
    text: 'Ändert sich die Arbeitsweise grundlegend, etwa vom Papier zur E-Akte oder durch ein neues Fachverfahren?',
    hint: 'Gemeint sind neue Arbeitsmethoden, die die Beschäftigten spürbar anders arbeiten lassen – nicht ein Update derselben Software.',
    basis: '§ 80 Abs. 1 BPersVG (Einführung grundlegend neuer Arbeitsmethoden)',
    level: 'codetermination',
  },
  {
    id: 'workplaces',
    text: 'Verändert das Vorhaben Arbeitsplätze, etwa Bildschirmarbeitsplätze, Räume, Geräte oder mobiles Arbeiten?',
    hint: 'Zum Beispiel zweite Bildschirme für die E-Akte, Scanner am Arbeitsplatz, Tablets für den Bauhof.',
    basis: '§ 80 Abs. 1 BPersVG (Gestaltung der Arbeitsplätze)',
    level: 'codetermination',
  },
  {
    id: 'performance',
    text: 'Soll das Vorhaben Arbeitsabläufe straffen oder die Arbeitsleistung heben, etwa durch Vorgaben zu Fallzahlen oder Bearbeitungszeiten?',
    hint: 'Maßnahmen zur Hebung der Arbeitsleistung und zur Erleichterung des Arbeitsablaufs; auch eine neue Verteilung der Arbeit im Team.',
    basis: '§ 80 Abs. 1 BPersVG (Hebung der Arbeitsleistung, Erleichterung des Arbeitsablaufs)',
    level: 'codetermination',
  },
  {
    id: 'organisation',
    text: 'Werden Aufgaben, Zuständigkeiten oder Dienststellen neu geordnet, etwa zusammengelegt oder an einen gemeinsamen Dienst (Shared Service) abgegeben?',
    hint: 'Organisatorische Entscheidungen, bei denen der Personalrat nach den meisten Gesetzen mitwirkt, auch wenn er nicht mitbestimmt.',
    basis: 'BPersVG, Mitwirkung in organisatorischen Angelegenheiten (z. B. Auflösung, Zusammenlegung, Verlegung)',
    level: 'participation',
  },
  {
    id: 'employeeData',
    text: 'Verarbeitet das Vorhaben personenbezogene Daten der Beschäftigten, etwa Benutzerkonten, Rollen oder Anmeldedaten?',
    hint: 'Dann gehören auch die oder der Datenschutzbeauftragte und eine Dokumentation der Verarbeitung dazu.',
    basis: 'BPersVG, Unterrichtung des Personalrats; Art. 88 DSGVO mit § 26 BDSG bzw. Landesdatenschutzgesetz',
    level: 'information',
  },
  {
    id: 'dailyWork',
    text: 'Arbeiten Beschäftigte künftig mit dem neuen Verfahren oder ändert sich ihr Arbeitsalltag auf andere Weise?',
    hint: 'Der Personalrat ist rechtzeitig und umfassend zu unterrichten, wenn die Beschäftigten betroffen sind.',
    basis: 'BPersVG, allgemeine Unterrichtung des Personalrats',
    level: 'information',
  },
];

/** The note shown with every check: which law applies, and that the check does not replace advice. */
export const STAFF_COUNCIL_LEGAL_NOTE =
  'Das Bundespersonalvertretungsgesetz (BPersVG) gilt für die Verwaltungen des Bundes. Für Gemeinden, Ämter und Kreise gilt das Personalvertretungsgesetz ihres Landes (z. B. LPVG, LPersVG, PersVG, in Schleswig-Holstein das Mitbestimmungsgesetz MBG Schl.-H.); Umfang der Beteiligung, Verfahren und Paragrafen weichen dort ab. Die Prüfung ist eine Orientierungshilfe, keine Rechtsberatung – klären Sie das Verfahren frühzeitig mit Ihrem Personalrat und Ihrer Personalabteilung.';

export interface StaffCouncilReason {
  questionId: StaffCouncilQuestionId;
  answer: 'yes' | 'unknown';
  text: string;
  basis: string;
  level: StaffCouncilLevel;
}

export interface StaffCouncilAssessment {
  level: StaffCouncilLevel;
  label: string;
  /** Every question that raised the level (yes, or still open where it could), strongest first. */
  reasons: StaffCouncilReason[];
  /** Questions still answered "unknown". */
  open: number;
  advice: string;
}

const rank = (l: StaffCouncilLevel) => STAFF_COUNCIL_LEVELS.indexOf(l);

const ADVICE: Record<StaffCouncilLevel, string> = {
  codetermination:
    'Holen Sie die Zustimmung des Personalrats ein, bevor die Maßnahme umgesetzt wird; bei Überwachungstechnik empfiehlt sich eine Dienstvereinbarung.',
  participation:
    'Erörtern Sie das Vorhaben rechtzeitig mit dem Personalrat und geben Sie ihm Gelegenheit zur Stellungnahme, bevor entschieden wird.',
  information: 'Unterrichten Sie den Personalrat rechtzeitig und umfassend über das Vorhaben.',
};

/**
 * What the answers suggest: the strongest level among the questions answered "yes". An open ("unknown") question
 * counts as if answered yes — until it is cleared, the cautious reading protects the measure from being taken
 * without the staff council. At least the information of the staff council is always due.
 */
export function assessStaffCouncil(answers: StaffCouncilAnswers): StaffCouncilAssessment {
  const reasons: StaffCouncilReason[] = [];
  let level: StaffCouncilLevel = 'information';
  let open = 0;
  for (const q of STAFF_COUNCIL_QUESTIONS) {
    const a = answers[q.id];
    if (a === 'unknown') open += 1;
    if (a === 'no') continue;
    reasons.push({ questionId: q.id, answer: a, text: q.text, basis: q.basis, level: q.level });
    if (rank(q.level) > rank(level)) level = q.level;
  }
  reasons.sort((x, y) => rank(y.level) - rank(x.level) || (x.answer === y.answer ? 0 : x.answer === 'yes' ? -1 : 1));
  const openNote = open
    ? ` ${open === 1 ? 'Eine Frage ist' : `${open} Fragen sind`} noch offen und ${open === 1 ? 'zählt' : 'zählen'} vorsorglich wie ein „Ja“.`
    : '';
  return { level, label: STAFF_COUNCIL_LEVEL_LABELS[level], reasons, open, advice: `${ADVICE[level]}${openNote}` };
}

/** Answers of a check not made yet: every question open. */
export const emptyStaffCouncilAnswers = (): StaffCouncilAnswers =>
  Object.fromEntries(STAFF_COUNCIL_QUESTION_IDS.map((id) => [id, 'unknown'])) as StaffCouncilAnswers;

export interface StaffCouncilDateIssue {
  field: StaffCouncilDateField;
  code: 'status_date_required' | 'date_beyond_status' | 'date_order';
  message: string;
}

const STEP_NAME: Record<StaffCouncilDateField, string> = {
  informedOn: 'der Information',
  consultedOn: 'der Erörterung',
  agreedOn: 'der Zustimmung',
  concludedOn: 'des Abschlusses der Dienstvereinbarung',
};

/**
 * The dates of the procedure checked against its status: the reached step needs its date, a step not reached yet
 * has none, and the dates never go backwards (an earlier step may be left out, e.g. information and consultation
 * on the same occasion). German messages, one per broken field.
 */
export function staffCouncilDateIssues(status: StaffCouncilStatus, dates: StaffCouncilDates): StaffCouncilDateIssue[] {
  const reached = STAFF_COUNCIL_STATUSES.indexOf(status); // 0 = not started; step i has field i - 1
  const issues: StaffCouncilDateIssue[] = [];
  let last: { field: StaffCouncilDateField; date: string } | null = null;
  STAFF_COUNCIL_DATE_FIELDS.forEach((field, i) => {
    const step = i + 1;
    const date = dates[field];
    if (step > reached) {
      if (date)
        issues.push({
          field,
          code: 'date_beyond_status',
          message: `Das Datum ${STEP_NAME[field]} gehört zu einem späteren Schritt. Wählen Sie diesen Stand oder leeren Sie das Datum.`,
        });
      return;
    }
    if (!date) {
      if (step === reached)
        issues.push({
          field,
          code: 'status_date_required',
          message: `Bitte geben Sie das Datum ${STEP_NAME[field]} an.`,
        });
      return;
    }
    if (last && date < last.date)
      issues.push({
        field,
        code: 'date_order',
        message: `Das Datum ${STEP_NAME[field]} liegt vor dem Datum ${STEP_NAME[last.field]}. Die Schritte folgen aufeinander.`,
      });
    else last = { field, date };
  });
  return issues;
}
