import { fmtDateTime } from '@dz/core';
import type { Database } from '../../db/database.js';
import { renderPdf } from '../../lib/pdf.js';
import { newWorkbook } from '../../lib/xlsx.js';
import { ACTIVITY_KEYS, type ActivityKey, BY_EMAIL, PERSONAL_DATA } from './personal-data.js';

/**
 * The records of processing activities (Art. 30 GDPR, Verzeichnis von Verarbeitungstätigkeiten) of the operator:
 * one activity per purpose the platform really serves. The tables of each activity come from the registry that
 * the export and the erasure use (personal-data.ts), and the retention figures from the municipalities' settings,
 * so the document follows the platform as it grows.
 */
interface Activity {
  name: string;
  purpose: string;
  legalBasis: string;
  persons: string;
  data: string;
  recipients: string;
  retention: string;
}

const STAFF = 'Beschäftigte der Kommunen und ihrer Netzwerke (Nutzerinnen und Nutzer)';
const OWN = 'Berechtigte der eigenen Kommune (Rollen); keine Übermittlung an Dritte oder in Drittländer';
const BASIS =
  'Art. 6 Abs. 1 lit. e DSGVO i. V. m. dem Landesdatenschutzgesetz; Beschäftigtendaten § 26 BDSG bzw. Landesrecht';

export const ACTIVITIES: Record<ActivityKey, Activity> = {
  accounts: {
    name: 'Benutzerkonten, Anmeldung und Rollen',
    purpose: 'Zugang zur Plattform, Rechteverwaltung je Kommune und Netzwerk, Einladungen',
    legalBasis: BASIS,
    persons: STAFF,
    data: 'Name, E-Mail-Adresse, Sprache, Rollen, Sitzungen (ohne IP-Adressen), Einladungen',
    recipients: 'Administration der eigenen Kommune; Plattform-Administration',
    retention: 'Bis zur Löschung des Kontos (Austritt); Sitzungen nach Ablauf, Einmal-Links nach Gebrauch',
  },
  surveys: {
    name: 'Umfragen und Veränderungs-Puls',
    purpose: 'Bedarfe und Stimmung erheben, Ergebnisse anonym auswerten',
    legalBasis: 'Art. 6 Abs. 1 lit. e DSGVO; Teilnahme freiwillig',
    persons: `${STAFF}; Teilnehmende von Umfragen`,
    data: 'Einladungen; Antworten ohne Namen; Auswertung nur ab Mindestzahl (Anonymitätsschwelle)',
    recipients: 'Koordination der eigenen Kommune bzw. Moderation des Netzwerks (nur Auswertungen)',
    retention: 'Rohantworten: Frist je Kommune nach Abschluss der Umfrage; Auswertungen dauerhaft',
  },
  workshops: {
    name: 'Workshops',
    purpose: 'Gemeinsame Workshops moderieren, Ideen sammeln und gewichten, Bericht erstellen',
    legalBasis: 'Art. 6 Abs. 1 lit. e DSGVO',
    persons: 'Teilnehmende (Beschäftigte, Gäste), Moderation',
    data: 'Name und Organisation der Teilnehmenden, Ideen, Punkte',
    recipients: 'Teilnehmende Kommunen des Netzwerks',
    retention: 'Namen der Teilnehmenden: Frist je Kommune nach dem Workshop; Ergebnisse dauerhaft',
  },
  needs_ideas: {
    name: 'Bedarfe und Ideenbox',
    purpose: 'Bedarfe und Ideen der Beschäftigten erfassen, beantworten und umsetzen',
    legalBasis: BASIS,
    persons: STAFF,
    data: 'Inhalte mit Verfasser/in, Unterstützungen, Entscheidungen mit Begründung',
    recipients: OWN,
    retention: 'Dauerhaft; nach Austritt pseudonymisiert („ehemalige/r Mitarbeiter/in“)',
  },
  strategy: {
    name: 'Zielbild',
    purpose: 'Vision, Handlungsfelder und Ziele der Kommune',
    legalBasis: BASIS,
    persons: STAFF,
    data: 'Keine personenbezogenen Daten außer der Bearbeitung im Protokoll',
    recipients: OWN,
    retention: 'Dauerhaft',
  },
  projects: {
    name: 'Projektportfolio, Kapazität, Finanzen und Kommunikation',
    purpose: 'Digitalisierungsprojekte planen, steuern und dem Rat vorlegen',
    legalBasis: BASIS,
    persons: STAFF,
    data: 'Verantwortliche, Teams, Aufgaben, Aufwand und verfügbare Stunden, Kommentare, Dateien',
    recipients: `${OWN}; Beschlussvorlagen öffentlich nach Freigabe (OParl)`,
    retention: 'Dauerhaft; Kapazität und Teamzugehörigkeit bis zum Austritt',
  },
  newsroom: {
    name: 'Neuigkeiten',
    purpose: 'Beschäftigte über die Digitalisierung informieren',
    legalBasis: BASIS,
    persons: STAFF,
    data: 'Beiträge, Kommentare, „hilfreich“-Markierungen, Versand der Wochenzusammenfassung',
    recipients: OWN,
    retention: 'Dauerhaft; nach Austritt pseudonymisiert',
  },
  competences: {
    name: 'Digitale Kompetenzen und Qualifizierung',
    purpose: 'Selbsteinschätzung und Fortbildungsplanung',
    legalBasis: 'Art. 6 Abs. 1 lit. e DSGVO; Freigabe an die Koordination freiwillig (Art. 7 DSGVO)',
    persons: STAFF,
    data: 'Selbsteinschätzung (nur die Person; Koordination nach Freigabe), Fortbildungszuweisungen',
    recipients: 'Die Person selbst; Koordination nur nach Freigabe; Übersichten nur aggregiert',
    retention: 'Bis zum Austritt (gelöscht mit dem Konto)',
  },
  processes: {
    name: 'Prozesse und Leistungen',
    purpose: 'Verwaltungsleistungen und Prozesse modellieren und bewerten',
    legalBasis: BASIS,
    persons: STAFF,
    data: 'Bearbeitende von Leistungen und Modellen',
    recipients: OWN,
    retention: 'Dauerhaft; nach Austritt pseudonymisiert',
  },
  maturity: {
    name: 'Reifegrad und Kennzahlenvergleich',
    purpose: 'Selbsteinschätzung der Kommune und Vergleich im Kennzahlenring',
    legalBasis: BASIS,
    persons: STAFF,
    data: 'Bearbeitende von Einschätzungen und Kennzahlen',
    recipients: `${OWN}; andere Kommunen nur aggregiert`,
    retention: 'Dauerhaft; nach Austritt pseudonymisiert',
  },
  exchange: {
    name: 'Interkommunaler Austausch',
    purpose: 'Projekte teilen, Fragen beantworten, Partner finden, gemeinsame Projekte',
    legalBasis: BASIS,
    persons: STAFF,
    data: 'Veröffentlichungen, Fragen und Antworten mit Verfasser/in, Kontaktanfragen',
    recipients: 'Kommunen, für die eine Veröffentlichung sichtbar ist',
    retention: 'Bis zum Zurückziehen der Veröffentlichung; Beiträge nach Austritt pseudonymisiert',
  },
  shared_services: {
    name: 'Geteilte Dienste (Shared Services)',
    purpose: 'Machbarkeitsstudien, Betrieb und Abrechnung gemeinsamer Dienste',
    legalBasis: `${BASIS}; Verwaltungsvereinbarung der beteiligten Kommunen`,
    persons: STAFF,
    data: 'Serviceteam, Arbeitsaufträge, erfasste Zeiten und Material',
    recipients: 'Die beteiligten Kommunen',
    retention: 'Abrechnungsgrundlagen nach Haushaltsrecht; nach Austritt pseudonymisiert',
  },
  audit: {
    name: 'Protokoll (Nachvollziehbarkeit)',
    purpose: 'Nachweis, wer was wann geändert hat (Art. 5 Abs. 2, Art. 32 DSGVO)',
    legalBasis: 'Art. 6 Abs. 1 lit. c und e DSGVO',
    persons: STAFF,
    data: 'Kennungen der handelnden Person, Zeitpunkt, Art der Änderung, geänderte Felder',
    recipients: 'Administration der eigenen Kommune',
    retention: 'Dauerhaft (nur anfügbar); personenbezogene Felder werden bei Löschung eines Kontos geschwärzt',
  },
  mail: {
    name: 'E-Mail-Versand',
    purpose: 'Einladungen, Benachrichtigungen, Erinnerungen, Wochenzusammenfassung',
    legalBasis: BASIS,
    persons: STAFF,
    data: 'E-Mail-Adresse, Inhalt der Nachricht, Versandstatus',
    recipients: 'Der eigene Mailserver der Betreiberin (SMTP)',
    retention: 'Bis zur Löschung des Kontos',
  },
};

/** Technical and organisational measures (Art. 32 GDPR) the platform itself implements. */
export const TOMS: string[] = [
  'Mandantentrennung: jede Kommune sieht nur ihre eigenen Daten (automatisch geprüft für jede Schnittstelle).',
  'Rollen- und Rechtekonzept je Kommune; jede Änderung wird geprüft und protokolliert (nur anfügbares Protokoll).',
  'Passwörter mit Argon2id; Anmeldung mit verzögerter Wiederholung statt Kontosperre; optional Anmeldung über den Identitätsdienst der Kommune (OpenID Connect).',
  'Sitzungen nur als Hash gespeichert, CSRF-Schutz, sichere Cookies, Sicherheits-Header (CSP).',
  'Umfragen anonym mit Mindestzahl von Antworten und Schutz gegen Differenzbildung.',
  'Löschfristen je Kommune, ausgeführt durch einen Hintergrundauftrag mit Löschprotokoll.',
  'Auskunft und Datenübertragbarkeit per Export (JSON und PDF); Löschung mit Pseudonymisierung der Inhalte.',
  'Keine Einbindung fremder Dienste, keine Analyse- oder Werbe-Cookies; Protokolle ohne IP-Adressen und Geheimnisse.',
  'Datensicherung und Wiederherstellung mit eigenen Befehlen (backup/restore).',
];

interface Line extends Activity {
  key: ActivityKey;
  tables: string[];
}

/** The records with their tables and the municipalities' retention settings, as both documents render them. */
export async function buildRecords(db: Database) {
  const tables = new Map<ActivityKey, string[]>();
  for (const [t, d] of Object.entries(PERSONAL_DATA)) tables.set(d.activity, [...(tables.get(d.activity) ?? []), t]);
  for (const [t, d] of Object.entries(BY_EMAIL)) {
    const list = tables.get(d.activity) ?? [];
    if (!list.includes(t)) tables.set(d.activity, [...list, t]);
  }
  const settings = await db
    .selectFrom('retentionSettings')
    .select((eb) => [
      eb.fn.count<number>('surveyAnswersMonths').as('surveys'),
      eb.fn.count<number>('workshopNamesDays').as('workshops'),
    ])
    .executeTakeFirstOrThrow();
  const lines: Line[] = ACTIVITY_KEYS.map((key) => ({
    key,
    ...ACTIVITIES[key],
    tables: (tables.get(key) ?? []).sort(),
  }));
  return {
    generatedAt: new Date().toISOString(),
    lines,
    retention: { surveys: Number(settings.surveys), workshops: Number(settings.workshops) },
  };
}

type Records = Awaited<ReturnType<typeof buildRecords>>;

const FIELDS: [keyof Activity, string][] = [
  ['purpose', 'Zweck'],
  ['legalBasis', 'Rechtsgrundlage'],
  ['persons', 'Betroffene Personen'],
  ['data', 'Kategorien personenbezogener Daten'],
  ['recipients', 'Empfänger'],
  ['retention', 'Löschfristen'],
];

/** The records as a tagged PDF. */
export function recordsPdf(r: Records): Promise<Buffer> {
  const content: unknown[] = [
    { text: 'Art. 30 DSGVO', style: 'kicker' },
    { text: 'Verzeichnis von Verarbeitungstätigkeiten', style: 'h1' },
    `Digitalzirkel, Stand ${fmtDateTime(r.generatedAt)}. Erzeugt aus den tatsächlich gespeicherten Datenbeständen der Plattform. Kommunen mit Löschfrist für Umfrage-Rohantworten: ${r.retention.surveys}; für Namen von Workshop-Teilnehmenden: ${r.retention.workshops}.`,
  ];
  for (const [i, l] of r.lines.entries()) {
    content.push({ text: `${i + 1}. ${l.name}`, style: 'h2' });
    content.push({
      table: {
        widths: [150, '*'],
        body: [
          ...FIELDS.map(([k, label]) => [{ text: label, bold: true }, l[k]]),
          [{ text: 'Datenbestände', bold: true }, l.tables.join(', ') || '–'],
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }
  content.push({ text: 'Technische und organisatorische Maßnahmen (Art. 32 DSGVO)', style: 'h2' });
  content.push({ ul: TOMS });
  return renderPdf({
    title: 'Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)',
    subject: 'Datenschutz',
    footer: 'Digitalzirkel · Verzeichnis von Verarbeitungstätigkeiten',
    content,
  });
}

/** The records as a spreadsheet: one row per activity, the measures on a second sheet. */
export async function recordsXlsx(r: Records): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Digitalzirkel';
  const ws = wb.addWorksheet('Verarbeitungstätigkeiten');
  ws.addRow(['Nr.', 'Verarbeitungstätigkeit', ...FIELDS.map(([, label]) => label), 'Datenbestände']).font = {
    bold: true,
  };
  for (const [i, l] of r.lines.entries()) {
    ws.addRow([i + 1, l.name, ...FIELDS.map(([k]) => l[k]), l.tables.join(', ')]);
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 6 : 40;
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const toms = wb.addWorksheet('TOM');
  toms.addRow(['Technische und organisatorische Maßnahmen (Art. 32 DSGVO)']).font = { bold: true };
  for (const t of TOMS) toms.addRow([t]);
  toms.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
