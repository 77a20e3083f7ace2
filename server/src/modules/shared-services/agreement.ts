import { fmtEuro, fmtNumber } from '@dz/core';
import { deDate, renderPdf } from '../../lib/pdf.js';
import type { getStudy } from './studies.service.js';

type Study = Awaited<ReturnType<typeof getStudy>>;

/**
 * The draft öffentlich-rechtliche Vereinbarung of a study — one document model, rendered as DOCX (legal offices
 * edit in Word) and as tagged PDF. Pure: study in, text out; the shares are the study's computed figures, so the
 * agreement and the study always say the same.
 */
export interface AgreementDoc {
  title: string;
  subtitle: string;
  sections: { heading: string; paragraphs: string[]; table?: { header: string[]; rows: string[][] } }[];
}

const KEY_TEXT: Record<Study['allocation']['key'], string> = {
  population: 'im Verhältnis der Einwohnerzahlen (amtliche Zahl zum 31. Dezember des Vorvorjahres)',
  case_volume: 'im Verhältnis der Mengen des Vorjahres',
  equal: 'zu gleichen Teilen',
  base_variable: 'zu einem Sockelanteil zu gleichen Teilen, im Übrigen im Verhältnis der Mengen',
  custom: 'nach den unten vereinbarten Prozentsätzen',
};

export function agreementDoc(d: Study): AgreementDoc {
  const f = d.figures;
  if (!f) throw new Error('agreement needs figures');
  const lead = d.lead.name;
  const partners = d.partners.filter((p) => p.status === 'accepted');
  const others = partners.filter((p) => p.role !== 'lead').map((p) => p.name);
  const a = d.agreement;
  const vatClause = d.vatTaxable
    ? 'Die Leistungen unterliegen nach der Prüfung der Beteiligten der Umsatzsteuer (§ 2b UStG). Die Kostenanteile verstehen sich zuzüglich der gesetzlichen Umsatzsteuer von derzeit 19 %.'
    : 'Die Beteiligten gehen davon aus, dass die Zusammenarbeit die Voraussetzungen des § 2b Abs. 3 UStG erfüllt und nicht der Umsatzsteuer unterliegt. Stellt die Finanzverwaltung eine Steuerpflicht fest, tragen die beauftragenden Kommunen die Umsatzsteuer auf ihren Anteil.';
  return {
    title: `Öffentlich-rechtliche Vereinbarung über ${d.serviceName}`,
    subtitle: `Entwurf aus der Machbarkeitsstudie „${d.title}“ – zur Prüfung durch die Rechtsämter, nicht zur Unterschrift`,
    sections: [
      {
        heading: 'Vertragsparteien',
        paragraphs: partners.map((p) => `${p.name}, vertreten durch die Bürgermeisterin oder den Bürgermeister`),
      },
      {
        heading: '§ 1 Gegenstand',
        paragraphs: [
          `${lead} übernimmt die Durchführung der Aufgabe „${d.serviceName}“ für ${others.join(', ')} (mandatierende Vereinbarung nach dem Gesetz über kommunale Gemeinschaftsarbeit des Landes). Die Zuständigkeit der beauftragenden Kommunen bleibt unberührt.`,
          d.target.location ? `Standort des gemeinsamen Dienstes: ${d.target.location}.` : '',
        ].filter(Boolean),
      },
      {
        heading: '§ 2 Kostenschlüssel und Kostenanteile',
        paragraphs: [
          `Die festen Kosten des gemeinsamen Dienstes werden ${KEY_TEXT[d.allocation.key]} verteilt; mengenabhängige Kosten trägt jede Kommune nach ihrer tatsächlichen Inanspruchnahme. Die Anteile nach der Machbarkeitsstudie (jährlich, netto):`,
        ],
        table: {
          header: ['Kommune', 'Anteil pro Jahr', 'Anteil Umstellung (einmalig)'],
          rows: [
            ...f.partners.map((p) => [p.name, fmtEuro(p.pooledCents), fmtEuro(p.transitionCents)]),
            ['Zusammen', fmtEuro(f.pooledCents), fmtEuro(f.transitionCents)],
          ],
        },
      },
      {
        heading: '§ 3 Beginn, Laufzeit und Kündigung',
        paragraphs: [
          `Die Vereinbarung beginnt am ${deDate(a.startsOn)} und läuft ${fmtNumber(a.termYears)} Jahre. Sie verlängert sich danach jeweils um ein Jahr, wenn keine Partei sie mit einer Frist von ${fmtNumber(a.noticeMonths)} Monaten zum Jahresende kündigt. Scheidet eine Partei aus, werden die Anteile der übrigen nach § 2 neu berechnet.`,
        ],
      },
      {
        heading: '§ 4 Lenkungsausschuss',
        paragraphs: [
          'Die Parteien bilden einen Lenkungsausschuss, in den jede Partei eine Vertretung entsendet. Er beschließt den jährlichen Wirtschaftsplan des gemeinsamen Dienstes, das Leistungsniveau und Änderungen des Kostenschlüssels einstimmig.',
        ],
      },
      {
        heading: '§ 5 Datenschutz',
        paragraphs: [
          `Soweit ${lead} personenbezogene Daten im Auftrag der anderen Parteien verarbeitet, schließen die Parteien eine Vereinbarung zur Auftragsverarbeitung nach Art. 28 DSGVO.`,
        ],
      },
      { heading: '§ 6 Umsatzsteuer', paragraphs: [vatClause] },
      {
        heading: '§ 7 Schlussbestimmungen',
        paragraphs: [
          'Die Vereinbarung bedarf der Beschlüsse der Vertretungen aller Parteien und, soweit das Landesrecht es vorsieht, der Genehmigung der Kommunalaufsicht. Änderungen bedürfen der Schriftform.',
        ],
      },
    ],
  };
}

export function agreementPdf(doc: AgreementDoc): Promise<Buffer> {
  const content: unknown[] = [
    { text: 'Entwurf', style: 'kicker' },
    { text: doc.title, style: 'h1' },
    { text: doc.subtitle, italics: true },
  ];
  for (const s of doc.sections) {
    content.push({ text: s.heading, style: 'h2' }, ...s.paragraphs);
    if (s.table)
      content.push({
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto'],
          body: [
            s.table.header.map((h) => ({ text: h, bold: true })),
            ...s.table.rows.map((r) => r.map((c, i) => (i === 0 ? c : { text: c, alignment: 'right' }))),
          ],
        },
      });
  }
  return renderPdf({ title: doc.title, subject: doc.subtitle, footer: `${doc.title} (Entwurf)`, content });
}

/** DOCX through the docx library, loaded on the first download (it stays out of the server's resident memory). */
export async function agreementDocx(doc: AgreementDoc): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await import('docx');
  const cell = (text: string, bold = false, right = false) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold })],
        }),
      ],
    });
  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }),
  ];
  for (const s of doc.sections) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }));
    for (const p of s.paragraphs) children.push(new Paragraph({ text: p }));
    if (s.table)
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: s.table.header.map((h) => cell(h, true)) }),
            ...s.table.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i > 0)) })),
          ],
        }),
      );
  }
  const document = new Document({
    creator: 'Digitalzirkel',
    title: doc.title,
    description: doc.subtitle,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ properties: {}, children }],
  });
  return Packer.toBuffer(document);
}
