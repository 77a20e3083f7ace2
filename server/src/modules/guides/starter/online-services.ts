import type { StarterGuide } from './articles.js';

/*
 * Starter content on the OZG: bringing a municipality's services online in a sensible order, reusing what exists.
 * Added after the library went live: migration 0048 seeds it into existing installations.
 */

export const onlineServices: StarterGuide = {
  key: 'online-services',
  kind: 'article',
  title: 'Verwaltungsleistungen online anbieten (OZG)',
  summary:
    'Welche Leistungen zuerst online gehen, was „OZG-konform“ heißt und wie eine kleine Kommune fertige Lösungen nachnutzt, statt selbst zu entwickeln.',
  body: `Das Onlinezugangsgesetz (OZG) verpflichtet Bund, Länder und Kommunen, ihre Verwaltungsleistungen auch online anzubieten. Rund 575 OZG-Leistungen in 14 Themenfeldern sind beschrieben; die meisten, die eine kleine Kommune erbringt, gibt es als fertige Lösung des Landes oder als „Einer für Alle“-Dienst (EfA) eines anderen Landes.

## 1. Wo stehen Sie? Der Reifegrad je Leistung

Der Reifegrad einer Online-Leistung (Modell 1.1) hat fünf Stufen:

- **0** – nur offline (Papier, Vorsprache)
- **1** – Informationen online
- **2** – ein Formular zum Herunterladen oder Ausfüllen (Formularassistent)
- **3** – Onlinedienst: Antrag mit Nachweisen online, **ab hier OZG-konform**
- **4** – Online-Transaktion: auch der Bescheid kommt digital, Nachweise holt die Verwaltung selbst („once only“)

Das neuere Modell 2.0 (2025) unterscheidet feiner (Stufen 0 bis 7); für den Überblick im Rat genügt die Einteilung oben. Tragen Sie im **Leistungsverzeichnis** (Prozesse) je Leistung den Reifegrad, die Fallzahl im Jahr und die Minuten je Fall ein. Der Anteil Ihrer Leistungen ab Stufe 3 ist eine Kennzahl im **Reifegrad**-Vergleich mit Kommunen Ihrer Größe.

## 2. Reihenfolge: erst die häufigen Fälle

Sortieren Sie nach Fallzahl und Aufwand: Meldebescheinigung, Anwohnerparkausweis, Gewerbeanmeldung, Hundesteuer oder Terminvereinbarung betreffen viele Menschen und kosten jedes Mal Zeit am Schalter. Ein Onlinedienst mit 500 Fällen im Jahr spart mehr als drei mit je zehn. Die Plattform rechnet die Einsparung aus Fallzahl und Minuten je Fall, wenn Sie Ist- und Soll-Prozess modellieren.

## 3. Nachnutzen statt selbst bauen

- Fragen Sie Ihr Land bzw. den kommunalen IT-Dienstleister, welche Dienste für Ihre Leistung bereitstehen (Landesportal, EfA-Dienste) und was der Anschluss kostet.
- Sehen Sie im **Austausch** nach, welche Kommunen die Leistung schon online haben, und fragen Sie nach ihren Erfahrungen – etwa mit der Anbindung an das Fachverfahren.
- Gemeinsam geht es leichter: Mehrere Kommunen können Anschluss und Betreuung als **gemeinsamen Dienst** organisieren.

## 4. Intern vorbereiten

Ein Onlinedienst verändert die Arbeit im Fachbereich: Anträge kommen ins Postfach oder ins Fachverfahren statt an den Schalter. Klären Sie, wer eingehende Anträge bearbeitet, wie sie in die E-Akte kommen und wie bezahlt wird. Beteiligen Sie den Personalrat, wenn sich Arbeitsabläufe ändern, und sagen Sie Bürgerinnen und Bürgern auf der Website und am Schalter, dass es den Dienst gibt.`,
  modules: ['processes', 'maturity', 'exchange'],
  phases: ['idea', 'planning'],
};
