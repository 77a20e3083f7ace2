import { GUIDE_FILE_TYPES } from '@dz/core';
import { renderPdf } from '../../../lib/pdf.js';
import { newWorkbook, XLSX_FORMAT } from '../../../lib/xlsx.js';

/* The starter files of the method library, generated when the starter content is seeded (migration 0043). */

export interface StarterFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

interface Section {
  heading: string;
  paragraphs: string[];
}

/** The processing agreement (Art. 28 GDPR) as sections; placeholders in square brackets. */
export const AVV_TITLE = 'Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO';
export const AVV_SECTIONS: readonly Section[] = [
  {
    heading: 'Vertragsparteien',
    paragraphs: [
      '[Name der Kommune], [Anschrift], vertreten durch [die Bürgermeisterin / den Bürgermeister] – im Folgenden „Verantwortlicher“ –',
      'und',
      '[Name des Auftragnehmers], [Anschrift], vertreten durch [Vertretungsberechtigte Person] – im Folgenden „Auftragsverarbeiter“ –',
      'schließen zur Erfüllung der Anforderungen des Art. 28 der Verordnung (EU) 2016/679 (Datenschutz-Grundverordnung, DSGVO) folgenden Vertrag. Er ergänzt den Hauptvertrag [Bezeichnung, Datum] (im Folgenden „Hauptvertrag“).',
    ],
  },
  {
    heading: '§ 1 Gegenstand und Dauer',
    paragraphs: [
      '(1) Gegenstand des Auftrags ist [z. B. der Betrieb des Fachverfahrens X / die Bearbeitung von Rechnungen im gemeinsamen Dienst].',
      '(2) Die Dauer dieses Vertrags richtet sich nach der Laufzeit des Hauptvertrags. Die Pflichten nach § 10 bestehen über das Vertragsende hinaus.',
    ],
  },
  {
    heading: '§ 2 Art und Zweck der Verarbeitung, Art der Daten, Kategorien betroffener Personen',
    paragraphs: [
      '(1) Art und Zweck der Verarbeitung: [z. B. Speicherung, Hosting, Fernwartung, Erfassung und Weiterleitung] zum Zweck [Beschreibung].',
      '(2) Art der personenbezogenen Daten: [z. B. Name, Anschrift, Kontaktdaten, Vorgangsdaten, Bankverbindung].',
      '(3) Kategorien betroffener Personen: [z. B. Einwohnerinnen und Einwohner, Antragstellende, Beschäftigte des Verantwortlichen].',
      '(4) Die Verarbeitung findet ausschließlich in einem Mitgliedstaat der Europäischen Union oder des Europäischen Wirtschaftsraums statt. Eine Verlagerung in ein Drittland bedarf der vorherigen schriftlichen Zustimmung des Verantwortlichen und der Erfüllung der Art. 44 ff. DSGVO.',
    ],
  },
  {
    heading: '§ 3 Weisungen',
    paragraphs: [
      '(1) Der Auftragsverarbeiter verarbeitet personenbezogene Daten nur auf dokumentierte Weisung des Verantwortlichen (Art. 28 Abs. 3 Satz 2 lit. a DSGVO), es sei denn, er ist durch Unionsrecht oder das Recht eines Mitgliedstaats dazu verpflichtet; in diesem Fall teilt er dem Verantwortlichen diese rechtlichen Anforderungen vor der Verarbeitung mit.',
      '(2) Weisungsberechtigt sind: [Namen, Funktionen]. Weisungen werden in Textform erteilt.',
      '(3) Ist der Auftragsverarbeiter der Auffassung, dass eine Weisung gegen Datenschutzvorschriften verstößt, informiert er den Verantwortlichen unverzüglich.',
    ],
  },
  {
    heading: '§ 4 Vertraulichkeit',
    paragraphs: [
      'Der Auftragsverarbeiter gewährleistet, dass sich die zur Verarbeitung befugten Personen zur Vertraulichkeit verpflichtet haben oder einer angemessenen gesetzlichen Verschwiegenheitspflicht unterliegen (Art. 28 Abs. 3 Satz 2 lit. b DSGVO).',
    ],
  },
  {
    heading: '§ 5 Technische und organisatorische Maßnahmen',
    paragraphs: [
      '(1) Der Auftragsverarbeiter trifft alle nach Art. 32 DSGVO erforderlichen Maßnahmen. Die Maßnahmen sind in Anlage 1 beschrieben.',
      '(2) Die Maßnahmen unterliegen dem technischen Fortschritt. Der Auftragsverarbeiter darf sie durch gleichwertige Maßnahmen ersetzen; wesentliche Änderungen teilt er dem Verantwortlichen vorher mit.',
    ],
  },
  {
    heading: '§ 6 Unterauftragsverarbeiter',
    paragraphs: [
      '(1) Der Auftragsverarbeiter nimmt weitere Auftragsverarbeiter nur mit vorheriger gesonderter oder allgemeiner schriftlicher Genehmigung des Verantwortlichen in Anspruch (Art. 28 Abs. 2 und 4 DSGVO). Die bei Vertragsschluss genehmigten Unterauftragsverarbeiter sind in Anlage 2 aufgeführt.',
      '(2) Über jede beabsichtigte Änderung informiert der Auftragsverarbeiter den Verantwortlichen mindestens [vier Wochen] vorher; der Verantwortliche kann widersprechen.',
      '(3) Der Auftragsverarbeiter legt jedem Unterauftragsverarbeiter dieselben Datenschutzpflichten auf, die in diesem Vertrag festgelegt sind.',
    ],
  },
  {
    heading: '§ 7 Unterstützung des Verantwortlichen',
    paragraphs: [
      '(1) Der Auftragsverarbeiter unterstützt den Verantwortlichen mit geeigneten technischen und organisatorischen Maßnahmen bei der Beantwortung von Anträgen betroffener Personen auf Auskunft, Berichtigung, Löschung, Einschränkung, Datenübertragbarkeit und Widerspruch (Kapitel III DSGVO). Anträge, die beim Auftragsverarbeiter eingehen, leitet er unverzüglich weiter.',
      '(2) Er unterstützt den Verantwortlichen bei der Einhaltung der Pflichten aus Art. 32 bis 36 DSGVO (Sicherheit, Meldung von Verletzungen, Benachrichtigung Betroffener, Datenschutz-Folgenabschätzung, vorherige Konsultation).',
    ],
  },
  {
    heading: '§ 8 Verletzungen des Schutzes personenbezogener Daten',
    paragraphs: [
      'Der Auftragsverarbeiter meldet dem Verantwortlichen eine Verletzung des Schutzes personenbezogener Daten unverzüglich, spätestens innerhalb von [24] Stunden nach Bekanntwerden, mit den Angaben nach Art. 33 Abs. 3 DSGVO, soweit sie ihm vorliegen, damit der Verantwortliche seine Meldefrist von 72 Stunden einhalten kann.',
    ],
  },
  {
    heading: '§ 9 Nachweise und Kontrollen',
    paragraphs: [
      '(1) Der Auftragsverarbeiter stellt dem Verantwortlichen alle erforderlichen Informationen zum Nachweis der Einhaltung dieses Vertrags zur Verfügung (Art. 28 Abs. 3 Satz 2 lit. h DSGVO), zum Beispiel aktuelle Zertifikate oder Prüfberichte unabhängiger Stellen.',
      '(2) Der Verantwortliche oder eine von ihm beauftragte Prüferin oder ein Prüfer kann Überprüfungen, auch Inspektionen vor Ort, nach rechtzeitiger Anmeldung während der üblichen Geschäftszeiten durchführen.',
    ],
  },
  {
    heading: '§ 10 Löschung und Rückgabe nach Vertragsende',
    paragraphs: [
      'Nach Abschluss der Verarbeitung löscht der Auftragsverarbeiter nach Wahl des Verantwortlichen alle personenbezogenen Daten oder gibt sie in einem gängigen, maschinenlesbaren Format zurück und löscht vorhandene Kopien, sofern nicht eine gesetzliche Pflicht zur Speicherung besteht (Art. 28 Abs. 3 Satz 2 lit. g DSGVO). Die Löschung ist schriftlich zu bestätigen.',
    ],
  },
  {
    heading: '§ 11 Haftung und Schlussbestimmungen',
    paragraphs: [
      '(1) Für die Haftung gilt Art. 82 DSGVO.',
      '(2) Änderungen und Ergänzungen bedürfen der Textform. Bei Widersprüchen gehen die Regelungen dieses Vertrags denen des Hauptvertrags vor, soweit es um den Datenschutz geht.',
      '(3) Sollte eine Bestimmung unwirksam sein, bleibt der Vertrag im Übrigen wirksam.',
      '[Ort, Datum]   [Unterschrift Verantwortlicher]   [Unterschrift Auftragsverarbeiter]',
    ],
  },
  {
    heading: 'Anlage 1 – Technische und organisatorische Maßnahmen (Art. 32 DSGVO)',
    paragraphs: [
      'Vertraulichkeit: [Zutritts-, Zugangs- und Zugriffskontrolle, Trennung der Daten verschiedener Auftraggeber, Verschlüsselung].',
      'Integrität: [Weitergabekontrolle, Eingabekontrolle, Protokollierung].',
      'Verfügbarkeit und Belastbarkeit: [Datensicherung, Wiederherstellung, Notfallplan].',
      'Verfahren zur regelmäßigen Überprüfung: [Datenschutzmanagement, Audits, Auftragskontrolle].',
    ],
  },
  {
    heading: 'Anlage 2 – Genehmigte Unterauftragsverarbeiter',
    paragraphs: ['[Name, Anschrift, Leistung, Ort der Verarbeitung] – je Unterauftragsverarbeiter eine Zeile.'],
  },
];

/** The processing agreement as DOCX (legal offices edit in Word), built like the shared service's agreement. */
export async function avvDocx(): Promise<StarterFile> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const children = [
    new Paragraph({ text: AVV_TITLE, heading: HeadingLevel.TITLE }),
    new Paragraph({
      children: [
        new TextRun({
          text: 'Muster der Plattform Digitalzirkel – eine Arbeitshilfe, keine Rechtsberatung. Stellen in eckigen Klammern ausfüllen und mit der oder dem Datenschutzbeauftragten abstimmen.',
          italics: true,
        }),
      ],
    }),
  ];
  for (const s of AVV_SECTIONS) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }));
    for (const p of s.paragraphs) children.push(new Paragraph({ text: p }));
  }
  const document = new Document({
    creator: 'Digitalzirkel',
    title: AVV_TITLE,
    description: 'Muster nach Art. 28 DSGVO',
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ properties: {}, children }],
  });
  return {
    fileName: 'Muster-Auftragsverarbeitung-Art-28-DSGVO.docx',
    contentType: GUIDE_FILE_TYPES.docx,
    content: await Packer.toBuffer(document),
  };
}

/** The example of the cost-key workbook: three municipalities sharing a building-yard back office. */
export const COST_KEY_EXAMPLE = {
  annualCost: 180_000,
  basePercent: 30,
  municipalities: [
    { name: 'Stadt Plön', population: 8_900, cases: 1_450 },
    { name: 'Gemeinde Ascheberg', population: 3_200, cases: 610 },
    { name: 'Gemeinde Bösdorf', population: 1_600, cases: 240 },
  ],
} as const;
const COST_KEY_ROWS = 8;

/**
 * The cost-key workbook: inputs in yellow cells, the four keys as formulas (with their results for readers that do
 * not calculate), a sum row to check. Rows without a name stay empty (IF), so eight rows serve up to eight partners.
 */
export async function costKeyXlsx(): Promise<StarterFile> {
  const wb = await newWorkbook();
  wb.creator = 'Digitalzirkel';
  wb.title = 'Kostenschlüssel berechnen';
  const ws = wb.addWorksheet('Kostenschlüssel');
  const input = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2A8' } } as const;
  ws.columns = [
    { width: 28 },
    { width: 14 },
    { width: 14 },
    { width: 20 },
    { width: 20 },
    { width: 20 },
    { width: 22 },
  ];
  ws.getCell('A1').value = 'Kostenschlüssel eines gemeinsamen Dienstes';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'Gelbe Zellen ausfüllen; alle anderen Werte rechnet die Tabelle.';
  ws.getCell('A4').value = 'Jährliche Kosten des Dienstes (€)';
  ws.getCell('B4').value = COST_KEY_EXAMPLE.annualCost;
  ws.getCell('B4').numFmt = XLSX_FORMAT.euro;
  ws.getCell('A5').value = 'Sockelanteil (gleiche Teile)';
  ws.getCell('B5').value = COST_KEY_EXAMPLE.basePercent / 100;
  ws.getCell('B5').numFmt = XLSX_FORMAT.percent;
  for (const c of ['B4', 'B5']) ws.getCell(c).fill = input;
  const header = 7;
  ws.getRow(header).values = [
    'Kommune',
    'Einwohner',
    'Fallzahl',
    'nach Einwohnern (€)',
    'nach Fallzahl (€)',
    'zu gleichen Teilen (€)',
    'Sockel + variabel (€)',
  ];
  ws.getRow(header).font = { bold: true };
  const first = header + 1;
  const last = header + COST_KEY_ROWS;
  const ex = COST_KEY_EXAMPLE.municipalities;
  const totalPop = ex.reduce((s, m) => s + m.population, 0);
  const totalCases = ex.reduce((s, m) => s + m.cases, 0);
  const cost = COST_KEY_EXAMPLE.annualCost;
  const base = COST_KEY_EXAMPLE.basePercent / 100;
  const round2 = (n: number) => Math.round(n * 100) / 100;
  for (let i = 0; i < COST_KEY_ROWS; i++) {
    const r = first + i;
    const m = ex[i];
    const row = ws.getRow(r);
    row.getCell(1).value = m?.name ?? null;
    row.getCell(2).value = m?.population ?? null;
    row.getCell(3).value = m?.cases ?? null;
    const has = `$A${r}=""`;
    const n = `COUNTA($A$${first}:$A$${last})`;
    const formulas = [
      [`IF(${has},"",$B$4*B${r}/SUM($B$${first}:$B$${last}))`, m ? cost * (m.population / totalPop) : ''],
      [`IF(${has},"",$B$4*C${r}/SUM($C$${first}:$C$${last}))`, m ? cost * (m.cases / totalCases) : ''],
      [`IF(${has},"",$B$4/${n})`, m ? cost / ex.length : ''],
      [
        `IF(${has},"",$B$4*$B$5/${n}+$B$4*(1-$B$5)*C${r}/SUM($C$${first}:$C$${last}))`,
        m ? (cost * base) / ex.length + cost * (1 - base) * (m.cases / totalCases) : '',
      ],
    ] as const;
    formulas.forEach(([formula, result], j) => {
      const cell = row.getCell(4 + j);
      cell.value = { formula, result: typeof result === 'number' ? round2(result) : result };
      cell.numFmt = XLSX_FORMAT.euro;
    });
    for (const c of [1, 2, 3]) row.getCell(c).fill = input;
    row.getCell(2).numFmt = '#,##0';
    row.getCell(3).numFmt = '#,##0';
  }
  const sum = ws.getRow(last + 1);
  sum.getCell(1).value = 'Summe (Kontrolle)';
  sum.font = { bold: true };
  for (let c = 2; c <= 7; c++) {
    const col = String.fromCharCode(64 + c);
    const result = c === 2 ? totalPop : c === 3 ? totalCases : cost;
    sum.getCell(c).value = { formula: `SUM(${col}${first}:${col}${last})`, result };
    sum.getCell(c).numFmt = c <= 3 ? '#,##0' : XLSX_FORMAT.euro;
  }
  const notes = wb.addWorksheet('Hinweise');
  notes.getColumn(1).width = 100;
  [
    'Einwohner: amtliche Einwohnerzahl zum 31. Dezember des Vorvorjahres (Statistisches Landesamt).',
    'Fallzahl: Menge des Vorjahres, z. B. Rechnungen, Aufträge oder Einsätze.',
    'Sockel + variabel: der Sockelanteil wird zu gleichen Teilen verteilt, der Rest nach Fallzahl.',
    'Umsatzsteuer (§ 2b UStG): sind die Voraussetzungen des § 2b Abs. 3 UStG nicht erfüllt, kommen 19 % auf die Anteile.',
    'Die Tabelle ist eine Arbeitshilfe der Plattform Digitalzirkel.',
  ].forEach((t, i) => {
    notes.getCell(`A${i + 1}`).value = t;
  });
  return {
    fileName: 'Vorlage-Kostenschluessel.xlsx',
    contentType: GUIDE_FILE_TYPES.xlsx,
    content: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/** A printable run sheet of the pain-point workshop (tagged PDF). */
export async function workshopPdf(): Promise<StarterFile> {
  const rows = [
    ['0:00', 'Begrüßung, Leitfrage, Ziel des Tages', 'Moderation', '10 Min.'],
    ['0:10', 'Impuls: Zielbild aus Bedarfen', 'Impulsgeber/in', '15 Min.'],
    ['0:25', 'Ergebnisse der Umfrage, Thema 1: Personal, Geld, Fachwissen', 'Moderation', '20 Min.'],
    ['0:45', 'Thema 2: Veränderungsbereitschaft und Kommunikation', 'Moderation', '20 Min.'],
    ['1:05', 'Pause', '', '10 Min.'],
    ['1:15', 'Thema 3: Strategie, Prozess- und Projektmanagement', 'Moderation', '20 Min.'],
    ['1:35', 'Ideen sammeln (Mitmachen per Code) und Punkte vergeben', 'Ko-Moderation', '20 Min.'],
    ['1:55', 'Maßnahmen: wer – was – bis wann', 'alle', '20 Min.'],
    ['2:15', 'Abschluss und nächste Schritte', 'Moderation', '5 Min.'],
  ];
  const pdf = await renderPdf({
    title: 'Ablaufplan: Workshop zu den Schmerzpunkten',
    subject: 'Arbeitshilfe der Plattform Digitalzirkel',
    footer: 'Ablaufplan Workshop – Digitalzirkel',
    content: [
      { text: 'Arbeitshilfe', style: 'kicker' },
      { text: 'Ablaufplan: Workshop zu den Schmerzpunkten', style: 'h1' },
      'Leitfrage: Was sind die Schmerzpunkte bei der Umsetzung von Digitalisierungsvorhaben in unserer Verwaltung?',
      { text: 'Ablauf (etwa 2,5 Stunden)', style: 'h2' },
      {
        table: {
          headerRows: 1,
          widths: ['auto', '*', 'auto', 'auto'],
          body: [['Zeit', 'Punkt', 'Wer', 'Dauer'].map((h) => ({ text: h, bold: true })), ...rows],
        },
      },
      { text: 'Vorbereitung', style: 'h2' },
      {
        ul: [
          'Workshop aus der geschlossenen Umfrage anlegen: die Tagesordnung übernimmt deren Themen.',
          'Präsentation und Code für „Mitmachen“ vorher testen (Beamer, WLAN, QR-Code).',
          'Rollen verteilen: Moderation, Ko-Moderation, Zeitnahme.',
        ],
      },
      { text: 'Nachbereitung', style: 'h2' },
      {
        ul: [
          'Bericht innerhalb einer Woche an alle Teilnehmenden.',
          'Maßnahmen in den Kommunen als Bedarfe erfassen.',
          'Termin für ein Folgetreffen in drei bis sechs Monaten festlegen.',
        ],
      },
    ],
  });
  return { fileName: 'Ablaufplan-Workshop-Schmerzpunkte.pdf', contentType: GUIDE_FILE_TYPES.pdf, content: pdf };
}

export const STARTER_FILES = {
  'avv-docx': avvDocx,
  'cost-key-xlsx': costKeyXlsx,
  'workshop-pdf': workshopPdf,
} as const;
