import { statusReportCreate, TRAFFIC_LIGHTS } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fmtDate, fmtNumber, todayIso } from '../../lib/format';
import { personName } from '../../lib/person';
import { validate } from '../../lib/validate';
import { type Notify, useProjectOutcome } from './project-change';
import { type Project, prioritiesQuery, type StatusReportInput, useAddReport, useSaveScores } from './queries';
import { TrafficLight } from './shared';

/** How the project stands: status reports with traffic lights, and its prioritisation scores. */
const DIMENSIONS = ['scope', 'schedule', 'budget', 'overall'] as const;
type Report = Project['reports'][number];

export function Reports({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const run = useProjectOutcome(p.id, notify);
  const addReport = useAddReport(p.id);
  const [form, setForm] = useState<Required<StatusReportInput>>({
    reportedOn: todayIso(),
    scope: 'green',
    schedule: 'green',
    budget: 'green',
    overall: 'green',
    summary: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState(false);
  async function add(e: React.FormEvent) {
    e.preventDefault();
    const invalid = validate(statusReportCreate, form, t);
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    if (await run(() => addReport.mutateAsync(form), setErrors, t('projects.reports.saved'))) {
      setOpen(false);
      setForm({ ...form, summary: '' });
    }
  }
  const columns: Column<Report>[] = [
    {
      header: t('projects.reports.date'),
      cell: (r) => (
        <>
          {fmtDate(r.reportedOn)}
          {r.author && <div className="muted">{personName(r.author, t)}</div>}
        </>
      ),
    },
    ...DIMENSIONS.map((d) => ({
      header: t(`projects.reports.${d}`),
      cell: (r: Report) => <TrafficLight value={r[d]} />,
    })),
    { header: t('projects.reports.summary'), cell: (r) => <span className="texts">{r.summary || '–'}</span> },
  ];
  return (
    <Panel title={t('projects.reports.title')} id="h-reports">
      <DataTable
        label={t('projects.reports.title')}
        rows={p.reports}
        rowKey={(r) => r.id}
        empty={t('projects.reports.empty')}
        columns={columns}
      />
      {p.can.edit &&
        (open ? (
          <form onSubmit={add} noValidate>
            <div className="form-grid">
              <TextField
                name="reportedOn"
                type="date"
                label={t('projects.reports.date')}
                value={form.reportedOn}
                onChange={(v) => setForm({ ...form, reportedOn: v })}
                error={errors.reportedOn}
              />
              {DIMENSIONS.map((d) => (
                <SelectField
                  key={d}
                  name={d}
                  label={t(`projects.reports.${d}`)}
                  value={form[d]}
                  onChange={(v) => setForm({ ...form, [d]: v })}
                  options={TRAFFIC_LIGHTS.map((l) => ({ value: l, label: t(`projects.lights.${l}`) }))}
                />
              ))}
            </div>
            <TextArea
              name="summary"
              label={t('projects.reports.summary')}
              hint={t('projects.reports.summaryHint')}
              value={form.summary}
              onChange={(v) => setForm({ ...form, summary: v })}
              error={errors.summary}
            />
            <div className="btn-row">
              <Button type="submit">{t('projects.reports.submit')}</Button>
              <Button variant="secondary" onPress={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          <Button onPress={() => setOpen(true)}>{t('projects.reports.add')}</Button>
        ))}
    </Panel>
  );
}

export function Scores({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const run = useProjectOutcome(p.id, notify);
  const saveScores = useSaveScores(p.id);
  const prio = useQuery(prioritiesQuery);
  const [scores, setScores] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(p.scores).map(([k, v]) => [k, String(v)])),
  );
  const criteria = prio.data?.criteria ?? [];
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body = Object.fromEntries(
      Object.entries(scores)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    await run(() => saveScores.mutateAsync({ version: p.version, scores: body }));
  }
  return (
    <Panel title={t('projects.scoring.title')} id="h-scores">
      <p>
        {t('projects.scoring.current')}: <strong>{p.score === null ? '–' : fmtNumber(p.score, 1)}</strong>{' '}
        {t('projects.scoring.ofHundred')} · <Link to="/priorisierung">{t('projects.scoring.toRanking')}</Link>
      </p>
      {!prio.data ? (
        <Pending query={prio} />
      ) : p.can.edit ? (
        <form onSubmit={save} noValidate>
          <p className="hint">{t('projects.scoring.hint')}</p>
          <div className="form-grid">
            {criteria.map((c) => (
              <SelectField
                key={c.key}
                name={`score-${c.key}`}
                label={`${c.name} (${t(`projects.scoring.direction.${c.direction}`)})`}
                value={scores[c.key] ?? ''}
                onChange={(v) => setScores({ ...scores, [c.key]: v })}
                options={[
                  { value: '', label: t('projects.scoring.none') },
                  ...[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`projects.scoring.levels.${n}`) })),
                ]}
              />
            ))}
          </div>
          <Button type="submit">{t('projects.scoring.save')}</Button>
        </form>
      ) : (
        <dl className="facts">
          {criteria.map((c) => (
            <div key={c.key}>
              <dt>{c.name}</dt>
              <dd>{p.scores[c.key] === undefined ? '–' : t(`projects.scoring.levels.${p.scores[c.key]}`)}</dd>
            </div>
          ))}
        </dl>
      )}
    </Panel>
  );
}
