import {
  type Answers,
  type AnswerValue,
  allQuestions,
  effectiveThreshold,
  type Question,
  type SurveyResults,
} from '@dz/core';
import { germanCsv } from '../../lib/csv.js';
import type { Deps } from '../../lib/deps.js';
import { newWorkbook, XLSX_FORMAT } from '../../lib/xlsx.js';
import type { Disclosure } from './results.service.js';
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

/** One row per shown group × question × item × value; hidden groups are only counted in a note. */
function aggregateRows(s: SurveyRow, results: SurveyResults): (string | number | null)[][] {
  const qs = new Map(allQuestions(s.definition).map((q) => [q.id, q]));
  const rows: (string | number | null)[][] = [];
  if (results.hiddenGroups > 0)
    rows.push([
      `${results.hiddenGroups} weitere Gruppe(n) ausgeblendet (Anonymitätsschwelle ${results.threshold})`,
      null,
      '',
      '',
      '',
      null,
      null,
      null,
      null,
      null,
    ]);
  for (const g of results.groups) {
    for (const st of g.questions) {
      const q = qs.get(st.questionId);
      const text = q?.text.de ?? st.questionId;
      if (st.suppressed) {
        rows.push([
          g.label,
          g.responses,
          text,
          '',
          '(zu wenige Antworten – ausgeblendet)',
          null,
          null,
          null,
          null,
          null,
        ]);
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
          d.itemId ? (st.items.find((i) => i.itemId === d.itemId)?.answered ?? null) : st.answered,
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

/** Why there is nothing to show: not closed yet, or too few answers. */
function emptyNote(results: SurveyResults): string {
  return results.released
    ? `Weniger als ${results.threshold} Antworten – nichts auswertbar.`
    : 'Ergebnisse gibt es erst, wenn die Umfrage geschlossen ist.';
}

export function resultsCsv(s: SurveyRow, results: SurveyResults): string {
  if (results.suppressed) return germanCsv([['Hinweis'], [emptyNote(results)]]);
  return germanCsv([HEAD, ...aggregateRows(s, results)]);
}

export async function resultsXlsx(deps: Deps, s: SurveyRow, results: SurveyResults): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Digitalzirkel';
  const ws = wb.addWorksheet('Ergebnisse');
  ws.addRow([s.title]).font = { bold: true, size: 14 };
  // numbers in cells of their own, so a spreadsheet can compute with them
  ws.addRow(['Anonymitätsschwelle (Antworten)', results.threshold]);
  ws.addRow(['Ausgewertete Antworten', results.responses]);
  ws.addRow([]);
  if (results.suppressed) ws.addRow([emptyNote(results)]);
  else {
    ws.addRow(HEAD).font = { bold: true };
    for (const r of aggregateRows(s, results)) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i === 2 ? 60 : 18;
    });
    for (const col of [8, 9]) ws.getColumn(col).numFmt = XLSX_FORMAT.decimal; // mean, median
    const texts = wb.addWorksheet('Freitexte');
    texts.addRow(['Frage', 'Antwort (ohne Zuordnung)']).font = { bold: true };
    const qs = new Map(allQuestions(s.definition).map((q) => [q.id, q]));
    for (const st of results.groups[0]?.questions ?? [])
      for (const t of st.texts) texts.addRow([qs.get(st.questionId)?.text.de ?? st.questionId, t]);
    texts.getColumn(1).width = 50;
    texts.getColumn(2).width = 100;
  }
  deps.log.debug({ survey: s.id }, 'results xlsx');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rawValue(q: Question, v: AnswerValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (q.type === 'matrix')
    return Object.entries(v)
      .map(([k, n]) => `${itemLabel(q, k)}: ${n}`)
      .join(' | ');
  if (Array.isArray(v)) return v.map((x) => valueLabel(q, String(x))).join(' | ');
  if (q.type === 'single') return valueLabel(q, String(v));
  return String(v);
}

/** Question types a row export may carry: closed answers only (free texts and numbers could name their author). */
const ROW_TYPES = new Set(['scale', 'single', 'multiple', 'ranking', 'matrix']);
const sameSet = (a: ReadonlySet<string> | undefined, b: ReadonlySet<string>) =>
  !!a && a.size === b.size && [...a].every((x) => b.has(x));

/**
 * Row export (one row per response) for the survey's managers, after closing. What a row may contain
 * (docs/adr/0003-survey-anonymity.md): no municipality, person, size class, Land, network or time —
 * no quasi-identifier at all, so rows cannot be matched to result groups; no free texts and no
 * numbers (they are in the aggregated results, texts shuffled and apart from any row); only questions
 * (and matrix rows) that are published in exactly the cells where the responses themselves are, so a
 * row can never be placed in a smaller set than the published groups; rows in a random order.
 */
export function rawAnswersCsv(s: SurveyRow, d: Disclosure, rows: { answers: Answers }[]): string {
  const t = effectiveThreshold(s.threshold);
  const total = d.classes.reduce((a, c) => a + c.n, 0);
  if (total < t) return germanCsv([['Hinweis'], [`Weniger als ${t} Antworten – nichts auswertbar.`]]);
  const ok = (unit: string) => sameSet(d.units.get(unit), d.responses);
  const cols = allQuestions(s.definition)
    .filter((q) => ROW_TYPES.has(q.type) && ok(`${q.id}|`))
    .map((q) => ({ ...q, items: q.items?.filter((it) => ok(`${q.id}|${it.id}`)) }));
  const value = (q: Question, v: AnswerValue | undefined) => {
    if (q.type !== 'matrix' || !v) return rawValue(q, v);
    const keep = new Set((q.items ?? []).map((i) => i.id));
    return rawValue(q, Object.fromEntries(Object.entries(v).filter(([k]) => keep.has(k))));
  };
  return germanCsv([cols.map((q) => q.text.de), ...rows.map((r) => cols.map((q) => value(q, r.answers[q.id])))]);
}
