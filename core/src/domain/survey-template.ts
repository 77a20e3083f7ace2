import type { Choice, LocalText, Question, SurveyDefinition } from './survey.js';

/**
 * Built-in template "Schmerzpunkte bei der Umsetzung von Digitalisierungsvorhaben", derived from
 * the KGSt workshop report of the innovation circle "Kleine Kommunen" (10 June 2021): resources,
 * willingness to change, communication, strategy and target picture, process and project
 * management, intermunicipal cooperation and shared services, and the biggest pain point.
 */
export const PAIN_POINT_TEMPLATE_TITLE: LocalText = {
  de: 'Schmerzpunkte bei der Umsetzung von Digitalisierungsvorhaben',
  en: 'Pain points in implementing digitalization projects',
};
/**
 * The English title to keep when the German one is set: the template's English title belongs to the
 * template's German title only — after the German title changed it would describe another survey, so
 * it is dropped (English readers then see the German title) until someone writes an English one.
 */
export function englishTitleFor(title: string, titleEn: string): string {
  const template = PAIN_POINT_TEMPLATE_TITLE.en ?? '';
  return titleEn.trim() === template && title.trim() !== PAIN_POINT_TEMPLATE_TITLE.de ? '' : titleEn;
}
export const PAIN_POINT_TEMPLATE_LEITFRAGE =
  'Was sind die Schmerzpunkte bei der Umsetzung von Digitalisierungsvorhaben in kleineren Kommunen?';

const PAIN: LocalText[] = [
  { de: 'kein Problem', en: 'no problem' },
  { de: 'geringes Problem', en: 'minor problem' },
  { de: 'mittleres Problem', en: 'moderate problem' },
  { de: 'großes Problem', en: 'major problem' },
  { de: 'sehr großes Problem', en: 'very major problem' },
];
const LEVEL: LocalText[] = [
  { de: 'sehr gering', en: 'very low' },
  { de: 'gering', en: 'low' },
  { de: 'mittel', en: 'medium' },
  { de: 'hoch', en: 'high' },
  { de: 'sehr hoch', en: 'very high' },
];

const c = (id: string, de: string, en: string): Choice => ({ id, label: { de, en } });
const pain = (id: string, de: string, en: string): Question => ({
  id,
  type: 'scale',
  text: { de, en },
  required: true,
  scaleLabels: PAIN,
});

export function painPointTemplate(): SurveyDefinition {
  return {
    sections: [
      {
        id: 'ressourcen',
        title: { de: 'Personelle und finanzielle Ressourcen', en: 'Staff and financial resources' },
        questions: [
          pain(
            'personal',
            'Wie stark bremst fehlende personelle Kapazität Ihre Digitalisierungsvorhaben?',
            'How much does missing staff capacity slow down your digitalization projects?',
          ),
          pain(
            'finanzen',
            'Wie stark bremsen fehlende finanzielle Mittel Ihre Digitalisierungsvorhaben?',
            'How much does missing money slow down your digitalization projects?',
          ),
          pain(
            'wissen',
            'Wie stark fehlen Fachwissen und Erfahrung im Kontext Digitalisierung?',
            'How much are know-how and experience in digitalization missing?',
          ),
          {
            id: 'stunden',
            type: 'number',
            text: {
              de: 'Wie viele Stunden pro Woche stehen in Ihrer Verwaltung für Digitalisierung zur Verfügung?',
              en: 'How many hours per week are available for digitalization in your administration?',
            },
            required: false,
            min: 0,
            max: 400,
          },
        ],
      },
      {
        id: 'veraenderung',
        title: { de: 'Veränderungsbereitschaft', en: 'Willingness to change' },
        questions: [
          {
            id: 'bereitschaft',
            type: 'matrix',
            text: {
              de: 'Wie hoch schätzen Sie die Veränderungsbereitschaft auf den einzelnen Ebenen ein?',
              en: 'How high do you rate the willingness to change on each level?',
            },
            required: true,
            scaleLabels: LEVEL,
            items: [
              c('fuehrung', 'Verwaltungsführung', 'Leadership'),
              c('mittlere', 'Mittlere Führungsebene', 'Middle management'),
              c('mitarbeitende', 'Mitarbeitende', 'Staff'),
            ],
          },
        ],
      },
      {
        id: 'kommunikation',
        title: { de: 'Kommunikation', en: 'Communication' },
        questions: [
          pain(
            'kommunikation',
            'Wie groß sind die Schwierigkeiten, Digitalisierungsvorhaben nach innen zu kommunizieren?',
            'How difficult is it to communicate digitalization projects internally?',
          ),
          {
            id: 'kommunikationsstrategie',
            type: 'single',
            text: {
              de: 'Gibt es eine Kommunikationsstrategie, die alle Mitarbeitenden einbezieht?',
              en: 'Is there a communication strategy that involves all staff?',
            },
            required: true,
            options: [c('ja', 'Ja', 'Yes'), c('teilweise', 'Teilweise', 'Partly'), c('nein', 'Nein', 'No')],
          },
        ],
      },
      {
        id: 'strategie',
        title: { de: 'Digitalisierungsstrategie und Zielbild', en: 'Digitalization strategy and target picture' },
        questions: [
          {
            id: 'strategie_stand',
            type: 'single',
            text: {
              de: 'Hat Ihre Kommune eine Digitalisierungsstrategie mit einem Zielbild?',
              en: 'Does your municipality have a digitalization strategy with a target picture?',
            },
            required: true,
            options: [
              c('beschlossen', 'Ja, vom Rat beschlossen', 'Yes, adopted by the council'),
              c('in_arbeit', 'In Arbeit', 'In progress'),
              c('nein', 'Nein', 'No'),
            ],
          },
          pain(
            'strategie',
            'Wie groß ist der Schmerzpunkt fehlende Strategie und fehlendes Zielbild?',
            'How big is the pain point of a missing strategy and target picture?',
          ),
        ],
      },
      {
        id: 'vorgehen',
        title: { de: 'Prozess- und Projektmanagement', en: 'Process and project management' },
        questions: [
          {
            id: 'management',
            type: 'matrix',
            text: {
              de: 'Wie groß sind die Schmerzpunkte in diesen Bereichen?',
              en: 'How big are the pain points in these areas?',
            },
            required: true,
            scaleLabels: PAIN,
            items: [
              c('prozess', 'Prozessmanagement', 'Process management'),
              c('projekt', 'Projektmanagement', 'Project management'),
            ],
          },
        ],
      },
      {
        id: 'zusammenarbeit',
        title: { de: 'Interkommunale Zusammenarbeit', en: 'Intermunicipal cooperation' },
        questions: [
          {
            id: 'ikz_erfahrung',
            type: 'single',
            text: {
              de: 'Welche Erfahrung hat Ihre Kommune mit interkommunaler Zusammenarbeit in der Digitalisierung?',
              en: 'What experience does your municipality have with intermunicipal cooperation in digitalization?',
            },
            required: true,
            options: [
              c('keine', 'Keine', 'None'),
              c('einzelne', 'Einzelne gemeinsame Vorhaben', 'Some joint projects'),
              c('regelmaessig', 'Regelmäßige Zusammenarbeit', 'Regular cooperation'),
            ],
          },
          {
            id: 'ikz_interesse',
            type: 'scale',
            text: {
              de: 'Wie groß ist Ihr Interesse an (mehr) interkommunaler Zusammenarbeit?',
              en: 'How interested are you in (more) intermunicipal cooperation?',
            },
            required: true,
            scaleLabels: LEVEL,
          },
          {
            id: 'ikz_raum',
            type: 'multiple',
            text: { de: 'Mit wem würden Sie zusammenarbeiten?', en: 'Whom would you cooperate with?' },
            required: false,
            showIf: { questionId: 'ikz_interesse', op: 'gte', value: 3 },
            options: [
              c('kreis', 'Kommunen im eigenen Kreis', 'Municipalities in our district'),
              c('kreisuebergreifend', 'Kommunen über Kreisgrenzen hinweg', 'Across district borders'),
              c('land', 'Kommunen in anderen Ländern', 'In other Länder'),
            ],
          },
          {
            id: 'shared_services',
            type: 'multiple',
            text: {
              de: 'Welche Aufgaben kämen für einen Shared Service mit anderen Kommunen in Frage?',
              en: 'Which tasks could be shared services with other municipalities?',
            },
            required: false,
            options: [
              c('bauhof', 'Bauhof (gemeinsames kaufmännisches Management)', 'Depot (joint commercial management)'),
              c('buergerbuero', 'Backoffice des Bürgerbüros', "Citizens' office back office"),
              c('it', 'IT-Betrieb', 'IT operations'),
              c('datenschutz', 'Datenschutz / Informationssicherheit', 'Data protection / information security'),
              c('vergabe', 'Vergabe und Beschaffung', 'Procurement'),
              c('personal', 'Personalverwaltung', 'HR administration'),
              c('kasse', 'Kasse und Finanzbuchhaltung', 'Treasury and accounting'),
            ],
          },
        ],
      },
      {
        id: 'schmerzpunkt',
        title: { de: 'Ihr größter Schmerzpunkt', en: 'Your biggest pain point' },
        questions: [
          {
            id: 'rangfolge',
            type: 'ranking',
            text: {
              de: 'Bringen Sie die Themen in eine Reihenfolge: oben das drängendste.',
              en: 'Rank the topics: the most pressing at the top.',
            },
            required: false,
            options: [
              c('personal', 'Personal', 'Staff'),
              c('finanzen', 'Finanzen', 'Money'),
              c('wissen', 'Fachwissen und Erfahrung', 'Know-how and experience'),
              c('veraenderung', 'Veränderungsbereitschaft', 'Willingness to change'),
              c('strategie', 'Strategie und Zielbild', 'Strategy and target picture'),
              c('prozesse', 'Prozess- und Projektmanagement', 'Process and project management'),
            ],
          },
          {
            id: 'groesster',
            type: 'text',
            text: { de: 'Ihr größter Schmerzpunkt', en: 'Your biggest pain point' },
            help: {
              de: 'Beschreiben Sie in wenigen Sätzen, was Sie am meisten bremst.',
              en: 'Describe in a few sentences what slows you down most.',
            },
            required: true,
          },
        ],
      },
    ],
  };
}
