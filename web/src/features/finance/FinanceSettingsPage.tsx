import { councilBodies, councilSettingsSave, financeSettingsSave, MUNICIPALITY_KINDS } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { centsToInput, inputToCents, numberToInput, parseGermanNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import {
  type CouncilSave,
  councilQuery,
  type SettingsSave,
  settingsQuery,
  useRefreshSettings,
  useSaveCouncil,
  useSaveSettings,
} from './queries';
import { type Row, RowsEditor } from './RowsEditor';

/**
 * The council that decides and the committee that prepares: set once per municipality, then every new decision paper
 * uses them. The Land's usual names (core `councilBodies`) are offered as a suggestion with their legal basis.
 */
function CouncilForm() {
  const { t } = useTranslation();
  const q = useQuery(councilQuery());
  const saveCouncil = useSaveCouncil();
  const refresh = useRefreshSettings();
  const [form, setForm] = useState<Omit<CouncilSave, 'version'> | null>(null);
  const [msg, setMsg] = useState<{ kind: 'success' | 'warning' | 'error'; text: string }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (q.data && !form) setForm({ kind: q.data.kind, council: q.data.council, committee: q.data.committee });
  }, [q.data, form]);
  if (!q.data || !form) return <Pending query={q} />;
  const data = q.data;
  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!form) return;
    const body = { version: data.version, ...form };
    const invalid = validate(councilSettingsSave, body, t);
    setError(invalid.council ?? invalid.committee);
    if (Object.keys(invalid).length) return;
    try {
      const res = await saveCouncil.mutateAsync(body);
      setForm({ kind: res.kind, council: res.council, committee: res.committee });
      setMsg({ kind: 'success', text: t('common.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setForm(null);
        await refresh('council');
        setMsg({ kind: 'warning', text: t('errors.version_conflict') });
      } else setMsg({ kind: 'error', text: errorMessage(err, t, true) });
    }
  }
  // the suggestion follows the kind chosen in the form (the same core table the server uses)
  const s = councilBodies(data.landCode, form.kind);
  return (
    <form onSubmit={save} noValidate className="panel" aria-labelledby="h-council">
      <h2 id="h-council">{t('finance.council.title')}</h2>
      <p>{t('finance.council.intro')}</p>
      <div aria-live="polite">{msg && <Alert kind={msg.kind}>{msg.text}</Alert>}</div>
      <fieldset disabled={!data.can.edit} className="plain-fieldset">
        <legend className="visually-hidden">{t('finance.council.title')}</legend>
        <SelectField
          name="kind"
          label={t('finance.council.kind')}
          value={form.kind}
          onChange={(kind) => setForm({ ...form, kind: kind as CouncilSave['kind'] })}
          options={MUNICIPALITY_KINDS.map((k) => ({ value: k, label: t(`finance.council.kinds.${k}`) }))}
        />
        <div className="form-grid">
          <TextField
            name="committee"
            label={t('finance.council.committee')}
            hint={t('finance.council.committeeHint')}
            value={form.committee ?? ''}
            onChange={(committee) => setForm({ ...form, committee })}
          />
          <TextField
            name="council"
            label={t('finance.council.council')}
            required
            value={form.council}
            onChange={(council) => setForm({ ...form, council })}
            error={error}
          />
        </div>
        <p className="hint">
          {s.committee
            ? t('finance.council.suggestion', { basis: s.legalBasis, council: s.council, committee: s.committee })
            : t('finance.council.suggestionNoCommittee', { basis: s.legalBasis, council: s.council })}{' '}
          {!s.verified && t('finance.council.unverified')}
        </p>
        {data.can.edit && (
          <div className="actions">
            <Button
              variant="secondary"
              onPress={() => setForm({ ...form, council: s.council, committee: s.committee })}
            >
              {t('finance.council.useSuggestion')}
            </Button>
            <Button type="submit">{t('common.save')}</Button>
          </div>
        )}
      </fieldset>
    </form>
  );
}

/** Discount rate with its source, horizon and the staff cost rate table of one year. */
export function FinanceSettingsPage() {
  const { t } = useTranslation();
  const q = useQuery(settingsQuery());
  const saveSettings = useSaveSettings();
  const refresh = useRefreshSettings();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [form, setForm] = useState<{
    rate: string;
    source: string;
    horizon: string;
    year: string;
    ratesSource: string;
  } | null>(null);
  const [rates, setRates] = useState<Row[]>([]);
  const [msg, setMsg] = useState<{ kind: 'success' | 'warning' | 'error'; text: string }>();
  useEffect(() => {
    if (q.data && !form) {
      setForm({
        rate: numberToInput(q.data.discountRate * 100, 4),
        source: q.data.discountRateSource,
        horizon: String(q.data.horizonYears),
        year: String(q.data.ratesYear),
        ratesSource: q.data.ratesSource,
      });
      setRates(q.data.rates.map((r) => ({ payGroup: r.payGroup, euros: centsToInput(r.centsPerHour) })));
    }
  }, [q.data, form]);
  if (!q.data || !form)
    return (
      <Page title={t('finance.settings.title')}>
        <Pending query={q} />
      </Page>
    );
  const data = q.data;
  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!form) return;
    const rate = parseGermanNumber(form.rate);
    const body: SettingsSave = {
      version: data.version,
      discountRate: (rate ?? Number.NaN) / 100,
      discountRateSource: form.source,
      horizonYears: Number(form.horizon),
      ratesYear: Number(form.year),
      rates: rates.map((r) => ({
        payGroup: String(r.payGroup).trim(),
        centsPerHour: inputToCents(String(r.euros)) ?? 0,
      })),
      ratesSource: form.ratesSource,
    };
    const errs = validate(financeSettingsSave, body, t);
    // the rate is entered in percent, the contract's limit is a fraction: the message names the percent range
    if (errs.discountRate) errs.discountRate = t('finance.settings.rateInvalid');
    setErrors(errs);
    if (Object.keys(errs).length) return setMsg({ kind: 'error', text: Object.values(errs)[0]! });
    try {
      await saveSettings.mutateAsync(body);
      setMsg({ kind: 'success', text: t('common.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        await refresh('settings');
        setMsg({ kind: 'warning', text: t('errors.version_conflict') });
      } else setMsg({ kind: 'error', text: errorMessage(err, t, true) });
    }
  }
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <Page title={t('finance.settings.title')} crumbs={[{ to: '/projekte', label: t('projects.title') }]}>
      <p>{t('finance.settings.intro')}</p>
      <div aria-live="polite">{msg && <Alert kind={msg.kind}>{msg.text}</Alert>}</div>
      <form onSubmit={save} noValidate className="panel">
        <fieldset disabled={!data.can.edit} className="plain-fieldset">
          <legend className="visually-hidden">{t('finance.settings.title')}</legend>
          <div className="form-grid">
            <TextField
              name="rate"
              label={t('finance.settings.rate')}
              inputMode="decimal"
              value={form.rate}
              onChange={set('rate')}
              error={errors.discountRate}
            />
            <TextField
              name="horizon"
              label={t('finance.settings.horizon')}
              inputMode="numeric"
              value={form.horizon}
              onChange={set('horizon')}
              error={errors.horizonYears}
            />
            <TextField
              name="year"
              label={t('finance.settings.ratesYear')}
              inputMode="numeric"
              value={form.year}
              onChange={set('year')}
              error={errors.ratesYear}
            />
          </div>
          <TextArea
            name="source"
            label={t('finance.settings.rateSource')}
            rows={2}
            value={form.source}
            onChange={set('source')}
            error={errors.discountRateSource}
          />
          <h2>{t('finance.settings.rates')}</h2>
          <RowsEditor
            caption={t('finance.settings.rates')}
            addLabel={t('finance.settings.addRate')}
            rows={rates}
            onChange={setRates}
            errors={{}}
            blank={() => ({ payGroup: '', euros: '' })}
            columns={[
              { key: 'payGroup', label: t('finance.payGroup') },
              { key: 'euros', label: t('finance.settings.perHour'), type: 'number' },
            ]}
          />
          {errors.rates && <p className="field-error">{errors.rates}</p>}
          <TextArea
            name="ratesSource"
            label={t('finance.settings.ratesSource')}
            rows={3}
            value={form.ratesSource}
            onChange={set('ratesSource')}
            error={errors.ratesSource}
          />
          {data.can.edit && <Button type="submit">{t('common.save')}</Button>}
        </fieldset>
      </form>
      <CouncilForm />
    </Page>
  );
}
