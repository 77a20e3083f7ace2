import { pulseSettingsUpdate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { fmtNumber } from '../../lib/format';
import { validate } from '../../lib/validate';
import { PulseTrendPanel } from './PulseTrend';
import { type PulseOverview, pulseQuery, useSavePulseSettings, useStartPulseRound } from './queries';

type Notice = { kind: 'success' | 'error' | 'warning'; text: string };
type RoundRow = PulseOverview['rounds'][number];

/** The coordination's schedule: on/off, the month quarters start in, the reminder. Versioned (409 keeps the input). */
function SettingsForm({ settings, onNotice }: { settings: PulseOverview['settings']; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const save = useSavePulseSettings();
  const [form, setForm] = useState({
    enabled: settings.enabled,
    quarterStartMonth: String(settings.quarterStartMonth),
    remindAfterDays: String(settings.remindAfterDays),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const labels = { remindAfterDays: t('pulse.remindAfterDays'), quarterStartMonth: t('pulse.quarterStartMonth') };
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = {
      version: settings.version,
      enabled: form.enabled,
      quarterStartMonth: Number(form.quarterStartMonth),
      remindAfterDays: Number(form.remindAfterDays),
    };
    const invalid = validate(pulseSettingsUpdate, body, t);
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    try {
      await save.mutateAsync(body);
      onNotice({ kind: 'success', text: t('pulse.settingsSaved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict')
        return onNotice({ kind: 'warning', text: t('errors.version_conflict') });
      const fields = fieldMessages(err, t);
      setErrors(Object.keys(fields).length ? fields : { remindAfterDays: errorMessage(err, t) });
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            name="enabled"
            checked={form.enabled}
            onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
          />{' '}
          {t('pulse.enabled')}
        </label>
      </div>
      <div className="filters">
        <SelectField
          name="quarterStartMonth"
          label={labels.quarterStartMonth}
          value={form.quarterStartMonth}
          onChange={(v) => setForm({ ...form, quarterStartMonth: v })}
          error={errors.quarterStartMonth}
          options={[1, 2, 3].map((m) => ({ value: String(m), label: t(`pulse.months.${m}`) }))}
        />
        <TextField
          name="remindAfterDays"
          label={labels.remindAfterDays}
          inputMode="numeric"
          value={form.remindAfterDays}
          onChange={(v) => setForm({ ...form, remindAfterDays: v })}
          error={errors.remindAfterDays}
        />
      </div>
      <Button type="submit" isDisabled={save.isPending}>
        {t('pulse.saveSettings')}
      </Button>
    </form>
  );
}

/** Starts this quarter's round now (the schedule would start it at the quarter's start). */
function StartRound({ data, onNotice }: { data: PulseOverview; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const start = useStartPulseRound();
  const [intro, setIntro] = useState('');
  if (data.currentStarted) return <p>{t('pulse.currentStarted', { quarter: data.currentLabel })}</p>;
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await start.mutateAsync(intro);
          setIntro('');
          onNotice({ kind: 'success', text: t('pulse.started', { quarter: data.currentLabel }) });
        } catch (err) {
          onNotice({ kind: 'error', text: errorMessage(err, t) });
        }
      }}
    >
      <TextArea
        name="intro"
        label={t('pulse.intro')}
        hint={t('pulse.introHint')}
        rows={3}
        value={intro}
        onChange={setIntro}
      />
      <Button type="submit" isDisabled={start.isPending}>
        {t('pulse.start', { quarter: data.currentLabel })}
      </Button>
    </form>
  );
}

function RoundsTable({ rounds, manage }: { rounds: RoundRow[]; manage: boolean }) {
  const { t } = useTranslation();
  const columns: Column<RoundRow>[] = [
    { header: t('pulse.quarter'), cell: (r) => r.label, rowHeader: true },
    { header: t('pulse.status'), cell: (r) => t(`pulse.statuses.${r.status}`) },
    {
      header: t('pulse.answered'),
      numeric: true,
      cell: (r) => t('pulse.answeredOf', { submitted: fmtNumber(r.submitted), targets: fmtNumber(r.targets) }),
    },
    {
      header: t('common.actions'),
      cell: (r) => (
        <div className="btn-row">
          {r.myOpen && (
            <Link to={`/umfragen/${r.surveyId}/antworten`}>{t('pulse.answerRound', { round: r.label })}</Link>
          )}
          {manage && <Link to={`/umfragen/${r.surveyId}`}>{t('pulse.manageRound', { round: r.label })}</Link>}
          {r.status === 'closed' && (
            <Link to={`/umfragen/${r.surveyId}/ergebnisse`}>{t('pulse.resultsRound', { round: r.label })}</Link>
          )}
        </div>
      ),
    },
  ];
  return (
    <DataTable
      label={t('pulse.roundsTitle')}
      columns={columns}
      rows={rounds}
      rowKey={(r) => r.id}
      empty={t('pulse.noRounds')}
    />
  );
}

export function PulsePage() {
  const { t } = useTranslation();
  const q = useQuery(pulseQuery());
  const [notice, setNotice] = useState<Notice>();
  const d = q.data;
  const open = d?.rounds.find((r) => r.myOpen);
  return (
    <Page title={t('pulse.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('pulse.pageIntro')}</p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {!d ? (
        <Pending query={q} />
      ) : (
        <>
          {open && (
            <Alert kind="info">
              {t('pulse.callToAnswer', { round: open.label })}{' '}
              <Link to={`/umfragen/${open.surveyId}/antworten`}>{t('pulse.answerNow')}</Link>
            </Alert>
          )}
          <Panel title={t('pulse.roundsTitle')} id="h-pulse-rounds">
            {d.can.manage && <StartRound data={d} onNotice={setNotice} />}
            <RoundsTable rounds={d.rounds} manage={d.can.manage} />
          </Panel>
          <PulseTrendPanel manage={d.can.manage} />
          {d.can.manage && (
            <Panel title={t('pulse.settingsTitle')} id="h-pulse-settings">
              <p>{t('pulse.settingsIntro')}</p>
              <SettingsForm key={d.settings.version} settings={d.settings} onNotice={setNotice} />
            </Panel>
          )}
        </>
      )}
    </Page>
  );
}
