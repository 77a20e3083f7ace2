/** What Gemeinde A publishes in exchange.test.ts, and what of its project must never leave the municipality. */
export const PUBLIC = {
  version: 0,
  visibility: 'all',
  title: 'Digitaler Bauhof',
  problem: 'Mängel wurden auf Zetteln gemeldet.',
  solution: 'Tablets und eine App für die Bauhöfe der Gemeinde.',
  results: 'Meldungen in zwei Tagen statt zwei Wochen erledigt.',
  lessons: 'Früh den Personalrat einbinden.',
  fieldOfAction: 'Interne Prozesse und E-Akte',
  stage: 'completed',
  tcoCents: 1_500_000,
  effortHours: 120,
  durationMonths: 12,
  products: 'Mängelmelder-App',
  contactRole: 'Bauhofleitung',
};
export const PRIVATE_MARKERS = [
  'Interne Notiz',
  'Vertraulicher Kommentar',
  'Geheimer Statusbericht',
  'privat-angebot.pdf',
  'Sven Sachbearbeiter',
  'Anna Alpha',
];
