import {
  AppError,
  allQuestions,
  byLandOrder,
  type Cell,
  type ClassCount,
  cellCounts,
  cellKey,
  cellsOfClass,
  effectiveThreshold,
  LAENDER,
  medianOfCounts,
  publishableCells,
  type QiClass,
  type QiDimension,
  type Question,
  type resultsQuery,
  type SurveyResults,
  TOTAL_CELL,
} from '@dz/core';
import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { SurveyResponses } from '../../db/schema.js';
import type { Deps } from '../../lib/deps.js';
import type { Scope } from '../../lib/scope.js';
import { canManage, canSeeResults, isTargeted, loadSurvey, type SurveyRow } from './surveys.access.js';

export type ResultsQuery = z.infer<typeof resultsQuery>;

const ALL = '*';
/** Free texts listed per question (in a random but stable order, never by respondent). */
const MAX_TEXTS = 1000;

export function groupExpr(groupBy: ResultsQuery['groupBy']): RawBuilder<string> {
  switch (groupBy) {
    case 'sizeClass':
      return sql<string>`r.size_class::text`;
    case 'land':
      return sql<string>`r.land_code`;
    case 'network':
      return sql<string>`coalesce(r.network_id::text, '')`;
    default:
      return sql<string>`'all'`;
  }
}

export function filterConds(q: ResultsQuery): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  if (q.sizeClass !== undefined) out.push(sql<boolean>`r.size_class = ${q.sizeClass}`);
  if (q.land !== undefined) out.push(sql<boolean>`r.land_code = ${q.land}`);
  if (q.networkId !== undefined) out.push(sql<boolean>`r.network_id = ${q.networkId}`);
  return out;
}

export const and = (conds: RawBuilder<boolean>[]) =>
  conds.length ? sql<boolean>`(${sql.join(conds, sql` AND `)})` : sql<boolean>`true`;

/** The lattice cell a query's filters select. */
function filterCell(q: ResultsQuery): Cell {
  return { sizeClass: q.sizeClass?.toString(), land: q.land, network: q.networkId };
}

const GROUP_DIMENSION: Record<ResultsQuery['groupBy'], QiDimension | null> = {
  none: null,
  sizeClass: 'sizeClass',
  land: 'land',
  network: 'network',
};

async function groupLabels(deps: Deps, groupBy: ResultsQuery['groupBy'], keys: string[]) {
  const labels = new Map<string, string>([
    [ALL, 'Alle'],
    ['all', 'Alle'],
  ]);
  for (const k of keys) {
    if (groupBy === 'sizeClass') labels.set(k, `GK${k}`);
    if (groupBy === 'land') labels.set(k, LAENDER[k]?.name ?? k);
  }
  if (groupBy === 'network') {
    const ids = keys.filter((k) => k.length === 36);
    const rows = ids.length
      ? await deps.db.selectFrom('networks').select(['id', 'name']).where('id', 'in', ids).execute()
      : [];
    for (const r of rows) labels.set(r.id, r.name);
    labels.set('', 'Ohne Verbund');
  }
  return labels;
}

/** Which cells of the result lattice may be published: for the responses and per question / matrix row. */
export interface Disclosure {
  classes: ClassCount[];
  responses: Set<string>;
  /** Per unit `questionId|itemId` (itemId '' for the question itself). */
  units: Map<string, Set<string>>;
}

type ClassRow = { sizeClass: string; landCode: string; network: string };
/** Submitted responses (question '') and respondents per question (item '') and matrix row, per class. */
export type AnswererRow = ClassRow & { questionId: string; itemId: string; n: number };
/** The frequency table of one result query: group × question × item × choice × number → answer rows. */
export type FrequencyRow = {
  g: string | null;
  questionId: string;
  itemId: string;
  choice: string | null;
  num: number | null;
  n: number;
};
/** Respondents per group of the multiple-choice and matrix questions asked for. */
export type MultiRow = { g: string | null; questionId: string; n: number };

/** Where the results' counts come from; the tallies kept at submission time (the test compares other sources). */
export interface CountSource {
  answerers(deps: Deps, s: SurveyRow): Promise<AnswererRow[]>;
  frequencies(
    deps: Deps,
    s: SurveyRow,
    q: ResultsQuery,
    multiIds: string[],
  ): Promise<{ freq: FrequencyRow[]; multi: MultiRow[] }>;
}

/**
 * Counts from `survey_tallies` / `survey_answerers` (migration 0026, ADR 0008): kept per class in the
 * transaction of every submission and reopening, so a result request reads thousands of rows, not every answer.
 */
export const tallies: CountSource = {
  async answerers(deps, s) {
    const r = await sql<AnswererRow>`
      SELECT size_class::text AS size_class, land_code, coalesce(network_id::text, '') AS network, question_id, item_id, n
      FROM survey_answerers WHERE survey_id = ${s.id} AND n > 0`.execute(deps.db);
    return r.rows;
  },
  async frequencies(deps, s, q, multiIds) {
    const grouped = q.groupBy !== 'none';
    const g = grouped ? groupExpr(q.groupBy) : sql`NULL::text`;
    const where = sql`r.survey_id = ${s.id} AND r.n > 0 AND ${and(filterConds(q))}`;
    const sets = (cols: RawBuilder<unknown>) => (grouped ? sql`1, ${cols}` : cols);
    const [freq, multi] = await Promise.all([
      sql<FrequencyRow>`
        SELECT ${g} AS g, r.question_id, r.item_id, r.choice, r.num, sum(r.n)::int AS n
        FROM survey_tallies r WHERE ${where}
        GROUP BY ${sets(sql`r.question_id, r.item_id, r.choice, r.num`)}`.execute(deps.db),
      multiIds.length
        ? sql<MultiRow>`
        SELECT ${g} AS g, r.question_id, sum(r.n)::int AS n
        FROM survey_answerers r WHERE ${where} AND r.item_id = '' AND r.question_id IN (${sql.join(multiIds)})
        GROUP BY ${sets(sql`r.question_id`)}`.execute(deps.db)
        : { rows: [] },
    ]);
    return { freq: freq.rows, multi: multi.rows };
  },
};

/**
 * Counts per quasi-identifier class (responses, and answerers per question and matrix row), then the
 * disclosure rules of core decide the publishable cells. Closed surveys are frozen, so the decision is the
 * same for every query an attacker may combine.
 */
export async function disclosure(deps: Deps, s: SurveyRow, source: CountSource = tallies): Promise<Disclosure> {
  const t = effectiveThreshold(s.threshold);
  // core decides the same whatever order the database returns the rows in (plan, version, restart)
  const rows = await source.answerers(deps, s);
  const cls = (r: ClassRow): QiClass => ({ sizeClass: r.sizeClass, land: r.landCode, network: r.network });
  const classes = rows.filter((r) => r.questionId === '').map((r) => ({ cls: cls(r), n: Number(r.n) }));
  const responses = publishableCells(classes, t);
  const perUnit = new Map<string, ClassCount[]>();
  for (const r of rows) {
    if (r.questionId === '') continue;
    const unit = `${r.questionId}|${r.itemId}`;
    const list = perUnit.get(unit) ?? [];
    list.push({ cls: cls(r), n: Number(r.n) });
    perUnit.set(unit, list);
  }
  const units = new Map([...perUnit].map(([u, c]) => [u, publishableCells(c, t, responses)]));
  return { classes, responses, units };
}

/**
 * Disclosure decisions of closed surveys, kept per process: a closed survey is frozen (no answers, no
 * reopening, threshold final, no deletion), so the decision never changes and needs no invalidation —
 * the same on several app instances. Saves the read of the answerer counts (a few thousand rows for 10,751
 * municipalities × 60 questions) on every result request after the first.
 */
const frozen = new Map<string, Promise<Disclosure>>();
const FROZEN_MAX = 200;

function disclosureOfClosed(deps: Deps, s: SurveyRow): Promise<Disclosure> {
  const key = `${s.id}|${s.threshold}`;
  let d = frozen.get(key);
  if (!d) {
    d = disclosure(deps, s);
    frozen.set(key, d);
    d.catch(() => frozen.delete(key));
    if (frozen.size > FROZEN_MAX) frozen.delete(frozen.keys().next().value as string);
  }
  return d;
}

/**
 * Aggregated results under the disclosure rules: only for closed surveys; the filtered cell, each
 * group, each question and each matrix row are shown only where `disclosure()` allows; hidden groups
 * are counted, not named; free texts only for all respondents together (never per group or filter,
 * where matching texts across groups would narrow down their authors). Aggregated in SQL.
 */
export async function computeResults(
  deps: Deps,
  s: SurveyRow,
  q: ResultsQuery,
  source: CountSource = tallies,
): Promise<SurveyResults> {
  const t = effectiveThreshold(s.threshold);
  const nothing = { released: s.status === 'closed', threshold: t, responses: 0, suppressed: true, hiddenGroups: 0 };
  if (s.status !== 'closed') return { ...nothing, groups: [] };
  const d = await (source === tallies ? disclosureOfClosed(deps, s) : disclosure(deps, s, source));
  const base = filterCell(q);
  const baseKey = cellKey(base);
  if (!d.responses.has(baseKey)) return { ...nothing, groups: [] };
  const sizes = cellCounts(d.classes);
  const dim = GROUP_DIMENSION[q.groupBy];
  const cellOf = (k: string) => (k === ALL || !dim ? baseKey : cellKey({ ...base, [dim]: k }));
  // group values present under the filter
  const present = new Set<string>();
  if (dim) for (const c of d.classes) if (cellsOfClass(c.cls).includes(baseKey) && c.n > 0) present.add(c.cls[dim]);
  const shown = new Set([...present].filter((k) => d.responses.has(cellOf(k))));
  const stats = await questionStats(deps, s, q, source, shown, baseKey === TOTAL_CELL);
  const labels = await groupLabels(deps, q.groupBy, [...shown]);
  const def = s.definition;
  const visible = (unit: string, k: string) => d.units.get(unit)?.has(cellOf(k)) ?? false;
  const groups = [ALL, ...shown]
    .map((k) => ({
      key: k,
      label: labels.get(k) ?? k,
      responses: sizes.get(cellOf(k)) ?? 0,
      questions: allQuestions(def).map((qq) =>
        finish(stats.get(`${k}|${qq.id}`), qq, (item) => visible(`${qq.id}|${item}`, k)),
      ),
    }))
    .sort((a, b) =>
      a.key === ALL
        ? -1
        : b.key === ALL
          ? 1
          : // Länder in the official order by key, everything else alphabetically
            q.groupBy === 'land'
            ? byLandOrder(a.key, b.key)
            : a.label.localeCompare(b.label, 'de'),
    );
  return {
    released: true,
    threshold: t,
    responses: sizes.get(baseKey) ?? 0,
    suppressed: false,
    hiddenGroups: present.size - shown.size,
    groups,
  };
}

interface Acc {
  answered: number;
  mean: number | null;
  median: number | null;
  distribution: { itemId: string; value: string; count: number }[];
  items: { itemId: string; answered: number; mean: number | null; median: number | null }[];
  rank: { option: string; count: number; rankSum: number }[];
  texts: string[];
}

/** Position of an option, matrix row or scale value in the question's own order. */
function orderOf(q: Question) {
  const ids = [...(q.items ?? []), ...(q.options ?? [])].map((x) => x.id);
  return (id: string) => {
    const i = ids.indexOf(id);
    return i >= 0 ? i : Number(id) || 0;
  };
}

/** The statistics of one question in one cell, or a suppressed stub (no count, no hint whether anyone answered). */
function finish(a: Acc | undefined, q: Question, visible: (itemId: string) => boolean) {
  const questionId = q.id;
  const nOptions = q.options?.length ?? 0;
  // not publishable: the same stub whether nobody or a few answered (the difference would tell)
  if (!a || a.answered === 0 || !visible(''))
    return {
      questionId,
      answered: 0,
      mean: null,
      median: null,
      distribution: [],
      items: [],
      borda: [],
      texts: [],
      suppressed: true,
    };
  const ord = orderOf(q);
  return {
    questionId,
    answered: a.answered,
    mean: a.mean,
    median: a.median,
    distribution: a.distribution
      .filter((x) => !x.itemId || visible(x.itemId))
      .sort((x, y) => ord(x.itemId) - ord(y.itemId) || ord(x.value) - ord(y.value)),
    items: a.items.filter((x) => visible(x.itemId)).sort((x, y) => ord(x.itemId) - ord(y.itemId)),
    borda: a.rank
      .map((r) => ({ option: r.option, points: r.count * nOptions - r.rankSum }))
      .sort((x, y) => y.points - x.points),
    texts: a.texts,
    suppressed: false,
  };
}

/**
 * Per group (shown groups and the total) and question. The frequency table (group × question × item ×
 * choice × number → count) comes from the tallies; means, exact medians, distributions and Borda sums follow
 * from it, the number of respondents of multiple-choice and matrix questions from the answerer counts. Free
 * texts, for all respondents only, are read from the answers in the order of a partial index (survey, question,
 * md5 of the text), at most MAX_TEXTS per question. Answer rows exist only for submitted responses (inserted on
 * submit, deleted on reopen, with the status change), so no join with the responses is needed.
 */
async function questionStats(
  deps: Deps,
  s: SurveyRow,
  q: ResultsQuery,
  source: CountSource,
  shown: Set<string>,
  withTexts: boolean,
) {
  const grouped = q.groupBy !== 'none';
  const keyOf = (v: unknown) => (!grouped || v === null ? ALL : String(v));
  const keep = (k: string) => k === ALL || shown.has(k);
  const questions = allQuestions(s.definition);
  const idsOf = (...types: string[]) => questions.filter((x) => types.includes(x.type)).map((x) => x.id);
  const multiIds = idsOf('multiple', 'matrix');
  const textIds = withTexts ? idsOf('text') : [];
  // texts only for all respondents, so no filter applies
  const [{ freq, multi }, texts] = await Promise.all([
    source.frequencies(deps, s, q, multiIds),
    textIds.length
      ? sql<{ questionId: string; text: string }>`
      SELECT q.question_id, t.text FROM unnest(ARRAY[${sql.join(textIds)}]::text[]) WITH ORDINALITY AS q(question_id, pos)
      CROSS JOIN LATERAL (
        SELECT a.text, md5(a.text) AS h FROM survey_answers a
        WHERE a.survey_id = ${s.id} AND a.question_id = q.question_id AND btrim(a.text) <> ''
        ORDER BY md5(a.text) LIMIT ${MAX_TEXTS}
      ) t ORDER BY q.pos, t.h`.execute(deps.db)
      : { rows: [] },
  ]);

  const acc = new Map<string, Acc>();
  const get = (k: string, qid: string) => {
    const key = `${k}|${qid}`;
    let a = acc.get(key);
    if (!a) {
      a = { answered: 0, mean: null, median: null, distribution: [], items: [], rank: [], texts: [] };
      acc.set(key, a);
    }
    return a;
  };
  const type = new Map(questions.map((x) => [x.id, x.type]));
  const targets = (g: string | null) => {
    const k = keyOf(g);
    return k !== ALL && keep(k) ? [ALL, k] : [ALL];
  };
  // numeric frequencies per (group, question, item) → mean and exact median
  const numeric = new Map<string, { k: string; qid: string; item: string; counts: Map<number, number> }>();
  const dist = new Map<string, { itemId: string; value: string; count: number }>();
  for (const r of freq) {
    const t = type.get(r.questionId);
    for (const k of targets(r.g)) {
      const a = get(k, r.questionId);
      if (t === 'text') {
        a.answered += r.n;
        continue;
      }
      if (t === 'ranking') {
        if (r.choice === null || r.num === null) continue;
        const cur = a.rank.find((x) => x.option === r.choice);
        if (cur) {
          cur.count += r.n;
          cur.rankSum += r.num * r.n;
        } else a.rank.push({ option: r.choice, count: r.n, rankSum: r.num * r.n });
        continue;
      }
      const value = t === 'single' || t === 'multiple' ? r.choice : r.num === null ? null : String(r.num);
      if (value === null) continue;
      if (t !== 'number') {
        const dk = `${k}|${r.questionId}|${r.itemId}|${value}`;
        const d = dist.get(dk);
        if (d) d.count += r.n;
        else {
          const e = { itemId: r.itemId, value, count: r.n };
          dist.set(dk, e);
          a.distribution.push(e);
        }
      }
      if (t === 'single' || t === 'scale' || t === 'number') a.answered += r.n;
      if (r.num === null || t === 'single' || t === 'multiple') continue;
      const key = `${k}|${r.questionId}|${r.itemId}`;
      const e = numeric.get(key) ?? { k, qid: r.questionId, item: r.itemId, counts: new Map() };
      e.counts.set(r.num, (e.counts.get(r.num) ?? 0) + r.n);
      numeric.set(key, e);
    }
  }
  for (const e of numeric.values()) {
    const counts = [...e.counts];
    const n = counts.reduce((s2, [, c]) => s2 + c, 0);
    const mean = counts.reduce((s2, [v, c]) => s2 + v * c, 0) / n;
    const med = medianOfCounts(counts);
    const a = get(e.k, e.qid);
    if (e.item) a.items.push({ itemId: e.item, answered: n, mean, median: med });
    else {
      a.mean = mean;
      a.median = med;
    }
  }
  for (const r of multi) for (const k of targets(r.g)) get(k, r.questionId).answered += r.n;
  for (const r of texts.rows) get(ALL, r.questionId).texts.push(r.text);
  for (const qq of questions.filter((x) => x.type === 'ranking')) {
    for (const [key, a] of acc) if (key.endsWith(`|${qq.id}`)) a.answered = Math.max(0, ...a.rank.map((r) => r.count));
  }
  return acc;
}

/**
 * Results for those allowed to see them; others get 404 (no hint that the survey exists). Managers
 * reach the page while the survey is open, but get `released: false` and no numbers until it closes.
 */
export async function getResults(deps: Deps, scope: Scope, id: string, q: ResultsQuery) {
  const s = await loadSurvey(deps.db, id);
  if (!(canManage(scope, s) || canSeeResults(scope, s, await isTargeted(deps.db, scope, id))))
    throw new AppError('not_found');
  return { s, results: await computeResults(deps, s, q) };
}

/** The row export's data: the survey's managers only, and only once results exist (closed). */
export async function getRawAnswers(deps: Deps, scope: Scope, id: string) {
  const s = await loadSurvey(deps.db, id);
  if (!canManage(scope, s)) throw new AppError('not_found');
  if (!canSeeResults(scope, s, false))
    throw new AppError('conflict', 'Rohdaten gibt es erst, wenn die Umfrage geschlossen ist.');
  const [d, rows] = await Promise.all([
    disclosureOfClosed(deps, s),
    sql<Pick<Selectable<SurveyResponses>, 'answers'>>`
      SELECT answers FROM survey_responses
      WHERE survey_id = ${s.id} AND status = 'submitted' ORDER BY md5(id::text || ${s.secret})`.execute(deps.db),
  ]);
  return { s, d, rows: rows.rows };
}
