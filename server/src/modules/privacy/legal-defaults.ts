import type { LegalPage } from '@dz/core';

/**
 * The default texts of the legal pages until the operator (platform administration) edits them: a privacy notice
 * that describes what this platform really processes (the same purposes as the records of processing) and an
 * imprint skeleton with the fields § 5 DDG asks for. Placeholders in square brackets are for the operator.
 */
export const LEGAL_DEFAULTS: Record<LegalPage, string> = {
  privacy: `# Datenschutzerklärung

Diese Erklärung informiert Sie nach Art. 13 und 14 der Datenschutz-Grundverordnung (DSGVO) darüber, welche personenbezogenen Daten Digitalzirkel verarbeitet, wozu und wie lange.

## Verantwortliche Stelle

Verantwortlich für die Daten der Beschäftigten einer Kommune ist die jeweilige Kommune. Die Plattform betreibt:

[Name der betreibenden Stelle]
[Anschrift]
E-Mail: [datenschutz@example.org]

Die oder der Datenschutzbeauftragte ist erreichbar unter: [Kontakt der oder des Datenschutzbeauftragten].

## Welche Daten wir verarbeiten

- **Benutzerkonto:** Name, E-Mail-Adresse, Sprache, Rollen in Kommunen und Netzwerken, Anmeldesitzungen. Zweck: Anmeldung und Rechteverwaltung (Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit dem Landesdatenschutzgesetz; für Beschäftigte § 26 BDSG bzw. das Landesrecht).
- **Umfragen:** Antworten werden ohne Namen gespeichert. Ergebnisse werden erst ab einer Mindestzahl von Antworten gezeigt. Rohantworten werden nach der von Ihrer Kommune festgelegten Frist gelöscht; die Auswertung bleibt erhalten.
- **Workshops:** Name und Organisation der Teilnehmenden, Ideen und Punkte. Die Namen werden nach der von Ihrer Kommune festgelegten Frist entfernt.
- **Bedarfe, Ideen, Projekte, Neuigkeiten, Kommentare:** Inhalte, die Sie schreiben, mit Ihrem Namen als Verfasser/in.
- **Kompetenz-Selbsteinschätzung:** nur für Sie sichtbar, für die Koordination nur, wenn Sie sie freigeben; Übersichten nur zusammengefasst.
- **Protokoll:** Änderungen werden mit Zeitpunkt und handelnder Person protokolliert (Nachvollziehbarkeit, Art. 5 Abs. 2 DSGVO).
- **E-Mails:** Benachrichtigungen und die wöchentliche Zusammenfassung (abbestellbar).

## Empfänger

Ihre Daten sehen nur Berechtigte Ihrer Kommune. Inhalte, die Ihre Kommune im Austausch oder in einem Netzwerk teilt, sehen die beteiligten Kommunen. Es gibt keine Weitergabe an Dritte und keine Übermittlung in Drittländer.

## Speicherdauer

Ihr Konto besteht, solange Sie die Plattform nutzen. Verlassen Sie Ihre Kommune, löscht die Administration Ihr Konto; Inhalte, die Sie geschrieben haben, bleiben unter der Bezeichnung „ehemalige/r Mitarbeiter/in“ erhalten.

## Ihre Rechte

Sie haben das Recht auf Auskunft (Art. 15), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21). Ihre Daten können Sie jederzeit selbst auf Ihrer Profilseite herunterladen. Sie können sich bei der zuständigen Datenschutz-Aufsichtsbehörde Ihres Landes beschweren.

## Cookies

Die Plattform setzt nur ein technisch notwendiges Sitzungs-Cookie. Es gibt keine Analyse- oder Werbe-Cookies und keine Einbindung fremder Dienste.
`,
  imprint: `# Impressum

Angaben nach § 5 Digitale-Dienste-Gesetz (DDG)

## Anbieter

[Name der betreibenden Stelle]
[Straße und Hausnummer]
[Postleitzahl Ort]

Vertreten durch: [Name der vertretungsberechtigten Person]

## Kontakt

Telefon: [Telefonnummer]
E-Mail: [kontakt@example.org]

## Verantwortlich für den Inhalt

[Name, Anschrift]

## Hinweis

Digitalzirkel ist freie Software. Die Inhalte der Kommunen verantworten die jeweiligen Kommunen.
`,
};
