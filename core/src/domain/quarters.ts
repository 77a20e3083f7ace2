/** Quarters: the pulse's rounds (quarters may start in February or March) and the council's progress report. */

/** A quarter as `YYYY-Qn` (the council's reporting period). */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
const pad = (n: number) => String(n).padStart(2, '0');
/** `2026-Q4` → [2026, 4] */
function parse(quarter: string): [number, number] {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  return [Number(m[1]), Number(m[2])];
}
/** First and last day of a quarter (`2026-Q4` → 2026-10-01 … 2026-12-31) and its German label ("Q4/2026"). */
export function quarterRange(quarter: string): { from: string; to: string; label: string } {
  const [y, q] = parse(quarter);
  const first = (q - 1) * 3 + 1;
  const last = new Date(Date.UTC(y, first + 2, 0)).getUTCDate();
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(last)}`, label: quarterLabel(quarter) };
}
/** The quarter before (`2027-Q1` → `2026-Q4`). */
export function previousQuarter(quarter: string): string {
  const [y, q] = parse(quarter);
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}
/** The quarter after (`2026-Q4` → `2027-Q1`). */
export function nextQuarter(quarter: string): string {
  const [y, q] = parse(quarter);
  return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
}

export interface Quarter {
  /** Sortable key, e.g. "2027-Q1". */
  key: string;
  /** Shown label, e.g. "Q1/2027". */
  label: string;
  /** First day of the quarter (ISO date). */
  startsOn: string;
}

/**
 * The quarter of a day when quarters start in `startMonth` (1–3) and every three months after it; a quarter
 * carries the year in which it starts (with start month 2, January 2027 is Q4/2026).
 */
export function quarterOf(day: string | Date, startMonth = 1): Quarter {
  const iso = typeof day === 'string' ? day : day.toISOString().slice(0, 10);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const m = Math.min(3, Math.max(1, Math.round(startMonth)));
  const idx = Math.floor(((((month - m) % 12) + 12) % 12) / 3);
  const startMonthAbs = m + 3 * idx;
  const startYear = month < m ? year - 1 : year;
  return {
    key: `${startYear}-Q${idx + 1}`,
    label: `Q${idx + 1}/${startYear}`,
    startsOn: `${startYear}-${pad(startMonthAbs)}-01`,
  };
}

/** "2027-Q1" → "Q1/2027" (other text unchanged). */
export function quarterLabel(key: string): string {
  const m = QUARTER_PATTERN.exec(key);
  return m ? `Q${m[2]}/${m[1]}` : key;
}
