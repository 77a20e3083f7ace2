import type ExcelJS from 'exceljs';

/**
 * Cell values and number formats for the XLSX exports, so every workbook shows dates as date cells and
 * percentages as numbers that a spreadsheet can compute with (never as text like `'2027-01-31'` or `23.05 %`).
 */
export const XLSX_FORMAT = {
  date: 'dd.mm.yyyy',
  euro: '#,##0.00 "€"',
  percent: '0.00 %',
  decimal: '0.00',
} as const;

/**
 * A calendar day (`YYYY-MM-DD`) as a date cell value. exceljs writes a Date as its UTC instant, so the
 * day is taken at 00:00 UTC: the cell shows the same day whatever the server's time zone.
 */
export function xlsxDay(day: string | null | undefined): Date | null {
  return day ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : null;
}

/** A percentage given as percent points (23.05) as the fraction a percent-formatted cell holds (0.2305). */
export function xlsxPercent(points: number): number {
  return Math.round(points * 100) / 10_000;
}

/**
 * A new workbook; exceljs (about 30 MB of RSS once loaded) is imported on the first export, not at server start.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}
