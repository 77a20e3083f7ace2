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
export const fmtDateTime = (iso: string | null | undefined) => (iso ? dtf.format(new Date(iso)) : '–');
export const todayIso = () => new Date().toISOString().slice(0, 10);
