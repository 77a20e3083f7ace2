import {
  ADKAR_DIMENSIONS,
  allQuestions,
  type ClassCount,
  cellCounts,
  cellKey,
  dimensionScores,
  effectiveThreshold,
  PULSE_ACTIONS,
  PULSE_DEPARTMENT_QUESTION,
  PULSE_GROUP_QUESTION,
  PULSE_ITEMS,
  PULSE_STAFF_GROUPS,
  type PulseGrouping,
  type PulseTrend,
  publishableCells,
  quarterLabel,
  STAFF_GROUP_LABELS,
  type SurveyDefinition,
  TOTAL_CELL,
  weakestDimensions,
} from '@dz/core';
import { sql } from 'kysely';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';

/** The key of respondents who left a grouping question out. */
const NONE = '';
const ALL = '*';

/**
 * The pulse's grouping answers sit in two slots of the disclosure lattice of core (disclosure.ts): staff group in
 * the first, department in the second. The lattice then protects each grouping on its own, the total minus the
 * shown groups, and the combination of both groupings (staff group view against department view) alike.
 */
const cellOf = (groupBy: PulseGrouping, key: string) =>
  key === ALL || groupBy === 'none'
    ? TOTAL_CELL
    : cellKey(groupBy === 'staffGroup' ? { sizeClass: key } : { land: key });

/** The cells the pulse ever shows: the total and every group of both groupings (never their intersections). */
function shownCandidates(classes: ClassCount[]): Set<string> {
  const out = new Set([TOTAL_CELL]);
  for (const c of classes) {
    out.add(cellKey({ sizeClass: c.cls.sizeClass }));
    out.add(cellKey({ land: c.cls.land }));
  }
  return out;
}

type RoundRow = { roundId: string; surveyId: string; quarter: string; threshold: number; definition: unknown };

/** The groups of a grouping a round can show: every choice of its question and "no answer" (listed even if empty). */
function groupsOf(groupBy: PulseGrouping, def: SurveyDefinition): { key: string; label: string }[] {
  if (groupBy === 'none') return [];
  if (groupBy === 'staffGroup')
    return [
      ...PULSE_STAFF_GROUPS.map((g) => ({ key: g, label: STAFF_GROUP_LABELS[g].de })),
      { key: NONE, label: 'Ohne Angabe' },
    ];
  const q = allQuestions(def).find((x) => x.id === PULSE_DEPARTMENT_QUESTION);
  return [...(q?.options ?? []).map((o) => ({ key: o.id, label: o.label.de })), { key: NONE, label: 'Ohne Angabe' }];
}

/**
 * Per closed round and ADKAR dimension the mean score, for all respondents and per group. Counts and item means
 * come from the engine's answers in SQL (answer rows exist only for submitted responses); a dimension's score is
 * the mean of its items' means. Which cells show follows the engine's disclosure rule under the round's threshold:
 * a group below it is suppressed, and so is a group whose numbers could be recovered from the others and the total.
 */
export async function getTrend(deps: Deps, scope: TenantScope, groupBy: PulseGrouping): Promise<PulseTrend> {
  const rounds = (
    await sql<RoundRow>`
      SELECT pr.id AS round_id, s.id AS survey_id, pr.quarter, s.threshold, s.definition
      FROM pulse_rounds pr JOIN surveys s ON s.id = pr.survey_id
      WHERE pr.municipality_id = ${scope.municipalityId} AND s.status = 'closed'
      ORDER BY pr.quarter`.execute(deps.db)
  ).rows;
  if (!rounds.length) return { groupBy, rounds: [], weakest: [] };
  const ids = rounds.map((r) => r.surveyId);
  const grouping = sql`
    LEFT JOIN survey_answers sg ON sg.response_id = r.id AND sg.question_id = ${PULSE_GROUP_QUESTION}
    LEFT JOIN survey_answers dp ON dp.response_id = r.id AND dp.question_id = ${PULSE_DEPARTMENT_QUESTION}`;
  const g =
    groupBy === 'staffGroup'
      ? sql`coalesce(sg.choice, '')`
      : groupBy === 'department'
        ? sql`coalesce(dp.choice, '')`
        : null;
  const [classRows, meanRows] = await Promise.all([
    sql<{ surveyId: string; sg: string; dp: string; n: number }>`
      SELECT r.survey_id, coalesce(sg.choice, '') AS sg, coalesce(dp.choice, '') AS dp, count(*)::int AS n
      FROM survey_responses r ${grouping}
      WHERE r.survey_id IN (${sql.join(ids)}) AND r.status = 'submitted'
      GROUP BY 1, 2, 3`.execute(deps.db),
    // per round and item: the mean over all (g NULL) and per group
    sql<{ surveyId: string; g: string | null; questionId: string; mean: number }>`
      SELECT a.survey_id, ${g ?? sql`NULL::text`} AS g, a.question_id, avg(a.num)::float8 AS mean
      FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id ${grouping}
      WHERE a.survey_id IN (${sql.join(ids)}) AND a.question_id IN (${sql.join(PULSE_ITEMS.map((i) => i.id))})
        AND a.num IS NOT NULL
      GROUP BY ${g ? sql`GROUPING SETS ((a.survey_id, a.question_id), (a.survey_id, a.question_id, ${g}))` : sql`a.survey_id, a.question_id`}`.execute(
      deps.db,
    ),
  ]);
  const out: PulseTrend['rounds'] = rounds.map((round) => {
    const t = effectiveThreshold(round.threshold);
    const classes: ClassCount[] = classRows.rows
      .filter((c) => c.surveyId === round.surveyId)
      .map((c) => ({ cls: { sizeClass: c.sg, land: c.dp, network: '' }, n: Number(c.n) }));
    const published = publishableCells(classes, t, shownCandidates(classes));
    const sizes = cellCounts(classes);
    const itemMeans = (key: string) =>
      Object.fromEntries(
        meanRows.rows
          .filter((m) => m.surveyId === round.surveyId && (key === ALL ? m.g === null : m.g === key))
          .map((m) => [m.questionId, Number(m.mean)]),
      );
    const scoresOf = (key: string) => {
      const s = dimensionScores(itemMeans(key));
      return ADKAR_DIMENSIONS.map((d) => ({ dimension: d, score: s[d] }));
    };
    const nothing = ADKAR_DIMENSIONS.map((d) => ({ dimension: d, score: null }));
    const responses = sizes.get(TOTAL_CELL) ?? 0;
    const totalShown = published.has(TOTAL_CELL);
    const group = (key: string, label: string) => {
      const cell = cellOf(groupBy, key);
      const n = sizes.get(cell) ?? 0;
      const shown = totalShown && published.has(cell);
      return {
        key,
        label,
        responses: shown ? n : null,
        suppressed: !shown,
        reason: shown ? null : n < t ? ('too_few' as const) : ('differencing' as const),
        scores: shown ? scoresOf(key) : nothing,
      };
    };
    const label = quarterLabel(round.quarter);
    return {
      roundId: round.roundId,
      surveyId: round.surveyId,
      label,
      threshold: t,
      responses: totalShown ? responses : 0,
      suppressed: !totalShown,
      groups: [
        group(ALL, 'Alle'),
        ...groupsOf(groupBy, round.definition as SurveyDefinition).map((x) => group(x.key, x.label)),
      ],
    };
  });
  const latest = [...out].reverse().find((r) => !r.suppressed);
  const total = latest?.groups[0]?.scores ?? [];
  const scores = Object.fromEntries(total.map((s) => [s.dimension, s.score])) as Parameters<
    typeof weakestDimensions
  >[0];
  const weakest = latest
    ? weakestDimensions(scores).map((d) => ({
        dimension: d,
        score: scores[d] as number,
        action: PULSE_ACTIONS[d].text,
        path: PULSE_ACTIONS[d].path,
        link: PULSE_ACTIONS[d].link,
      }))
    : [];
  return { groupBy, rounds: out, weakest };
}
