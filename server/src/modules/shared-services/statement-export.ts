import { fmtEuro, fmtNumber } from '@dz/core';
import { germanCsv } from '../../lib/csv.js';
import { renderPdf } from '../../lib/pdf.js';
import { newWorkbook, XLSX_FORMAT } from '../../lib/xlsx.js';
import type { getStatement } from './statements.service.js';

type Statement = Awaited<ReturnType<typeof getStatement>>;

/**
 * A monthly statement as the reader may see it (the lead every partner, a partner its own line) — as tagged PDF
 * for the files, XLSX for the finance office and CSV (semicolons, decimal comma) for the finance software.
 * Pure: statement in, file out; the amounts are the statement's, to the cent.
 */
const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
const euros = (cents: number) => Math.round(cents) / 100;

export function statementTitle(s: Statement) {
  return `Abrechnung ${monthLabel(s.month)} – ${s.serviceTitle}`;
}

export function statementPdf(s: Statement): Promise<Buffer> {
  const title = statementTitle(s);
  const content: unknown[] = [
    { text: s.closed ? 'Abgeschlossener Monat' : 'Vorläufig – Monat noch offen', style: 'kicker' },
    { text: title, style: 'h1' },
    `Feste Kosten des Dienstes: ${fmtEuro(s.rates.fixedCentsPerYear)} im Jahr, verteilt nach dem vereinbarten Schlüssel; dazu die tatsächliche Inanspruchnahme (erledigte Aufträge, Stunden) zu den vereinbarten Sätzen und Material zum Selbstkostenpreis.`,
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
        body: [
          ['Kommune', 'Aufträge', 'Stunden', 'Sockel', 'Nutzung', 'Korrektur', 'Betrag'].map((h) => ({
            text: h,
            bold: true,
          })),
          ...s.lines.map((l) => [
            l.name,
            ...[
              fmtNumber(l.orders),
              fmtNumber(l.hours),
              fmtEuro(l.baseCents),
              fmtEuro(l.usageCents),
              fmtEuro(l.correctionCents),
              fmtEuro(l.totalCents),
            ].map((text) => ({ text, alignment: 'right' })),
          ]),
          [
            { text: 'Summe', bold: true },
            '',
            '',
            '',
            '',
            '',
            { text: fmtEuro(s.totalCents), bold: true, alignment: 'right' },
          ],
        ],
      },
    },
  ];
  const corrections = s.lines.flatMap((l) =>
    l.corrections.map((c) => `${l.name}: Korrektur aus ${monthLabel(c.month)} – ${fmtEuro(c.cents)}`),
  );
  if (corrections.length)
    content.push(
      { text: 'Korrekturen abgeschlossener Monate', style: 'h2' },
      'Nach dem Abschluss eines Monats erfasste Leistungen werden im nächsten offenen Monat abgerechnet:',
      ...corrections,
    );
  content.push({
    text: s.vatTaxable
      ? 'Beträge netto in Euro, zuzüglich 19 % Umsatzsteuer (die Leistung ist nach § 2b UStG steuerbar).'
      : 'Beträge netto in Euro; nach der Prüfung der Beteiligten nicht umsatzsteuerbar (§ 2b Abs. 3 UStG).',
    italics: true,
  });
  return renderPdf({ title, subject: s.serviceTitle, footer: title, content });
}

const HEADER = ['Monat', 'Kommune', 'Aufträge', 'Stunden', 'Sockel (€)', 'Nutzung (€)', 'Korrektur (€)', 'Betrag (€)'];
const row = (s: Statement, l: Statement['lines'][number]) => [
  s.month,
  l.name,
  l.orders,
  l.hours,
  euros(l.baseCents),
  euros(l.usageCents),
  euros(l.correctionCents),
  euros(l.totalCents),
];

export function statementCsv(s: Statement): string {
  return germanCsv([HEADER, ...s.lines.map((l) => row(s, l))]);
}

export async function statementXlsx(s: Statement): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(`Abrechnung ${s.month}`);
  ws.addRow([statementTitle(s)]).font = { bold: true, size: 13 };
  ws.addRow([s.closed ? 'Abgeschlossener Monat' : 'Vorläufig – Monat noch offen']);
  ws.addRow([]);
  ws.addRow(HEADER).font = { bold: true };
  for (const l of s.lines) ws.addRow(row(s, l));
  const sum = ws.addRow(['', 'Summe', '', '', '', '', '', euros(s.totalCents)]);
  sum.font = { bold: true };
  for (const c of [5, 6, 7, 8]) ws.getColumn(c).numFmt = XLSX_FORMAT.euro;
  ws.getColumn(4).numFmt = XLSX_FORMAT.decimal;
  ws.getColumn(2).width = 32;
  for (const c of [1, 3, 4, 5, 6, 7, 8]) ws.getColumn(c).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
