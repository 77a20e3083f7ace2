/**
 * Survey definitions, answers and the statistics rules shared by browser and server:
 * show-if evaluation, answer validation, answer rows for SQL aggregation, Borda scores,
 * and the anonymity threshold (the disclosure rules for result cells are in disclosure.ts).
 */

export const QUESTION_TYPES = ['scale', 'single', 'multiple', 'ranking', 'number', 'text', 'matrix'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A text in German with an optional English version. */
export interface LocalText {
  de: string;
  en?: string | undefined;
}
export interface Choice {
  id: string;
  label: LocalText;
}
export interface ShowIf {
  questionId: string;
  /** equals: single/scale/number value; includes: a multiple-choice option; gte/lte: numbers. */
  op: 'equals' | 'includes' | 'gte' | 'lte';
  value: string | number;
}
export interface Question {
  id: string;
  type: QuestionType;
  text: LocalText;
  help?: LocalText | undefined;
  required: boolean;
  options?: Choice[] | undefined;
  items?: Choice[] | undefined;
  /** Labels of the five scale points (1–5) for scale and matrix. */
  scaleLabels?: LocalText[] | undefined;
  min?: number | undefined;
  max?: number | undefined;
  showIf?: ShowIf | undefined;
}
export interface Section {
  id: string;
  title: LocalText;
  description?: LocalText | undefined;
  questions: Question[];
}
export interface SurveyDefinition {
  sections: Section[];
}

export type AnswerValue = number | string | string[] | Record<string, number>;
export type Answers = Record<string, AnswerValue>;

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 3;

export function allQuestions(def: SurveyDefinition): Question[] {
  return def.sections.flatMap((s) => s.questions);
}

export function localText(t: LocalText | undefined, lang: string): string {
  if (!t) return '';
  return lang.startsWith('en') && t.en ? t.en : t.de;
}

/** Whether a question is shown, given the answers so far (hidden questions are neither asked nor stored). */
export function isVisible(q: Question, answers: Answers, def: SurveyDefinition): boolean {
  if (!q.showIf) return true;
  const src = allQuestions(def).find((x) => x.id === q.showIf?.questionId);
  if (src && !isVisible(src, answers, def)) return false;
  const v = answers[q.showIf.questionId];
  if (v === undefined) return false;
  const { op, value } = q.showIf;
  if (op === 'includes') return Array.isArray(v) && v.includes(String(value));
  if (op === 'equals') return String(v) === String(value);
  if (typeof v !== 'number') return false;
  return op === 'gte' ? v >= Number(value) : v <= Number(value);
}

export interface AnswerProblem {
  questionId: string;
  code: 'required' | 'invalid' | 'out_of_range' | 'too_long';
  message: string;
}

const MAX_TEXT = 4000;

function problem(questionId: string, code: AnswerProblem['code'], message: string): AnswerProblem {
  return { questionId, code, message };
}

/**
 * Checks answers against the definition. Drafts (final = false) may be incomplete, but every
 * given value must fit its question. Returns the cleaned answers (unknown and hidden questions
 * dropped) and German messages for the form.
 */
export function validateAnswers(
  def: SurveyDefinition,
  answers: Answers,
  final: boolean,
): { clean: Answers; problems: AnswerProblem[] } {
  const clean: Answers = {};
  const problems: AnswerProblem[] = [];
  for (const q of allQuestions(def)) {
    if (!isVisible(q, answers, def)) continue;
    const v = answers[q.id];
    const empty =
      v === undefined ||
      v === '' ||
      (Array.isArray(v) && v.length === 0) ||
      (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
    if (empty) {
      if (final && q.required) problems.push(problem(q.id, 'required', 'Bitte beantworten Sie diese Frage.'));
      continue;
    }
    const p = checkValue(q, v);
    if (p) problems.push(p);
    else clean[q.id] = v;
    if (final && q.required && q.type === 'matrix' && !p) {
      const m = v as Record<string, number>;
      if ((q.items ?? []).some((it) => m[it.id] === undefined))
        problems.push(problem(q.id, 'required', 'Bitte bewerten Sie jede Zeile.'));
    }
  }
  return { clean, problems };
}

function isScale(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= SCALE_MIN && n <= SCALE_MAX;
}

function checkValue(q: Question, v: AnswerValue): AnswerProblem | null {
  const optionIds = new Set((q.options ?? []).map((o) => o.id));
  switch (q.type) {
    case 'scale':
      return isScale(v) ? null : problem(q.id, 'invalid', 'Bitte wählen Sie einen Wert zwischen 1 und 5.');
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v))
        return problem(q.id, 'invalid', 'Bitte geben Sie eine Zahl ein.');
      if ((q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max))
        return problem(q.id, 'out_of_range', `Bitte geben Sie eine Zahl von ${q.min ?? '…'} bis ${q.max ?? '…'} ein.`);
      return null;
    }
    case 'text':
      if (typeof v !== 'string') return problem(q.id, 'invalid', 'Bitte geben Sie einen Text ein.');
      return v.length > MAX_TEXT
        ? problem(q.id, 'too_long', `Bitte kürzen Sie Ihre Antwort auf höchstens ${MAX_TEXT} Zeichen.`)
        : null;
    case 'single':
      return typeof v === 'string' && optionIds.has(v)
        ? null
        : problem(q.id, 'invalid', 'Bitte wählen Sie eine der Antworten.');
    case 'multiple':
      return Array.isArray(v) && v.every((x) => optionIds.has(x)) && new Set(v).size === v.length
        ? null
        : problem(q.id, 'invalid', 'Bitte wählen Sie nur angebotene Antworten.');
    case 'ranking':
      return Array.isArray(v) &&
        v.length === optionIds.size &&
        v.every((x) => optionIds.has(x)) &&
        new Set(v).size === v.length
        ? null
        : problem(q.id, 'invalid', 'Bitte bringen Sie alle Einträge in eine Reihenfolge.');
    case 'matrix': {
      if (typeof v !== 'object' || Array.isArray(v)) return problem(q.id, 'invalid', 'Bitte bewerten Sie die Zeilen.');
      const items = new Set((q.items ?? []).map((i) => i.id));
      return Object.entries(v).every(([k, n]) => items.has(k) && isScale(n))
        ? null
        : problem(q.id, 'invalid', 'Bitte wählen Sie je Zeile einen Wert zwischen 1 und 5.');
    }
  }
}

/** One row per atomic answer, as stored for aggregation in SQL. */
export interface AnswerRow {
  questionId: string;
  itemId: string;
  num: number | null;
  choice: string | null;
  text: string | null;
}

export function answerRows(def: SurveyDefinition, answers: Answers): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const q of allQuestions(def)) {
    const v = answers[q.id];
    if (v === undefined) continue;
    const base = { questionId: q.id, itemId: '', num: null, choice: null, text: null };
    if (q.type === 'scale' || q.type === 'number') rows.push({ ...base, num: v as number });
    else if (q.type === 'text') rows.push({ ...base, text: v as string });
    else if (q.type === 'single') rows.push({ ...base, choice: v as string });
    else if (q.type === 'multiple') for (const c of v as string[]) rows.push({ ...base, choice: c });
    else if (q.type === 'ranking')
      for (const [i, c] of (v as string[]).entries()) rows.push({ ...base, choice: c, num: i + 1 });
    else
      for (const [item, n] of Object.entries(v as Record<string, number>)) rows.push({ ...base, itemId: item, num: n });
  }
  return rows;
}

/** Borda points of a rank among n options: first place n − 1, last place 0. */
export function bordaPoints(rank: number, n: number): number {
  return n - rank;
}

/** Median of numbers (mean of the two middle values for even counts); null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Exact median from a frequency table of [value, count] pairs (same result as median() of the values). */
export function medianOfCounts(counts: ReadonlyArray<readonly [number, number]>): number | null {
  const sorted = [...counts].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return null;
  const at = (pos: number) => {
    let seen = 0;
    for (const [v, c] of sorted) {
      seen += c;
      if (seen >= pos) return v;
    }
    return sorted[sorted.length - 1]![0];
  };
  return n % 2 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
}

export function effectiveThreshold(t: number | null | undefined): number {
  return Math.max(MIN_THRESHOLD, Math.round(t ?? DEFAULT_THRESHOLD));
}
