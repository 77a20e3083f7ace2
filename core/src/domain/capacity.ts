/**
 * Staff capacity for digitalization work: available hours per month from hours per week (part-time
 * aware), compared with the effort planned per project, person and month. Public holidays differ by
 * Land and are not subtracted; the monthly figure counts Monday to Friday.
 */

/** "2026-03" → the months between two months, inclusive. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    if (out.length > 600) break;
  }
  return out;
}

/** Monday-to-Friday days of a month ("2026-03"). */
export function workingDays(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  let n = 0;
  for (let d = 1; d <= days; d++) {
    const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/** Hours available in a month for someone with `hoursPerWeek` for digitalization (one decimal). */
export function availableHours(hoursPerWeek: number, month: string): number {
  return Math.round((hoursPerWeek / 5) * workingDays(month) * 10) / 10;
}

export interface CapacityCell {
  month: string;
  available: number;
  planned: number;
  /** Planned effort exceeds what is available. */
  over: boolean;
}

/** One row of cells per month; planned hours per month come aggregated from the database. */
export function capacityCells(
  hoursPerWeek: number,
  plannedByMonth: ReadonlyMap<string, number>,
  months: readonly string[],
): CapacityCell[] {
  return months.map((month) => {
    const available = availableHours(hoursPerWeek, month);
    const planned = Math.round((plannedByMonth.get(month) ?? 0) * 10) / 10;
    return { month, available, planned, over: planned > available };
  });
}

/** Cell-wise sum of several rows (department or whole portfolio). */
export function sumCells(rows: readonly CapacityCell[][], months: readonly string[]): CapacityCell[] {
  return months.map((month, i) => {
    const available = Math.round(rows.reduce((s, r) => s + (r[i]?.available ?? 0), 0) * 10) / 10;
    const planned = Math.round(rows.reduce((s, r) => s + (r[i]?.planned ?? 0), 0) * 10) / 10;
    return { month, available, planned, over: planned > available };
  });
}

/** "YYYY-MM" of a date, shifted by `add` months. */
export function monthOf(d: Date, add = 0): string {
  const x = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
  return `${x.getUTCFullYear()}-${String(x.getUTCMonth() + 1).padStart(2, '0')}`;
}
