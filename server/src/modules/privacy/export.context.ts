import { fmtDate, landOf } from '@dz/core';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { REFERENCES } from './export.labels.js';
import type { PersonalData } from './export.service.js';

/** A UUID anywhere in a text. */
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const isUuid = (v: unknown): v is string =>
  typeof v === 'string' && /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(v);

/** A municipality the person belongs to, with what the access request says about it. */
export interface ExportMunicipality {
  name: string;
  land: string | null;
  /** The municipality's retention periods (null: none set). */
  surveyAnswersMonths: number | null;
  workshopNamesDays: number | null;
}

/** What the readable export needs beyond the rows: names for ids, the person's municipalities, the operator's texts. */
export interface ExportContext {
  /** Names of what the rows refer to (municipalities, projects, …), by id; only ids found in REFERENCES columns. */
  names: ReadonlyMap<string, string>;
  municipalities: ExportMunicipality[];
  /** The controller as the operator's privacy notice (or imprint) names it; empty while the defaults stand. */
  controller: string[];
  /** The supervisory authority as the operator's privacy notice names it; empty when it names none. */
  authority: string[];
}

/**
 * The names of the things the person's rows point to. Only the columns of REFERENCES are looked up, and only their
 * name or title: what the person took part in (their municipality, a project they commented on), never anything
 * else of another municipality.
 */
async function referencedNames(db: Database, data: PersonalData) {
  const wanted = new Map<string, Set<string>>(); // "table.column" → ids
  for (const t of data.tables) {
    for (const row of t.rows) {
      for (const [k, v] of Object.entries(row)) {
        const ref = REFERENCES[k];
        if (!ref || typeof v !== 'string' || !isUuid(v)) continue;
        const key = `${ref.table}.${ref.column}`;
        if (!wanted.has(key)) wanted.set(key, new Set());
        wanted.get(key)!.add(v);
      }
    }
  }
  const names = new Map<string, string>();
  for (const [key, ids] of wanted) {
    const [table, column] = key.split('.') as [string, string];
    const list = [...ids];
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      const r = await sql<{ id: string; name: string }>`
        SELECT id::text AS id, ${sql.ref(column)} AS name FROM ${sql.table(table)}
        WHERE id IN (${sql.join(chunk.map((id) => sql`${id}::uuid`))})`.execute(db);
      for (const x of r.rows) if (x.name) names.set(x.id, x.name);
    }
  }
  return names;
}

const PLACEHOLDER = /\[[^\]]*\](?!\()/;

/** The lines of one section of a Markdown text (heading matched by `heading`), as plain text; placeholders dropped. */
export function markdownSection(md: string, heading: RegExp): string[] {
  const lines = md.split(/\r?\n/);
  const start = lines.findIndex((l) => /^#{1,6}\s/.test(l) && heading.test(l));
  if (start < 0) return [];
  const level = /^(#+)/.exec(lines[start]!)![1]!.length;
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    const h = /^(#+)\s/.exec(l);
    if (h && h[1]!.length <= level) break;
    const plain = l
      .replace(/^#+\s+/, '')
      .replace(/^\s*[-*+]\s+/, '')
      .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
      .replace(/[*_`]{1,2}([^*_`]+)[*_`]{1,2}/g, '$1')
      .trim();
    if (!plain) continue;
    if (!PLACEHOLDER.test(plain)) {
      out.push(plain);
      continue;
    }
    // "Die Plattform betreibt:" introduced the placeholder: it goes with it
    const last = out.at(-1);
    if (last?.endsWith(':')) {
      const rest = last.replace(/\s*[^.!?]*:$/, '');
      if (rest) out[out.length - 1] = rest;
      else out.pop();
    }
  }
  return out;
}

/** Names, the person's municipalities with Land and retention periods, and the operator's texts, for the PDF. */
export async function exportContext(db: Database, data: PersonalData): Promise<ExportContext> {
  const names = await referencedNames(db, data);
  const ms = await db
    .selectFrom('memberships as ms')
    .innerJoin('municipalities as m', 'm.id', 'ms.municipalityId')
    .leftJoin('retentionSettings as rs', 'rs.municipalityId', 'ms.municipalityId')
    .select(['m.name', 'm.ags', 'rs.surveyAnswersMonths', 'rs.workshopNamesDays'])
    .where('ms.userId', '=', data.person.id)
    .orderBy('m.name')
    .execute();
  // the operator's own texts only: the defaults hold placeholders, not a controller
  const pages = await db.selectFrom('legalPages').select(['page', 'markdown']).execute();
  const privacy = pages.find((p) => p.page === 'privacy')?.markdown ?? '';
  const imprint = pages.find((p) => p.page === 'imprint')?.markdown ?? '';
  const controller = markdownSection(privacy, /Verantwortlich/i);
  return {
    names,
    municipalities: ms.map((m) => ({
      name: m.name,
      land: landOf(m.ags) ?? null,
      surveyAnswersMonths: m.surveyAnswersMonths ?? null,
      workshopNamesDays: m.workshopNamesDays ?? null,
    })),
    controller: controller.length ? controller : markdownSection(imprint, /Anbieter/i),
    authority: markdownSection(privacy, /Aufsicht|Beschwerde/i),
  };
}

/**
 * The download name of an access request: "Auskunft-Maria-Muster-2026-12-03.pdf" (the person's name with its
 * letters kept, everything else a dash; the date in German time). `disposition` adds the ASCII fallback.
 */
export function accessRequestFileName(name: string, generatedAt: string, ext: 'pdf' | 'json') {
  const person =
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'Person';
  const day = fmtDate(generatedAt).split('.').reverse().join('-');
  return `Auskunft-${person}-${day}.${ext}`;
}
