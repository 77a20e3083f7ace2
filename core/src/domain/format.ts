/**
 * German number, euro, percent and date formats: the one implementation behind the web app (tables, charts,
 * inputs), the PDFs and the text exports (DESIGN.md: `1.234,56 €`, `27.11.2026`, never a raw float).
 * Thousands separator '.', decimal comma, a no-break space before units, dates in Europe/Berlin.
 * Missing values are an en dash.
 */

const LOCALE = 'de-DE';
const TIME_ZONE = 'Europe/Berlin';
/** A no-break space: the unit stays on the line of its number. */
const NBSP = '\u00a0';
export const MISSING = '–';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(min: number, max: number, grouping = true): Intl.NumberFormat {
  const key = `${min}-${max}-${grouping}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: grouping,
    });
    numberFormats.set(key, f);
  }
  return f;
}

/** -0 (from rounding a tiny negative) would print as "-0". */
const noNegativeZero = (s: string) => (/^-0(,0+)?$/.test(s) ? s.slice(1) : s);

/**
 * A number: with `digits`, exactly that many decimals (2.666 → "2,67" for 2, 3 → "3,0" for 1); without, at most two
 * and trailing zeros dropped (3000 → "3.000", 0.8999999999999999 → "0,9").
 */
export function fmtNumber(n: number | null | undefined, digits?: number): string {
  if (n == null || !Number.isFinite(n)) return MISSING;
  return noNegativeZero((digits === undefined ? numberFormat(0, 2) : numberFormat(digits, digits)).format(n));
}

/** A number with at most `maxDigits` decimals, trailing zeros dropped: (2.5, 1) → "2,5", (2, 1) → "2". */
export function fmtDecimal(n: number | null | undefined, maxDigits: number): string {
  if (n == null || !Number.isFinite(n)) return MISSING;
  return noNegativeZero(numberFormat(0, maxDigits).format(n));
}

/** Cents as euros: 123456 → "1.234,56 €"; `whole` rounds to euros: "1.235 €". */
/** A count with its noun in German number: „1 Person“, „2 Personen“ (texts the server writes; the web uses i18n). */
export function fmtCount(n: number, one: string, other: string): string {
  return `${fmtNumber(n)} ${n === 1 ? one : other}`;
}

export function fmtEuro(cents: number | null | undefined, whole = false): string {
  if (cents == null || !Number.isFinite(cents)) return MISSING;
  return `${fmtNumber(cents / 100, whole ? 0 : 2)}${NBSP}€`;
}

/** Cents in thousands of euros, for chart axes: 3808000 → "38 Tsd. €". */
export function fmtEuroThousands(cents: number | null | undefined): string {
  if (cents == null || !Number.isFinite(cents)) return MISSING;
  return `${fmtNumber(cents / 100_000, 0)}${NBSP}Tsd.${NBSP}€`;
}

/** A share (0–1) as percent with at most `maxDigits` decimals: 0.009 → "0,9 %", 0.5 → "50 %". */
export function fmtPercent(share: number | null | undefined, maxDigits = 1): string {
  if (share == null || !Number.isFinite(share)) return MISSING;
  return `${fmtDecimal(share * 100, maxDigits)}${NBSP}%`;
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: TIME_ZONE,
});
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date ("2026-06-10" or a timestamp) as "10.06.2026"; a plain date never shifts by a time zone. */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  const d = new Date(ISO_DATE.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? MISSING : dateFormat.format(d);
}

/** A timestamp with its time of day in German time: "10.06.2026, 14:32". */
export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? MISSING : dateTimeFormat.format(d);
}

/** A period of two optional ISO dates in words ("ab 01.06.2026", "bis …", "… – …"); `open` when neither is set. */
export function fmtPeriod(
  from: string | null | undefined,
  to: string | null | undefined,
  words: { open: string; from: (d: string) => string; until: (d: string) => string },
): string {
  if (from && to) return `${fmtDate(from)} – ${fmtDate(to)}`;
  if (from) return words.from(fmtDate(from));
  if (to) return words.until(fmtDate(to));
  return words.open;
}

/**
 * "1.234,56" → 1234.56; empty → null; anything else → NaN (the caller reports it). A dot only groups thousands:
 * "16.8" is not read as 168 (nor as 16,8) but refused, since the person meant a decimal point.
 */
export function parseGermanNumber(s: string): number | null {
  const t = s.trim().replace(/[\s\u00a0€%]/g, '');
  if (t === '') return null;
  if (!/^[-+]?(\d{1,3}(\.\d{3})+|\d*)(,\d*)?$/.test(t) || !/\d/.test(t)) return Number.NaN;
  return Number(t.replace(/\./g, '').replace(',', '.'));
}

/**
 * A number as the value of a German input field, rounded to `maxDigits` decimals so that no float artefact
 * shows (0.009 × 100 → "0,9", not "0,8999999999999999"); null → empty.
 */
export function numberToInput(n: number | null | undefined, maxDigits = 2): string {
  return n == null || !Number.isFinite(n) ? '' : fmtDecimal(n, maxDigits);
}

/** Cents as an input value in euros without currency sign: 123456 → "1.234,56". */
export function centsToInput(cents: number | null | undefined): string {
  return cents == null ? '' : numberToInput(cents / 100, 2);
}

/** An input in euros to cents, or null when empty, NaN when not a number. */
export function inputToCents(s: string): number | null {
  const n = parseGermanNumber(s);
  return n === null ? null : Number.isFinite(n) ? Math.round(n * 100) : Number.NaN;
}
