import { keyFigureValueInput } from '@dz/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtDateTime, fmtNumber, numberToInput, parseGermanNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import { type KeyFigure, type KeyFigureValue, useSaveKeyFigureValue } from './queries';
import { Direction, fmtValue, OriginBadge } from './ui';

type Notice = { kind: 'success' | 'error' | 'warning'; text: string };

/** An example of the input by the figure's decimals: the decimal comma, as German forms write it. */
const EXAMPLES = ['38', '38,5', '38,25', '38,125'];

/** The form of one figure's value in one year: German decimal comma, range of the figure, 409 kept. */
function ValueForm({ figure, year, stored }: { figure: KeyFigure; year: number; stored: KeyFigureValue | undefined }) {
  const { t } = useTranslation();
  const save = useSaveKeyFigureValue();
  const initial = () => ({
    value: stored ? numberToInput(stored.value, figure.decimals) : '',
    note: stored?.origin === 'entered' ? stored.note : '',
  });
  const [form, setForm] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>();
  // a new stored value (saved here, computed, or by someone else) shows unless the user is typing
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the stored value's identity only
  useEffect(() => {
    if (!dirty) setForm(initial());
  }, [stored?.version, stored?.value, year]);
  const change = (patch: Partial<typeof form>) => {
    setForm({ ...form, ...patch });
    setDirty(true);
  };
  const labels = {
    value: t('keyFigures.valueLabel', { year, unit: figure.unit }),
    note: t('keyFigures.noteLabel'),
  };

  function rangeError(value: number): string | undefined {
    if (value < figure.min) return t('errors.limits.min', { min: fmtNumber(figure.min) });
    if (figure.max !== null && value > figure.max) return t('errors.limits.max', { max: fmtNumber(figure.max) });
    return undefined;
  }

  async function send(value: number | null) {
    const body = { value, note: value === null ? '' : form.note, version: stored?.version ?? 0 };
    const invalid = validate(keyFigureValueInput, body, t);
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      await save.mutateAsync({ figureId: figure.id, year, body });
      setDirty(false);
      setNotice({
        kind: 'success',
        text: value === null ? t('keyFigures.removed', { year }) : t('keyFigures.saved', { year }),
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setNotice({ kind: 'warning', text: t('keyFigures.conflict') });
        return;
      }
      const fields = fieldMessages(err, t);
      if (Object.keys(fields).length) {
        setErrors(fields);
        setNotice(undefined);
      } else setNotice({ kind: 'error', text: errorMessage(err, t) });
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice(undefined);
    const value = parseGermanNumber(form.value);
    if (value === null) return setErrors({ value: t('keyFigures.valueRequired') });
    if (Number.isNaN(value)) return setErrors({ value: t('errors.number_invalid') });
    const outside = rangeError(value);
    if (outside) return setErrors({ value: outside });
    await send(value);
  }

  const example = EXAMPLES[Math.min(figure.decimals, EXAMPLES.length - 1)];
  return (
    <form className="kf-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <div className="filters">
        <TextField
          name="value"
          label={labels.value}
          hint={t('keyFigures.valueHint', { example })}
          inputMode="decimal"
          value={form.value}
          onChange={(v) => change({ value: v })}
          error={errors.value}
        />
        <TextField
          name="note"
          label={labels.note}
          value={form.note}
          onChange={(v) => change({ note: v })}
          error={errors.note}
        />
      </div>
      <div className="btn-row">
        <Button type="submit" isDisabled={save.isPending}>
          {stored ? t('keyFigures.change') : t('keyFigures.enter')}
        </Button>
        {stored && (
          <ConfirmDeleteButton
            small={false}
            label={t('keyFigures.remove')}
            ariaLabel={t('keyFigures.removeNamed', { name: figure.name, year })}
            title={t('keyFigures.removeTitle', { year })}
            body={t('keyFigures.removeBody', { name: figure.name, year })}
            isDisabled={save.isPending}
            onConfirm={() => send(null)}
          />
        )}
      </div>
      <div aria-live="polite">{notice && <Alert kind={notice.kind}>{notice.text}</Alert>}</div>
    </form>
  );
}

/** One key figure: what it means, the value of the year with its origin, the platform's suggestion, earlier years. */
export function KeyFigureItem({
  figure,
  year,
  currentYear,
  manage,
}: {
  figure: KeyFigure;
  year: number;
  currentYear: number;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const stored = figure.values.find((v) => v.year === year);
  const earlier = figure.values.filter((v) => v.year < year);
  const upToDate = stored?.origin === 'computed' && stored.value === figure.suggestion?.value;
  const fmt = (v: number | null | undefined) => fmtValue(v, figure.decimals, figure.unit);
  return (
    <Panel title={figure.name} id={`h-kf-${figure.id}`} className="key-figure">
      <p className="kf-facts">
        <span className="badge">{t('keyFigures.unit', { unit: figure.unit })}</span>{' '}
        <Direction direction={figure.direction} />{' '}
        {figure.network && <span className="badge">{t('keyFigures.ofNetwork', { network: figure.network })}</span>}
      </p>
      <details className="kf-definition">
        <summary>{t('keyFigures.definitionToggle')}</summary>
        <p>{figure.definition}</p>
        <p>
          <strong>{t('keyFigures.source')}:</strong> {figure.source}
        </p>
      </details>
      {stored ? (
        <p className="kf-current">
          {t('keyFigures.valueOf', { year })}: <strong>{fmt(stored.value)}</strong>{' '}
          <OriginBadge origin={stored.origin} />
          {stored.note && <span className="muted"> – {stored.note}</span>}
          <br />
          <span className="muted">{t('keyFigures.updatedAt', { at: fmtDateTime(stored.updatedAt) })}</span>
        </p>
      ) : (
        <p className="kf-current">{t('keyFigures.noValue', { year })}</p>
      )}
      {year === currentYear &&
        (figure.suggestion ? (
          // a computed value that is still what the platform computes needs no second line
          upToDate ? null : (
            <p className="kf-suggestion">
              {t('keyFigures.suggestion', { value: fmt(figure.suggestion.value), note: figure.suggestion.note })}
            </p>
          )
        ) : (
          figure.computed && <p className="muted">{t('keyFigures.noSuggestion', { source: figure.source })}</p>
        ))}
      {manage && <ValueForm figure={figure} year={year} stored={stored} />}
      {earlier.length > 0 && (
        <div className="kf-earlier">
          <h3 id={`h-kf-earlier-${figure.id}`}>{t('keyFigures.earlierCaption')}</h3>
          <ul aria-labelledby={`h-kf-earlier-${figure.id}`}>
            {earlier.map((v) => (
              <li key={v.year}>
                <span className="kf-year">{v.year}:</span> {fmt(v.value)}
                {v.origin === 'computed' && (
                  <>
                    {' '}
                    <OriginBadge origin={v.origin} short />
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}
