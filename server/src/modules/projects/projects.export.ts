import { PROJECT_PHASE_LABELS } from '@dz/core';
import ExcelJS from 'exceljs';
import { germanCsv } from '../../lib/csv.js';
import type { portfolioRows } from './projects.service.js';

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

export async function portfolioXlsx(items: Rows): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Digitalzirkel';
  const ws = wb.addWorksheet('Portfolio');
  ws.addRow(HEAD).font = { bold: true };
  for (const l of lines(items))
    ws.addRow(l.map((v, i) => (v && (i === 4 || i === 5 || i === 11) ? new Date(`${v}T00:00:00Z`) : v)));
  for (const i of [5, 6, 12]) ws.getColumn(i).numFmt = 'dd.mm.yyyy';
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 50 : 18;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: 'A1', to: 'L1' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
