import { capacitySave } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { TableWrap } from '../../components/TableWrap';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { fmtNumber, numberToInput } from '../../lib/format';
import { validate } from '../../lib/validate';
import { type CapacityInput, capacityQuery, useSaveCapacity, type CapacityView as View } from './queries';
import { useColleagues, useDepartments } from './shared';

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
  const saveCapacity = useSaveCapacity();
  const depts = useDepartments();
  const [hours, setHours] = useState(numberToInput(person.hoursPerWeek));
  const [dept, setDept] = useState(person.departmentId ?? '');
  const [error, setError] = useState('');
  async function save(e: React.FormEvent) {
    e.preventDefault();
    // an empty field is no number (0 hours is typed as 0)
    const h = hours.trim() === '' ? Number.NaN : Number(hours.replace(',', '.'));
    if (Number.isNaN(h)) return setError(t('errors.number_invalid'));
    const body: CapacityInput = { version: person.version, hoursPerWeek: h, departmentId: dept || null };
    const invalid = validate(capacitySave, body, t);
    const first = invalid.hoursPerWeek ?? Object.values(invalid)[0];
    if (first) return setError(first);
    try {
      await saveCapacity.mutateAsync({ userId: person.userId, ...body });
      onClose(t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
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
  const q = useQuery(capacityQuery(qs));
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
      {!data ? (
        <Pending query={q} preferField />
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
          <Panel title={t('projects.capacity.total')} id="h-cap-total">
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
          </Panel>
          <Panel title={t('projects.capacity.people')} id="h-cap-people">
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
          </Panel>
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
