import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the repository (read-only reference data; never copied into the project). */
export const SHARED_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

export function sharedFile(rel: string): string {
  const p = path.join(SHARED_DATA, rel);
  if (!fs.existsSync(p))
    throw new Error(`Reference data missing: ${p} (../shared/data must sit beside the repository)`);
  return p;
}

export type GemeindeRow = Record<
  | 'ags'
  | 'name'
  | 'land'
  | 'kreis'
  | 'einwohner'
  | 'stand'
  | 'flaeche_km2'
  | 'plz'
  | 'lat'
  | 'lon'
  | 'ars'
  | 'kreis_ags'
  | 'name_kurz'
  | 'typ'
  | 'gemeindeverband'
  | 'gemeindeverband_typ',
  string
>;

/** gemeinden.csv as objects (RFC 4180 quoting). */
export function readGemeindenCsv(): GemeindeRow[] {
  const text = fs.readFileSync(sharedFile('gemeinden.csv'), 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])) as GemeindeRow);
}
