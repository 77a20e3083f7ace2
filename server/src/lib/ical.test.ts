import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { icalCalendar } from './ical.js';

const zoneBefore = process.env.TZ;
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

const LONG = 'Fällig: Einführung der elektronischen Akte in allen Fachbereichen; Schulung, Abnahme\nund Übergabe';
const feed = () =>
  icalCalendar({
    prodId: '-//Digitalzirkel//Projektportfolio//DE',
    name: 'Digitalzirkel – Musterstadt',
    now: new Date('2026-12-02T23:30:05.123Z'),
    events: [
      { uid: 'a@digitalzirkel', day: '2027-01-31', summary: 'Meilenstein: Abnahme (Ratsinfo; neu, mit Komma)' },
      {
        uid: 'b@digitalzirkel',
        day: '2027-12-31',
        summary: LONG,
        description: 'Zuständig: Stefan',
        url: 'https://x.test/projekte/1',
      },
      { uid: 'c@digitalzirkel', day: '2028-02-29', summary: 'Schalttag' },
    ],
  });

describe('iCalendar writer', () => {
  it('writes the same all-day dates in every server time zone', () => {
    const outputs = ['UTC', 'Europe/Berlin', 'America/New_York', 'Pacific/Honolulu', 'Pacific/Kiritimati'].map((tz) => {
      process.env.TZ = tz;
      return { tz, offset: new Date(Date.UTC(2027, 0, 31)).getTimezoneOffset(), ics: feed() };
    });
    // the zone really changed inside this process (Honolulu is UTC−10, Kiritimati UTC+14)
    expect(outputs.find((o) => o.tz === 'Pacific/Honolulu')?.offset).toBe(600);
    expect(outputs.find((o) => o.tz === 'Pacific/Kiritimati')?.offset).toBe(-840);
    for (const o of outputs) expect(o.ics, o.tz).toBe(outputs[0]?.ics);
    expect(outputs[0]?.ics).toContain('DTSTART;VALUE=DATE:20270131\r\nDTEND;VALUE=DATE:20270201\r\n');
    expect(outputs[0]?.ics).toContain('DTSTART;VALUE=DATE:20271231\r\nDTEND;VALUE=DATE:20280101\r\n');
    expect(outputs[0]?.ics).toContain('DTSTART;VALUE=DATE:20280229\r\nDTEND;VALUE=DATE:20280301\r\n');
  });

  it('is valid RFC 5545 for an independent parser (ical.js): UTC DTSTAMP, CRLF, folding, standard properties', () => {
    process.env.TZ = 'Pacific/Honolulu';
    const ics = feed();
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/); // every line ends in CRLF
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const props = [cal, ...cal.getAllSubcomponents()].flatMap((c) => c.getAllProperties().map((p) => p.name));
    expect(props.filter((n) => n.startsWith('x-'))).toEqual([]);
    const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.startDate.isDate, e.startDate.toString(), e.endDate.toString()])).toEqual([
      [true, '2027-01-31', '2027-02-01'],
      [true, '2027-12-31', '2028-01-01'],
      [true, '2028-02-29', '2028-03-01'],
    ]);
    expect(events[0]?.summary).toBe('Meilenstein: Abnahme (Ratsinfo; neu, mit Komma)');
    expect(events[1]?.summary).toBe(LONG); // unfolded and unescaped back to the original
    const stamp = cal.getFirstSubcomponent('vevent')?.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone?.tzid).toBe('UTC');
    expect(stamp.toString()).toBe('2026-12-02T23:30:05Z');
    expect(ics).toContain('DTSTAMP:20261202T233005Z\r\n');
  });
});
