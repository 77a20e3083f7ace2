/** German number, date and euro formats (DESIGN.md). */
const nf = new Intl.NumberFormat('de-DE');
const df = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });
const dtf = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' });

export const fmtNumber = (n: number | null | undefined, digits?: number) =>
  n == null
    ? '–'
    : digits === undefined
      ? nf.format(n)
      : new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
export const fmtDate = (iso: string | null | undefined) =>
  iso ? df.format(new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)) : '–';
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

export const fmtDateTime = (iso: string | null | undefined) => (iso ? dtf.format(new Date(iso)) : '–');
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** "1.234,56" → 1234.56; empty → null; anything else → NaN (the caller reports it). */
export const parseGermanNumber = (s: string) =>
  s.trim() === '' ? null : Number(s.trim().replace(/\s|€/g, '').replace(/\./g, '').replace(',', '.'));
const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const euro0 = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
/** Cents as German euros: 123456 → "1.234,56 €" (whole: "1.235 €"). */
export const fmtEuro = (cents: number | null | undefined, whole = false) =>
  cents == null ? '–' : (whole ? euro0 : euro).format(cents / 100);
/** Cents to an input value in German format without currency sign: 123456 → "1.234,56". */
export const centsToInput = (cents: number | null | undefined) =>
  cents == null
    ? ''
    : new Intl.NumberFormat('de-DE', { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(cents / 100);
/** An input in euros to cents, or null when empty, NaN when not a number. */
export const inputToCents = (s: string) => {
  const n = parseGermanNumber(s);
  return n === null ? null : Number.isFinite(n) ? Math.round(n * 100) : Number.NaN;
};
