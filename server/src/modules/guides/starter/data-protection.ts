import type { StarterGuide } from './articles.js';

/*
 * Starter content for the municipality's data-protection desk („Auskunft und Löschung“): answering an access or an
 * erasure request with the platform, within the deadline. Guidance, never legal advice. Added after the library
 * went live: migration 0048 seeds it into existing installations.
 */

export const dataSubjectRequests: StarterGuide = {
  key: 'data-subject-requests',
  kind: 'article',
  title: 'Auskunfts- und Löschanfragen beantworten (Art. 15 und 17 DSGVO)',
  summary:
    'Wie die Verwaltung eine Anfrage nach Auskunft oder Löschung fristgerecht beantwortet: Identität prüfen, Daten aus der Plattform herunterladen, Konto löschen, alles festhalten.',
  body: `Wer in der Plattform arbeitet, kann von der Kommune wissen, welche Daten über sie oder ihn gespeichert sind (Art. 15 DSGVO), und die Löschung verlangen (Art. 17 DSGVO) – etwa beim Ausscheiden aus der Verwaltung. Die Plattform liefert die Daten und löscht das Konto; die Anfrage selbst beantwortet Ihre Verwaltung.

## 1. Eingang festhalten und Frist notieren

Antworten Sie **unverzüglich, spätestens innerhalb eines Monats** nach Eingang (Art. 12 Abs. 3 DSGVO). Bei vielen oder schwierigen Anfragen kann die Frist um zwei Monate verlängert werden – das müssen Sie der Person innerhalb des ersten Monats mit Gründen mitteilen. Notieren Sie Eingangsdatum und Frist in Ihrer Akte und informieren Sie Ihre behördliche Datenschutzbeauftragte oder Ihren Datenschutzbeauftragten.

## 2. Identität prüfen

Geben Sie Daten nur an die Person selbst heraus. Kommt die Anfrage nicht aus dem bekannten dienstlichen Postfach, fragen Sie nach (Art. 12 Abs. 6 DSGVO).

## 3. Auskunft: die Daten aus der Plattform

Unter **Auskunft und Löschung** (nur für die Administration Ihrer Kommune) wählen Sie die Person aus. Die Seite zeigt, welche Daten gespeichert sind und was bei einer Löschung mit ihnen geschieht.

- **Als PDF herunterladen**: die lesbare Auskunft mit allen Angaben nach Art. 15 Abs. 1 DSGVO (Zwecke, Empfänger, Speicherdauer, Rechte, Beschwerdestelle).
- **Als JSON herunterladen**: die vollständige, maschinenlesbare Fassung (Datenübertragbarkeit, Art. 20 DSGVO).

Die Plattform ist nur ein Verfahren von vielen: Daten in der Personalakte, im E-Mail-Postfach oder in Fachverfahren ergänzen Sie aus diesen. Jede Person kann ihre Daten auch selbst herunterladen (Profil, *Meine Daten*). Arbeitet die Person auch für eine andere Kommune oder moderiert sie einen Verbund, beantwortet nicht Ihre Kommune die Anfrage für das ganze Konto: Die Person lädt ihre Daten selbst herunter.

Übermitteln Sie die Auskunft sicher (persönlich, über das dienstliche Postfach oder verschlüsselt) und halten Sie das Datum fest. Die erste Kopie ist unentgeltlich.

## 4. Löschung: was geht, was bleibt

Prüfen Sie zuerst, ob Aufbewahrungspflichten entgegenstehen (Art. 17 Abs. 3 DSGVO) – für die Inhalte der Plattform ist das selten der Fall. Dann **Konto löschen** und zur Bestätigung die E-Mail-Adresse der Person eingeben.

- Gelöscht werden Anmeldung, Sitzungen, Rollen und alles, was nur die Person betrifft.
- Was sie geschrieben hat (Kommentare, Ideen, Aufgaben), bleibt für die Kolleginnen und Kollegen erhalten – unter „ehemalige/r Mitarbeiter/in“, ohne Namen und E-Mail-Adresse. Auch wo andere in Ihrer Kommune ihren vollen Namen geschrieben haben, wird er ersetzt.
- Das Protokoll behält jeden Eintrag mit seinen Kennungen, verliert aber Name und E-Mail-Adresse.

Die Löschung lässt sich nicht rückgängig machen. Sie selbst können Ihr eigenes Konto nicht löschen; das übernimmt eine andere Person der Administration.

## 5. Abschluss

Teilen Sie der Person mit, was Sie getan haben. Das Protokoll der Plattform verzeichnet jede Auskunft und jede Löschung; Ihre Akte zur Anfrage führen Sie außerhalb der Plattform. Fristen für Umfrage-Rohdaten und Workshop-Namen stellen Sie unter **Aufbewahrungsfristen** ein – dann muss niemand daran denken.`,
  modules: ['administration'],
  phases: [],
};

export const dataSubjectRequestChecklist: StarterGuide = {
  key: 'data-subject-request-checklist',
  kind: 'checklist',
  title: 'Checkliste Auskunfts- oder Löschanfrage',
  summary: 'Die Schritte einer Anfrage nach Art. 15 oder 17 DSGVO, vom Eingang bis zur Antwort an die Person.',
  body: 'Haken Sie die Schritte für Ihre Kommune ab; die Einzelheiten stehen in der Hilfe *Auskunfts- und Löschanfragen beantworten*. Nach einer erledigten Anfrage nehmen Sie die Haken für die nächste wieder heraus.',
  items: [
    { key: 'eingang', text: 'Eingang mit Datum festgehalten, Frist (ein Monat) notiert' },
    { key: 'identitaet', text: 'Identität der Person geprüft' },
    { key: 'dsb', text: 'Datenschutzbeauftragte/n informiert' },
    { key: 'export', text: 'Auskunft als PDF und JSON unter „Auskunft und Löschung“ heruntergeladen' },
    { key: 'andere', text: 'Daten aus anderen Verfahren (Personalakte, E-Mail, Fachverfahren) ergänzt' },
    { key: 'aufbewahrung', text: 'Bei Löschung: Aufbewahrungspflichten geprüft (Art. 17 Abs. 3 DSGVO)' },
    { key: 'loeschung', text: 'Bei Löschung: Konto gelöscht' },
    { key: 'antwort', text: 'Antwort sicher übermittelt, Datum festgehalten' },
  ],
  modules: ['administration'],
  phases: [],
};
