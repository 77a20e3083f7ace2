import fs from 'node:fs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { type AdministeringBodyType, agsProblem, GV100AD_NAME_WIDTH, readableDirectoryName } from '@dz/core';
import type ExcelJS from 'exceljs';

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
 * GV100AD (fixed width, 220 characters per record, UTF-8), one record at a time. Positions (1-based) from
 * Destatis' Datensatzbeschreibung: 1–2 Satzart, 3–10 Gebietsstand, 11–18 AGS, 19–22 Gemeindeverband,
 * 23–72 Name, 123–124 Textkennzeichen, 129–139 Fläche (ha), 140–150 Bevölkerung.
 */
function gv100adReader() {
  const out = empty('gv100ad');
  const record = (raw: string, line: number) => {
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
  };
  const finish = () => {
    out.populationDate = populationDateFor(out.referenceDate);
    return out;
  };
  return { record, finish };
}

/** Parses a whole GV100AD text (see gv100adReader). */
export function parseGv100ad(text: string): ParsedDirectory {
  const reader = gv100adReader();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      reader.record(raw, i + 1);
    });
  return reader.finish();
}

/**
 * Parses GV100AD from a byte stream line by line, so only one chunk of the file is in memory: the same
 * lines and line numbers as parseGv100ad (split at \n, a \r before it dropped, a leading BOM ignored).
 */
export async function parseGv100adStream(
  input: AsyncIterable<Buffer | string> | Iterable<Buffer>,
): Promise<ParsedDirectory> {
  const reader = gv100adReader();
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  const emit = (raw: string) => {
    line++;
    reader.record(line === 1 ? raw.replace(/^\uFEFF/, '') : raw, line);
  };
  const feed = (text: string) => {
    const parts = (rest + text).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) emit(p.endsWith('\r') ? p.slice(0, -1) : p);
  };
  for await (const chunk of input) feed(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  feed(decoder.end());
  emit(rest);
  return reader.finish();
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}

const germanNumber = (s: string) =>
  s.trim() === '' ? Number.NaN : Number(s.trim().replace(/\./g, '').replace(',', '.'));

const ROW_WITH_SATZART = 10;

/**
 * Parses the GV-ISys "Auszug GV" workbook (sheet "Onlineprodukt_Gemeinden…", or else the first sheet with a
 * Satzart in row 10): A Satzart, B Textkennzeichen, C Land, D RB, E Kreis, F VB, G Gem, H Name,
 * I Fläche km², J Bevölkerung insgesamt, O Längengrad, P Breitengrad (row 5: reference dates).
 * Streamed row by row with ExcelJS' WorkbookReader (sheets that precede the shared strings in the ZIP wait
 * in temp files), so the workbook model (hundreds of MB for the 25 MB of sheet XML) is never built; exceljs
 * itself is loaded only when a workbook is imported.
 */
export async function parseAuszugGv(input: Buffer | ArrayBuffer | Readable): Promise<ParsedDirectory> {
  const out = empty('auszug_gv');
  const { default: Excel } = await import('exceljs');
  const stream = input instanceof Readable ? input : Readable.from(slices(Buffer.from(input as ArrayBuffer)));
  const wb = new Excel.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  for await (const ws of wb) {
    if (found) {
      skipSheet(ws);
      continue;
    }
    const names = ((wb as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map(
      (s) => s.name,
    );
    const name = (ws as unknown as { name?: string }).name ?? '';
    const named = name.startsWith('Onlineprodukt_Gemeinden');
    if (!named && names.some((n) => n.startsWith('Onlineprodukt_Gemeinden'))) {
      skipSheet(ws);
      continue;
    }
    const candidate = empty('auszug_gv');
    let satzartRow = false;
    for await (const row of ws) {
      const line = row.number;
      if (!named && line >= ROW_WITH_SATZART && !satzartRow) {
        satzartRow = line === ROW_WITH_SATZART && cellText(row.getCell(1).value) === '60';
        if (!satzartRow) break;
      }
      auszugRow(candidate, row, line);
    }
    skipSheet(ws); // a sheet left after row 10 is closed, not read to its end
    if (named || satzartRow) {
      Object.assign(out, candidate);
      found = true;
    }
  }
  if (!found) out.rejected.push({ line: 0, reason: 'Kein Tabellenblatt mit Gemeindedaten gefunden' });
  return out;
}

/** Lets a sheet the import does not read go without parsing it (a waiting temp-file stream is closed). */
function skipSheet(ws: unknown) {
  const it = (ws as { iterator?: { destroy?: () => void } }).iterator;
  if (typeof it?.destroy === 'function') it.destroy();
}

function auszugRow(out: ParsedDirectory, row: ExcelJS.Row, line: number) {
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
}

/** A buffer as 256 KB views (no copies), so a stream over it never turns the whole file into one string. */
function* slices(buf: Buffer) {
  for (let i = 0; i < buf.length; i += 256 * 1024) yield buf.subarray(i, i + 256 * 1024);
}

/** Detects the format from the first bytes: XLSX is a ZIP ("PK"), GV100AD is text. */
const isZip = (head: Uint8Array) => head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b;

/** Parses an uploaded file held in memory (streamed all the same: no second copy as one string). */
export async function parseDirectoryFile(buf: Buffer): Promise<ParsedDirectory> {
  if (isZip(buf)) return parseAuszugGv(buf);
  return parseGv100adStream(slices(buf));
}

/** Parses a file on disk as a stream (CLI import, benchmark): memory stays independent of the file size. */
export async function parseDirectoryPath(file: string): Promise<ParsedDirectory> {
  const head = Buffer.alloc(2);
  const fd = await fs.promises.open(file, 'r');
  try {
    await fd.read(head, 0, 2, 0);
  } finally {
    await fd.close();
  }
  const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  return isZip(head) ? parseAuszugGv(stream) : parseGv100adStream(stream);
}
