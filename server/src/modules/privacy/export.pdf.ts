import { fmtDateTime } from '@dz/core';
import { renderPdf } from '../../lib/pdf.js';
import type { PersonalData, Row } from './export.service.js';

/** Rows per table printed in the PDF; the JSON file holds all of them. */
export const PDF_ROWS_PER_TABLE = 100;
const MAX_VALUE = 400;

const label = (key: string) => key.replace(/([A-Z])/g, ' $1').toLowerCase();

function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)} …` : s;
}

/** One row as a key/value table: the first column holds the field names (row headers). */
function rowTable(row: Row) {
  const body = Object.entries(row)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [{ text: label(k), bold: true }, value(v)]);
  return { table: { widths: [150, '*'], body }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] };
}

/**
 * The readable copy of a personal-data export (Art. 15 GDPR): the person, their memberships, then per table its
 * purpose and the rows about or by the person (each as a small key/value table). Tagged PDF/UA like every
 * document of the platform.
 */
export async function personalDataPdf(data: PersonalData): Promise<Buffer> {
  const withRows = data.tables.filter((t) => t.rows.length > 0);
  const content: unknown[] = [
    { text: 'Auskunft nach Art. 15 DSGVO', style: 'kicker' },
    { text: `Ihre Daten bei Digitalzirkel: ${data.person.name}`, style: 'h1' },
    `Stand: ${fmtDateTime(data.generatedAt)}. Diese Übersicht enthält alle personenbezogenen Daten, die die Plattform über die Person oder von ihr gespeichert hat. Die vollständige, maschinenlesbare Fassung (Art. 20 DSGVO) ist die JSON-Datei desselben Exports.`,
    { text: 'Person', style: 'h2' },
    {
      table: {
        widths: [150, '*'],
        body: [
          [{ text: 'Name', bold: true }, data.person.name],
          [{ text: 'E-Mail-Adresse', bold: true }, data.person.email],
          [{ text: 'Sprache', bold: true }, data.person.locale === 'en' ? 'Englisch' : 'Deutsch'],
          [{ text: 'Plattform-Administration', bold: true }, data.person.isPlatformAdmin ? 'ja' : 'nein'],
          [{ text: 'Konto angelegt', bold: true }, fmtDateTime(data.person.createdAt)],
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: 'Kommunen und Rollen', style: 'h2' },
    data.memberships.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 150],
            body: [
              [
                { text: 'Kommune', bold: true },
                { text: 'Rolle', bold: true },
              ],
              ...data.memberships.map((m) => [m.municipality, m.role]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : 'Keine Mitgliedschaften.',
    { text: 'Übersicht', style: 'h2' },
    withRows.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 60],
            body: [
              [
                { text: 'Daten', bold: true },
                { text: 'Einträge', bold: true, alignment: 'right' },
              ],
              ...withRows.map((t) => [t.purpose, { text: String(t.rows.length), alignment: 'right' }]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : 'Außer dem Konto sind keine Daten gespeichert.',
  ];
  for (const t of withRows) {
    content.push({ text: t.purpose, style: 'h2' });
    content.push({ text: `Tabelle ${t.table} · ${t.rows.length} Einträge`, color: '#4a5260' });
    for (const [i, row] of t.rows.slice(0, PDF_ROWS_PER_TABLE).entries()) {
      content.push({ text: `Eintrag ${i + 1}`, style: 'h3' });
      content.push(rowTable(row));
    }
    if (t.rows.length > PDF_ROWS_PER_TABLE) {
      content.push(`Weitere ${t.rows.length - PDF_ROWS_PER_TABLE} Einträge stehen in der JSON-Datei.`);
    }
  }
  return renderPdf({
    title: `Auskunft nach Art. 15 DSGVO – ${data.person.name}`,
    subject: 'Personenbezogene Daten',
    footer: `Digitalzirkel · Auskunft für ${data.person.name}`,
    content,
  });
}
