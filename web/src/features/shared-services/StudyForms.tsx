import { statusQuoInput, studyUpdate } from '@dz/core';
import {
  ALLOCATION_KEYS,
  type AllocationKey,
  assessVat,
  type CaseUnit,
  LEGAL_FORMS,
  type LegalAnswers,
  recommendLegalForm,
  VAT_DISCLAIMER,
  type VatAnswers,
} from '@dz/core/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { centsToInput, inputToCents, numberToInput, parseGermanNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import { type StudyDetail, useRefreshStudy, useSaveStatusQuo, useUpdateStudy } from './queries';

type Staff = { payGroup: string; fte: string };
type Asset = { label: string; purchase: string; years: string; running: string };
const num = (s: string) => parseGermanNumber(s) ?? 0;
const cents = (s: string) => inputToCents(s) ?? 0;

/** Units the study's service counts in (from its catalogue entry). */
export const unitsOf = (d: StudyDetail): CaseUnit[] => (d.serviceUnits.length ? d.serviceUnits : ['cases']);

/** Staff positions and equipment, the two row lists of a status quo and of the target model. */
function CostRows({
  prefix,
  rates,
  staff,
  setStaff,
  assets,
  setAssets,
}: {
  prefix: string;
  rates: StudyDetail['rates'];
  staff: Staff[];
  setStaff: (s: Staff[]) => void;
  assets: Asset[];
  setAssets: (a: Asset[]) => void;
}) {
  const { t } = useTranslation();
  const set = <T,>(list: T[], i: number, patch: Partial<T>) => list.map((x, j) => (j === i ? { ...x, ...patch } : x));
  return (
    <>
      <fieldset>
        <legend>{t('studies.staff')}</legend>
        {staff.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <div className="filters" key={i}>
            <SelectField
              name={`${prefix}-payGroup-${i}`}
              label={t('studies.payGroup')}
              value={s.payGroup}
              onChange={(v) => setStaff(set(staff, i, { payGroup: v }))}
              options={rates.map((r) => ({ value: r.payGroup, label: r.payGroup }))}
            />
            <TextField
              name={`${prefix}-fte-${i}`}
              label={t('studies.fte')}
              value={s.fte}
              onChange={(v) => setStaff(set(staff, i, { fte: v }))}
            />
            <Button small variant="secondary" onPress={() => setStaff(staff.filter((_, j) => j !== i))}>
              {t('studies.removeRow')}
            </Button>
          </div>
        ))}
        <Button
          small
          variant="secondary"
          onPress={() => setStaff([...staff, { payGroup: rates[0]?.payGroup ?? 'EG 5', fte: '1' }])}
        >
          {t('studies.addStaff')}
        </Button>
      </fieldset>
      <fieldset>
        <legend>{t('studies.assets')}</legend>
        {assets.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <div className="filters" key={i}>
            <TextField
              name={`${prefix}-asset-${i}`}
              label={t('studies.assetLabel')}
              value={a.label}
              onChange={(v) => setAssets(set(assets, i, { label: v }))}
            />
            <TextField
              name={`${prefix}-purchase-${i}`}
              label={t('studies.purchase')}
              value={a.purchase}
              onChange={(v) => setAssets(set(assets, i, { purchase: v }))}
            />
            <TextField
              name={`${prefix}-years-${i}`}
              label={t('studies.years')}
              value={a.years}
              onChange={(v) => setAssets(set(assets, i, { years: v }))}
            />
            <TextField
              name={`${prefix}-running-${i}`}
              label={t('studies.running')}
              value={a.running}
              onChange={(v) => setAssets(set(assets, i, { running: v }))}
            />
            <Button small variant="secondary" onPress={() => setAssets(assets.filter((_, j) => j !== i))}>
              {t('studies.removeRow')}
            </Button>
          </div>
        ))}
        <Button
          small
          variant="secondary"
          onPress={() => setAssets([...assets, { label: '', purchase: '', years: '10', running: '' }])}
        >
          {t('studies.addAsset')}
        </Button>
      </fieldset>
    </>
  );
}

const staffIn = (s: { payGroup: string; fte: number }[]) =>
  s.map((x) => ({ payGroup: x.payGroup, fte: numberToInput(x.fte) }));
const assetsIn = (a: StudyDetail['target']['assets']) =>
  a.map((x) => ({
    label: x.label,
    purchase: centsToInput(x.purchaseCents),
    years: String(x.depreciationYears),
    running: centsToInput(x.runningCentsPerYear),
  }));
const staffOut = (s: Staff[]) => s.map((x) => ({ payGroup: x.payGroup, fte: num(x.fte) }));
const assetsOut = (a: Asset[]) =>
  a.map((x) => ({
    label: x.label,
    purchaseCents: cents(x.purchase),
    depreciationYears: Math.round(num(x.years)),
    runningCentsPerYear: cents(x.running),
  }));

/** A version conflict: say so and offer to load the colleague's state. */
function Conflict({ err, onReload }: { err: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!(err instanceof ApiError) || err.status !== 409)
    return err ? <Alert kind="error">{errorMessage(err, t)}</Alert> : null;
  return (
    <Alert kind="warning">
      {t('studies.conflict')}{' '}
      <Button small variant="secondary" onPress={onReload}>
        {t('studies.reload')}
      </Button>
    </Alert>
  );
}

/** My municipality's status quo: what the service costs it today and how much work it does. */
export function StatusQuoForm({ d, municipalityId }: { d: StudyDetail; municipalityId: string }) {
  const { t } = useTranslation();
  const mine = d.partners.find((p) => p.municipalityId === municipalityId);
  const sq = mine?.statusQuo;
  const save = useSaveStatusQuo(d.id);
  const refresh = useRefreshStudy(d.id);
  const units = unitsOf(d);
  const [staff, setStaff] = useState<Staff[]>(staffIn(sq?.staff ?? []));
  const [assets, setAssets] = useState<Asset[]>(assetsIn(sq?.assets ?? []));
  const [material, setMaterial] = useState(centsToInput(sq?.materialCents ?? 0));
  const [other, setOther] = useState(centsToInput(sq?.otherCents ?? 0));
  const [volumes, setVolumes] = useState<Record<string, string>>(
    Object.fromEntries(units.map((u) => [u, numberToInput(sq?.volumes[u] ?? 0)])),
  );
  const [level, setLevel] = useState(sq?.serviceLevel ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  return (
    <Panel title={t('studies.statusQuo')} className="wide">
      <p>{t('studies.statusQuoVisible')}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          const body = {
            version: mine?.statusQuoVersion ?? 0,
            staff: staffOut(staff),
            assets: assetsOut(assets),
            materialCents: cents(material),
            otherCents: cents(other),
            volumes: Object.fromEntries(units.map((u) => [u, num(volumes[u] ?? '0')])),
            serviceLevel: level,
          };
          const invalid = validate(statusQuoInput, body, t);
          if (Object.keys(invalid).length) return setErrors(invalid);
          try {
            await save.mutateAsync(body);
            setErrors({});
            setSaved(true);
          } catch (err) {
            setErrors(fieldMessages(err, t));
          }
        }}
      >
        <CostRows prefix="sq" rates={d.rates} staff={staff} setStaff={setStaff} assets={assets} setAssets={setAssets} />
        <div className="filters">
          <TextField name="material" label={t('studies.material')} value={material} onChange={setMaterial} />
          <TextField name="other" label={t('studies.other')} value={other} onChange={setOther} />
        </div>
        <fieldset>
          <legend>{t('studies.volumes')}</legend>
          <div className="filters">
            {units.map((u) => (
              <TextField
                key={u}
                name={`volume-${u}`}
                label={t(`studies.units.${u}`)}
                value={volumes[u] ?? ''}
                onChange={(v) => setVolumes((x) => ({ ...x, [u]: v }))}
                error={errors[`volumes.${u}`]}
              />
            ))}
          </div>
        </fieldset>
        <TextArea name="serviceLevel" label={t('studies.serviceLevel')} value={level} onChange={setLevel} rows={2} />
        <Conflict err={save.error} onReload={refresh} />
        {saved && <Alert kind="success">{t('studies.saved')}</Alert>}
        <Button type="submit" isDisabled={save.isPending}>
          {t('studies.saveStatusQuo')}
        </Button>
      </form>
    </Panel>
  );
}

const LEGAL_QUESTIONS = [
  'coordinationOnly',
  'transferResponsibility',
  'ownBudget',
  'chargesFees',
  'servesThirdParties',
  'manyPartners',
] as const satisfies readonly (keyof LegalAnswers)[];
const VAT_QUESTIONS = [
  'reservedByLaw',
  'longTermPublicLaw',
  'publicTask',
  'costReimbursementOnly',
  'mainlyPublicBodies',
  'smallTurnover',
] as const satisfies readonly (keyof VatAnswers)[];

function YesNo<K extends string>({
  keys,
  values,
  onChange,
  prefix,
}: {
  keys: readonly K[];
  values: Partial<Record<K, boolean>>;
  onChange: (v: Partial<Record<K, boolean>>) => void;
  prefix: string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="plain">
      {keys.map((k) => (
        <li key={k}>
          <label>
            <input
              type="checkbox"
              name={`${prefix}-${k}`}
              checked={Boolean(values[k])}
              onChange={(e) => onChange({ ...values, [k]: e.target.checked })}
            />{' '}
            {t(`studies.${prefix}.${k}`)}
          </label>
        </li>
      ))}
    </ul>
  );
}

/** The lead's part: the pool (target model), the allocation key, the economic settings and both checklists. */
export function TargetForm({ d }: { d: StudyDetail }) {
  const { t } = useTranslation();
  const update = useUpdateStudy(d.id);
  const refresh = useRefreshStudy(d.id);
  const units = unitsOf(d);
  const [title, setTitle] = useState(d.title);
  const [staff, setStaff] = useState<Staff[]>(staffIn(d.target.staff));
  const [assets, setAssets] = useState<Asset[]>(assetsIn(d.target.assets));
  const [fixed, setFixed] = useState(centsToInput(d.target.fixedCents));
  const [variable, setVariable] = useState<Record<string, string>>(
    Object.fromEntries(units.map((u) => [u, centsToInput(d.target.variableCentsPerUnit[u] ?? 0)])),
  );
  const [transition, setTransition] = useState(centsToInput(d.target.transitionCents));
  const [location, setLocation] = useState(d.target.location);
  const [key, setKey] = useState<AllocationKey>(d.allocation.key);
  const [unit, setUnit] = useState<CaseUnit>(units.includes(d.allocation.unit) ? d.allocation.unit : units[0]!);
  const [baseShare, setBaseShare] = useState(numberToInput(d.allocation.baseShare * 100));
  const [percents, setPercents] = useState<Record<string, string>>(
    Object.fromEntries(d.partners.map((p) => [p.municipalityId, numberToInput(p.customPercent)])),
  );
  const [vatTaxable, setVatTaxable] = useState(d.vatTaxable);
  const [legal, setLegal] = useState<LegalAnswers>(d.legalAnswers);
  const [vat, setVat] = useState<VatAnswers>(d.vatAnswers);
  const [horizon, setHorizon] = useState(String(d.horizonYears));
  const [rate, setRate] = useState(numberToInput(d.discountRate * 100, 3));
  const [hours, setHours] = useState(String(d.hoursPerFte));
  const [startsOn, setStartsOn] = useState(d.agreement.startsOn);
  const [termYears, setTermYears] = useState(String(d.agreement.termYears));
  const [noticeMonths, setNoticeMonths] = useState(String(d.agreement.noticeMonths));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const accepted = d.partners.filter((p) => p.status === 'accepted');
  // the guidance follows the answers as they are ticked (the same functions the server answers with)
  const best = recommendLegalForm(legal)[0];
  const vatNow = assessVat(vat);
  return (
    <Panel title={t('studies.targetModel')} className="wide">
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const body = {
            version: d.version,
            title,
            target: {
              staff: staffOut(staff),
              assets: assetsOut(assets),
              fixedCents: cents(fixed),
              variableCentsPerUnit: Object.fromEntries(units.map((u) => [u, cents(variable[u] ?? '0')])),
              transitionCents: cents(transition),
              location,
            },
            allocation: { key, unit, baseShare: num(baseShare) / 100 },
            customPercents:
              key === 'custom'
                ? Object.fromEntries(accepted.map((p) => [p.municipalityId, num(percents[p.municipalityId] ?? '0')]))
                : {},
            vatTaxable,
            legalAnswers: legal,
            vatAnswers: vat,
            agreement: { startsOn, termYears: Math.round(num(termYears)), noticeMonths: Math.round(num(noticeMonths)) },
            hoursPerFte: Math.round(num(hours)),
            discountRate: num(rate) / 100,
            horizonYears: Math.round(num(horizon)),
          };
          const invalid = validate(studyUpdate, body, t);
          if (Object.keys(invalid).length) return setErrors(invalid);
          try {
            await update.mutateAsync(body);
            setErrors({});
          } catch (err) {
            setErrors(fieldMessages(err, t));
          }
        }}
      >
        <TextField
          name="title"
          label={t('studies.name')}
          value={title}
          onChange={setTitle}
          error={errors.title}
          required
        />
        <p>{t('studies.targetHint')}</p>
        <CostRows
          prefix="pool"
          rates={d.rates}
          staff={staff}
          setStaff={setStaff}
          assets={assets}
          setAssets={setAssets}
        />
        <div className="filters">
          <TextField name="fixed" label={t('studies.fixed')} value={fixed} onChange={setFixed} />
          <TextField name="transition" label={t('studies.transition')} value={transition} onChange={setTransition} />
          <TextField name="location" label={t('studies.location')} value={location} onChange={setLocation} />
        </div>
        <fieldset>
          <legend>{t('studies.variable')}</legend>
          <div className="filters">
            {units.map((u) => (
              <TextField
                key={u}
                name={`variable-${u}`}
                label={t(`studies.units.${u}`)}
                value={variable[u] ?? ''}
                onChange={(v) => setVariable((x) => ({ ...x, [u]: v }))}
              />
            ))}
          </div>
        </fieldset>
        <div className="filters">
          <SelectField
            name="key"
            label={t('studies.key')}
            value={key}
            onChange={(v) => setKey(v as AllocationKey)}
            options={ALLOCATION_KEYS.map((k) => ({ value: k, label: t(`studies.keys.${k}`) }))}
          />
          {(key === 'case_volume' || key === 'base_variable') && (
            <SelectField
              name="unit"
              label={t('studies.keyUnit')}
              value={unit}
              onChange={(v) => setUnit(v as CaseUnit)}
              options={units.map((u) => ({ value: u, label: t(`studies.units.${u}`) }))}
            />
          )}
          {key === 'base_variable' && (
            <TextField name="baseShare" label={t('studies.baseShare')} value={baseShare} onChange={setBaseShare} />
          )}
        </div>
        {key === 'custom' && (
          <fieldset>
            <legend>{t('studies.customPercents')}</legend>
            {errors.customPercents && <p className="field-error">{errors.customPercents}</p>}
            <div className="filters">
              {accepted.map((p) => (
                <TextField
                  key={p.municipalityId}
                  name={`percent-${p.municipalityId}`}
                  label={p.name}
                  value={percents[p.municipalityId] ?? ''}
                  onChange={(v) => setPercents((x) => ({ ...x, [p.municipalityId]: v }))}
                />
              ))}
            </div>
          </fieldset>
        )}
        <div className="filters">
          <TextField
            name="horizon"
            label={t('studies.horizon')}
            value={horizon}
            onChange={setHorizon}
            error={errors.horizonYears}
          />
          <TextField
            name="rate"
            label={t('studies.rate')}
            value={rate}
            onChange={setRate}
            error={errors.discountRate}
          />
          <TextField
            name="hours"
            label={t('studies.hours')}
            value={hours}
            onChange={setHours}
            error={errors.hoursPerFte}
          />
        </div>
        <fieldset>
          <legend>{t('studies.agreementTerms')}</legend>
          <div className="filters">
            <TextField
              name="startsOn"
              type="date"
              label={t('studies.startsOn')}
              value={startsOn}
              onChange={setStartsOn}
              error={errors['agreement.startsOn']}
            />
            <TextField
              name="termYears"
              label={t('studies.termYears')}
              value={termYears}
              onChange={setTermYears}
              error={errors['agreement.termYears']}
            />
            <TextField
              name="noticeMonths"
              label={t('studies.noticeMonths')}
              value={noticeMonths}
              onChange={setNoticeMonths}
              error={errors['agreement.noticeMonths']}
            />
          </div>
        </fieldset>
        <Panel title={t('studies.legalTitle')} level={3}>
          <p>{t('studies.legalIntro')}</p>
          <YesNo prefix="legal" keys={LEGAL_QUESTIONS} values={legal} onChange={setLegal} />
          {best && (
            <Alert kind="info">
              {t('studies.legalSuggestion', { name: best.name })} {best.reasons.join(' ')}
            </Alert>
          )}
          <details>
            <summary>{t('studies.legalCompare')}</summary>
            <ul>
              {LEGAL_FORMS.map((f) => (
                <li key={f.key}>
                  <strong>{f.name}</strong>: {f.pros.join('; ')}. {t('studies.cons')}: {f.cons.join('; ')}. ({f.source})
                </li>
              ))}
            </ul>
          </details>
        </Panel>
        <Panel title={t('studies.vatTitle')} level={3}>
          <p>{t('studies.vatIntro')}</p>
          <YesNo prefix="vat" keys={VAT_QUESTIONS} values={vat} onChange={setVat} />
          <Alert kind={vatNow.taxable ? 'warning' : 'info'}>
            {vatNow.taxable ? t('studies.vatTaxable') : t('studies.vatNotTaxable')} {vatNow.reasons.join(' ')}{' '}
            {vatNow.sources.join('; ')}. {VAT_DISCLAIMER}
          </Alert>
          <label>
            <input
              type="checkbox"
              name="vatTaxable"
              checked={vatTaxable}
              onChange={(e) => setVatTaxable(e.target.checked)}
            />{' '}
            {t('studies.vatApply')}
          </label>
        </Panel>
        <Conflict err={update.error} onReload={refresh} />
        <Button type="submit" isDisabled={update.isPending}>
          {t('studies.saveTarget')}
        </Button>
      </form>
    </Panel>
  );
}
