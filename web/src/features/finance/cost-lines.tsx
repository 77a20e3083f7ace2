import { costTotals, financeSave, grossCents, kindOf, ONE_TIME_CATEGORIES, RECURRING_CATEGORIES } from '@dz/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../lib/errors';
import { centsToInput, fmtEuro, inputToCents, numberToInput, parseGermanNumber } from '../../lib/format';
import { contractErrors } from '../../lib/validate';
import type { FinanceSave } from './queries';
import { type Column, type Row, RowsEditor } from './RowsEditor';

/** A cost line as the API takes and returns it (amounts net, in cents; year offset from 0). */
export interface CostLine {
  kind: 'one_time' | 'recurring';
  category: (typeof ONE_TIME_CATEGORIES)[number] | (typeof RECURRING_CATEGORIES)[number];
  label: string;
  year: number;
  min: number;
  likely: number;
  max: number;
  vat: boolean;
}

/** A number as an input value with a decimal comma; null stays empty. */
/** A stored number as German input text, rounded so no float artefact shows (0.07 × 100 → "7"). */
export const num = (v: number | null | undefined) => numberToInput(v, 4);
/** An input value as a number (0 when empty or not a number; check first). */
export const toNumber = (s: unknown) => parseGermanNumber(String(s ?? '')) ?? 0;

/** A line of own staff hours as the API takes it. */
export interface StaffLine {
  kind: 'one_time' | 'recurring';
  label: string;
  payGroup: string;
  year: number;
  hours: { min: number; likely: number; max: number };
}
export const staffRowsOf = (lines: readonly StaffLine[]): Row[] =>
  lines.map((s) => ({
    kind: s.kind,
    label: s.label,
    payGroup: s.payGroup,
    year: String(s.year + 1),
    min: num(s.hours.min),
    likely: num(s.hours.likely),
    max: num(s.hours.max),
  }));
export const staffLinesOf = (rows: readonly Row[]): StaffLine[] =>
  rows.map((s) => ({
    kind: s.kind as StaffLine['kind'],
    label: String(s.label),
    payGroup: String(s.payGroup),
    year: Number(s.year) - 1,
    hours: { min: toNumber(s.min), likely: toNumber(s.likely), max: toNumber(s.max) },
  }));

/** The selects every line table shares: plan years of the horizon and the pay groups of the rate table. */
export function usePlanOptions(rates: Readonly<Record<string, number>>, horizonYears: number) {
  const { t } = useTranslation();
  return {
    payGroups: Object.keys(rates).map((p) => ({ value: p, label: p })),
    years: Array.from({ length: horizonYears }, (_, i) => ({
      value: String(i + 1),
      label: t('finance.yearN', { n: i + 1 }),
    })),
    kinds: [
      { value: 'one_time', label: t('finance.kinds.one_time') },
      { value: 'recurring', label: t('finance.kinds.recurring') },
    ],
    threePoint: [
      { key: 'min', label: t('finance.min') },
      { key: 'likely', label: t('finance.likely') },
      { key: 'max', label: t('finance.max') },
    ],
  };
}

/** The columns of the staff-hours table and a blank line (third pay group of the table preselected). */
export function useStaffColumns(rates: Readonly<Record<string, number>>, horizonYears: number) {
  const { t } = useTranslation();
  const o = usePlanOptions(rates, horizonYears);
  const columns: Column[] = [
    { key: 'label', label: t('finance.label'), width: '24%' },
    { key: 'kind', label: t('finance.kind'), type: 'select', options: o.kinds, width: '14%' },
    { key: 'payGroup', label: t('finance.payGroup'), type: 'select', options: o.payGroups, width: '13%' },
    { key: 'year', label: t('finance.fromYear'), type: 'select', options: o.years, width: '9.5%' },
    ...o.threePoint.map((c) => ({
      ...c,
      label: `${c.label} (${t('finance.hoursUnit')})`,
      type: 'number' as const,
      width: '9.5%',
    })),
  ];
  const blank = (): Row => ({
    kind: 'one_time',
    label: '',
    payGroup: o.payGroups[2]?.value ?? '',
    year: '1',
    min: '',
    likely: '',
    max: '',
  });
  return { columns, blank };
}

/** Cost lines as editable rows (German amounts, plan year from 1). */
export const costRowsOf = (lines: readonly Omit<CostLine, 'kind'>[]): Row[] =>
  lines.map((c) => ({
    category: c.category,
    label: c.label,
    year: String(c.year + 1),
    min: centsToInput(c.min),
    likely: centsToInput(c.likely),
    max: centsToInput(c.max),
    vat: c.vat ?? false,
  }));

/** Rows back to cost lines; one-time or recurring follows from the category. Check them first (`checkPlan`). */
export const costLinesOf = (rows: readonly Row[]): CostLine[] =>
  rows.map((c) => {
    const category = c.category as CostLine['category'];
    return {
      kind: kindOf(category),
      category,
      label: String(c.label),
      year: Number(c.year) - 1,
      min: inputToCents(String(c.min)) ?? 0,
      likely: inputToCents(String(c.likely)) ?? 0,
      max: inputToCents(String(c.max)) ?? 0,
      vat: Boolean(c.vat),
    };
  });

export const blankCost = (): Row => ({
  category: 'investment',
  label: '',
  year: '1',
  min: '',
  likely: '',
  max: '',
  vat: true,
});

/** Whether a line's three amounts (money or hours) are all numbers; an empty field is none. */
function amountsOk(r: Row, money: boolean) {
  const conv = (v: unknown) => (money ? inputToCents(String(v ?? '')) : parseGermanNumber(String(v ?? '')));
  return [r.min, r.likely, r.max].map(conv).every((x) => x !== null && !Number.isNaN(x));
}

/** The tables of a cost plan by the contract's list path (`costs`, `alternatives.partners` …). */
const TABLES: Record<string, string> = {
  costs: 'costs',
  staff: 'staff',
  funding: 'funding',
  benefits: 'benefits',
  'alternatives.partners': 'partners',
  'alternatives.doNothingRisks': 'doNothing',
};
const ROW_PATH =
  /^body\.(costs|staff|funding|benefits|alternatives\.partners|alternatives\.doNothingRisks)\.(\d+)\.(\w+)/;

/**
 * Checks a cost plan with the contract the server saves it with (`financeSave`) and returns one message per table
 * row (keyed by table: costs, staff, funding, benefits, partners, doNothing) and the messages that belong to no row.
 * Three-point amounts that are no numbers are told as such (the rows turn empty fields into 0); everything else is
 * worded as the server would word it.
 */
export function checkPlan(
  body: FinanceSave,
  threePoint: { costs?: readonly Row[]; staff?: readonly Row[]; doNothing?: readonly Row[] },
  t: TFunction,
): { rows: Record<string, Record<number, string>>; other: string[] } {
  const rows: Record<string, Record<number, string>> = {};
  const mark = (table: string, row: number, text: string) => {
    rows[table] = { ...rows[table], [row]: rows[table]?.[row] ?? text };
  };
  const labelled = new Set<string>();
  const other: string[] = [];
  for (const issue of contractErrors(financeSave, body)) {
    const m = ROW_PATH.exec(issue.path);
    if (!m) {
      other.push(fieldErrorText(issue, t));
      continue;
    }
    const table = TABLES[m[1]!]!;
    const first = rows[table]?.[Number(m[2])] === undefined;
    mark(table, Number(m[2]), fieldErrorText(issue, t));
    // a missing label is told before amounts that are no numbers
    if (first && (m[3] === 'label' || m[3] === 'name')) labelled.add(`${table}.${m[2]}`);
  }
  for (const [table, list] of Object.entries(threePoint)) {
    list?.forEach((r, i) => {
      if (amountsOk(r, table !== 'staff') || labelled.has(`${table}.${i}`)) return;
      rows[table] = { ...rows[table], [i]: t('finance.errors.amounts') };
    });
  }
  return { rows, other };
}

/**
 * The columns of the cost-line table: the category decides one-time or recurring (grouped in its list), VAT sits
 * before the amounts, and every net amount shows its gross amount under it.
 */
export function useCostColumns(horizonYears: number): Column[] {
  const { t } = useTranslation();
  const group = (cats: readonly string[]) => cats.map((c) => ({ value: c, label: t(`finance.categories.${c}`) }));
  const gross = (key: string) => (row: Row) => {
    const cents = inputToCents(String(row[key] ?? ''));
    if (cents === null || Number.isNaN(cents)) return null;
    const g = grossCents(cents, true);
    // whole euros without ",00", so the note fits under the amount
    return row.vat ? t('finance.grossNote', { v: fmtEuro(g, g % 100 === 0) }) : t('finance.noVatNote');
  };
  return [
    { key: 'label', label: t('finance.label'), width: '18%' },
    {
      key: 'category',
      label: t('finance.category'),
      type: 'select',
      width: '14.5%',
      groups: [
        { label: t('finance.kinds.one_time'), options: group(ONE_TIME_CATEGORIES) },
        { label: t('finance.kinds.recurring'), options: group(RECURRING_CATEGORIES) },
      ],
    },
    {
      key: 'year',
      label: t('finance.fromYear'),
      type: 'select',
      width: '9%',
      options: Array.from({ length: horizonYears }, (_, i) => ({
        value: String(i + 1),
        label: t('finance.yearN', { n: i + 1 }),
      })),
    },
    { key: 'vat', label: t('finance.vat'), sub: t('finance.vatRate'), type: 'checkbox', width: '6%' },
    ...(['min', 'likely', 'max'] as const).map((k) => ({
      key: k,
      label: `${t(`finance.${k}`)} (€)`,
      sub: t('finance.netColumn'),
      type: 'number' as const,
      width: '13.5%',
      note: gross(k),
    })),
  ];
}

/** Sums of the most likely values under the cost table: one-time and per year, net and gross. */
export function CostSums({ rows }: { rows: readonly Row[] }) {
  const { t } = useTranslation();
  const s = costTotals(costLinesOf(rows).map((c) => ({ ...c, likely: Number.isFinite(c.likely) ? c.likely : 0 })));
  return (
    <p className="cost-sums" aria-live="polite">
      {t('finance.sumsOneTime', { net: fmtEuro(s.oneTimeNet), gross: fmtEuro(s.oneTimeGross) })}
      <br />
      {t('finance.sumsRecurring', { net: fmtEuro(s.recurringNet), gross: fmtEuro(s.recurringGross) })}
    </p>
  );
}

/** The cost lines and the own staff hours of a cost plan, edited as two tables (cost page and guided path). */
export function CostAndStaffRows(p: {
  settings: { rates: Readonly<Record<string, number>>; horizonYears: number };
  costs: Row[];
  onCosts: (rows: Row[]) => void;
  staff: Row[];
  onStaff: (rows: Row[]) => void;
  errors: Record<string, Record<number, string>>;
}) {
  const { t } = useTranslation();
  const costColumns = useCostColumns(p.settings.horizonYears);
  const staffTable = useStaffColumns(p.settings.rates, p.settings.horizonYears);
  return (
    <>
      <h3>{t('finance.costs')}</h3>
      <RowsEditor
        caption={t('finance.costs')}
        addLabel={t('finance.addCost')}
        rows={p.costs}
        onChange={p.onCosts}
        errors={p.errors.costs ?? {}}
        blank={blankCost}
        fixed
        columns={costColumns}
        footer={<CostSums rows={p.costs} />}
      />
      <h3>{t('finance.staff')}</h3>
      <p className="hint">{t('finance.staffHint')}</p>
      <RowsEditor
        caption={t('finance.staff')}
        addLabel={t('finance.addStaff')}
        rows={p.staff}
        onChange={p.onStaff}
        errors={p.errors.staff ?? {}}
        blank={staffTable.blank}
        fixed
        columns={staffTable.columns}
      />
    </>
  );
}
