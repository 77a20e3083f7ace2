import { stringify } from 'csv-stringify/sync';

const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 4, useGrouping: false });

/** Text that a spreadsheet would read as a formula (or that hides one behind a tab or carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe against formula injection (CSV injection, OWASP): text starting with `=`, `+`, `-`,
 * `@`, tab or carriage return gets a leading apostrophe, so Excel and LibreOffice show it as text instead
 * of running it. Only strings are touched — numbers (negative ones too) are cast separately and stay numbers.
 */
export function csvText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The one CSV writer of the project, for German spreadsheet programs: semicolon-separated, UTF-8 with BOM,
 * CRLF line ends (RFC 4180; line breaks inside a cell are quoted), decimal comma (`4,625`, never `4.625`, which German Excel and LibreOffice would
 * read as 4625 or a date), and formula-looking text neutralised ({@link csvText}). Pass numbers as numbers
 * and text as strings: the type decides how a cell is written.
 */
export function germanCsv(rows: unknown[][]): string {
  return stringify(rows, {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
    // with CRLF records csv-stringify quotes only fields holding the whole CRLF; a lone LF or CR must be quoted too
    quoted_match: /[\r\n]/,
    cast: { number: (v) => decimal.format(v), string: (v) => csvText(v) },
  });
}
