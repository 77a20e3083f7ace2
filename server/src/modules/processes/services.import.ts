import { OZG_SUBJECT_AREAS, serviceCreate } from '@dz/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import { germanCsv } from '../../lib/csv.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 2000;

/** The columns of the inventory file (import and export), German headings first; English ones are read too. */
const COLUMNS = [
  { key: 'name', label: 'Leistung', aliases: ['name', 'leistung', 'verwaltungsleistung', 'service'] },
  { key: 'subjectArea', label: 'OZG-Themenfeld', aliases: ['themenfeld', 'ozg-themenfeld', 'subject area'] },
  { key: 'lifeSituation', label: 'Lebenslage', aliases: ['lebenslage', 'life situation'] },
  {
    key: 'leikaKey',
    label: 'LeiKa-Schlüssel',
    aliases: ['leika', 'leika-schlüssel', 'leistungsschlüssel', 'leika key'],
  },
  { key: 'department', label: 'Fachbereich', aliases: ['fachbereich', 'amt', 'department'] },
  { key: 'casesPerYear', label: 'Fälle pro Jahr', aliases: ['fälle pro jahr', 'fallzahl', 'fälle', 'cases per year'] },
  { key: 'minutesPerCase', label: 'Minuten pro Fall', aliases: ['minuten pro fall', 'minuten', 'minutes per case'] },
  { key: 'ozgLevel', label: 'OZG-Reifegrad', aliases: ['ozg-reifegrad', 'reifegrad', 'ozg level'] },
  { key: 'ozgTarget', label: 'OZG-Ziel', aliases: ['ozg-ziel', 'ziel-reifegrad', 'ozg target'] },
  { key: 'onlineChannel', label: 'Online-Kanal', aliases: ['online-kanal', 'onlinedienst', 'online channel'] },
  { key: 'mediaBreaks', label: 'Medienbrüche', aliases: ['medienbrüche', 'media breaks'] },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];
const LABEL = Object.fromEntries(COLUMNS.map((c) => [c.key, c.label])) as Record<ColumnKey | 'departmentId', string>;
LABEL.departmentId = 'Fachbereich';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The file's rows as text cells, CSV (`;` or `,`, UTF-8 with or without BOM) or XLSX (first sheet). */
async function readRows(file: { fileName: string; content: Buffer }): Promise<string[][]> {
  const isXlsx = file.content.subarray(0, 2).toString('latin1') === 'PK';
  if (isXlsx) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.content as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws?.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= COLUMNS.length + 5; c++) cells.push(row.getCell(c).text ?? '');
      rows[row.number - 1] = cells;
    });
    return Array.from(rows, (r) => r ?? []);
  }
  // German spreadsheets write `;` (the comma is the decimal sign); a file whose first line has none uses `,`
  const firstLine = text(file.content).split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  return parse(text(file.content), { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false });
}

/** The file's text: UTF-8 (with or without BOM), else Windows-1252 as Excel writes "CSV (Trennzeichen-getrennt)". */
function text(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

const number = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(/\./g, '').replace(',', '.')));
const decimal = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));

type Line = {
  line: number;
  name: string;
  status: 'new' | 'update' | 'error';
  errors: { field: string; message: string }[];
};

/** A zod issue of a row as a German message for the line report. */
function issueText(issue: z.core.$ZodIssue, cellOf: (k: ColumnKey) => string): { field: string; message: string } {
  const key = String(issue.path[0] ?? 'name') as ColumnKey;
  const field = LABEL[key] ?? key;
  const i = issue as { code: string; minimum?: number; maximum?: number; message: string };
  if (issue.code === 'too_small') return { field, message: `mindestens ${i.minimum}` };
  if (issue.code === 'too_big') return { field, message: `höchstens ${i.maximum}` };
  if (issue.code === 'invalid_type')
    return { field, message: cellOf(key) ? `„${cellOf(key)}“ ist keine Zahl` : 'fehlt oder ist keine Zahl' };
  if (issue.code === 'invalid_value') return { field, message: 'unbekannter Wert' };
  return { field, message: i.message && !/^[a-z_]+$/.test(i.message) ? i.message : 'ungültig' };
}

/**
 * Imports the inventory from CSV or XLSX with a report per line (like the directory import): `preview` stores
 * nothing; `commit` adds new services and updates those with the same name in one transaction — lines with errors
 * are left out and reported, the others are written.
 */
export async function importServices(
  deps: Deps,
  scope: TenantScope,
  file: { fileName: string; content: Buffer },
  mode: 'preview' | 'commit',
) {
  authorize(scope, 'processes', 'edit');
  let rows: string[][];
  try {
    rows = await readRows(file);
  } catch {
    return fileProblem(
      mode,
      'Die Datei lässt sich nicht lesen. Bitte laden Sie eine CSV- (Semikolon) oder XLSX-Datei hoch.',
    );
  }
  const header = (rows[0] ?? []).map(norm);
  const at = new Map<ColumnKey, number>();
  for (const c of COLUMNS) {
    const i = header.findIndex((h) => h === norm(c.label) || c.aliases.some((a) => norm(a) === h));
    if (i >= 0) at.set(c.key, i);
  }
  if (!at.has('name'))
    return fileProblem(mode, 'Die erste Zeile muss die Spaltenüberschriften enthalten, mindestens „Leistung“.');
  const [departments, existing] = await Promise.all([
    deps.db
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('municipalityId', '=', scope.municipalityId)
      .execute(),
    deps.db
      .selectFrom('processServices')
      .select(['id', 'name'])
      .where('municipalityId', '=', scope.municipalityId)
      .execute(),
  ]);
  const byName = new Map(existing.map((e) => [e.name.toLowerCase(), e.id]));
  const lines: Line[] = [];
  /** An update writes only the columns the file has, and only cells that are filled in (the rest stays as it is). */
  const writes: { id: string | null; values: z.infer<typeof serviceCreate>; given: Set<string> }[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < rows.length && lines.length < MAX_ROWS; r++) {
    const cells = rows[r] ?? [];
    if (cells.every((c) => !String(c ?? '').trim())) continue;
    const cell = (k: ColumnKey) => {
      const i = at.get(k);
      return i === undefined ? '' : String(cells[i] ?? '').trim();
    };
    const errors: Line['errors'] = [];
    const dept = cell('department');
    const department = dept
      ? (departments.find((d) => norm(d.name) === norm(dept)) ??
        departments.find((d) => norm(d.name).includes(norm(dept))))
      : null;
    if (dept && !department) errors.push({ field: 'Fachbereich', message: `„${dept}“ gibt es in Ihrer Kommune nicht` });
    const area = cell('subjectArea');
    const subjectArea = area ? (OZG_SUBJECT_AREAS.find((a) => norm(a) === norm(area)) ?? area) : null;
    const raw = {
      name: cell('name'),
      subjectArea,
      lifeSituation: cell('lifeSituation'),
      leikaKey: cell('leikaKey'),
      departmentId: department?.id ?? null,
      casesPerYear: cell('casesPerYear') === '' ? 0 : number(cell('casesPerYear')),
      minutesPerCase: cell('minutesPerCase') === '' ? 0 : decimal(cell('minutesPerCase')),
      ozgLevel: cell('ozgLevel') === '' ? undefined : number(cell('ozgLevel')),
      // without a target: OZG-compliant (level 3), or where the service already stands above that
      ozgTarget:
        cell('ozgTarget') === ''
          ? Math.max(3, cell('ozgLevel') === '' ? 0 : number(cell('ozgLevel')) || 0)
          : number(cell('ozgTarget')),
      onlineChannel: cell('onlineChannel'),
      mediaBreaks: cell('mediaBreaks') === '' ? undefined : number(cell('mediaBreaks')),
    };
    const parsed = serviceCreate.safeParse(raw);
    if (!parsed.success) errors.push(...parsed.error.issues.map((i) => issueText(i, cell)));
    const key = raw.name.toLowerCase();
    if (raw.name && seen.has(key)) errors.push({ field: 'Leistung', message: 'steht in der Datei mehrfach' });
    seen.add(key);
    const id = byName.get(key) ?? null;
    if (errors.length || !parsed.success) {
      lines.push({ line: r + 1, name: raw.name, status: 'error', errors });
      continue;
    }
    lines.push({ line: r + 1, name: parsed.data.name, status: id ? 'update' : 'new', errors: [] });
    const given = new Set<string>(['name']);
    for (const c of COLUMNS) if (c.key !== 'department' && cell(c.key) !== '') given.add(c.key);
    if (dept) given.add('departmentId');
    writes.push({ id, values: parsed.data, given });
  }
  const dataRows = rows.slice(1).filter((c) => c.some((x) => String(x ?? '').trim())).length;
  if (dataRows > MAX_ROWS)
    lines.push({
      line: MAX_ROWS + 2,
      name: '',
      status: 'error',
      errors: [
        {
          field: 'Datei',
          message: `Es werden höchstens ${MAX_ROWS} Zeilen je Datei gelesen; die übrigen wurden nicht geprüft.`,
        },
      ],
    });
  const created = writes.filter((w) => !w.id).length;
  const updated = writes.length - created;
  if (mode === 'commit' && writes.length)
    await deps.db.transaction().execute(async (trx) => {
      for (const w of writes) {
        if (w.id)
          await trx
            .updateTable('processServices')
            .set({
              ...Object.fromEntries(Object.entries(w.values).filter(([k]) => w.given.has(k))),
              version: sql`version + 1`,
              updatedAt: new Date(),
            })
            .where('id', '=', w.id)
            .where('municipalityId', '=', scope.municipalityId)
            .execute();
        else
          await trx
            .insertInto('processServices')
            .values({ id: newId(), municipalityId: scope.municipalityId, ...w.values, createdBy: scope.user.id })
            .execute();
      }
      await writeAudit(trx, scope, {
        action: 'import',
        entity: 'process_service',
        municipalityId: scope.municipalityId,
        after: { file: file.fileName, created, updated, rejected: lines.length - writes.length },
      });
    });
  return { mode, lines, created, updated, rejected: lines.length - writes.length };
}

function fileProblem(mode: 'preview' | 'commit', message: string) {
  return {
    mode,
    lines: [{ line: 1, name: '', status: 'error' as const, errors: [{ field: 'Datei', message }] }],
    created: 0,
    updated: 0,
    rejected: 1,
  };
}

/** The inventory as a German CSV in the import's columns (also the template to fill in). */
export async function exportServices(deps: Deps, scope: TenantScope) {
  const rows = await deps.db
    .selectFrom('processServices as s')
    .leftJoin('departments as d', 'd.id', 's.departmentId')
    .select([
      's.name',
      's.subjectArea',
      's.lifeSituation',
      's.leikaKey',
      'd.name as department',
      's.casesPerYear',
      's.minutesPerCase',
      's.ozgLevel',
      's.ozgTarget',
      's.onlineChannel',
      's.mediaBreaks',
    ])
    .where('s.municipalityId', '=', scope.municipalityId)
    .orderBy('s.name')
    .execute();
  return germanCsv([
    COLUMNS.map((c) => c.label),
    ...rows.map((r) => [
      r.name,
      r.subjectArea ?? '',
      r.lifeSituation ?? '',
      r.leikaKey ?? '',
      r.department ?? '',
      r.casesPerYear,
      r.minutesPerCase,
      r.ozgLevel,
      r.ozgTarget,
      r.onlineChannel ?? '',
      r.mediaBreaks,
    ]),
  ]);
}
