import { WIBE_CRITERIA, WIBE_DIMENSIONS } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Alert } from '../../components/Page';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { centsToInput, inputToCents, parseGermanNumber } from '../../lib/format';
import {
  CostAndStaffRows,
  checkPlan,
  costLinesOf,
  costRowsOf,
  num,
  staffLinesOf,
  staffRowsOf,
  toNumber,
  usePlanOptions,
} from './cost-lines';
import { type Finance, type FinanceSave as Save, useSaveFinance } from './queries';
import { type Row, RowsEditor } from './RowsEditor';

function rowsOf(f: Finance) {
  return {
    costs: costRowsOf(f.costs),
    staff: staffRowsOf(f.staff),
    funding: f.funding.map((x) => ({
      programme: x.programme,
      amount: centsToInput(x.amountCents),
      share: num(x.sharePercent),
      conditions: x.conditions ?? '',
      deadline: x.deadline ?? '',
      status: x.status ?? 'planned',
    })),
    benefits: f.benefits.map((b) => ({
      label: b.label,
      euros: centsToInput(b.centsPerYear),
      hours: num(b.hoursPerYear),
      payGroup: b.payGroup ?? '',
      fromYear: String((b.fromYear ?? 1) + 1),
    })),
    partners: f.alternatives.partners.map((p) => ({
      name: p.name,
      population: String(p.population),
      percent: num(p.percent ?? null),
    })),
    doNothing: f.alternatives.doNothingRisks.map((r) => ({
      label: r.label,
      probability: num(r.probability * 100),
      min: centsToInput(r.cost.min),
      likely: centsToInput(r.cost.likely),
      max: centsToInput(r.cost.max),
    })),
  };
}

/** The cost plan of a project: all lines, funding, benefits, WiBe scores and alternatives in one document. */
export function CostPlanForm({ f, projectId }: { f: Finance; projectId: string }) {
  const { t } = useTranslation();
  const saveFinance = useSaveFinance(projectId);
  const init = rowsOf(f);
  const [costs, setCosts] = useState<Row[]>(init.costs);
  const [staff, setStaff] = useState<Row[]>(init.staff);
  const [funding, setFunding] = useState<Row[]>(init.funding);
  const [benefits, setBenefits] = useState<Row[]>(init.benefits);
  const [partners, setPartners] = useState<Row[]>(init.partners);
  const [doNothing, setDoNothing] = useState<Row[]>(init.doNothing);
  const [key, setKey] = useState<string>(f.alternatives.key ?? 'population');
  const [shared, setShared] = useState({
    oneTime: centsToInput(f.alternatives.sharedService?.oneTimeCents),
    perYear: centsToInput(f.alternatives.sharedService?.perYearCents),
  });
  const [wibe, setWibe] = useState<Record<string, Record<string, number | undefined>>>(f.wibe);
  const [budget, setBudget] = useState({ available: centsToInput(f.budgetAvailableCents), line: f.budgetLine ?? '' });
  const [version, setVersion] = useState(f.version);
  const [errors, setErrors] = useState<Record<string, Record<number, string>>>({});
  const [msg, setMsg] = useState<{ kind: 'success' | 'warning' | 'error'; text: string }>();
  const { payGroups, years, threePoint: euroCols } = usePlanOptions(f.settings.rates, f.settings.horizonYears);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body: Save = {
      version,
      costs: costLinesOf(costs),
      staff: staffLinesOf(staff),
      funding: funding.map((x) => ({
        programme: String(x.programme),
        amountCents: inputToCents(String(x.amount)),
        sharePercent: parseGermanNumber(String(x.share)),
        conditions: String(x.conditions ?? ''),
        deadline: x.deadline ? String(x.deadline) : null,
        status: x.status as 'planned',
      })),
      benefits: benefits.map((b) => ({
        label: String(b.label),
        centsPerYear: inputToCents(String(b.euros)) ?? 0,
        hoursPerYear: toNumber(b.hours),
        payGroup: b.payGroup ? String(b.payGroup) : null,
        fromYear: Number(b.fromYear) - 1,
      })),
      wibe: wibe as Save['wibe'],
      alternatives: {
        partners: partners.map((p) => ({
          name: String(p.name),
          population: Math.round(toNumber(p.population)),
          ...(p.percent !== '' ? { percent: toNumber(p.percent) } : {}),
        })),
        key: key as 'population',
        sharedService:
          shared.oneTime || shared.perYear
            ? { oneTimeCents: inputToCents(shared.oneTime) ?? 0, perYearCents: inputToCents(shared.perYear) ?? 0 }
            : null,
        doNothingRisks: doNothing.map((r) => ({
          label: String(r.label),
          probability: toNumber(r.probability) / 100,
          cost: {
            min: inputToCents(String(r.min)) ?? 0,
            likely: inputToCents(String(r.likely)) ?? 0,
            max: inputToCents(String(r.max)) ?? 0,
          },
        })),
      },
      budgetAvailableCents: inputToCents(budget.available),
      budgetLine: budget.line,
    };
    const checked = checkPlan(body, { costs, staff, doNothing }, t);
    setErrors(checked.rows);
    if (Object.keys(checked.rows).length || checked.other.length) {
      setMsg({ kind: 'error', text: [t('finance.errors.summary'), ...checked.other].join(' ') });
      return;
    }
    try {
      const res = await saveFinance.mutateAsync(body);
      setVersion(res.version);
      setMsg({ kind: 'success', text: t('finance.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setVersion(Number(err.body.currentVersion));
        setMsg({ kind: 'warning', text: t('errors.version_conflict') });
      } else setMsg({ kind: 'error', text: errorMessage(err, t, true) });
    }
  }

  return (
    <form onSubmit={save} noValidate className="panel cost-plan" aria-labelledby="h-plan">
      <h2 id="h-plan">{t('finance.plan')}</h2>
      <p className="hint">{t('finance.planHint')}</p>
      <CostAndStaffRows
        settings={f.settings}
        costs={costs}
        onCosts={setCosts}
        staff={staff}
        onStaff={setStaff}
        errors={errors}
      />
      <h3>{t('finance.funding')}</h3>
      <RowsEditor
        caption={t('finance.funding')}
        addLabel={t('finance.addFunding')}
        rows={funding}
        onChange={setFunding}
        errors={errors.funding ?? {}}
        blank={() => ({ programme: '', amount: '', share: '', conditions: '', deadline: '', status: 'planned' })}
        columns={[
          { key: 'programme', label: t('finance.programme') },
          { key: 'amount', label: t('finance.amount'), type: 'number' },
          { key: 'share', label: t('finance.share'), type: 'number' },
          { key: 'conditions', label: t('finance.conditions') },
          { key: 'deadline', label: t('finance.deadline'), type: 'date' },
          {
            key: 'status',
            label: t('finance.status'),
            type: 'select',
            options: ['planned', 'applied', 'approved', 'rejected'].map((s) => ({
              value: s,
              label: t(`finance.fundingStatus.${s}`),
            })),
          },
        ]}
      />
      <h3>{t('finance.benefits')}</h3>
      <RowsEditor
        caption={t('finance.benefits')}
        addLabel={t('finance.addBenefit')}
        rows={benefits}
        onChange={setBenefits}
        errors={errors.benefits ?? {}}
        blank={() => ({ label: '', euros: '', hours: '', payGroup: payGroups[2]?.value ?? '', fromYear: '2' })}
        columns={[
          { key: 'label', label: t('finance.label') },
          { key: 'euros', label: t('finance.eurosPerYear'), type: 'number' },
          { key: 'hours', label: t('finance.hoursPerYear'), type: 'number' },
          {
            key: 'payGroup',
            label: t('finance.payGroup'),
            type: 'select',
            options: [{ value: '', label: '–' }, ...payGroups],
          },
          { key: 'fromYear', label: t('finance.fromYear'), type: 'select', options: years },
        ]}
      />
      <div className="form-grid">
        <TextField
          name="budgetAvailable"
          label={t('finance.budgetAvailable')}
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
      <h3>{t('finance.wibe')}</h3>
      <p className="hint">{t('finance.wibeHint')}</p>
      {WIBE_DIMENSIONS.map((d) => (
        <fieldset key={d} className="field checkbox-group">
          <legend>{t(`finance.dimensions.${d}`)}</legend>
          <div className="form-grid">
            {WIBE_CRITERIA[d].map((c) => (
              <SelectField
                key={c.key}
                name={`wibe-${d}-${c.key}`}
                label={`${c.name} (${t('finance.weight', { weight: c.weight })})`}
                value={wibe[d]?.[c.key] === undefined ? '' : String(wibe[d]?.[c.key])}
                onChange={(v) => setWibe({ ...wibe, [d]: { ...wibe[d], [c.key]: v === '' ? undefined : Number(v) } })}
                options={[
                  { value: '', label: t('finance.notScored') },
                  ...Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) })),
                ]}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <h3>{t('finance.alternatives')}</h3>
      <p className="hint">{t('finance.alternativesHint')}</p>
      <RowsEditor
        caption={t('finance.partners')}
        addLabel={t('finance.addPartner')}
        rows={partners}
        onChange={setPartners}
        errors={errors.partners ?? {}}
        blank={() => ({ name: '', population: '', percent: '' })}
        columns={[
          { key: 'name', label: t('finance.partnerName') },
          { key: 'population', label: t('finance.population'), type: 'number' },
          { key: 'percent', label: t('finance.percent'), type: 'number' },
        ]}
      />
      <div className="form-grid">
        <SelectField
          name="costKey"
          label={t('finance.costKey')}
          value={key}
          onChange={setKey}
          options={['population', 'equal', 'custom', 'base_variable'].map((k) => ({
            value: k,
            label: t(`finance.keys.${k}`),
          }))}
        />
        <TextField
          name="sharedOneTime"
          label={t('finance.sharedOneTime')}
          inputMode="decimal"
          value={shared.oneTime}
          onChange={(v) => setShared({ ...shared, oneTime: v })}
        />
        <TextField
          name="sharedPerYear"
          label={t('finance.sharedPerYear')}
          inputMode="decimal"
          value={shared.perYear}
          onChange={(v) => setShared({ ...shared, perYear: v })}
        />
      </div>
      <RowsEditor
        caption={t('finance.doNothing')}
        addLabel={t('finance.addDoNothing')}
        rows={doNothing}
        onChange={setDoNothing}
        errors={errors.doNothing ?? {}}
        blank={() => ({ label: '', probability: '', min: '', likely: '', max: '' })}
        columns={[
          { key: 'label', label: t('finance.label') },
          { key: 'probability', label: t('finance.probability'), type: 'number' },
          ...euroCols.map((c) => ({ ...c, label: `${c.label} (€)`, type: 'number' as const })),
        ]}
      />
      <div aria-live="polite">{msg && <Alert kind={msg.kind}>{msg.text}</Alert>}</div>
      <div className="sticky-actions">
        <Button type="submit">{t('finance.save')}</Button>
      </div>
    </form>
  );
}
