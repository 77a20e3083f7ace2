import type { priorities } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Empty } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { fmtDate, fmtNumber, todayIso } from '../../lib/format';
import { type Notify, type Project, useProjectChange } from './project-change';
import { type Light, TrafficLight } from './shared';

/** How the project stands: status reports with traffic lights, and its prioritisation scores. */
const LIGHTS: Light[] = ['green', 'yellow', 'red'];
const DIMENSIONS = ['scope', 'schedule', 'budget', 'overall'] as const;

export function Reports({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const change = useProjectChange(p.id, notify);
  const [form, setForm] = useState({
    reportedOn: todayIso(),
    scope: 'green',
    schedule: 'green',
    budget: 'green',
    overall: 'green',
    summary: '',
  });
  const [open, setOpen] = useState(false);
  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (await change('/reports', 'POST', form, undefined, t('projects.reports.saved'))) {
      setOpen(false);
      setForm({ ...form, summary: '' });
    }
  }
  return (
    <section className="panel" aria-labelledby="h-reports">
      <h2 id="h-reports">{t('projects.reports.title')}</h2>
      {p.reports.length === 0 ? (
        <Empty>{t('projects.reports.empty')}</Empty>
      ) : (
        <TableWrap label={t('projects.reports.title')}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('projects.reports.date')}</th>
                {DIMENSIONS.map((d) => (
                  <th scope="col" key={d}>
                    {t(`projects.reports.${d}`)}
                  </th>
                ))}
                <th scope="col">{t('projects.reports.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {p.reports.map((r) => (
                <tr key={r.id}>
                  <td>
                    {fmtDate(r.reportedOn)}
                    {r.author && <div className="muted">{r.author}</div>}
                  </td>
                  {DIMENSIONS.map((d) => (
                    <td key={d}>
                      <TrafficLight value={r[d] as Light} />
                    </td>
                  ))}
                  <td className="texts">{r.summary || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
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
              />
              {DIMENSIONS.map((d) => (
                <SelectField
                  key={d}
                  name={d}
                  label={t(`projects.reports.${d}`)}
                  value={form[d]}
                  onChange={(v) => setForm({ ...form, [d]: v })}
                  options={LIGHTS.map((l) => ({ value: l, label: t(`projects.lights.${l}`) }))}
                />
              ))}
            </div>
            <TextArea
              name="summary"
              label={t('projects.reports.summary')}
              hint={t('projects.reports.summaryHint')}
              value={form.summary}
              onChange={(v) => setForm({ ...form, summary: v })}
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
    </section>
  );
}

export function Scores({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const change = useProjectChange(p.id, notify);
  const prio = useQuery({ queryKey: ['priorities'], queryFn: () => api<z.infer<typeof priorities>>('/priorities') });
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
    await change('/scores', 'PUT', { version: p.version, scores: body });
  }
  return (
    <section className="panel" aria-labelledby="h-scores">
      <h2 id="h-scores">{t('projects.scoring.title')}</h2>
      <p>
        {t('projects.scoring.current')}: <strong>{p.score === null ? '–' : fmtNumber(p.score, 1)}</strong>{' '}
        {t('projects.scoring.ofHundred')} · <Link to="/priorisierung">{t('projects.scoring.toRanking')}</Link>
      </p>
      {p.can.edit ? (
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
    </section>
  );
}
