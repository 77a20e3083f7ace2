import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Alert } from '../../components/Page';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { centsToInput, fmtNumber, inputToCents } from '../../lib/format';
import { CostAndStaffRows, checkPlan, costLinesOf, costRowsOf, staffLinesOf, staffRowsOf } from './cost-lines';
import { type Finance, type FinanceSave as Save, type Suggestions, useRefreshFinance, useSaveFinance } from './queries';
import type { Row } from './RowsEditor';

/** The saved finance document without the computed parts: what a save sends back unchanged. */
const documentOf = (f: Finance): Save => ({
  version: f.version,
  costs: f.costs,
  staff: f.staff,
  funding: f.funding,
  benefits: f.benefits,
  wibe: f.wibe,
  alternatives: f.alternatives,
  budgetAvailableCents: f.budgetAvailableCents,
  budgetLine: f.budgetLine,
});

/**
 * Step 1 of the guided path: cost lines prefilled from a source (the plan saved so far, the type's guide values or a
 * comparable exchange project), own staff hours and the budget; saving keeps everything else of the cost plan.
 */
export function PaperCostStep({
  projectId,
  f,
  s,
  onSaved,
}: {
  projectId: string;
  f: Finance;
  s: Suggestions;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const saveFinance = useSaveFinance(projectId);
  const refresh = useRefreshFinance(projectId);
  const current = f.costs.length > 0;
  const [source, setSource] = useState(current ? 'current' : 'template');
  const [costs, setCosts] = useState<Row[]>(costRowsOf(current ? f.costs : (s.sources[0]?.costs ?? [])));
  const [staff, setStaff] = useState<Row[]>(staffRowsOf(f.staff.length ? f.staff : s.staff));
  const [budget, setBudget] = useState({ available: centsToInput(f.budgetAvailableCents), line: f.budgetLine ?? '' });
  const [errors, setErrors] = useState<Record<string, Record<number, string>>>({});
  const [msg, setMsg] = useState('');
  const [busy, setBusy] = useState(false);
  const choose = (id: string) => {
    setSource(id);
    setCosts(costRowsOf(id === 'current' ? f.costs : (s.sources.find((x) => x.id === id)?.costs ?? [])));
  };
  const factor = (x: number) => fmtNumber(x);
  const options = [
    ...(current ? [{ id: 'current', label: t('paperPath.sourceCurrent', { count: f.costs.length }) }] : []),
    ...s.sources.map((x) => ({
      id: x.id,
      label:
        x.kind === 'template'
          ? t('paperPath.sourceTemplate', {
              title: t(`paperPath.types.${s.type}`),
              population: fmtNumber(s.population),
              factor: factor(x.factor),
            })
          : t('paperPath.sourceExchange', {
              title: x.title,
              municipality: x.municipality,
              population: fmtNumber(x.population),
              factor: factor(x.factor),
            }),
    })),
  ];

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const available = inputToCents(budget.available);
    const body: Save = {
      ...documentOf(f),
      costs: costLinesOf(costs),
      staff: staffLinesOf(staff),
      budgetAvailableCents: available,
      budgetLine: budget.line,
    };
    const checked = checkPlan(body, { costs, staff }, t);
    setErrors(checked.rows);
    if (Object.keys(checked.rows).length) return setMsg(t('finance.errors.summary'));
    if (available !== null && Number.isNaN(available)) return setMsg(t('paperPath.budgetInvalid'));
    if (checked.other.length) return setMsg(checked.other.join(' '));
    setBusy(true);
    try {
      await saveFinance.mutateAsync(body);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        await refresh();
        setMsg(t('errors.version_conflict'));
      } else setMsg(errorMessage(err, t, true));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate className="cost-plan">
      <fieldset className="field checkbox-group">
        <legend>{t('paperPath.source')}</legend>
        <span className="hint">{t('paperPath.sourceHint')}</span>
        {options.map((o) => (
          <label key={o.id} className="choice">
            <input type="radio" name="costSource" checked={source === o.id} onChange={() => choose(o.id)} /> {o.label}
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('finance.planHint')}</p>
      <CostAndStaffRows
        settings={f.settings}
        costs={costs}
        onCosts={setCosts}
        staff={staff}
        onStaff={setStaff}
        errors={errors}
      />
      <div className="form-grid">
        <TextField
          name="budgetAvailable"
          label={t('finance.budgetAvailable')}
          hint={t('paperPath.budgetHint')}
          inputMode="decimal"
          value={budget.available}
          onChange={(v) => setBudget({ ...budget, available: v })}
        />
        <TextField
          name="budgetLine"
          label={t('finance.budgetLine')}
          hint={t('finance.budgetLineHint')}
          value={budget.line}
          onChange={(v) => setBudget({ ...budget, line: v })}
        />
      </div>
      <p className="hint">
        {t('paperPath.settings', {
          rate: fmtNumber(s.settings.discountRate * 100, 1),
          years: s.settings.horizonYears,
        })}{' '}
        <Link to="/finanzen/einstellungen">{t('paperPath.settingsLink')}</Link>
      </p>
      <div aria-live="polite">{msg && <Alert kind="error">{msg}</Alert>}</div>
      <Button type="submit" isDisabled={busy}>
        {t('paperPath.saveCosts')}
      </Button>
    </form>
  );
}
