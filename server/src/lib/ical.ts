/**
 * A small iCalendar (RFC 5545) writer for the projects' calendar feed: all-day events only, standard
 * properties only (no X-WR-… or X-MICROSOFT-…), CRLF after every line including the last, lines folded at
 * 75 octets without splitting a UTF-8 character, DTSTAMP in UTC with `Z`. Pure and independent of the
 * process time zone: days are handled as `YYYY-MM-DD` strings and UTC arithmetic only.
 * (ical-generator, used before, wrote DTSTAMP as floating local time, shifted all-day dates by the
 * server's zone west of UTC and always added non-standard properties.)
 */
export type IcalAllDayEvent = {
  uid: string;
  /** the day, `YYYY-MM-DD` */
  day: string;
  summary: string;
  description?: string | undefined;
  url?: string | undefined;
};

export type IcalCalendar = {
  prodId: string;
  /** RFC 7986 NAME of the calendar */
  name: string;
  events: IcalAllDayEvent[];
  /** the moment the feed is produced (DTSTAMP of every event) */
  now: Date;
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → `YYYYMMDD` (a DATE value), checked. */
function dateValue(day: string): string {
  const m = DAY.exec(day.slice(0, 10));
  if (!m) throw new Error(`not a day: ${day}`);
  return `${m[1]}${m[2]}${m[3]}`;
}

/** The day after (exclusive DTEND of a one-day event), computed in UTC. */
function nextDay(day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A UTC DATE-TIME (`20270131T081500Z`). */
export function icalUtc(t: Date): string {
  return t
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT value escaping (RFC 5545 3.3.11). */
export function icalText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n|\r/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + n > limit) {
      parts.push(cur);
      cur = '';
      octets = 0;
    }
    cur += ch;
    octets += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

/** The calendar as iCalendar text (`text/calendar`). */
export function icalCalendar(cal: IcalCalendar): string {
  const stamp = icalUtc(cal.now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${cal.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`NAME:${icalText(cal.name)}`);
  for (const e of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(e.day)}`,
      `DTEND;VALUE=DATE:${dateValue(nextDay(e.day))}`,
      `SUMMARY:${icalText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${icalText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
