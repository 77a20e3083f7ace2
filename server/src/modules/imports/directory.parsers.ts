import { type AdministeringBodyType, agsProblem, GV100AD_NAME_WIDTH, readableDirectoryName } from '@dz/core';
import ExcelJS from 'exceljs';

/** One Gemeinde (Satzart 60) or gemeindefreies Gebiet from an official Destatis file. */
export interface DirectoryMunicipality {
  line: number;
  ags: string;
  /** 4-digit Gemeindeverband part of the ARS. */
  verband: string;
  /** readable name (Destatis abbreviations written out) */
  name: string;
  /** the name fills GV100AD's 50-character field: it may have been cut there */
  mayBeCut?: boolean;
  textKey: string;
  areaKm2: number | null;
  population: number;
  lat: number | null;
  lon: number | null;
}

export interface DirectoryBody {
  arsPrefix: string;
  name: string;
  type: AdministeringBodyType;
}

export interface ParsedDirectory {
  format: 'gv100ad' | 'auszug_gv';
  /** Gebietsstand of the file (ISO date). */
  referenceDate: string | null;
  populationDate: string | null;
  kreise: Map<string, string>;
  bodies: DirectoryBody[];
  municipalities: DirectoryMunicipality[];
  unincorporated: DirectoryMunicipality[];
  rejected: { line: number; reason: string }[];
  /** Number of Satzart-60 records seen. */
  total: number;
}

/**
 * Textkennzeichen of Satzart 50 (Gemeindeverband) → administering body type; 50 = verbandsfrei.
 * Source: Destatis, Datensatzbeschreibung GV100AD.
 */
const BODY_TYPES: Record<string, AdministeringBodyType> = {
  '51': 'amt',
  '52': 'samtgemeinde',
  '53': 'verbandsgemeinde',
  '54': 'verwaltungsgemeinschaft',
  '55': 'kirchspielslandgemeinde',
  '56': 'verwaltungsverband',
  '58': 'erfuellende_gemeinde',
};
/** Textkennzeichen 65/66: gemeindefreies Gebiet (bewohnt / unbewohnt) — not a municipality. */
const UNINCORPORATED = new Set(['65', '66']);
const MUNICIPALITY_KEYS = new Set(['60', '61', '62', '63', '64', '67']);

function populationDateFor(gebietsstand: string | null): string | null {
  if (!gebietsstand) return null;
  // Annual files (31.12.) carry that day's population; quarterly/monthly ones the previous year-end
  // (Destatis Hinweise.txt for 30.11.2025: "Bevölkerung … Stichtag 31.12.2024").
  const year = Number(gebietsstand.slice(0, 4));
  return gebietsstand.endsWith('-12-31') ? gebietsstand : `${year - 1}-12-31`;
}

function empty(format: ParsedDirectory['format']): ParsedDirectory {
  return {
    format,
    referenceDate: null,
    populationDate: null,
    kreise: new Map(),
    bodies: [],
    municipalities: [],
    unincorporated: [],
    rejected: [],
    total: 0,
  };
}

function classify(out: ParsedDirectory, rec: DirectoryMunicipality) {
  out.total++;
  const p = agsProblem(rec.ags);
  if (p)
    return out.rejected.push({
      line: rec.line,
      reason: `Ungültiger AGS "${rec.ags}" (${p === 'land' ? 'Landesschlüssel nicht 01–16' : 'nicht 8 Ziffern'})`,
    });
  if (!/^\d{4}$/.test(rec.verband))
    return out.rejected.push({ line: rec.line, reason: `Ungültiger Gemeindeverband "${rec.verband}"` });
  if (!Number.isInteger(rec.population) || rec.population < 0) {
    return out.rejected.push({ line: rec.line, reason: 'Bevölkerungszahl fehlt oder ist ungültig' });
  }
  if (!rec.name) return out.rejected.push({ line: rec.line, reason: 'Gemeindename fehlt' });
  if (UNINCORPORATED.has(rec.textKey)) return out.unincorporated.push(rec);
  if (!MUNICIPALITY_KEYS.has(rec.textKey))
    return out.rejected.push({ line: rec.line, reason: `Unbekanntes Textkennzeichen "${rec.textKey}"` });
  out.municipalities.push(rec);
}

const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : Number.NaN);

/**
 * Parses GV100AD (fixed width, 220 characters per record, UTF-8). Positions (1-based) from Destatis'
 * Datensatzbeschreibung: 1–2 Satzart, 3–10 Gebietsstand, 11–18 AGS, 19–22 Gemeindeverband,
 * 23–72 Name, 123–124 Textkennzeichen, 129–139 Fläche (ha), 140–150 Bevölkerung.
 */
export function parseGv100ad(text: string): ParsedDirectory {
  const out = empty('gv100ad');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    if (raw.length !== 220) {
      out.rejected.push({ line, reason: `Satzlänge ${raw.length} statt 220 Zeichen` });
      if (raw.startsWith('60')) out.total++;
      return;
    }
    const satzart = raw.slice(0, 2);
    const stand = raw.slice(2, 10);
    if (!out.referenceDate && /^\d{8}$/.test(stand)) {
      out.referenceDate = `${stand.slice(0, 4)}-${stand.slice(4, 6)}-${stand.slice(6, 8)}`;
    }
    const field = raw.slice(22, 22 + GV100AD_NAME_WIDTH);
    const name = readableDirectoryName(field);
    const textKey = raw.slice(122, 124).trim();
    if (satzart === '40') out.kreise.set(raw.slice(10, 15), name);
    else if (satzart === '50') {
      const type = BODY_TYPES[textKey];
      if (type) out.bodies.push({ arsPrefix: raw.slice(10, 15) + raw.slice(18, 22), name, type });
    } else if (satzart === '60') {
      const ha = num(raw.slice(128, 139).trim());
      classify(out, {
        line,
        ags: raw.slice(10, 18),
        verband: raw.slice(18, 22),
        name,
        mayBeCut: !field.endsWith(' '),
        textKey,
        areaKm2: Number.isNaN(ha) ? null : Math.round(ha) / 100,
        population: num(raw.slice(139, 150).trim()),
        lat: null,
        lon: null,
      });
    }
  });
  out.populationDate = populationDateFor(out.referenceDate);
  return out;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}

const germanNumber = (s: string) =>
  s.trim() === '' ? Number.NaN : Number(s.trim().replace(/\./g, '').replace(',', '.'));

/**
 * Parses the GV-ISys "Auszug GV" workbook (sheet "Onlineprodukt_Gemeinden…" or the first sheet with
 * Satzart rows): A Satzart, B Textkennzeichen, C Land, D RB, E Kreis, F VB, G Gem, H Name,
 * I Fläche km², J Bevölkerung insgesamt, O Längengrad, P Breitengrad (row 5: reference dates).
 */
export async function parseAuszugGv(buffer: Buffer | ArrayBuffer): Promise<ParsedDirectory> {
  const out = empty('auszug_gv');
  const wb = new ExcelJS.Workbook();
  // biome-ignore lint/suspicious/noExplicitAny: exceljs types want its own Buffer flavour
  await wb.xlsx.load(buffer as any);
  const ws =
    wb.worksheets.find((w) => w.name.startsWith('Onlineprodukt_Gemeinden')) ??
    wb.worksheets.find((w) => cellText(w.getRow(10).getCell(1).value) === '60');
  if (!ws) {
    out.rejected.push({ line: 0, reason: 'Kein Tabellenblatt mit Gemeindedaten gefunden' });
    return out;
  }
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const c = (i: number) => cellText(row.getCell(i).value).trim();
    const n = (i: number) => {
      const v = row.getCell(i).value;
      return typeof v === 'number' ? v : germanNumber(cellText(v));
    };
    if (line <= 6) {
      const stand = /Gebietsstand am (\d{2})\.(\d{2})\.(\d{4})/.exec(c(3));
      if (stand && line === 5 && !out.referenceDate) out.referenceDate = `${stand[3]}-${stand[2]}-${stand[1]}`;
      const pop = /(\d{2})\.(\d{2})\.(\d{4})/.exec(c(10));
      if (pop && line === 5 && !out.populationDate) out.populationDate = `${pop[3]}-${pop[2]}-${pop[1]}`;
      return;
    }
    const satzart = c(1);
    if (satzart === '40') out.kreise.set(c(3) + c(4) + c(5), readableDirectoryName(c(8)));
    else if (satzart === '50') {
      const type = BODY_TYPES[c(2)];
      if (type) out.bodies.push({ arsPrefix: c(3) + c(4) + c(5) + c(6), name: readableDirectoryName(c(8)), type });
    } else if (satzart === '60') {
      const area = n(9);
      const population = n(10);
      const lon = n(15);
      const lat = n(16);
      classify(out, {
        line,
        ags: c(3) + c(4) + c(5) + c(7),
        verband: c(6),
        name: readableDirectoryName(c(8)),
        textKey: c(2),
        areaKm2: Number.isNaN(area) ? null : Math.round(area * 100) / 100,
        population: Number.isNaN(population) ? -1 : population,
        lat: Number.isNaN(lat) ? null : lat,
        lon: Number.isNaN(lon) ? null : lon,
      });
    }
  });
  return out;
}

/** Detects the format from the bytes: XLSX is a ZIP ("PK"), GV100AD is text. */
export async function parseDirectoryFile(buf: Buffer): Promise<ParsedDirectory> {
  if (buf.length >= 2 && buf[0] === 0x50 && buf[1] === 0x4b) return parseAuszugGv(buf);
  return parseGv100ad(buf.toString('utf8'));
}
