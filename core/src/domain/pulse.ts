import type { LocalText, Question, SurveyDefinition } from './survey.js';

/**
 * The change-readiness pulse: a short, recurring, anonymous survey of all staff on the survey engine, asking
 * along the five ADKAR dimensions (Prosci: awareness, desire, knowledge, ability, reinforcement). The template
 * is an ordinary survey definition; scores, the weakest dimensions, the suggested actions and the quarters of
 * the schedule are computed here, the same in browser and server.
 */

export const ADKAR_DIMENSIONS = ['awareness', 'desire', 'knowledge', 'ability', 'reinforcement'] as const;
export type AdkarDimension = (typeof ADKAR_DIMENSIONS)[number];

/** The staff groups a respondent names (choice ids of the grouping question). */
export const PULSE_STAFF_GROUPS = ['fuehrung', 'verwaltung', 'aussendienst', 'azubi'] as const;
export type PulseStaffGroup = (typeof PULSE_STAFF_GROUPS)[number];
export const PULSE_GROUPINGS = ['none', 'staffGroup', 'department'] as const;
export type PulseGrouping = (typeof PULSE_GROUPINGS)[number];

/** Question ids of the template outside the Likert items. */
export const PULSE_GROUP_QUESTION = 'gruppe';
export const PULSE_DEPARTMENT_QUESTION = 'bereich';
export const PULSE_OPEN_QUESTION = 'hinweis';

export const PULSE_TITLE_PREFIX = 'Veränderungspuls';

/** Below this mean score (1–5) a dimension counts as weak and gets a suggested action. */
export const WEAK_SCORE = 3.5;

interface PulseItem {
  id: string;
  dimension: AdkarDimension;
  text: LocalText;
}

/** Seven short statements, one or two per dimension, for the staff of a small municipality. */
export const PULSE_ITEMS: readonly PulseItem[] = [
  {
    id: 'awareness_warum',
    dimension: 'awareness',
    text: {
      de: 'Ich verstehe, warum wir unsere Arbeit digitaler machen.',
      en: 'I understand why we are making our work more digital.',
    },
  },
  {
    id: 'awareness_was',
    dimension: 'awareness',
    text: {
      de: 'Ich weiß, welche Veränderungen in den nächsten Monaten meinen Arbeitsbereich betreffen.',
      en: 'I know which changes will affect my area of work in the coming months.',
    },
  },
  {
    id: 'desire_mittragen',
    dimension: 'desire',
    text: {
      de: 'Ich möchte die anstehenden Veränderungen aktiv mittragen.',
      en: 'I want to actively support the upcoming changes.',
    },
  },
  {
    id: 'knowledge_wie',
    dimension: 'knowledge',
    text: {
      de: 'Ich weiß, wie ich die neuen Abläufe und Programme nutzen soll.',
      en: 'I know how to use the new procedures and software.',
    },
  },
  {
    id: 'knowledge_hilfe',
    dimension: 'knowledge',
    text: {
      de: 'Ich weiß, wo ich Hilfe oder eine Schulung bekomme, wenn ich nicht weiterkomme.',
      en: 'I know where to get help or training when I am stuck.',
    },
  },
  {
    id: 'ability_alltag',
    dimension: 'ability',
    text: {
      de: 'Ich kann die neuen Abläufe in meinem Arbeitsalltag sicher anwenden.',
      en: 'I can apply the new procedures confidently in my daily work.',
    },
  },
  {
    id: 'reinforcement_anerkennung',
    dimension: 'reinforcement',
    text: {
      de: 'Gute Erfahrungen mit dem Neuen werden bei uns sichtbar gemacht und anerkannt.',
      en: 'Good experiences with the new ways are made visible and recognised here.',
    },
  },
];

const AGREE: LocalText[] = [
  { de: 'trifft gar nicht zu', en: 'strongly disagree' },
  { de: 'trifft eher nicht zu', en: 'disagree' },
  { de: 'teils, teils', en: 'neither' },
  { de: 'trifft eher zu', en: 'agree' },
  { de: 'trifft voll zu', en: 'strongly agree' },
];

export const STAFF_GROUP_LABELS: Record<PulseStaffGroup, LocalText> = {
  fuehrung: { de: 'Führungskraft', en: 'Manager' },
  verwaltung: { de: 'Verwaltung', en: 'Administration' },
  aussendienst: { de: 'Außendienst / Bauhof', en: 'Field staff / building yard' },
  azubi: { de: 'Auszubildende', en: 'Trainees' },
};

export const DIMENSION_LABELS: Record<AdkarDimension, LocalText> = {
  awareness: { de: 'Bewusstsein', en: 'Awareness' },
  desire: { de: 'Bereitschaft', en: 'Desire' },
  knowledge: { de: 'Wissen', en: 'Knowledge' },
  ability: { de: 'Fähigkeit', en: 'Ability' },
  reinforcement: { de: 'Verankerung', en: 'Reinforcement' },
};

/**
 * The pulse as a survey definition. The department question lists the municipality's departments (choice id =
 * department id) when there are at least two — one would tell nothing, and the engine wants two choices.
 */
export function pulseTemplate(departments: ReadonlyArray<{ id: string; name: string }> = []): SurveyDefinition {
  const items: Question[] = PULSE_ITEMS.map((i) => ({
    id: i.id,
    type: 'scale',
    text: i.text,
    required: true,
    scaleLabels: AGREE,
  }));
  const about: Question[] = [
    {
      id: PULSE_GROUP_QUESTION,
      type: 'single',
      text: { de: 'In welchem Bereich arbeiten Sie?', en: 'Where do you work?' },
      help: {
        de: 'Nur für die Auswertung nach Gruppen. Gruppen mit zu wenigen Antworten werden nie gezeigt.',
        en: 'Only for results by group. Groups with too few answers are never shown.',
      },
      required: false,
      options: PULSE_STAFF_GROUPS.map((g) => ({ id: g, label: STAFF_GROUP_LABELS[g] })),
    },
  ];
  if (departments.length >= 2)
    about.push({
      id: PULSE_DEPARTMENT_QUESTION,
      type: 'single',
      text: { de: 'Zu welchem Fachbereich oder Amt gehören Sie?', en: 'Which department do you belong to?' },
      required: false,
      options: departments.slice(0, 30).map((d) => ({ id: d.id, label: { de: d.name.slice(0, 300) } })),
    });
  return {
    sections: [
      {
        id: 'puls',
        title: { de: 'Ihre Einschätzung', en: 'Your view' },
        description: {
          de: 'Wie sehr treffen die Aussagen für Sie zu? Die Umfrage ist anonym und dauert etwa zwei Minuten.',
          en: 'How far do the statements apply to you? The survey is anonymous and takes about two minutes.',
        },
        questions: items,
      },
      {
        id: 'hinweis',
        title: { de: 'Ihr Hinweis', en: 'Your note' },
        questions: [
          {
            id: PULSE_OPEN_QUESTION,
            type: 'text',
            text: {
              de: 'Was würde Ihnen bei den Veränderungen gerade am meisten helfen?',
              en: 'What would help you most with the changes right now?',
            },
            required: false,
          },
        ],
      },
      { id: 'angaben', title: { de: 'Angaben zur Auswertung', en: 'For the analysis' }, questions: about },
    ],
  };
}

/** The ADKAR dimension of a template item, or null for other questions. */
export function dimensionOf(questionId: string): AdkarDimension | null {
  return PULSE_ITEMS.find((i) => i.id === questionId)?.dimension ?? null;
}

export type DimensionScores = Record<AdkarDimension, number | null>;

/** A dimension's score: the mean of its items' means (items without answers left out; null without any). */
export function dimensionScores(itemMeans: Readonly<Record<string, number | null | undefined>>): DimensionScores {
  const out = {} as DimensionScores;
  for (const d of ADKAR_DIMENSIONS) {
    const means = PULSE_ITEMS.filter((i) => i.dimension === d)
      .map((i) => itemMeans[i.id])
      .filter((m): m is number => typeof m === 'number' && Number.isFinite(m));
    out[d] = means.length ? means.reduce((a, b) => a + b, 0) / means.length : null;
  }
  return out;
}

/**
 * The weak dimensions, weakest first: scores below WEAK_SCORE, at most `limit`; ties keep the ADKAR order
 * (an earlier step is the one to fix first — people need awareness before desire, knowledge before ability).
 */
export function weakestDimensions(scores: DimensionScores, limit = 2): AdkarDimension[] {
  return ADKAR_DIMENSIONS.filter((d) => scores[d] !== null && (scores[d] as number) < WEAK_SCORE)
    .map((d, i) => ({ d, s: scores[d] as number, i }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .slice(0, Math.max(0, limit))
    .map((x) => x.d);
}

export interface PulseAction {
  text: string;
  /** The page of the app where the action starts. */
  path: string;
  link: string;
}

/** What helps when a dimension is weak, and where in the app to start. */
export const PULSE_ACTIONS: Record<AdkarDimension, PulseAction> = {
  awareness: {
    text: 'Erklären Sie das Warum: Planen Sie Botschaften zu Anlass, Zielen und Zeitplan der Vorhaben für alle Mitarbeitenden ein.',
    path: '/kommunikation',
    link: 'Zum Kommunikationsplan',
  },
  desire: {
    text: 'Zeigen Sie, was das Neue bringt: Veröffentlichen Sie Erfolgsgeschichten aus den eigenen Reihen im Newsroom und laden Sie Kolleginnen und Kollegen ein, ihre Erfahrungen zu teilen.',
    path: '/neuigkeiten/redaktion',
    link: 'Zur Redaktion',
  },
  knowledge: {
    text: 'Schließen Sie Wissenslücken: Legen Sie einen Schulungsplan an und nennen Sie feste Ansprechpersonen für Fragen.',
    path: '/kompetenzen/qualifizierung',
    link: 'Zur Qualifizierung',
  },
  ability: {
    text: 'Üben Sie im Alltag: Planen Sie begleitete Praxiszeiten, Sprechstunden und kurze Anleitungen am Arbeitsplatz ein.',
    path: '/kompetenzen/qualifizierung',
    link: 'Zur Qualifizierung',
  },
  reinforcement: {
    text: 'Verankern Sie das Neue: Besprechen Sie die Ergebnisse im Team, würdigen Sie Fortschritte und sprechen Sie Rückfälle in alte Abläufe offen an.',
    path: '/kommunikation',
    link: 'Zum Kommunikationsplan',
  },
};

/** Whether a round opened on `openedOn` is due for its reminder on `today` (once, `days` after opening). */
export function reminderDue(openedOn: string, days: number, today: string): boolean {
  const due = new Date(`${openedOn}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(`${today}T00:00:00Z`).getTime() >= due;
}
