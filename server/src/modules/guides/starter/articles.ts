import type { GuideKind, GuideModule, GuidePhase } from '@dz/core';
import { dataSubjectRequestChecklist, dataSubjectRequests } from './data-protection.js';
import { onlineServices } from './online-services.js';

/**
 * The platform's starter content of the method library, written for this product: it answers the points of the
 * KGSt workshop „Schmerzpunkte bei der Umsetzung von Digitalisierungsvorhaben“ (innovation circle „Kleine
 * Kommunen“, 10 June 2021) — missing staff, money and know-how, low willingness to change, weak strategy,
 * process and project management — with the steps a small municipality takes on this platform.
 * Guidance, never legal advice: the legal texts say so where it matters.
 */
export interface StarterGuide {
  key: string;
  kind: GuideKind;
  title: string;
  summary: string;
  body: string;
  items?: { key: string; text: string }[];
  modules: GuideModule[];
  phases: GuidePhase[];
  /** Files of a template (see documents.ts), generated when the content is seeded. */
  files?: ('avv-docx' | 'cost-key-xlsx' | 'workshop-pdf')[];
}

const preSurvey: StarterGuide = {
  key: 'pre-survey',
  kind: 'article',
  title: 'Eine Vorab-Umfrage im Verbund durchführen',
  summary:
    'Wie ein Verbund vor einem Workshop schriftlich fragt, wo es bei der Digitalisierung hakt – mit Anonymität, Auswertung nach Größenklassen und einem klaren Übergang in den Workshop.',
  modules: ['surveys', 'networks'],
  phases: ['idea'],
  body: `Bevor ein Verbund über Lösungen spricht, braucht er ein gemeinsames Bild der Lage. Der KGSt-Innovationszirkel „Kleine Kommunen“ hat es 2021 vorgemacht: Eine schriftliche Umfrage an die Mitglieder und die Vergleichsringe ging dem Workshop voraus, ihre Ergebnisse wurden dort Thema für Thema diskutiert.

## 1. Die Leitfrage festlegen

Formulieren Sie eine einzige Leitfrage, die Umfrage und Workshop verbindet, zum Beispiel: *„Was sind die Schmerzpunkte bei der Umsetzung von Digitalisierungsvorhaben in unserer Verwaltung?“* Jede Frage der Umfrage muss zu dieser Leitfrage beitragen – was nicht dazu passt, fliegt raus.

## 2. Den Fragebogen kurz halten

- **10 bis 15 Fragen**, Bearbeitungszeit höchstens 15 Minuten.
- Beginnen Sie mit der Vorlage **„Schmerzpunkte“** unter *Umfragen → Neue Umfrage*. Sie deckt die bekannten Themen ab: Personal und Geld, Fachwissen, Veränderungsbereitschaft, Strategie, Prozess- und Projektmanagement.
- Mischen Sie Skalen (für Vergleiche) mit **einer offenen Frage** („Was ist Ihr größter Schmerzpunkt?“). Die offenen Antworten geben dem Workshop die Sprache der Beschäftigten.
- Fragen Sie nur nach Merkmalen, die Sie auswerten wollen. Größenklasse und Land kennt die Plattform bereits.

## 3. Wer antwortet?

Entscheiden Sie vorab, ob **eine Antwort je Kommune** (die Sicht der Verwaltungsleitung) oder **jede Person einzeln** antwortet. Für den Einstieg in einen Verbund ist die Antwort je Kommune üblich; für die Veränderungsbereitschaft der Belegschaft ist die Personenumfrage besser. Personenumfragen im Verbund brauchen die Zustimmung jeder Mitgliedskommune – holen Sie diese früh ein.

## 4. Anonymität ernst nehmen

Die Plattform zeigt Ergebnisse nur für Gruppen, die mindestens die **Anonymitätsschwelle** erreichen (Standard: 3), und verhindert, dass sich kleine Gruppen durch Differenzbildung herausrechnen lassen. Sagen Sie das in der Einladung ausdrücklich – ehrliche Antworten gibt es nur, wenn niemand fürchten muss, erkannt zu werden.

## 5. Zeitplan

| Woche | Schritt |
|---|---|
| 1 | Fragebogen im Kreis der Moderation abstimmen, Testlauf mit einer Kommune |
| 2 | Umfrage öffnen, Einladung über die Plattform |
| 3 | Erinnerung an alle, die noch nicht geantwortet haben |
| 4 | Umfrage schließen, Ergebnisse prüfen, Workshop aus der Umfrage anlegen |

Planen Sie den Workshop **zwei bis drei Wochen nach Umfrageschluss**: früh genug, dass die Antworten noch frisch sind, spät genug für eine gute Vorbereitung.

## 6. Ergebnisse in den Workshop tragen

Legen Sie den Workshop direkt aus der geschlossenen Umfrage an (*Umfrage → Workshop vorbereiten*). Die Tagesordnung übernimmt die Themen der Umfrage, jeder Punkt zeigt die Ergebnisse nach Größenklassen. So wird im Workshop über Zahlen gesprochen statt über Eindrücke.

Siehe auch: *Checkliste Vorab-Umfrage* und *Einen Workshop zu den Schmerzpunkten moderieren*.`,
};

const workshop: StarterGuide = {
  key: 'workshop',
  kind: 'article',
  title: 'Einen Workshop zu den Schmerzpunkten moderieren',
  summary:
    'Ablauf, Rollen und Methoden für einen zweistündigen Workshop: Impuls, Ergebnisse der Umfrage Thema für Thema, Ideen sammeln, Punkte vergeben, Maßnahmen festhalten.',
  modules: ['workshops', 'surveys', 'needs'],
  phases: ['idea'],
  files: ['workshop-pdf'],
  body: `Ein guter Workshop macht aus den Ergebnissen einer Umfrage **verabredete nächste Schritte**. Der Ablauf unten ist für 2 bis 2,5 Stunden und 10 bis 30 Teilnehmende gedacht, vor Ort oder online.

## Rollen

- **Moderation** (eine Person): führt durch die Tagesordnung, achtet auf die Zeit, steuert die Präsentation.
- **Ko-Moderation**: liest die eingehenden Ideen mit, fasst ähnliche zusammen, hält Maßnahmen fest.
- **Impulsgeber/in** (optional): 10 Minuten zu einer Kernaussage, zum Beispiel: *Digitalisierung wirkt nur mit einem Zielbild, das klar an den Bedarfen ausgerichtet ist.*

## Ablauf

1. **Begrüßung und Leitfrage** (10 Min.) – die Leitfrage steht die ganze Zeit sichtbar auf der Folie.
2. **Impuls** (10–15 Min.).
3. **Ergebnisse der Umfrage, Thema für Thema** (je Thema 15–20 Min.): erst die Zahlen zeigen, dann fragen: *„Erkennen Sie Ihre Verwaltung wieder? Was fehlt?“*
4. **Ideen sammeln**: Die Teilnehmenden schicken über *Mitmachen* (Code oder QR-Code, ohne Konto) ihre Vorschläge; sie erscheinen live auf der Präsentation.
5. **Punkte vergeben**: jede Person hat drei Punkte. Die Rangfolge entsteht vor aller Augen.
6. **Maßnahmen festhalten** (20 Min.): für die drei bis fünf stärksten Ideen *wer – was – bis wann*.
7. **Abschluss** (5 Min.): Wie geht es weiter, wann hören alle wieder voneinander?

## Methodentipps

- **Zahlen vor Meinungen.** Wer mit den Umfrageergebnissen einsteigt, verhindert, dass die lautesten Stimmen das Bild bestimmen.
- **Eine Idee, ein Satz.** Bitten Sie um kurze, konkrete Vorschläge („Bauhöfe von A und B gemeinsam disponieren“ statt „mehr Zusammenarbeit“).
- **Schmerzpunkte nicht wegmoderieren.** Fehlendes Personal und Geld sind real. Fragen Sie weiter: *„Was davon könnten wir gemeinsam lösen?“* – dort entstehen Shared Services und gemeinsame Projekte.

## Nach dem Workshop

- Der **Bericht** (PDF oder Markdown) entsteht aus dem Workshop: Tagesordnung, Ideen mit Punkten, Maßnahmen.
- Maßnahmen werden in der eigenen Kommune zu **Bedarfen** und später zu Projekten – so bleibt nachvollziehbar, woher ein Projekt kommt.
- Schicken Sie den Bericht innerhalb einer Woche an alle Teilnehmenden.

Die Datei im Anhang ist ein Ablaufplan zum Ausdrucken.`,
};

const councilRisks: StarterGuide = {
  key: 'council-risks',
  kind: 'article',
  title: 'Finanzielle Risiken für den Gemeinderat verständlich machen',
  summary:
    'Wie Sie Kosten über die ganze Laufzeit, Bandbreiten und Risiken so darstellen, dass der Rat eine informierte Entscheidung trifft – und später nicht überrascht wird.',
  modules: ['finance', 'projects'],
  phases: ['planning'],
  body: `Ein Digitalisierungsprojekt scheitert selten am ersten Beschluss, sondern an den **Folgekosten**, die niemand erwähnt hat. Der Rat entscheidet gut, wenn er drei Dinge sieht: was das Projekt über die ganze Laufzeit kostet, wie sicher diese Zahl ist und was passiert, wenn es anders kommt.

## 1. Lebenszykluskosten statt Anschaffungspreis

Stellen Sie alle Kosten über **mindestens fünf Jahre** dar:

- einmalig: Beschaffung, Einführung, Datenübernahme, Schulung, eigene Arbeitszeit;
- laufend: Lizenzen und Wartung, Betrieb beim IT-Dienstleister, Support, Aktualisierung von Schnittstellen;
- am Ende: Ablösung, Datenexport, Archivierung.

Eigene Arbeitszeit ist Geld. Rechnen Sie sie mit den **Personalkostensätzen** Ihrer Kommune (*Finanzen → Einstellungen*) ein.

## 2. Bandbreiten statt Scheingenauigkeit

Geben Sie für unsichere Positionen **drei Werte** an: günstig, wahrscheinlich, ungünstig. Aus diesen Bandbreiten und den Risiken berechnet die Plattform mit einer Monte-Carlo-Simulation, welches Budget mit 50 % und mit 80 % Wahrscheinlichkeit reicht. Für den Rat ist die Aussage *„Mit 80 % Sicherheit reichen 148.000 €“* verständlicher als eine einzelne Zahl mit Nachkommastellen.

## 3. Risiken benennen – mit Wahrscheinlichkeit und Kosten

Typische Risiken kleiner Kommunen:

| Risiko | Gegenmaßnahme |
|---|---|
| Die einzige Fachkraft fällt aus | Vertretung und Dokumentation von Anfang an einplanen |
| Der Anbieter erhöht die Preise | Preisgleitklausel und Laufzeit im Vertrag prüfen |
| Fördermittel kommen später oder geringer | Eigenanteil ohne Förderung darstellen |
| Schnittstelle zum Fachverfahren fehlt | Schnittstelle vor der Vergabe verbindlich zusagen lassen |

Jedes Risiko erhält eine Wahrscheinlichkeit und eine Kostenspanne; die Risikomatrix zeigt auf einen Blick, wo die großen Brocken liegen.

## 4. Wirtschaftlichkeit einordnen

Der **Kapitalwert** (nach der WiBe-Methode des Bundes) zeigt, ob sich das Projekt finanziell rechnet. Ist er negativ, kann das Projekt trotzdem richtig sein – etwa weil es gesetzlich vorgeschrieben (Dringlichkeit) oder strategisch wichtig ist. Sagen Sie das dann ausdrücklich, statt den Nutzen schönzurechnen.

## 5. Die Beschlussvorlage

Der geführte Weg *Beschlussvorlage vorbereiten* (Kosten → Risiken → Vorlage) erzeugt eine Vorlage mit den üblichen Teilen: Beschlussvorschlag, Sachverhalt und Begründung, **finanzielle Auswirkungen** (Aufwand und Ertrag, Haushaltsmittel, Deckung, Folgekosten) und die Risiken in Worten. Der Rat sieht darin auch, welcher Ausschuss vorberät.

## 6. Im Gespräch

- Rechnen Sie mit der Frage *„Was passiert, wenn wir es nicht tun?“* – die Kosten des Nichtstuns (Papierprozesse, Porto, Wegezeiten) gehören in die Begründung.
- Bieten Sie an, nach einem Jahr über Kosten und Nutzen zu berichten. Das schafft Vertrauen für das nächste Projekt.

Siehe auch: *Checkliste Beschlussvorlage mit Kosten und Risiken*.`,
};

const sharedService: StarterGuide = {
  key: 'shared-service',
  kind: 'article',
  title: 'Einen gemeinsamen Dienst (Shared Service) aufbauen',
  summary:
    'Vom Bauhof bis zum Backoffice des Bürgerbüros: wie Kommunen Aufgaben bündeln – Rechtsformen, § 2b UStG, Kostenschlüssel und die Schritte bis zum Start.',
  modules: ['shared_services', 'networks', 'finance'],
  phases: ['idea', 'planning', 'operation'],
  body: `Wenn Personal, Geld und Fachwissen knapp sind, hilft es, Aufgaben **gemeinsam** zu erledigen. Im KGSt-Workshop 2021 nannten die Kommunen zwei Beispiele: zusammengelegte Bauhöfe mit gemeinsamem kaufmännischem Management und das gebündelte Backoffice der Bürgerbüros.

> Diese Hilfe ordnet ein, sie ersetzt keine Rechtsberatung. Ziehen Sie Ihre Kommunalaufsicht und die Steuerberatung früh hinzu.

## 1. Eignet sich die Aufgabe?

Gut geeignet sind Aufgaben mit **gleichartigen Abläufen** in allen Kommunen, einem messbaren Mengengerüst (Fälle, Stunden, Einsätze) und wenig Ortsbezug: Rechnungsbearbeitung, Vergabestelle, Personalabrechnung, IT-Betreuung, Disposition von Bauhöfen, Backoffice von Bürgerbüros.

## 2. Die Rechtsform wählen

| Form | Wann sie passt |
|---|---|
| **Kommunale Arbeitsgemeinschaft** | nur abstimmen und Erfahrungen teilen, keine Aufgabe übertragen |
| **Öffentlich-rechtliche Vereinbarung** (Zweckvereinbarung) | eine Kommune erledigt die Aufgabe für die anderen (mandatierend) oder übernimmt sie ganz (delegierend); bei gemeinsamer Durchführung muss ein Kostenschlüssel vereinbart sein |
| **Zweckverband** | eigene Körperschaft mit eigenem Haushalt, darf eine Umlage erheben – sinnvoll bei großen, dauerhaften Aufgaben |
| **Gemeinsames Kommunalunternehmen (AöR)** | unternehmerisch geführt, finanziert über Entgelte, keine Umlage |
| **GmbH** | privatrechtlich, flexibel, aber mit Vergabe- und Steuerfolgen |

Für den Einstieg ist die **öffentlich-rechtliche Vereinbarung** meist der schlankste Weg. Die Plattform erzeugt aus einer Machbarkeitsstudie einen Entwurf dieser Vereinbarung als DOCX und PDF.

## 3. Umsatzsteuer: § 2b UStG

Ab dem **1. Januar 2027** gilt § 2b UStG ohne Übergang. Eine Kommune ist bei Tätigkeiten auf öffentlich-rechtlicher Grundlage keine Unternehmerin, **solange das nicht zu größeren Wettbewerbsverzerrungen führt**. Leistungen an eine andere Kommune verzerren den Wettbewerb nach § 2b Abs. 3 nicht, wenn

1. sie nach gesetzlichen Bestimmungen nur von öffentlichen Stellen erbracht werden dürfen, **oder**
2. die Zusammenarbeit auf langfristigen öffentlich-rechtlichen Vereinbarungen beruht, der Erhaltung öffentlicher Infrastruktur oder der Wahrnehmung einer allen Beteiligten obliegenden öffentlichen Aufgabe dient, **nur gegen Kostenerstattung** erfolgt und die Leistung im Wesentlichen an andere öffentliche Stellen geht.

Trifft keines zu, fallen **19 % Umsatzsteuer** auf die Kostenanteile der Partner an. Die Machbarkeitsstudie fragt die Voraussetzungen als Checkliste ab und rechnet die Steuer in den Vergleich *allein gegen gemeinsam* ein.

## 4. Den Kostenschlüssel festlegen

| Schlüssel | Geeignet für |
|---|---|
| **Einwohnerzahl** | der häufigste Schlüssel; einfach, transparent, aber unabhängig von der tatsächlichen Nutzung |
| **Fallzahl / Nutzung** | wenn die Inanspruchnahme stark schwankt (z. B. Rechnungen, Einsätze) |
| **Gleiche Teile** | für kleine Fixkosten oder ähnlich große Partner |
| **Sockel + variabel** | ein gleicher Grundbetrag für die Bereitschaft, der Rest nach Nutzung – oft der fairste Kompromiss |

Die Vorlage *Kostenschlüssel berechnen* (XLSX) rechnet die vier Schlüssel für bis zu acht Kommunen nebeneinander. Vereinbaren Sie außerdem, wann der Schlüssel überprüft wird (z. B. alle drei Jahre).

## 5. Die Schritte

1. **Machbarkeitsstudie** starten (*Shared Services → Neue Studie*), Partner einladen.
2. Jede Kommune trägt ihren **Ist-Stand** ein (Personal, Sachkosten, Mengen).
3. Die federführende Kommune beschreibt das **Zielbild** des gemeinsamen Dienstes und den Schlüssel.
4. Vergleich *allein gegen gemeinsam*, Amortisation, Kapitalwert und Bandbreiten prüfen.
5. Vereinbarung entwerfen, Rechtsämter und Kommunalaufsicht beteiligen, **Beschlüsse aller Räte**.
6. Start: Dienstteam benennen, Aufträge über die gemeinsame Warteschlange, monatliche Abrechnung je Kommune.

Denken Sie an den **Personalrat** (geänderte Arbeitsplätze) und an einen **Vertrag zur Auftragsverarbeitung**, wenn die federführende Kommune personenbezogene Daten der Partner verarbeitet – ein Muster liegt in den Hilfen.`,
};

const communicationPlan: StarterGuide = {
  key: 'communication-plan',
  kind: 'article',
  title: 'Einen Kommunikationsplan für ein Digitalisierungsprojekt aufstellen',
  summary:
    'Wer erfährt was, wann und über welchen Weg? Ein schlanker Plan, der alle Beschäftigten einbezieht und Meilensteine und Erfolge in den Mittelpunkt stellt.',
  modules: ['communication', 'projects'],
  phases: ['planning', 'implementation'],
  body: `Geringe Veränderungsbereitschaft war einer der größten Schmerzpunkte im KGSt-Workshop. Die Antwort der Kommunen: eine **stringente Kommunikationsstrategie**, die alle Mitarbeitenden einbezieht und den Fokus auf **Meilensteine und Erfolge** legt. Ein Kommunikationsplan macht daraus verlässliche Termine.

## 1. Zielgruppen bestimmen

- **Alle Beschäftigten** – was ändert sich für mich, und wann?
- **Direkt betroffene Fachbereiche** – neue Abläufe, Schulungen, Ansprechpersonen.
- **Führungskräfte** – sie müssen das Projekt vertreten und Fragen beantworten können.
- **Personalrat** – frühzeitig und nicht erst zur Zustimmung.
- **Rat und Bürgermeister/in** – Fortschritt, Kosten, Risiken.
- **Bürgerinnen und Bürger** – wenn sich Leistungen ändern.

## 2. Botschaften je Phase

| Phase | Kernbotschaft | Weg |
|---|---|---|
| Idee | *Warum* wir das tun – welches Problem es löst | Dienstbesprechung, Neuigkeiten |
| Planung | Was sich ändert, wer mitgestaltet, wie der Personalrat beteiligt ist | Infoveranstaltung, Intranet |
| Umsetzung | Meilensteine, Schulungstermine, erste Erfolge | Neuigkeiten, E-Mail, Teamrunden |
| Betrieb | Was es gebracht hat, was wir gelernt haben | Neuigkeiten, Bericht an den Rat |

Unter *Kommunikation → Vorlage anwenden* legt die Plattform diese Punkte mit Terminen ab einem Stichtag an.

## 3. Regeln, die wirken

- **Erst intern, dann extern.** Beschäftigte dürfen nichts aus der Zeitung erfahren.
- **Ein Gesicht.** Eine feste Ansprechperson je Projekt.
- **Erfolge feiern.** Jeder erreichte Meilenstein ist eine kurze Nachricht wert – die Plattform schlägt dafür Entwürfe in den Neuigkeiten vor.
- **Fragen ernst nehmen.** Sammeln Sie Fragen und beantworten Sie sie sichtbar (FAQ).
- **Rhythmus halten.** Lieber kurz und regelmäßig (z. B. alle zwei Wochen) als selten und lang.

## 4. Wirkung prüfen

Der **Veränderungspuls** (kurze Umfrage je Quartal nach ADKAR) zeigt, ob Bewusstsein, Wille, Wissen, Können und Verankerung wachsen. Sinkt ein Wert, passen Sie den Plan an – etwa mit mehr Schulung statt weiterer Information.

## 5. Für den Rat

Der **Quartalsbericht** (*Kommunikation → Fortschrittsbericht*) fasst Portfolio, erreichte Meilensteine, veröffentlichte Erfolge und den Puls in einem PDF zusammen.`,
};

const staffCouncil: StarterGuide = {
  key: 'staff-council',
  kind: 'article',
  title: 'Den Personalrat frühzeitig beteiligen',
  summary:
    'Wann der Personalrat mitbestimmt, wie Sie ihn von Anfang an einbinden und wie eine Dienstvereinbarung zu digitalen Werkzeugen entsteht.',
  modules: ['staff_council', 'projects', 'communication'],
  phases: ['idea', 'planning', 'implementation'],
  body: `Fast jedes Digitalisierungsprojekt verändert Arbeit. Der Personalrat ist deshalb kein Hindernis am Ende, sondern ein Partner von Anfang an – und er kennt die Sorgen der Belegschaft oft besser als die Projektleitung.

> Diese Hilfe ordnet ein, sie ersetzt keine Rechtsberatung. Maßgeblich ist das Personalvertretungsgesetz Ihres Landes.

## Wann bestimmt der Personalrat mit?

Die Einführung und Anwendung **technischer Einrichtungen, die dazu geeignet sind, das Verhalten oder die Leistung der Beschäftigten zu überwachen**, unterliegt der Mitbestimmung (für Bundesbeschäftigte § 80 BPersVG; für kommunale Beschäftigte gelten die Landespersonalvertretungsgesetze mit ähnlichen Regeln). *Geeignet* genügt – es kommt nicht darauf an, ob Sie überwachen wollen. Fast jede Software mit Protokollen, Benutzerkonten oder Auswertungen fällt darunter.

Häufig berührt sind außerdem: Gestaltung der Arbeitsplätze, Arbeitszeit, Fortbildung und Maßnahmen zur Hebung der Arbeitsleistung oder Erleichterung des Arbeitsablaufs.

## Der Ablauf

1. **Informieren** – sobald die Idee konkret wird, nicht erst mit dem Vertrag.
2. **Beraten** – Anforderungen gemeinsam klären: Welche Daten werden gespeichert, wer sieht welche Auswertungen, wie lange werden Protokolle aufbewahrt?
3. **Zustimmen** – der förmliche Antrag mit allen Unterlagen.
4. **Dienstvereinbarung** – für Werkzeuge, die bleiben; gern als Rahmen-Dienstvereinbarung für mehrere Systeme.

Die Plattform führt diese Schritte je Projekt (*Projekt → Beteiligung des Personalrats*): der Mitbestimmungs-Check fragt die typischen Tatbestände ab, die Daten der Schritte werden festgehalten und erscheinen als Abschnitt in der Beschlussvorlage.

## Was in eine Dienstvereinbarung gehört

- Zweck und Umfang des Systems, Liste der Funktionen;
- **keine Leistungs- und Verhaltenskontrolle** mit den Daten (Ausnahmen nur im geregelten Verfahren);
- Zugriffsrechte und Auswertungen, Aufbewahrungsfristen der Protokolle;
- Schulung und Unterstützung;
- Änderungen und Erweiterungen nur nach Beteiligung;
- Kontrollrechte des Personalrats.

## Tipps

- Laden Sie ein Mitglied des Personalrats in die **Projektgruppe** ein.
- Planen Sie die Beteiligung im **Zeitplan** ein: Fristen für die Zustimmung betragen je nach Land meist zwei bis drei Wochen, bei Verlängerung mehr.
- Halten Sie Zusagen schriftlich fest – Vertrauen entsteht, wenn sie eingehalten werden.

Siehe auch: *Checkliste Personalratsbeteiligung*.`,
};

const oneStaffOffice: StarterGuide = {
  key: 'one-person-office',
  kind: 'article',
  title: 'Erste Schritte als Ein-Personen-Digitalisierungsstelle',
  summary:
    'Sie sind die oder der Digitalisierungsbeauftragte – oft allein und in Teilzeit. Ein Plan für die ersten 100 Tage: Bedarfe erheben, Zielbild, wenige Projekte, Verbündete finden.',
  modules: ['start', 'needs', 'target_picture', 'maturity', 'exchange'],
  phases: ['idea', 'planning'],
  body: `In vielen kleinen Kommunen ist die Digitalisierung die Aufgabe **einer Person**, häufig neben anderen Aufgaben. Das ist zu wenig für alles – aber genug für einen klaren Anfang. Entscheidend ist, nicht mit Technik zu beginnen, sondern mit den Bedarfen.

## Die ersten 30 Tage: zuhören und sortieren

- **Rückendeckung klären**: Mit der Verwaltungsleitung vereinbaren, wie viele Stunden pro Woche Sie haben, welche Entscheidungen Sie treffen dürfen und wem Sie berichten.
- **Gespräche mit allen Fachbereichen** (je 30–45 Minuten): Wo kostet Papier am meisten Zeit? Was fragen Bürgerinnen und Bürger am häufigsten?
- Jeden Hinweis als **Bedarf** festhalten (*Bedarfe & Ideen*). Die Ideenbox öffnet den Weg für alle Beschäftigten.
- Die **Selbsteinschätzung des Reifegrads** zeigt, wo Ihre Verwaltung steht – vieles füllt die Plattform vor.

## Tag 31 bis 60: ein Zielbild und wenige Prioritäten

- Aus den Bedarfen ein **Zielbild** mit drei bis fünf Handlungsfeldern ableiten – kurz genug für eine Seite.
- Für jedes Handlungsfeld **ein Ziel mit Kennzahl** (z. B. „50 % der Gewerbeanmeldungen online bis Ende nächsten Jahres“).
- Projekte **priorisieren** und bewusst wenige starten. Ein abgeschlossenes Projekt überzeugt mehr als fünf halbe.

## Tag 61 bis 100: Verbündete und ein erster Erfolg

- **Nachnutzen statt neu erfinden**: Im Austausch finden Sie Projekte anderer Kommunen mit Kosten, Erfahrungen und Ansprechperson. Ein Klick übernimmt ein Projekt als Vorlage.
- **Verbund suchen**: Innovationszirkel, Vergleichsring oder Kreiskooperation – gemeinsam fragen, lernen und Leuchtturmprojekte in die Breite tragen.
- **Einen schnellen Erfolg** auswählen, der vielen nützt (z. B. digitale Terminvergabe im Bürgerbüro), und ihn sichtbar machen.

## Was Sie nicht allein tun müssen

- **Kosten und Risiken** für den Rat: Die Plattform rechnet Lebenszykluskosten und erzeugt die Beschlussvorlage.
- **Kommunikation**: Vorlagen für den Kommunikationsplan und Entwürfe für Neuigkeiten entstehen aus Meilensteinen.
- **Gemeinsame Dienste** mit Nachbarkommunen entlasten dauerhaft.

## Ihr eigener Rhythmus

- Wöchentlich 30 Minuten: offene Aufgaben und Meilensteine prüfen (Cockpit).
- Monatlich: kurzer Bericht an die Verwaltungsleitung.
- Quartalsweise: Fortschrittsbericht an den Rat, Veränderungspuls auswerten.

Und: Grenzen ziehen. Sagen Sie, was Sie **nicht** tun – zum Beispiel keine Druckerreparaturen. Das schützt die Zeit für das, wofür die Stelle geschaffen wurde.`,
};

const surveyChecklist: StarterGuide = {
  key: 'pre-survey-checklist',
  kind: 'checklist',
  title: 'Checkliste Vorab-Umfrage',
  summary: 'Alles, was vor, während und nach einer Vorab-Umfrage im Verbund erledigt sein sollte.',
  modules: ['surveys', 'workshops', 'networks'],
  phases: ['idea'],
  body: 'Haken Sie die Punkte für Ihre Kommune oder für ein Projekt ab. Die Häkchen sehen alle Kolleginnen und Kollegen Ihrer Kommune, mit Name und Datum.',
  items: [
    { key: 'leitfrage', text: 'Leitfrage formuliert und mit der Moderation abgestimmt' },
    { key: 'fragebogen', text: 'Fragebogen aus der Vorlage „Schmerzpunkte“ angepasst (höchstens 15 Fragen)' },
    { key: 'modus', text: 'Entschieden: eine Antwort je Kommune oder jede Person einzeln' },
    { key: 'zustimmung', text: 'Bei Personenumfragen: Zustimmung der Mitgliedskommunen eingeholt' },
    { key: 'schwelle', text: 'Anonymitätsschwelle festgelegt und in der Einladung erklärt' },
    { key: 'testlauf', text: 'Testlauf mit einer Kommune gemacht, Unklarheiten beseitigt' },
    { key: 'zeitraum', text: 'Zeitraum festgelegt (drei Wochen) und Umfrage geöffnet' },
    { key: 'erinnerung', text: 'Nach zwei Wochen an die noch fehlenden Antworten erinnert' },
    { key: 'workshop', text: 'Umfrage geschlossen und Workshop aus den Ergebnissen angelegt' },
  ],
};

const councilChecklist: StarterGuide = {
  key: 'council-paper-checklist',
  kind: 'checklist',
  title: 'Checkliste Beschlussvorlage mit Kosten und Risiken',
  summary:
    'Prüfen Sie vor der Sitzung, ob die Vorlage alles enthält, was der Rat für eine informierte Entscheidung braucht.',
  modules: ['finance', 'projects'],
  phases: ['planning'],
  body: 'Am besten für das Projekt abhaken, zu dem die Vorlage gehört (Auswahl oben).',
  items: [
    { key: 'lebenszyklus', text: 'Kosten über mindestens fünf Jahre dargestellt (einmalig und laufend)' },
    { key: 'eigenleistung', text: 'Eigene Arbeitszeit mit Personalkostensätzen eingerechnet' },
    { key: 'bandbreiten', text: 'Unsichere Kosten mit Bandbreite (günstig, wahrscheinlich, ungünstig) erfasst' },
    { key: 'risiken', text: 'Risiken mit Wahrscheinlichkeit und Kostenspanne im Risikoregister' },
    { key: 'budget80', text: 'Budget mit 80 % Sicherheit aus der Simulation genannt' },
    { key: 'foerderung', text: 'Förderung und Eigenanteil getrennt ausgewiesen, auch ohne Förderung gerechnet' },
    { key: 'folgekosten', text: 'Folgekosten und Deckung im Haushalt benannt' },
    { key: 'nichtstun', text: 'Kosten des Nichtstuns in der Begründung beschrieben' },
    { key: 'personalrat', text: 'Beteiligung des Personalrats im Abschnitt der Vorlage beschrieben' },
    { key: 'beratungsfolge', text: 'Beratungsfolge (Ausschuss → Rat) mit Terminen eingetragen' },
  ],
};

const staffCouncilChecklist: StarterGuide = {
  key: 'staff-council-checklist',
  kind: 'checklist',
  title: 'Checkliste Personalratsbeteiligung',
  summary: 'Die Schritte der Beteiligung für ein Projekt, das Arbeit verändert.',
  modules: ['staff_council', 'projects'],
  phases: ['planning', 'implementation'],
  body: 'Haken Sie die Punkte je Projekt ab; die Daten der förmlichen Schritte halten Sie im Abschnitt *Beteiligung des Personalrats* des Projekts fest.',
  items: [
    { key: 'informiert', text: 'Personalrat über die Projektidee informiert' },
    { key: 'check', text: 'Mitbestimmungs-Check im Projekt ausgefüllt' },
    { key: 'daten', text: 'Gespeicherte Daten, Protokolle und Auswertungen beschrieben' },
    { key: 'projektgruppe', text: 'Mitglied des Personalrats zur Projektgruppe eingeladen' },
    { key: 'antrag', text: 'Antrag auf Zustimmung mit allen Unterlagen gestellt' },
    { key: 'zustimmung', text: 'Zustimmung liegt vor (oder Einigungsverfahren eingeleitet)' },
    { key: 'dienstvereinbarung', text: 'Dienstvereinbarung abgeschlossen oder bestehende ergänzt' },
  ],
};

const avv: StarterGuide = {
  key: 'avv-template',
  kind: 'template',
  title: 'Muster: Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO',
  summary:
    'Ein bearbeitbares Muster (DOCX) für die Auftragsverarbeitung – etwa wenn eine Kommune im gemeinsamen Dienst Daten der Partner verarbeitet oder ein IT-Dienstleister Fachverfahren betreibt.',
  modules: ['shared_services', 'processes', 'administration'],
  phases: ['planning', 'operation'],
  files: ['avv-docx'],
  body: `Verarbeitet eine Stelle personenbezogene Daten **im Auftrag** einer Kommune – ein IT-Dienstleister, ein Softwareanbieter mit Fernwartung oder die federführende Kommune eines gemeinsamen Dienstes –, verlangt **Art. 28 DSGVO** einen Vertrag mit festen Mindestinhalten.

> Das Muster ist eine Arbeitshilfe, keine Rechtsberatung. Stimmen Sie den Vertrag mit Ihrer oder Ihrem Datenschutzbeauftragten ab.

## Was das Muster regelt

- Gegenstand, Dauer, Art und Zweck der Verarbeitung, Art der Daten und Kategorien betroffener Personen (Art. 28 Abs. 3 Satz 1);
- Verarbeitung nur auf **dokumentierte Weisung**;
- Vertraulichkeit der eingesetzten Personen;
- **technische und organisatorische Maßnahmen** nach Art. 32 (Anlage 1);
- **Unterauftragsverarbeiter** nur mit Genehmigung (Anlage 2);
- Unterstützung bei Betroffenenrechten, Meldungen von Datenschutzverletzungen und Datenschutz-Folgenabschätzungen;
- **Löschung oder Rückgabe** aller Daten nach Vertragsende;
- Nachweise und Kontrollen.

## So gehen Sie vor

1. Laden Sie das Muster herunter und füllen Sie die Stellen in eckigen Klammern aus.
2. Beschreiben Sie in Anlage 1 die Maßnahmen des Auftragnehmers – viele Anbieter haben dafür ein eigenes Dokument, das Sie beifügen können.
3. Tragen Sie die Verarbeitung in Ihr **Verzeichnis der Verarbeitungstätigkeiten** (Art. 30) ein.
4. Legen Sie eine Wiedervorlage an, um den Vertrag bei Änderungen (neuer Unterauftragnehmer, neue Funktion) zu prüfen.`,
};

const costKey: StarterGuide = {
  key: 'cost-key-template',
  kind: 'template',
  title: 'Vorlage: Kostenschlüssel berechnen',
  summary:
    'Eine Tabelle (XLSX), die die Kosten eines gemeinsamen Dienstes nach Einwohnern, Fallzahl, gleichen Teilen und Sockel plus variabel auf bis zu acht Kommunen verteilt.',
  modules: ['shared_services', 'finance'],
  phases: ['planning'],
  files: ['cost-key-xlsx'],
  body: `Die Tabelle rechnet vier übliche Kostenschlüssel nebeneinander, damit die Partner sehen, was jeder Schlüssel für ihre Kommune bedeutet.

## So funktioniert sie

1. Im Blatt **Kostenschlüssel** tragen Sie die jährlichen Kosten des gemeinsamen Dienstes und den Sockelanteil (in Prozent) ein – die gelben Zellen.
2. Für jede Kommune: Name, Einwohnerzahl (amtlich, zum 31. Dezember des Vorvorjahres) und Fallzahl des Vorjahres.
3. Die Spalten rechts zeigen den Anteil in Euro je Schlüssel, die letzte Zeile die Summe zur Kontrolle.

Das Beispiel ist mit drei Kommunen und einem gemeinsamen Bauhof-Backoffice gefüllt; überschreiben Sie die Werte einfach.

## Welcher Schlüssel passt?

Die Hilfe *Einen gemeinsamen Dienst (Shared Service) aufbauen* beschreibt Vor- und Nachteile. Für eine Machbarkeitsstudie auf der Plattform brauchen Sie die Tabelle nicht – die Studie rechnet die Anteile selbst. Die Vorlage hilft bei Vorgesprächen, bevor alle Partner auf der Plattform sind.`,
};

/** All starter guides in the order they are seeded. */
export const STARTER_GUIDES: readonly StarterGuide[] = [
  oneStaffOffice,
  preSurvey,
  workshop,
  councilRisks,
  sharedService,
  communicationPlan,
  staffCouncil,
  surveyChecklist,
  councilChecklist,
  staffCouncilChecklist,
  avv,
  costKey,
  dataSubjectRequests,
  dataSubjectRequestChecklist,
  onlineServices,
];
