import { fmtDateTime, fmtNumber, MUNICIPALITY_ROLE_LABELS, type MunicipalityRole } from '@dz/core';
import { renderPdf } from '../../lib/pdf.js';
import { art15Information, processingActivities } from './export.art15.js';
import type { ExportContext } from './export.context.js';
import { type Reader, rowFields, rowHeadline, rowTime } from './export.format.js';
import type { PersonalData, Row } from './export.service.js';

/** Rows per table printed in the PDF; the JSON file holds all of them. */
export const PDF_ROWS_PER_TABLE = 100;

const keyValue = (rows: [string, string][]) => ({
  table: { widths: [150, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
  layout: 'lightHorizontalLines',
  margin: [0, 0, 0, 8],
});

const entries = (n: number) => (n === 1 ? '1 Eintrag' : `${fmtNumber(n)} Einträge`);

/** One row as a key/value table: the first column holds the field names (row headers). */
function rowTable(table: string, row: Row, r: Reader) {
  const fields = rowFields(table, row, r);
  return fields.length ? keyValue(fields) : { text: 'Keine weiteren Angaben.', color: '#4a5260' };
}

/**
 * The readable copy of a personal-data export (Art. 15 GDPR) for the person and a data-protection officer: the
 * person and their memberships, the information Art. 15(1) asks for, the purposes per processing activity, then per
 * table the rows about or by the person in words (German field names and dates, no ids; other people unnamed).
 * Tagged PDF/UA like every document of the platform.
 */
export async function personalDataPdf(data: PersonalData, ctx: ExportContext): Promise<Buffer> {
  const reader: Reader = {
    personId: data.person.id,
    personName: data.person.name,
    personEmail: data.person.email,
    names: ctx.names,
  };
  const withRows = data.tables.filter((t) => t.rows.length > 0);
  const content: unknown[] = [
    { text: 'Auskunft nach Art. 15 DSGVO', style: 'kicker' },
    { text: `Ihre Daten bei Digitalzirkel: ${data.person.name}`, style: 'h1' },
    `Stand: ${fmtDateTime(data.generatedAt)}. Diese Auskunft enthält alle personenbezogenen Daten, die die Plattform über Sie oder von Ihnen gespeichert hat, und die Informationen zu ihrer Verarbeitung. Technische Kennungen sind hier weggelassen und lange Texte gekürzt; die vollständige, maschinenlesbare Fassung (Art. 20 DSGVO) ist die JSON-Datei desselben Exports.`,
    { text: 'Person', style: 'h2' },
    keyValue([
      ['Name', data.person.name],
      ['E-Mail-Adresse', data.person.email],
      ['Sprache', data.person.locale === 'en' ? 'Englisch' : 'Deutsch'],
      ['Plattform-Administration', data.person.isPlatformAdmin ? 'ja' : 'nein'],
      ['Konto angelegt', fmtDateTime(data.person.createdAt)],
      ['Zuletzt geändert', fmtDateTime(data.person.updatedAt)],
    ]),
    { text: 'Kommunen und Rollen', style: 'h2' },
    data.memberships.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 180],
            body: [
              [
                { text: 'Kommune', bold: true },
                { text: 'Rolle', bold: true },
              ],
              ...data.memberships.map((m) => [
                m.municipality,
                MUNICIPALITY_ROLE_LABELS[m.role as MunicipalityRole] ?? m.role,
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : 'Keine Mitgliedschaften.',
    ...art15Information(data, ctx),
    ...processingActivities(data, ctx),
    { text: 'Ihre gespeicherten Daten', style: 'h2' },
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
              ...withRows.map((t) => [t.purpose, { text: fmtNumber(t.rows.length), alignment: 'right' }]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : 'Außer dem Konto sind keine Daten gespeichert.',
  ];
  for (const t of withRows) {
    content.push({ text: t.purpose, style: 'h2' });
    const dated = t.rows.length > 1 && t.rows.some((row) => rowTime(row));
    const more = t.rows.length > PDF_ROWS_PER_TABLE ? `, hier die neuesten ${PDF_ROWS_PER_TABLE}` : '';
    content.push({ text: `${entries(t.rows.length)}${more}${dated ? ', neueste zuerst' : ''}.`, color: '#4a5260' });
    const rows = [...t.rows].sort((a, b) => rowTime(b).localeCompare(rowTime(a)));
    for (const [i, row] of rows.slice(0, PDF_ROWS_PER_TABLE).entries()) {
      const headline = rowHeadline(t.table, row, reader);
      content.push({ text: headline ? `Eintrag ${i + 1}: ${headline}` : `Eintrag ${i + 1}`, style: 'h3' });
      content.push(rowTable(t.table, row, reader));
    }
    if (t.rows.length > PDF_ROWS_PER_TABLE) {
      content.push(
        `Weitere ${fmtNumber(t.rows.length - PDF_ROWS_PER_TABLE)} ältere Einträge stehen in der JSON-Datei.`,
      );
    }
  }
  return renderPdf({
    title: `Auskunft nach Art. 15 DSGVO – ${data.person.name}`,
    subject: 'Personenbezogene Daten',
    footer: `Auskunft nach Art. 15 DSGVO für ${data.person.name}`,
    content,
  });
}
