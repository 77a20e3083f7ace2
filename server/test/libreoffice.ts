import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** A cell as LibreOffice Calc read it: its kind and its value (numbers as numbers, formulas by their text). */
export type CalcCell = { kind: 'number' | 'text' | 'formula' | 'date' | 'empty' | 'other'; value: unknown };

/**
 * Opens CSV files in LibreOffice Calc headless, as a German user would (semicolon, UTF-8, locale de-DE,
 * formulas evaluated like Excel does), saves them as XLSX and reads the cells back with exceljs.
 * Fails loudly when LibreOffice is missing (`.ci/run` installs `libreoffice-calc`); never skips.
 */
function sofficeBinary() {
  const soffice = ['soffice', 'libreoffice'].find((b) => {
    try {
      execFileSync('sh', ['-c', `command -v ${b}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!soffice)
    throw new Error('LibreOffice (soffice) is missing: apt-get install -y libreoffice-calc libreoffice-writer');
  return soffice;
}

/**
 * Opens a DOCX file in LibreOffice Writer headless and returns its text as Writer read it (paragraphs and table
 * cells), so a generated document is proven to open in the office suite legal offices use — not only in our parser.
 */
export function openDocxInWriter(docx: Uint8Array): string {
  const soffice = sofficeBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-writer-'));
  try {
    const input = path.join(dir, 'document.docx');
    fs.writeFileSync(input, docx);
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'txt:Text (encoded):UTF8',
        '--outdir',
        dir,
        input,
      ],
      { stdio: 'pipe', timeout: 120_000, env: { ...process.env, LANG: 'de_DE.UTF-8', SAL_USE_VCLPLUGIN: 'svp' } },
    );
    return fs.readFileSync(path.join(dir, 'document.txt'), 'utf8').replace(/\u00a0/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function openCsvInCalc<K extends string>(files: Record<K, string>): Promise<Record<K, CalcCell[][]>> {
  const soffice = sofficeBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-calc-'));
  try {
    const inputs = (Object.entries(files) as [K, string][]).map(([name, csv]) => {
      const p = path.join(dir, `${name}.csv`);
      fs.writeFileSync(p, csv);
      return p;
    });
    // tokens: separator ;  text delimiter "  UTF-8  first line 1  no column formats  de-DE  quoted-as-text off
    // detect special numbers on  –  –  –  all sheets  evaluate formulas ON (the dangerous setting Excel has)
    const filter = 'CSV:59,34,76,1,,1031,false,true,false,false,false,-1,true';
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        `--infilter=${filter}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        ...inputs,
      ],
      { stdio: 'pipe', timeout: 120_000, env: { ...process.env, LANG: 'de_DE.UTF-8', SAL_USE_VCLPLUGIN: 'svp' } },
    );
    const out = {} as Record<K, CalcCell[][]>;
    for (const name of Object.keys(files) as K[]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, `${name}.xlsx`));
      const ws = wb.worksheets[0];
      const rows: CalcCell[][] = [];
      ws?.eachRow({ includeEmpty: true }, (row, n) => {
        const cells: CalcCell[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(kindOf(row.getCell(c)));
        rows[n - 1] = cells;
      });
      out[name] = Array.from(rows, (r) => r ?? []);
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function kindOf(cell: ExcelJS.Cell): CalcCell {
  switch (cell.type) {
    case ExcelJS.ValueType.Number:
      return { kind: 'number', value: cell.value };
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.RichText:
      return { kind: 'text', value: cell.text };
    case ExcelJS.ValueType.Formula:
      return { kind: 'formula', value: (cell.value as ExcelJS.CellFormulaValue).formula };
    case ExcelJS.ValueType.Date:
      return { kind: 'date', value: cell.value };
    case ExcelJS.ValueType.Null:
      return { kind: 'empty', value: null };
    default:
      return { kind: 'other', value: cell.value };
  }
}
