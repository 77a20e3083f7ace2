import type { KeyFigureDirection, ValueOrigin } from '@dz/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../components/Field';
import { fmtDecimal, fmtNumber } from '../../lib/format';

/** How many years the pages offer: this one and the four before it (as the benchmark shows them). */
const YEARS = 5;

/** The year the page shows, kept in the address (`?jahr=2025`) so that a reload or a shared link keeps it. */
export function useYear(): [number, (year: number) => void, number[]] {
  const [params, setParams] = useSearchParams();
  const current = new Date().getFullYear();
  const years = Array.from({ length: YEARS }, (_, i) => current - i);
  const asked = Number(params.get('jahr'));
  const year = years.includes(asked) ? asked : current;
  const set = (y: number) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (y === current) next.delete('jahr');
        else next.set('jahr', String(y));
        return next;
      },
      { replace: true },
    );
  return [year, set, years];
}

export function YearSelect({
  year,
  years,
  onChange,
  label,
}: {
  year: number;
  years: number[];
  onChange: (year: number) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      name="year"
      label={label ?? t('keyFigures.year')}
      value={String(year)}
      onChange={(v) => onChange(Number(v))}
      options={years.map((y) => ({ value: String(y), label: String(y) }))}
    />
  );
}

/** A no-break space: the unit stays on the line of its number. */
const NBSP = '\u00a0';

/** A figure's value in German with its unit and decimals: "38,5 %", "112,40 €", "1,25 VZÄ". */
export function fmtValue(value: number | null | undefined, decimals: number, unit: string): string {
  const n = fmtNumber(value, decimals);
  return value == null || !unit ? n : `${n}${NBSP}${unit}`;
}

/** A chart tick: at most the figure's decimals, trailing zeros dropped ("30 %", "2,5 Tage"). */
export function fmtTick(value: number, decimals: number, unit: string): string {
  const n = fmtDecimal(value, decimals);
  return unit ? `${n}${NBSP}${unit}` : n;
}

/** "höher ist besser" / "niedriger ist besser", with an arrow that is only decoration. */
export function Direction({ direction }: { direction: KeyFigureDirection }) {
  const { t } = useTranslation();
  return (
    <span className="badge">
      <span aria-hidden="true">{direction === 'higher' ? '↑ ' : '↓ '}</span>
      {t(`keyFigures.directions.${direction}`)}
    </span>
  );
}

/** Where a value comes from: entered by the municipality, or computed from its data on the platform. */
export function OriginBadge({ origin, short }: { origin: ValueOrigin; short?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`badge origin-${origin}`}>
      {t(short ? `keyFigures.originsShort.${origin}` : `keyFigures.origins.${origin}`)}
    </span>
  );
}
