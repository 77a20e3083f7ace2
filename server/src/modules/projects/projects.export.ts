import { PROJECT_PHASE_LABELS } from '@dz/core';
import { germanCsv } from '../../lib/csv.js';
import { newWorkbook, XLSX_FORMAT, xlsxDay } from '../../lib/xlsx.js';
import type { portfolioRows } from './projects.list.js';

type Rows = Awaited<ReturnType<typeof portfolioRows>>['items'];

const LIGHTS: Record<string, string> = { green: 'grün', yellow: 'gelb', red: 'rot' };
const HEAD = [
  'Projekt',
  'Phase',
  'Verantwortlich',
  'Fachbereiche',
  'Beginn',
  'Ende',
  'Gesamtstatus',
  'Priorität (0–100)',
  'Bedarfe',
  'Ziele',
  'Nächster Meilenstein',
  'Fällig am',
];

function lines(items: Rows): (string | number | null)[][] {
  return items.map((p) => [
    p.title,
    PROJECT_PHASE_LABELS[p.phase],
    p.owner?.name ?? '',
    p.departments.join(', '),
    p.startsOn,
    p.endsOn,
    p.overall ? (LIGHTS[p.overall] ?? p.overall) : '',
    p.score,
    p.needCount,
    p.goalCount,
    p.nextMilestone?.title ?? '',
    p.nextMilestone?.dueOn ?? null,
  ]);
}

/** CSV for German spreadsheets (the one writer, `germanCsv`). */
export function portfolioCsv(items: Rows): string {
  return germanCsv([HEAD, ...lines(items)]);
}

const DATE_COLUMNS = new Set([4, 5, 11]);

/** The portfolio table as a workbook: dates as date cells, counts and scores as numbers. */
export async function portfolioXlsx(items: Rows): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Digitalzirkel';
  const ws = wb.addWorksheet('Portfolio');
  ws.addRow(HEAD).font = { bold: true };
  for (const l of lines(items)) ws.addRow(l.map((v, i) => (DATE_COLUMNS.has(i) ? xlsxDay(v as string | null) : v)));
  for (const i of DATE_COLUMNS) ws.getColumn(i + 1).numFmt = XLSX_FORMAT.date;
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 50 : 18;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: 'A1', to: 'L1' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
