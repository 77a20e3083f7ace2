/**
 * Help for the weakest dimensions of a self-assessment (issue 22): the platform's guided paths that raise a
 * dimension, and the words that find fitting projects in the exchange.
 */
import type { GuideModule } from './guides.js';

export interface MaturityGuide {
  title: string;
  summary: string;
  link: string;
}

export const MATURITY_HELP: Record<string, { keywords: readonly string[]; guides: readonly MaturityGuide[] }> = {
  strategy: {
    keywords: ['Strategie', 'Zielbild', 'Digitalisierungsstrategie', 'Leitbild'],
    guides: [
      {
        title: 'Zielbild mit Handlungsfeldern erarbeiten',
        summary: 'Vision, Handlungsfelder und messbare Ziele festhalten und dem Rat als PDF vorlegen.',
        link: '/zielbild',
      },
      {
        title: 'Vorbefragung und Workshop durchführen',
        summary: 'Schmerzpunkte der Fachbereiche erheben und im Workshop zu Bedarfen verdichten.',
        link: '/umfragen',
      },
    ],
  },
  organisation: {
    keywords: ['Prozess', 'Leistung', 'Ablauf', 'Medienbruch', 'Workflow'],
    guides: [
      {
        title: 'Leistungsverzeichnis anlegen',
        summary: 'Mit der Startliste kleiner Kommunen beginnen, Fallzahlen und Minuten je Fall ergänzen.',
        link: '/prozesse',
      },
      {
        title: 'Ist- und Soll-Prozess modellieren',
        summary: 'Einen häufigen Ablauf als BPMN zeichnen und die Einsparung berechnen lassen.',
        link: '/prozesse',
      },
    ],
  },
  portfolio: {
    keywords: ['Projektmanagement', 'Portfolio', 'Priorisierung', 'Steuerung'],
    guides: [
      {
        title: 'Vorhaben nach Kriterien priorisieren',
        summary: 'Gewichtete Kriterien festlegen und die Reihenfolge mit Was-wäre-wenn prüfen.',
        link: '/priorisierung',
      },
      {
        title: 'Beschlussvorlage mit Risikobudget vorbereiten',
        summary: 'Kosten, Risiken und Simulation Schritt für Schritt zur Vorlage für den Rat.',
        link: '/projekte',
      },
    ],
  },
  staff: {
    keywords: ['Schulung', 'Qualifizierung', 'Kompetenz', 'Fortbildung', 'Personal'],
    guides: [
      {
        title: 'Kompetenzen einschätzen lassen',
        summary: 'Beschäftigte schätzen sich nach DigComp ein; die Auswertung bleibt anonym.',
        link: '/kompetenzen',
      },
      {
        title: 'Qualifizierungsplan aufstellen',
        summary: 'Schulungen den schwächsten Kompetenzen zuordnen und die Teilnahme erfassen.',
        link: '/kompetenzen/qualifizierung',
      },
    ],
  },
  finance: {
    keywords: ['Förderung', 'Fördermittel', 'Wirtschaftlichkeit', 'Haushalt', 'Kosten'],
    guides: [
      {
        title: 'Personalkostensätze hinterlegen',
        summary: 'Stundensätze je Entgeltgruppe einmal eintragen; alle Berechnungen nutzen sie.',
        link: '/finanzen/einstellungen',
      },
      {
        title: 'Budgetübersicht führen',
        summary: 'Einmal- und Folgekosten aller Vorhaben je Haushaltsjahr im Blick behalten.',
        link: '/finanzen',
      },
    ],
  },
  change: {
    keywords: ['Veränderung', 'Kommunikation', 'Beteiligung', 'Change', 'Mitarbeitende', 'Akzeptanz'],
    guides: [
      {
        title: 'Kommunikationsplan für ein Vorhaben',
        summary: 'Wer erfährt was, wann und über welchen Weg – mit Vorlagen für jede Projektphase.',
        link: '/kommunikation',
      },
      {
        title: 'Veränderungspuls starten',
        summary: 'Eine kurze anonyme Befragung je Quartal zeigt, wo Unterstützung fehlt.',
        link: '/puls',
      },
      {
        title: 'Ideenbox öffnen',
        summary: 'Alle Beschäftigten können Ideen einreichen und sehen, was daraus wurde.',
        link: '/ideen',
      },
    ],
  },
  cooperation: {
    keywords: ['interkommunal', 'Zusammenarbeit', 'gemeinsam', 'Verbund', 'Kooperation', 'Nachnutzung'],
    guides: [
      {
        title: 'Gemeinsamen Dienst prüfen',
        summary: 'Machbarkeitsstudie mit Nachbarn: allein gegen gemeinsam, Kostenschlüssel und § 2b UStG.',
        link: '/gemeinsame-dienste',
      },
      {
        title: 'Partner für ein Vorhaben finden',
        summary: 'Kommunen mit ähnlichen Vorhaben und Bedarfen in der Nähe vorgeschlagen bekommen.',
        link: '/austausch/partner',
      },
    ],
  },
  technology: {
    keywords: ['E-Akte', 'DMS', 'E-Rechnung', 'XRechnung', 'Informationssicherheit', 'IT-Sicherheit', 'Infrastruktur'],
    guides: [
      {
        title: 'Projekte anderer zur E-Akte und E-Rechnung nachnutzen',
        summary: 'In der Projektbörse nach Erfahrungen vergleichbarer Kommunen suchen.',
        link: '/austausch/projekte',
      },
    ],
  },
  online: {
    keywords: ['OZG', 'Online', 'Antrag', 'Portal', 'EfA', 'Bürgerservice'],
    guides: [
      {
        title: 'OZG-Reifegrad der Leistungen erfassen',
        summary: 'Im Leistungsverzeichnis je Leistung den heutigen und den Ziel-Reifegrad festhalten.',
        link: '/prozesse',
      },
      {
        title: 'EfA-Leistungen anderer nachnutzen',
        summary: 'Online-Dienste, die andere Kommunen schon eingeführt haben, in der Projektbörse finden.',
        link: '/austausch/projekte',
      },
    ],
  },
};

/** The method library's topics that raise a dimension: its guides (by these tags) join the recommendations. */
export const MATURITY_GUIDE_MODULES: Record<string, readonly GuideModule[]> = {
  strategy: ['target_picture', 'surveys'],
  organisation: ['processes'],
  portfolio: ['projects'],
  staff: ['competences', 'staff_council'],
  finance: ['finance'],
  change: ['communication', 'staff_council'],
  cooperation: ['shared_services', 'networks'],
  technology: ['processes', 'administration'],
  online: ['processes'],
};
