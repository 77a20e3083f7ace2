import type { effortPlan } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { Empty, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { fmtNumber, numberToInput } from '../../lib/format';
import { type Notify, type Project, useProjectChange } from './project-change';
import { useColleagues } from './shared';

interface Row {
  userId: string;
  month: string;
  hours: string;
}

/** Planned effort of the project per person and month (hours), the input of the capacity view. */
export function EffortPlan({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const people = useColleagues();
  const change = useProjectChange(p.id, notify);
  const plan = useQuery({
    queryKey: ['effort', p.id, p.version],
    queryFn: () => api<z.infer<typeof effortPlan>>(`/projects/${p.id}/effort`),
  });
  const [rows, setRows] = useState<Row[] | null>(null);
  const [errors, setErrors] = useState<Record<number, string>>({});
  // the editor starts from the stored plan once it has loaded (never overwriting rows being edited)
  useEffect(() => {
    if (plan.data && rows === null)
      setRows(plan.data.rows.map((r) => ({ userId: r.userId, month: r.month, hours: numberToInput(r.hours) })));
  }, [plan.data, rows]);
  if (rows === null)
    return (
      <section className="panel" aria-labelledby="h-effort">
        <h2 id="h-effort">{t('projects.effort.title')}</h2>
        <Pending query={plan} />
      </section>
    );
  const current = rows;
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<number, string> = {};
    const seen = new Set<string>();
    current.forEach((r, i) => {
      const h = Number(r.hours.replace(',', '.'));
      if (!r.userId || !/^\d{4}-\d{2}$/.test(r.month)) errs[i] = t('projects.effort.incomplete');
      else if (!Number.isFinite(h) || h < 0 || h > 744) errs[i] = t('projects.effort.hoursInvalid');
      else if (seen.has(`${r.userId}|${r.month}`)) errs[i] = t('projects.effort.duplicate');
      seen.add(`${r.userId}|${r.month}`);
    });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    await change('/effort', 'PUT', {
      version: p.version,
      rows: current.map((r) => ({ userId: r.userId, month: r.month, hours: Number(r.hours.replace(',', '.')) })),
    });
  }
  const total = rows.reduce((s, r) => s + (Number(r.hours.replace(',', '.')) || 0), 0);
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section className="panel" aria-labelledby="h-effort">
      <h2 id="h-effort">{t('projects.effort.title')}</h2>
      <p>
        {t('projects.effort.intro')} <Link to="/kapazitaet">{t('projects.effort.toCapacity')}</Link>
      </p>
      {!p.can.edit ? (
        rows.length === 0 ? (
          <Empty>{t('projects.effort.empty')}</Empty>
        ) : (
          <ul>
            {(plan.data?.rows ?? []).map((r) => (
              <li key={`${r.userId}${r.month}`}>
                {r.name}, {r.month}: {fmtNumber(r.hours)} h
              </li>
            ))}
          </ul>
        )
      ) : (
        <form onSubmit={save} noValidate>
          {rows.length === 0 ? (
            <Empty>{t('projects.effort.empty')}</Empty>
          ) : (
            <TableWrap label={t('projects.effort.title')}>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('projects.effort.person')}</th>
                    <th scope="col">{t('projects.effort.month')}</th>
                    <th scope="col">{t('projects.effort.hours')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id yet
                    <tr key={i}>
                      <td>
                        <select
                          aria-label={t('projects.effort.personRow', { n: i + 1 })}
                          value={r.userId}
                          onChange={(e) => set(i, { userId: e.target.value })}
                          aria-invalid={errors[i] ? true : undefined}
                        >
                          <option value="">{t('projects.effort.choose')}</option>
                          {(people.data?.items ?? []).map((x) => (
                            <option key={x.id} value={x.id}>
                              {x.name}
                            </option>
                          ))}
                        </select>
                        {errors[i] && <span className="field-error">{errors[i]}</span>}
                      </td>
                      <td>
                        <input
                          type="month"
                          aria-label={t('projects.effort.monthRow', { n: i + 1 })}
                          value={r.month}
                          onChange={(e) => set(i, { month: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          inputMode="decimal"
                          size={6}
                          aria-label={t('projects.effort.hoursRow', { n: i + 1 })}
                          value={r.hours}
                          onChange={(e) => set(i, { hours: e.target.value })}
                        />
                      </td>
                      <td>
                        <Button
                          small
                          variant="secondary"
                          aria-label={t('projects.effort.removeRow', { n: i + 1 })}
                          onPress={() => setRows(rows.filter((_, j) => j !== i))}
                        >
                          {t('common.delete')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <p>{t('projects.effort.total', { hours: fmtNumber(total) })}</p>
          <div className="btn-row">
            <Button
              variant="secondary"
              onPress={() => {
                const last = rows[rows.length - 1];
                let month = new Date().toISOString().slice(0, 7);
                if (last?.month) {
                  const [y, m] = last.month.split('-').map(Number) as [number, number];
                  month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
                }
                setRows([...rows, { userId: last?.userId ?? '', month, hours: last?.hours ?? '' }]);
              }}
            >
              {t('projects.effort.addRow')}
            </Button>
            <Button type="submit">{t('projects.effort.save')}</Button>
          </div>
        </form>
      )}
    </section>
  );
}
