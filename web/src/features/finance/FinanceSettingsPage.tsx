import type { financeSettings } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { TextArea, TextField } from '../../components/Field';
import { Alert, Loading, Page } from '../../components/Page';
import { ApiError, api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { centsToInput, inputToCents, parseGermanNumber } from '../../lib/format';
import { type Row, RowsEditor } from './RowsEditor';

type Settings = z.infer<typeof financeSettings>;

/** Discount rate with its source, horizon and the staff cost rate table of one year. */
export function FinanceSettingsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['finance-settings'], queryFn: () => api<Settings>('/finance/settings') });
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
        rate: String(q.data.discountRate * 100).replace('.', ','),
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
        <Loading />
      </Page>
    );
  const data = q.data;
  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!form) return;
    const rate = parseGermanNumber(form.rate);
    if (rate === null || Number.isNaN(rate) || rate < 0 || rate > 20)
      return setMsg({ kind: 'error', text: t('finance.settings.rateInvalid') });
    try {
      const res = await api<Settings>('/finance/settings', {
        method: 'PUT',
        body: {
          version: data.version,
          discountRate: rate / 100,
          discountRateSource: form.source,
          horizonYears: Number(form.horizon),
          ratesYear: Number(form.year),
          rates: rates.map((r) => ({
            payGroup: String(r.payGroup).trim(),
            centsPerHour: inputToCents(String(r.euros)) ?? 0,
          })),
          ratesSource: form.ratesSource,
        },
      });
      qc.setQueryData(['finance-settings'], res);
      void qc.invalidateQueries({ queryKey: ['finance'] });
      setMsg({ kind: 'success', text: t('common.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        await qc.invalidateQueries({ queryKey: ['finance-settings'] });
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
            />
            <TextField
              name="horizon"
              label={t('finance.settings.horizon')}
              inputMode="numeric"
              value={form.horizon}
              onChange={set('horizon')}
            />
            <TextField
              name="year"
              label={t('finance.settings.ratesYear')}
              inputMode="numeric"
              value={form.year}
              onChange={set('year')}
            />
          </div>
          <TextArea
            name="source"
            label={t('finance.settings.rateSource')}
            rows={2}
            value={form.source}
            onChange={set('source')}
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
          <TextArea
            name="ratesSource"
            label={t('finance.settings.ratesSource')}
            rows={3}
            value={form.ratesSource}
            onChange={set('ratesSource')}
          />
          {data.can.edit && <Button type="submit">{t('common.save')}</Button>}
        </fieldset>
      </form>
    </Page>
  );
}
