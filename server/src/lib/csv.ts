import { stringify } from 'csv-stringify/sync';

const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 4, useGrouping: false });

/**
 * CSV as German spreadsheet programs read it: semicolon-separated, UTF-8 with BOM, decimal comma
 * (`4,625`, never `4.625`, which German Excel and LibreOffice would read as 4625 or a date).
 */
export function germanCsv(rows: unknown[][]): string {
  return stringify(rows, { delimiter: ';', bom: true, cast: { number: (v) => decimal.format(v) } });
}
