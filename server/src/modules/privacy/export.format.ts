import { fmtDate, fmtDateTime, fmtEuro, fmtNumber } from '@dz/core';
import { ACTION_LABELS, CODED_FIELDS, codeLabel, ENTITY_LABELS, KEY_NAMES } from './export.codes.js';
import { fieldLabel, HIDDEN_FIELDS, humanise, isUserColumn, REFERENCES, TABLE_HIDDEN } from './export.labels.js';
import { PERSONAL_DATA } from './personal-data.js';

/*
 * One stored row as the readable PDF shows it: German field names, dates in German time, codes in words, no ids.
 * References name what they point to; people other than the person asking stay „eine andere Person“.
 */

/** The longest text shown in full; the JSON file holds every text whole. */
export const MAX_VALUE = 400;
const MAX_JSON_LINES = 12;
export const SELF = 'Sie selbst';
export const OTHER_PERSON = 'eine andere Person';

export interface Reader {
  /** The person the export is about. */
  personId: string;
  personName: string;
  personEmail: string;
  /** Names of referenced things by id (export.context.ts). */
  names: ReadonlyMap<string, string>;
}

type Row = Record<string, unknown>;

const ISO_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const CODE = /^[a-z][a-z_]*$/;
/** A UUID anywhere in a text. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
export const isUuid = (v: unknown): boolean =>
  typeof v === 'string' && /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(v);
/** Numbers shown without thousands separators. */
const PLAIN_NUMBERS = new Set([
  'year',
  'number',
  'versionNo',
  'quarterStartMonth',
  'ozgLevel',
  'ozgTarget',
  'sizeClass',
]);
/** Fields that may name someone other than the person (an invitee, a colleague whose time was entered). */
const THIRD_PARTY: Readonly<Record<string, string>> = {
  invitations: 'email',
  network_moderator_invitations: 'email',
  service_work_entries: 'person',
};
/** Audit entries about these things may carry another person's name or address. */
const PERSON_ENTITIES = new Set([
  'user',
  'membership',
  'invitation',
  'network_moderator_invitation',
  'network_moderator',
  'workshop_participants',
  'service_team',
]);

/** A text without ids, cut at `max` with "…". */
export function shortText(s: string, max = MAX_VALUE) {
  const t = s.replace(UUID, '…').trim();
  return t.length > max ? `${t.slice(0, max).trimEnd()} …` : t;
}

const monthFormat = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2026-12" or a month's first day as "Dezember 2026". */
const monthName = (y: string, m: string) => monthFormat.format(new Date(Date.UTC(Number(y), Number(m) - 1, 1)));

const bytes = (n: number) => (n < 1024 ? `${fmtNumber(n)} Bytes` : `${fmtNumber(n / 1024, 1)} KB`);

/**
 * A single value (not an object) in words; null when there is nothing to show. Inside a JSON document (`json`) an
 * address other than the person's, and in `others` a name, belongs to someone else and is not shown.
 */
function scalar(table: string, key: string, v: unknown, r: Reader, others: boolean, json = false): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  if (typeof v === 'number') {
    if (key.includes('Cents')) return fmtEuro(v);
    if (key === 'size' || key === 'sizeBytes') return bytes(v);
    return PLAIN_NUMBERS.has(key) ? String(v) : fmtNumber(v);
  }
  if (typeof v !== 'string') return null;
  if (isUuid(v)) return v === r.personId ? SELF : null;
  if (ISO_TS.test(v)) return fmtDateTime(v);
  if (ISO_DAY.test(v)) return key === 'month' ? monthName(v.slice(0, 4), v.slice(5, 7)) : fmtDate(v);
  const month = ISO_MONTH.exec(v);
  if (month) return monthName(month[1]!, month[2]!);
  if (key.endsWith('Cents') && /^-?\d+$/.test(v)) return fmtEuro(Number(v));
  if (CODED_FIELDS.has(key) && CODE.test(v)) return codeLabel(table, key, v);
  const named = KEY_NAMES[key]?.get(v);
  if (named) return named;
  if (json && (key === 'email' || key === 'recipient') && v.toLowerCase() !== r.personEmail.toLowerCase())
    return 'E-Mail-Adresse einer anderen Person';
  if (json && others && key === 'name' && v !== r.personName) return 'Name einer anderen Person';
  return shortText(v);
}

/** A value inside a JSON document on one line: scalars, short lists, "vorher → nachher". */
function inline(table: string, key: string, v: unknown, r: Reader, others: boolean): string | null {
  if (Array.isArray(v)) {
    const parts = v.map((x) => inline(table, key, x, r, others)).filter((x): x is string => !!x);
    if (!parts.length) return null;
    return parts.length > 8 ? `${parts.slice(0, 8).join(', ')} … (${v.length} insgesamt)` : parts.join(', ');
  }
  if (v && typeof v === 'object') {
    const o = v as Row;
    const keys = Object.keys(o);
    if (keys.length && keys.every((k) => k === 'before' || k === 'after')) {
      // Roboto has no arrow: the change in words
      const b = inline(table, key, o.before, r, others);
      const a = inline(table, key, o.after, r, others);
      if (b === null) return a;
      return a === null ? `entfernt (vorher: ${b})` : `vorher: ${b}; jetzt: ${a}`;
    }
    const parts = keys
      .filter((k) => !HIDDEN_FIELDS.has(k))
      .map((k) => {
        // the parts of an amount in cents ("variableCentsPerUnit": { "work_orders": 2500 }) are cents too
        const x = jsonField(table, k, o[k], r, others, true, key.includes('Cents'));
        return x === null ? null : `${fieldLabel(table, k)}: ${x}`;
      })
      .filter((x): x is string => !!x);
    return parts.length ? parts.join('; ') : null;
  }
  return scalar(table, key, v, r, others, true);
}

/** A field inside a JSON document: people and references as at the top level, deeper structures on one line. */
function jsonField(
  table: string,
  k: string,
  x: unknown,
  r: Reader,
  others: boolean,
  deep: boolean,
  cents = false,
): string | null {
  if (cents && typeof x === 'number') return fmtEuro(x);
  if (isUserColumn(k) && typeof x === 'string') return x === r.personId ? SELF : isUuid(x) ? OTHER_PERSON : null;
  if (isUuid(x)) return x === r.personId ? SELF : (r.names.get(x as string) ?? null);
  if (deep && x && typeof x === 'object') {
    const s = inline(table, k, x, r, others);
    return s && s.length > 160 ? `${s.slice(0, 160).trimEnd()} …` : s;
  }
  return inline(table, k, x, r, others);
}

/** A JSON document (object or list) as readable lines "Feld: Wert"; a long one ends with a pointer to the JSON file. */
function jsonText(table: string, key: string, v: unknown, r: Reader, others: boolean): string | null {
  let lines: string[];
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) return inline(table, key, v, r, others);
    lines = v.map((x) => inline(table, key, x, r, others)).filter((x): x is string => !!x);
  } else if (v && typeof v === 'object') {
    lines = Object.entries(v as Row)
      .filter(([k]) => !HIDDEN_FIELDS.has(k))
      .map(([k, x]) => {
        const s = jsonField(table, k, x, r, others, true, key.includes('Cents'));
        return s === null ? null : `${fieldLabel(table, k)}: ${s}`;
      })
      .filter((x): x is string => !!x);
  } else return scalar(table, key, v, r, others, true);
  if (!lines.length) return null;
  const cut = lines.length > MAX_JSON_LINES;
  const text = lines.slice(0, MAX_JSON_LINES).map((l) => shortText(l, 200));
  if (cut) text.push(`… ${lines.length - MAX_JSON_LINES} weitere Angaben in der JSON-Datei`);
  return text.join('\n');
}

/** The database table behind an export table ("invitations (E-Mail)" → "invitations"). */
export const baseTable = (table: string) => table.replace(/ \(.*\)$/, '');

/** One field of a row as [label, text], or null when the PDF leaves it out. */
function field(table: string, key: string, v: unknown, row: Row, r: Reader): [string, string] | null {
  if (v === null || v === undefined || v === '') return null;
  if (HIDDEN_FIELDS.has(key) || TABLE_HIDDEN[table]?.has(key)) return null;
  const label = fieldLabel(table, key);
  const show = (text: string | null): [string, string] | null => (text ? [label, text] : null);
  if (isUserColumn(key)) {
    // the person's own rows need not say so in every entry
    const only = Object.keys(PERSONAL_DATA[table]?.columns ?? {});
    if (key === 'userId' && v === r.personId && only.length === 1 && only[0] === 'user_id') return null;
    return show(v === r.personId ? SELF : OTHER_PERSON);
  }
  if (REFERENCES[key]) return show(typeof v === 'string' ? (r.names.get(v) ?? null) : null);
  if (key === 'entityId') return show(v === r.personId ? 'Ihr Benutzerkonto' : isUuid(v) ? null : shortText(String(v)));
  if (key === 'entity' && typeof v === 'string') return show(ENTITY_LABELS[v] ?? humanise(v));
  if (key === 'action' && typeof v === 'string') return show(ACTION_LABELS[v] ?? v.replace(/[._]/g, ' '));
  if (THIRD_PARTY[table] === key && typeof v === 'string') {
    const own = v.toLowerCase() === r.personEmail.toLowerCase() || v === r.personName;
    return show(own ? v : OTHER_PERSON);
  }
  if (key.endsWith('Id') && isUuid(v)) return null;
  if (v && typeof v === 'object' && 'fileBytes' in v) return show(`Datei, ${bytes(Number(v.fileBytes))}`);
  if (key === 'xml' && typeof v === 'string')
    return show(`BPMN-Modell (${fmtNumber(v.length)} Zeichen, in der JSON-Datei)`);
  // an audit entry about someone else's account may hold their name or address
  const others = table === 'audit_log' && PERSON_ENTITIES.has(String(row.entity)) && row.entityId !== r.personId;
  if (typeof v === 'object') return show(jsonText(table, key, v, r, others));
  return show(scalar(table, key, v, r, others));
}

/** The fields of one row the PDF shows, in the table's column order. */
export function rowFields(table: string, row: Row, r: Reader): [string, string][] {
  const t = baseTable(table);
  return Object.entries(row)
    .map(([k, v]) => field(t, k, v, row, r))
    .filter((x): x is [string, string] => x !== null);
}

/** A short name for an entry's heading: its title or name, an audit entry's subject and action. */
export function rowHeadline(table: string, row: Row, r: Reader): string | null {
  if (baseTable(table) === 'audit_log') {
    const entity = ENTITY_LABELS[String(row.entity)] ?? humanise(String(row.entity ?? ''));
    const action = ACTION_LABELS[String(row.action)] ?? String(row.action ?? '').replace(/[._]/g, ' ');
    return `${entity}: ${action}`;
  }
  for (const k of ['title', 'name', 'subject', 'label', 'fileName', 'about']) {
    const v = row[k];
    if (typeof v === 'string' && v.trim() && !(THIRD_PARTY[baseTable(table)] === k)) return shortText(v, 80);
  }
  for (const k of Object.keys(KEY_NAMES)) {
    const name = KEY_NAMES[k]!.get(String(row[k]));
    if (name) return shortText(name, 80);
  }
  // what the row belongs to: a project, a survey, … before the network or municipality (REFERENCES' order)
  for (const k of Object.keys(REFERENCES)) {
    const v = row[k];
    const name = typeof v === 'string' ? r.names.get(v) : undefined;
    if (name) return shortText(name, 80);
  }
  return null;
}

/** When a row happened, for ordering the newest first. */
export function rowTime(row: Row): string {
  for (const k of ['at', 'createdAt', 'updatedAt', 'sentAt', 'invitedAt', 'addedAt', 'markedAt', 'joinedAt']) {
    const v = row[k];
    if (typeof v === 'string') return v;
  }
  return '';
}
