import { effortSave } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { Empty, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { TableWrap } from '../../components/TableWrap';
import { fieldErrorText } from '../../lib/errors';
import { fmtNumber, numberToInput } from '../../lib/format';
import { contractErrors } from '../../lib/validate';
import { type Notify, useProjectOutcome } from './project-change';
import { type EffortInput, effortQuery, type Project, useSaveEffort } from './queries';
import { useColleagues } from './shared';

interface Row {
  userId: string;
  month: string;
  hours: string;
}

/** Hours as typed ("7,5" or "7.5"); an empty field is 0, anything else not a number NaN. */
const hoursOf = (input: string) => Number(input.replace(',', '.'));

/**
 * The contract's verdict on the plan, one message per row (the table shows it under the row's person): a
 * missing person or month, hours that are no number or out of range, a month entered twice for a person.
 */
function rowErrors(body: EffortInput, t: TFunction): Record<number, string> {
  const out: Record<number, string> = {};
  for (const e of contractErrors(effortSave, body)) {
    const [, list, index, field] = e.path.split('.');
    const i = Number(index);
    if (list !== 'rows' || !Number.isInteger(i) || out[i]) continue;
    if (field === 'hours')
      out[i] = Number.isNaN(body.rows[i]?.hours) ? t('errors.number_invalid') : fieldErrorText(e, t);
    else out[i] = e.code === 'custom' ? fieldErrorText(e, t) : t('projects.effort.incomplete');
  }
  return out;
}

/** Planned effort of the project per person and month (hours), the input of the capacity view. */
export function EffortPlan({ p, notify }: { p: Project; notify: Notify }) {
  const { t } = useTranslation();
  const people = useColleagues();
  const run = useProjectOutcome(p.id, notify);
  const saveEffort = useSaveEffort(p.id);
  const plan = useQuery(effortQuery(p.id, p.version));
  const [rows, setRows] = useState<Row[] | null>(null);
  const [errors, setErrors] = useState<Record<number, string>>({});
  // the editor starts from the stored plan once it has loaded (never overwriting rows being edited)
  useEffect(() => {
    if (plan.data && rows === null)
      setRows(plan.data.rows.map((r) => ({ userId: r.userId, month: r.month, hours: numberToInput(r.hours) })));
  }, [plan.data, rows]);
  if (rows === null)
    return (
      <Panel title={t('projects.effort.title')} id="h-effort">
        <Pending query={plan} />
      </Panel>
    );
  const current = rows;
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body: EffortInput = {
      version: p.version,
      rows: current.map((r) => ({ userId: r.userId, month: r.month, hours: hoursOf(r.hours) })),
    };
    const errs = rowErrors(body, t);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    await run(() => saveEffort.mutateAsync(body));
  }
  const total = rows.reduce((s, r) => s + (hoursOf(r.hours) || 0), 0);
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Panel title={t('projects.effort.title')} id="h-effort">
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
    </Panel>
  );
}
