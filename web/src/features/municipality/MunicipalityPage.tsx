import { type Municipality, municipalityUpdate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { fmtNumber, parseGermanNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import { DepartmentsSection } from './DepartmentsSection';
import { dashboardQuery, type MunicipalityUpdate, useRefreshDashboard, useUpdateMunicipality } from './queries';
import { SizeClassBadge } from './SizeClassBadge';

function MasterDataForm({ m, canEdit }: { m: Municipality; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateMunicipality(m.id);
  const refresh = useRefreshDashboard();
  const init = () => ({
    name: m.name,
    ars: m.ars ?? '',
    population: fmtNumber(m.population),
    populationDate: m.populationDate ?? '',
    areaKm2: m.areaKm2 == null ? '' : fmtNumber(m.areaKm2, 2),
  });
  const [form, setForm] = useState(init);
  const [version, setVersion] = useState(m.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<'idle' | 'saved' | 'conflict'>('idle');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form only when the record changes
  useEffect(() => {
    if (status !== 'conflict') {
      setForm(init());
      setVersion(m.version);
    }
  }, [m.version]);
  const set = (k: keyof ReturnType<typeof init>) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const labels = {
    name: t('municipality.name'),
    ars: t('municipality.ars'),
    population: t('municipality.population'),
    populationDate: t('municipality.populationDate'),
    areaKm2: t('municipality.area'),
  };

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const population = parseGermanNumber(form.population);
    const area = parseGermanNumber(form.areaKm2);
    const body: MunicipalityUpdate = {
      version,
      name: form.name,
      ars: form.ars || null,
      population: population ?? Number.NaN,
      populationDate: form.populationDate || null,
      areaKm2: area,
    };
    // the limits come from the contract; what is no (whole) number at all is told as such
    const errs = validate(municipalityUpdate, body, t);
    if (population == null || !Number.isInteger(population)) errs.population = t('errors.population_invalid');
    if (area != null && Number.isNaN(area)) errs.areaKm2 = t('errors.number_invalid');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await update.mutateAsync(body);
      setStatus('saved');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setStatus('conflict');
        setVersion(Number(err.body.currentVersion));
        return;
      }
      setErrors(fieldMessages(err, t));
    }
  }

  return (
    <Panel title={t('municipality.masterData')}>
      <p>
        {t('municipality.ags')}: <strong>{m.ags}</strong> · {m.land} · {m.kreis} ·{' '}
        <SizeClassBadge sizeClass={m.sizeClass} />
      </p>
      {!canEdit && <p className="muted">{t('municipality.readOnly')}</p>}
      {status === 'saved' && <Alert kind="success">{t('common.saved')}</Alert>}
      {status === 'conflict' && (
        <Alert kind="warning">
          <p>{t('errors.version_conflict')}</p>
          <div className="btn-row">
            <Button variant="secondary" small onPress={() => void refresh().then(() => setStatus('idle'))}>
              {t('common.reload')}
            </Button>
            <Button variant="secondary" small onPress={() => setStatus('idle')}>
              {t('common.keepMine')}
            </Button>
          </div>
        </Alert>
      )}
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={save} noValidate>
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="visually-hidden">{t('municipality.masterData')}</legend>
          <div className="form-grid">
            <TextField
              name="name"
              label={labels.name}
              value={form.name}
              onChange={set('name')}
              error={errors.name}
              required
            />
            <TextField
              name="ars"
              label={labels.ars}
              hint={t('municipality.arsHint')}
              inputMode="numeric"
              value={form.ars}
              onChange={set('ars')}
              error={errors.ars}
            />
            <TextField
              name="population"
              label={labels.population}
              inputMode="numeric"
              value={form.population}
              onChange={set('population')}
              error={errors.population}
              required
            />
            <TextField
              name="populationDate"
              type="date"
              label={labels.populationDate}
              value={form.populationDate}
              onChange={set('populationDate')}
              error={errors.populationDate}
            />
            <TextField
              name="areaKm2"
              label={labels.areaKm2}
              hint={t('municipality.areaHint')}
              inputMode="decimal"
              value={form.areaKm2}
              onChange={set('areaKm2')}
              error={errors.areaKm2}
            />
          </div>
          {canEdit && <Button type="submit">{t('municipality.save')}</Button>}
        </fieldset>
      </form>
    </Panel>
  );
}

export function MunicipalityPage() {
  const { t } = useTranslation();
  const q = useQuery(dashboardQuery());
  if (!q.data)
    return (
      <Page title={t('municipality.title')}>
        <Pending query={q} />
      </Page>
    );
  return (
    <Page title={t('municipality.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <MasterDataForm m={q.data.municipality} canEdit={q.data.can.edit} />
      <DepartmentsSection />
    </Page>
  );
}
