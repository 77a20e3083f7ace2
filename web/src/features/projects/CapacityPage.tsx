import type { capacityView } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Alert, Empty, Loading, Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { ApiError, api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { fmtNumber, numberToInput } from '../../lib/format';
import { useColleagues, useDepartments } from './shared';

type View = z.infer<typeof capacityView>;
type Cell = View['total'][number];

function monthLabel(m: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    new Date(`${m}-01T00:00:00Z`),
  );
}

/** One cell: planned of available hours; an overload carries an icon and a word, not only colour. */
function CellView({ c }: { c: Cell }) {
  const { t } = useTranslation();
  return (
    <td className={c.over ? 'over' : undefined}>
      {fmtNumber(c.planned)} / {fmtNumber(c.available)} h
      {c.over && (
        <span className="over-flag">
          {' '}
          <span aria-hidden="true">▲</span>{' '}
          {t('projects.capacity.over', { hours: fmtNumber(Math.round((c.planned - c.available) * 10) / 10) })}
        </span>
      )}
    </td>
  );
}

function EditCapacity({
  person,
  onClose,
}: {
  person: { userId: string; name: string; version: number; hoursPerWeek: number | null; departmentId: string | null };
  onClose: (msg?: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const depts = useDepartments();
  const [hours, setHours] = useState(numberToInput(person.hoursPerWeek));
  const [dept, setDept] = useState(person.departmentId ?? '');
  const [error, setError] = useState('');
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const h = Number(hours.replace(',', '.'));
    if (hours.trim() === '' || !Number.isFinite(h) || h < 0 || h > 60)
      return setError(t('projects.capacity.hoursInvalid'));
    try {
      await api(`/capacity/${person.userId}`, {
        method: 'PUT',
        body: { version: person.version, hoursPerWeek: h, departmentId: dept || null },
      });
      await qc.invalidateQueries({ queryKey: ['capacity'] });
      onClose(t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        await qc.invalidateQueries({ queryKey: ['capacity'] });
        setError(t('errors.version_conflict'));
      } else setError(errorMessage(err, t, true));
    }
  }
  return (
    <form onSubmit={save} noValidate>
      <TextField
        name="hoursPerWeek"
        label={t('projects.capacity.hoursPerWeek')}
        hint={t('projects.capacity.hoursHint')}
        inputMode="decimal"
        value={hours}
        onChange={setHours}
        error={error}
      />
      <SelectField
        name="departmentId"
        label={t('projects.fields.department')}
        value={dept}
        onChange={setDept}
        options={[
          { value: '', label: t('projects.capacity.noDepartment') },
          ...(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <div className="btn-row">
        <Button type="submit">{t('common.save')}</Button>
        <Button variant="secondary" onPress={() => onClose()}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Capacity per person, per department and for the whole portfolio; overloaded months are flagged. */
export function CapacityPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = params.get('von') ?? '';
  const to = params.get('bis') ?? '';
  const qs = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();
  const q = useQuery({ queryKey: ['capacity', qs], queryFn: () => api<View>(`/capacity?${qs}`) });
  const people = useColleagues();
  const [editing, setEditing] = useState<View['people'][number] | null>(null);
  const [adding, setAdding] = useState('');
  const [msg, setMsg] = useState('');
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  const data = q.data;
  const overloads = data?.people.filter((p) => p.cells.some((c) => c.over)) ?? [];
  const missing = (people.data?.items ?? []).filter((p) => !data?.people.some((x) => x.userId === p.id));
  const head = (
    <thead>
      <tr>
        <th scope="col">{t('projects.capacity.name')}</th>
        {data?.months.map((m) => (
          <th scope="col" key={m}>
            {monthLabel(m, locale)}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <Page title={t('projects.capacity.title')} crumbs={[{ to: '/projekte', label: t('projects.title') }]}>
      <p>{t('projects.capacity.intro')}</p>
      <div aria-live="polite">{msg && <Alert kind="success">{msg}</Alert>}</div>
      <form
        className="filters panel"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const p = new URLSearchParams();
          if (f.get('von')) p.set('von', String(f.get('von')));
          if (f.get('bis')) p.set('bis', String(f.get('bis')));
          setParams(p);
        }}
      >
        <div className="field">
          <label htmlFor="cap-from">{t('projects.capacity.from')}</label>
          <input id="cap-from" name="von" type="month" defaultValue={from || data?.months[0]} />
        </div>
        <div className="field">
          <label htmlFor="cap-to">{t('projects.capacity.to')}</label>
          <input id="cap-to" name="bis" type="month" defaultValue={to || data?.months.at(-1)} />
        </div>
        <Button type="submit">{t('projects.capacity.show')}</Button>
      </form>
      {q.error && <Pending query={q} preferField />}
      {!data ? (
        !q.error && <Loading />
      ) : (
        <>
          {overloads.length > 0 ? (
            <Alert kind="warning">
              {t('projects.capacity.overloaded', {
                count: overloads.length,
                names: overloads.map((p) => p.name).join(', '),
              })}
            </Alert>
          ) : (
            data.people.length > 0 && <Alert kind="info">{t('projects.capacity.fine')}</Alert>
          )}
          <section className="panel" aria-labelledby="h-cap-total">
            <h2 id="h-cap-total">{t('projects.capacity.total')}</h2>
            <TableWrap label={t('projects.capacity.total')}>
              <table className="data capacity">
                {head}
                <tbody>
                  <tr>
                    <th scope="row">{t('projects.capacity.portfolio')}</th>
                    {data.total.map((c) => (
                      <CellView key={c.month} c={c} />
                    ))}
                  </tr>
                  {data.departments.map((d) => (
                    <tr key={d.id ?? 'none'}>
                      <th scope="row">{d.name ?? t('projects.capacity.noDepartment')}</th>
                      {d.cells.map((c) => (
                        <CellView key={c.month} c={c} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
          <section className="panel" aria-labelledby="h-cap-people">
            <h2 id="h-cap-people">{t('projects.capacity.people')}</h2>
            {data.people.length === 0 ? (
              <Empty>{t('projects.capacity.empty')}</Empty>
            ) : (
              <TableWrap label={t('projects.capacity.people')}>
                <table className="data capacity">
                  {head}
                  <tbody>
                    {data.people.map((p) => (
                      <tr key={p.userId}>
                        <th scope="row">
                          {p.name}
                          <div className="muted">
                            {p.hoursPerWeek === null
                              ? t('projects.capacity.noHours')
                              : t('projects.capacity.perWeek', { hours: fmtNumber(p.hoursPerWeek) })}
                            {p.department && ` · ${p.department}`}
                          </div>
                          {p.projects.length > 0 && (
                            <div className="muted">
                              {p.projects.map((x, i) => (
                                <span key={x.id}>
                                  {i > 0 && ', '}
                                  <Link to={`/projekte/${x.id}`}>{x.title}</Link> ({fmtNumber(x.hours)} h)
                                </span>
                              ))}
                            </div>
                          )}
                          {data.can.edit && (
                            <Button
                              small
                              variant="secondary"
                              aria-label={t('projects.capacity.editFor', { name: p.name })}
                              onPress={() => setEditing(p)}
                            >
                              {t('projects.capacity.edit')}
                            </Button>
                          )}
                        </th>
                        {p.cells.map((c) => (
                          <CellView key={c.month} c={c} />
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {data.can.edit && missing.length > 0 && (
              <div className="filters">
                <SelectField
                  name="addPerson"
                  label={t('projects.capacity.addPerson')}
                  value={adding}
                  onChange={setAdding}
                  options={[
                    { value: '', label: t('projects.effort.choose') },
                    ...missing.map((p) => ({ value: p.id, label: p.name })),
                  ]}
                />
                <Button
                  variant="secondary"
                  isDisabled={!adding}
                  onPress={() => {
                    const p = missing.find((x) => x.id === adding);
                    if (p)
                      setEditing({
                        userId: p.id,
                        name: p.name,
                        version: 0,
                        hoursPerWeek: null,
                        departmentId: null,
                        department: null,
                        cells: [],
                        projects: [],
                      });
                    setAdding('');
                  }}
                >
                  {t('projects.capacity.enterHours')}
                </Button>
              </div>
            )}
          </section>
        </>
      )}
      <FormDialog
        isOpen={editing !== null}
        title={t('projects.capacity.editTitle', { name: editing?.name ?? '' })}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <EditCapacity
            person={editing}
            onClose={(m) => {
              setEditing(null);
              if (m) setMsg(m);
            }}
          />
        )}
      </FormDialog>
    </Page>
  );
}
