import { germanCsv } from '../../lib/csv.js';
import { newWorkbook } from '../../lib/xlsx.js';
import type { getBenchmark } from './benchmark.service.js';
import type { listFigures } from './key-figures.service.js';

type Figures = Awaited<ReturnType<typeof listFigures>>;
type Bench = Awaited<ReturnType<typeof getBenchmark>>;

const ORIGIN: Record<string, string> = { entered: 'eingegeben', computed: 'berechnet aus der Plattform' };
const MEDIAN_GROUPS = [
  ['size_land', 'Median Größenklasse im Land'],
  ['size_class', 'Median Größenklasse'],
  ['land', 'Median Land'],
  ['all', 'Median alle Kommunen'],
] as const;
const HEAD = [
  'Kennzahl',
  'Einheit',
  'Besser ist',
  'Verbund',
  'Jahr',
  'Wert',
  'Herkunft',
  'Hinweis',
  ...MEDIAN_GROUPS.map((g) => g[1]),
];

/**
 * One line per figure and year with a value: the own value and, where shown, the peer groups' medians of that
 * year (anonymous aggregates under the threshold and differencing rule; a hidden group stays empty).
 */
function lines(figures: Figures, bench: Bench): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  for (const f of figures.figures) {
    const b = bench.figures.find((x) => x.id === f.id);
    for (const v of [...f.values].sort((a, c) => a.year - c.year)) {
      const t = b?.trend.find((x) => x.year === v.year);
      const keys = new Map(b?.groups.map((g) => [g.kind, g.key]));
      out.push([
        f.name,
        f.unit,
        f.direction === 'higher' ? 'höher' : 'niedriger',
        f.network ?? '',
        v.year,
        v.value,
        ORIGIN[v.origin] ?? v.origin,
        v.note,
        ...MEDIAN_GROUPS.map(([kind]) => t?.medians.find((m) => m.key === keys.get(kind))?.median ?? null),
      ]);
    }
  }
  return out;
}

export function keyFiguresCsv(figures: Figures, bench: Bench): string {
  return germanCsv([HEAD, ...lines(figures, bench)]);
}

export async function keyFiguresXlsx(figures: Figures, bench: Bench): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Digitalzirkel';
  const ws = wb.addWorksheet('Kennzahlen');
  ws.addRow(HEAD).font = { bold: true };
  for (const l of lines(figures, bench)) ws.addRow(l);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 50 : i === 7 ? 40 : 16;
  });
  for (const i of [6, 9, 10, 11, 12]) ws.getColumn(i).numFmt = '#,##0.0#';
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: 'A1', to: 'L1' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
