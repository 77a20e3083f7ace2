import { allQuestions, type Question, type SurveyDefinition, type SurveyResults } from '@dz/core';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Deps } from '../../lib/deps.js';
import { computeResults } from './results.service.js';
import type { SurveyRow } from './surveys.access.js';

/** Label of an option, matrix item or scale point of a question (German). */
export function valueLabel(q: Question | undefined, value: string): string {
  const opt = q?.options?.find((o) => o.id === value);
  if (opt) return opt.label.de;
  const n = Number(value);
  const scale = q?.scaleLabels?.[n - 1];
  return scale ? `${value} – ${scale.de}` : value;
}
export function itemLabel(q: Question | undefined, itemId: string): string {
  return q?.items?.find((i) => i.id === itemId)?.label.de ?? itemId;
}

const HEAD = [
  'Gruppe',
  'Antworten in der Gruppe',
  'Frage',
  'Zeile',
  'Wert',
  'Anzahl',
  'Beantwortet',
  'Mittelwert',
  'Median',
  'Borda-Punkte',
];

/** One row per group × question × item × value; suppressed groups appear as a note, never with numbers. */
function aggregateRows(s: SurveyRow, results: SurveyResults): (string | number | null)[][] {
  const qs = new Map(allQuestions(s.definition as SurveyDefinition).map((q) => [q.id, q]));
  const rows: (string | number | null)[][] = [];
  for (const g of results.groups) {
    if (g.suppressed) {
      rows.push([g.label, `weniger als ${results.threshold}`, '(ausgeblendet)', '', '', null, null, null, null, null]);
      continue;
    }
    for (const st of g.questions) {
      const q = qs.get(st.questionId);
      const text = q?.text.de ?? st.questionId;
      if (st.suppressed) {
        rows.push([g.label, g.responses, text, '', '(zu wenige Antworten)', null, st.answered, null, null, null]);
        continue;
      }
      if (st.mean !== null)
        rows.push([g.label, g.responses, text, '', '', null, st.answered, st.mean, st.median, null]);
      for (const it of st.items)
        rows.push([
          g.label,
          g.responses,
          text,
          itemLabel(q, it.itemId),
          '',
          null,
          it.answered,
          it.mean,
          it.median,
          null,
        ]);
      for (const d of st.distribution)
        rows.push([
          g.label,
          g.responses,
          text,
          d.itemId ? itemLabel(q, d.itemId) : '',
          valueLabel(q, d.value),
          d.count,
          st.answered,
          null,
          null,
          null,
        ]);
      for (const b of st.borda)
        rows.push([g.label, g.responses, text, '', valueLabel(q, b.option), null, st.answered, null, null, b.points]);
    }
  }
  return rows;
}

export function resultsCsv(s: SurveyRow, results: SurveyResults): string {
  if (results.suppressed)
    return stringify([['Hinweis'], [`Weniger als ${results.threshold} Antworten – nichts auswertbar.`]], {
      delimiter: ';',
      bom: true,
    });
  return stringify([HEAD, ...aggregateRows(s, results)], { delimiter: ';', bom: true });
}

export async function resultsXlsx(deps: Deps, s: SurveyRow, results: SurveyResults): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Digitalzirkel';
  const ws = wb.addWorksheet('Ergebnisse');
  ws.addRow([s.title]).font = { bold: true, size: 14 };
  ws.addRow([`Anonymitätsschwelle: ${results.threshold} Antworten · ausgewertete Antworten: ${results.responses}`]);
  ws.addRow([]);
  if (results.suppressed) ws.addRow([`Weniger als ${results.threshold} Antworten – nichts auswertbar.`]);
  else {
    ws.addRow(HEAD).font = { bold: true };
    for (const r of aggregateRows(s, results)) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i === 2 ? 60 : 18;
    });
    const texts = wb.addWorksheet('Freitexte');
    texts.addRow(['Frage', 'Antwort (ohne Zuordnung)']).font = { bold: true };
    const qs = new Map(allQuestions(s.definition as SurveyDefinition).map((q) => [q.id, q]));
    for (const st of results.groups[0]?.questions ?? [])
      for (const t of st.texts) texts.addRow([qs.get(st.questionId)?.text.de ?? st.questionId, t]);
    texts.getColumn(1).width = 50;
    texts.getColumn(2).width = 100;
  }
  deps.log.debug({ survey: s.id }, 'results xlsx');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rawValue(q: Question, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (q.type === 'matrix')
    return Object.entries(v as Record<string, number>)
      .map(([k, n]) => `${itemLabel(q, k)}: ${n}`)
      .join(' | ');
  if (Array.isArray(v)) return v.map((x) => valueLabel(q, String(x))).join(' | ');
  if (q.type === 'single') return valueLabel(q, String(v));
  return String(v);
}

/**
 * Anonymised raw answers: only when the whole set reaches the threshold; rows in a random order,
 * no municipality, no person, and the size class only where that size-class group is shown.
 */
export async function rawAnswersCsv(deps: Deps, s: SurveyRow, results: SurveyResults): Promise<string> {
  if (results.suppressed) return resultsCsv(s, results);
  const bySize = await computeResults(deps, s, { groupBy: 'sizeClass' });
  const shownSizes = new Set(bySize.groups.filter((g) => !g.suppressed).map((g) => g.key));
  const qs = allQuestions(s.definition as SurveyDefinition);
  const rows = await sql<{ sizeClass: number; answers: Record<string, unknown> }>`
    SELECT size_class, answers FROM survey_responses
    WHERE survey_id = ${s.id} AND status = 'submitted' ORDER BY md5(id::text || ${s.secret})`.execute(deps.db);
  return stringify(
    [
      ['Größenklasse', ...qs.map((q) => q.text.de)],
      ...rows.rows.map((r) => [
        shownSizes.has(String(r.sizeClass)) ? `GK${r.sizeClass}` : '',
        ...qs.map((q) => rawValue(q, r.answers[q.id])),
      ]),
    ],
    { delimiter: ';', bom: true },
  );
}
