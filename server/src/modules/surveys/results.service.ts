import {
  AppError,
  allQuestions,
  effectiveThreshold,
  filteredSetAllowed,
  LAENDER,
  medianOfCounts,
  type Question,
  type resultsQuery,
  type SurveyDefinition,
  type SurveyResults,
  visibleGroups,
} from '@dz/core';
import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import type { Scope } from '../../lib/scope.js';
import { canSeeResults, isTargeted, loadSurvey, type SurveyRow } from './surveys.access.js';

export type ResultsQuery = z.infer<typeof resultsQuery>;

const ALL = '*';
/** Free texts listed per question (in a random but stable order, never by respondent). */
const MAX_TEXTS = 1000;

function groupExpr(groupBy: ResultsQuery['groupBy']): RawBuilder<string> {
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

function filterConds(q: ResultsQuery): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  if (q.sizeClass !== undefined) out.push(sql<boolean>`r.size_class = ${q.sizeClass}`);
  if (q.land !== undefined) out.push(sql<boolean>`r.land_code = ${q.land}`);
  if (q.networkId !== undefined) out.push(sql<boolean>`r.network_id = ${q.networkId}`);
  return out;
}

const and = (conds: RawBuilder<boolean>[]) =>
  conds.length ? sql<boolean>`(${sql.join(conds, sql` AND `)})` : sql<boolean>`true`;

/** All proper subsets of the applied filters (the wider sets an attacker could subtract from). */
function widerSets(conds: RawBuilder<boolean>[]): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  for (let mask = 0; mask < (1 << conds.length) - 1; mask++) out.push(and(conds.filter((_, i) => mask & (1 << i))));
  return out;
}

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

/**
 * Aggregated results under the anonymity rules: the filtered set and each group must hold at least
 * `threshold` submitted responses, must not differ from any wider set by a small group, and
 * suppressed groups must not be computable as "total minus shown". Everything is aggregated in SQL.
 */
export async function computeResults(deps: Deps, s: SurveyRow, q: ResultsQuery): Promise<SurveyResults> {
  const t = effectiveThreshold(s.threshold);
  const g = groupExpr(q.groupBy);
  const conds = filterConds(q);
  const wider = widerSets(conds);
  const all = and(conds);
  const countCols = [
    sql`count(*) FILTER (WHERE ${all})::int AS n`,
    ...wider.map((w, i) => sql`count(*) FILTER (WHERE ${w})::int AS ${sql.ref(`w${i}`)}`),
  ];
  const counts = await sql<Record<string, number | string>>`
    SELECT ${q.groupBy === 'none' ? sql`NULL::text` : g} AS g, ${sql.join(countCols)}
    FROM survey_responses r
    WHERE r.survey_id = ${s.id} AND r.status = 'submitted'
    ${q.groupBy === 'none' ? sql`` : sql`GROUP BY GROUPING SETS ((${g}), ())`}`.execute(deps.db);
  // the grand-total row of GROUPING SETS has g = NULL
  const rows = counts.rows.map((r) => ({
    key: r.g === null ? ALL : String(r.g),
    n: Number(r.n),
    wider: wider.map((_, i) => Number(r[`w${i}`])),
  }));
  const total = rows.find((r) => r.key === ALL) ?? { key: ALL, n: 0, wider: wider.map(() => 0) };
  const totalAllowed = filteredSetAllowed(total.n, total.wider, t);
  const groupRows = q.groupBy === 'none' ? [] : rows.filter((r) => r.key !== ALL && r.n > 0);
  const forced = new Set(groupRows.filter((r) => !filteredSetAllowed(r.n, r.wider, t)).map((r) => r.key));
  const shown = totalAllowed
    ? visibleGroups(
        groupRows.map((r) => ({ key: r.key, n: forced.has(r.key) ? 0 : r.n })),
        t,
      )
    : new Set<string>();
  for (const k of forced) shown.delete(k);
  // a forced group counted as 0 could leave a small remainder: re-check with real sizes
  const hiddenSum = groupRows.filter((r) => !shown.has(r.key)).reduce((a, r) => a + r.n, 0);
  if (hiddenSum > 0 && hiddenSum < t) shown.clear();

  const visibleKeys = [ALL, ...shown].filter((k) => k !== ALL || totalAllowed);
  const stats = totalAllowed ? await questionStats(deps, s, q, g, all, shown) : new Map();
  const labels = await groupLabels(
    deps,
    q.groupBy,
    groupRows.map((r) => r.key),
  );
  const def = s.definition as SurveyDefinition;
  const groups = [
    ...visibleKeys.map((k) => ({
      key: k,
      label: labels.get(k) ?? k,
      responses: k === ALL ? total.n : (groupRows.find((r) => r.key === k)?.n ?? 0),
      suppressed: false,
      questions: allQuestions(def).map((qq) => finish(stats.get(`${k}|${qq.id}`), qq, t)),
    })),
    ...groupRows
      .filter((r) => !shown.has(r.key))
      .map((r) => ({
        key: r.key,
        label: labels.get(r.key) ?? r.key,
        responses: null,
        suppressed: true,
        questions: [],
      })),
  ].sort((a, b) => (a.key === ALL ? -1 : b.key === ALL ? 1 : a.label.localeCompare(b.label, 'de')));
  return {
    threshold: t,
    responses: totalAllowed ? total.n : 0,
    suppressed: !totalAllowed,
    hiddenGroups: groupRows.filter((r) => !shown.has(r.key)).length,
    groups: totalAllowed ? groups : [],
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

function finish(a: Acc | undefined, q: Question, t: number) {
  const questionId = q.id;
  const nOptions = q.options?.length ?? 0;
  const answered = a?.answered ?? 0;
  if (!a || answered < t)
    return {
      questionId,
      answered,
      mean: null,
      median: null,
      distribution: [],
      items: [],
      borda: [],
      texts: [],
      suppressed: answered > 0,
    };
  const ord = orderOf(q);
  return {
    questionId,
    answered,
    mean: a.mean,
    median: a.median,
    distribution: [...a.distribution].sort((x, y) => ord(x.itemId) - ord(y.itemId) || ord(x.value) - ord(y.value)),
    items: [...a.items].sort((x, y) => ord(x.itemId) - ord(y.itemId)),
    borda: a.rank
      .map((r) => ({ option: r.option, points: r.count * nOptions - r.rankSum }))
      .sort((x, y) => y.points - x.points),
    texts: a.texts,
    suppressed: false,
  };
}

/**
 * Per group (shown groups and the total) and question. One scan builds the frequency table
 * (group × question × item × choice × number → count) in SQL; means, exact medians, distributions
 * and Borda sums follow from it. Two narrow queries (index on survey and question) add the number of
 * respondents for multiple-choice and matrix questions and the free texts.
 */
async function questionStats(
  deps: Deps,
  s: SurveyRow,
  q: ResultsQuery,
  g: RawBuilder<string>,
  all: RawBuilder<boolean>,
  shown: Set<string>,
) {
  const resp = sql`(SELECT r.id, ${g} AS g FROM survey_responses r
      WHERE r.survey_id = ${s.id} AND r.status = 'submitted' AND ${all})`;
  const grouped = q.groupBy !== 'none';
  const keyOf = (v: unknown) => (!grouped || v === null ? ALL : String(v));
  const keep = (k: string) => k === ALL || shown.has(k);
  const gsel = grouped ? sql`r.g` : sql`NULL::text`;
  const questions = allQuestions(s.definition as SurveyDefinition);
  const idsOf = (...types: string[]) => questions.filter((x) => types.includes(x.type)).map((x) => x.id);
  const multiIds = idsOf('multiple', 'matrix');
  const textIds = idsOf('text');
  // grouped: one row set per group; the total is their sum (each response belongs to exactly one group)
  const sets = (cols: RawBuilder<unknown>) => (grouped ? sql`r.g, ${cols}` : cols);

  const [freq, multi, texts] = await Promise.all([
    sql<{ g: string | null; questionId: string; itemId: string; choice: string | null; num: number | null; n: number }>`
      SELECT ${gsel} AS g, a.question_id, a.item_id, a.choice, a.num, count(*)::int AS n
      FROM survey_answers a JOIN ${resp} r ON r.id = a.response_id
      WHERE a.survey_id = ${s.id}
      GROUP BY ${sets(sql`a.question_id, a.item_id, a.choice, a.num`)}`.execute(deps.db),
    multiIds.length
      ? sql<{ g: string | null; questionId: string; n: number }>`
      SELECT ${gsel} AS g, a.question_id, count(DISTINCT a.response_id)::int AS n
      FROM survey_answers a JOIN ${resp} r ON r.id = a.response_id
      WHERE a.survey_id = ${s.id} AND a.question_id IN (${sql.join(multiIds)})
      GROUP BY ${sets(sql`a.question_id`)}`.execute(deps.db)
      : { rows: [] },
    textIds.length
      ? sql<{ g: string; questionId: string; text: string }>`
      SELECT g, question_id, text FROM (
        SELECT r.g, a.question_id, a.text,
               row_number() OVER (PARTITION BY a.question_id ORDER BY md5(a.text)) AS pos
        FROM survey_answers a JOIN ${resp} r ON r.id = a.response_id
        WHERE a.survey_id = ${s.id} AND a.question_id IN (${sql.join(textIds)}) AND btrim(a.text) <> ''
      ) t WHERE pos <= ${MAX_TEXTS}`.execute(deps.db)
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
  for (const r of freq.rows) {
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
  for (const r of multi.rows) for (const k of targets(r.g)) get(k, r.questionId).answered += r.n;
  for (const r of texts.rows) {
    get(ALL, r.questionId).texts.push(r.text);
    if (grouped && shown.has(String(r.g))) get(String(r.g), r.questionId).texts.push(r.text);
  }
  for (const qq of questions.filter((x) => x.type === 'ranking')) {
    for (const [key, a] of acc) if (key.endsWith(`|${qq.id}`)) a.answered = Math.max(0, ...a.rank.map((r) => r.count));
  }
  return acc;
}

/** Results for those allowed to see them; others get 404 (no hint that the survey exists). */
export async function getResults(deps: Deps, scope: Scope, id: string, q: ResultsQuery) {
  const s = await loadSurvey(deps.db, id);
  if (!canSeeResults(scope, s, await isTargeted(deps.db, scope, id))) throw new AppError('not_found', 404);
  return { s, results: await computeResults(deps, s, q) };
}
