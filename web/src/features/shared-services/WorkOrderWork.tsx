import { workEntryCreate, workOrderUpdate } from '@dz/core';
import { WORK_ORDER_PRIORITIES, type WorkOrderPriority, type WorkOrderStatus } from '@dz/core/domain';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { fmtDate, fmtDecimal, fmtEuro, inputToCents, parseGermanNumber } from '../../lib/format';
import { fmtMonth, localToday, opErrorMessage, opFieldMessages, opValidate } from './operation-ui';
import { useAddEntry, useDeleteEntry, useRefreshOrder, useUpdateOrder, type WorkOrderDetail } from './queries';

type Entry = WorkOrderDetail['entries'][number];
const time = () => new Date().toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });

/** The team's handling of an order: status forward only, assignee from the team, priority, due date. */
export function TriageForm({ o, onReloaded }: { o: WorkOrderDetail; onReloaded: () => void }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateOrder(o.studyId, o.id);
  const refresh = useRefreshOrder(o.studyId, o.id);
  const [status, setStatus] = useState<WorkOrderStatus>(o.status);
  const [assigneeId, setAssigneeId] = useState(o.assigneeId ?? '');
  const [priority, setPriority] = useState<WorkOrderPriority>(o.priority);
  const [dueOn, setDueOn] = useState(o.dueOn ?? '');
  const [reason, setReason] = useState(o.rejectReason);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');
  const [conflict, setConflict] = useState(false);
  const statuses = [o.status, ...o.next.filter((s) => s !== o.status)];
  return (
    <Panel title={t('operation.triage')}>
      <p>{t('operation.triageHint')}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved('');
          setConflict(false);
          const body = {
            version: o.version,
            status,
            assigneeId: assigneeId || null,
            priority,
            dueOn: dueOn || null,
            rejectReason: status === 'rejected' ? reason : '',
          };
          const invalid = opValidate(workOrderUpdate, body, t);
          if (Object.keys(invalid).length) return setErrors(invalid);
          try {
            await update.mutateAsync(body);
            setErrors({});
            setSaved(t('operation.savedAt', { time: time() }));
          } catch (err) {
            if (err instanceof ApiError && err.status === 409 && err.code === 'version_conflict') setConflict(true);
            setErrors(opFieldMessages(err, t));
          }
        }}
      >
        <ErrorSummary errors={errors} />
        <div className="filters">
          <SelectField
            name="status"
            label={t('operation.status')}
            value={status}
            onChange={(v) => setStatus(v as WorkOrderStatus)}
            options={statuses.map((s) => ({ value: s, label: t(`operation.statuses.${s}`) }))}
          />
          <SelectField
            name="assigneeId"
            label={t('operation.assignee')}
            value={assigneeId}
            onChange={setAssigneeId}
            options={[
              { value: '', label: t('operation.unassigned') },
              ...o.team.map((m) => ({ value: m.userId, label: m.name })),
            ]}
          />
          <SelectField
            name="priority"
            label={t('operation.priority')}
            value={priority}
            onChange={(v) => setPriority(v as WorkOrderPriority)}
            options={WORK_ORDER_PRIORITIES.map((p) => ({ value: p, label: t(`operation.priorities.${p}`) }))}
          />
          <TextField name="dueOn" type="date" label={t('operation.dueOn')} value={dueOn} onChange={setDueOn} />
        </div>
        {status === 'rejected' && (
          <TextArea
            name="rejectReason"
            label={t('operation.rejectReason')}
            hint={t('operation.rejectReasonHint')}
            required
            value={reason}
            onChange={setReason}
            rows={3}
          />
        )}
        <div aria-live="polite">
          {conflict ? (
            <Alert kind="warning">
              {t('operation.conflict')}{' '}
              <Button
                small
                variant="secondary"
                onPress={async () => {
                  await refresh();
                  // the form starts again from the colleague's state
                  onReloaded();
                }}
              >
                {t('operation.reload')}
              </Button>
            </Alert>
          ) : (
            update.error &&
            !Object.keys(errors).length && <Alert kind="error">{opErrorMessage(update.error, t, i18n.language)}</Alert>
          )}
          {saved && <Alert kind="success">{saved}</Alert>}
        </div>
        <Button type="submit" isDisabled={update.isPending}>
          {t('operation.saveTriage')}
        </Button>
      </form>
    </Panel>
  );
}

/** Hours and minutes as typed ("1", "30") to whole minutes; NaN when either is no whole number. */
function minutesOf(hours: string, minutes: string): number {
  const h = hours.trim() === '' ? 0 : Number(hours.trim());
  const m = minutes.trim() === '' ? 0 : Number(minutes.trim());
  return Number.isInteger(h) && Number.isInteger(m) && h >= 0 && m >= 0 ? h * 60 + m : Number.NaN;
}

function TimeForm({ o, onSaved }: { o: WorkOrderDetail; onSaved: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const add = useAddEntry(o.studyId, o.id);
  const [userId, setUserId] = useState('');
  const [hours, setHours] = useState('');
  const [minutes, setMinutes] = useState('');
  const [workedOn, setWorkedOn] = useState(localToday());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const chosen = userId || o.team[0]?.userId || '';
  if (o.team.length === 0) return <p>{t('operation.noTeam')}</p>;
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const total = minutesOf(hours, minutes);
        const body = { kind: 'time' as const, userId: chosen, minutes: total, workedOn, note };
        const invalid = opValidate(workEntryCreate, body, t);
        // the contract's "minutes" stands for the two fields: the message names the allowed range
        if (invalid.minutes || !Number.isFinite(total)) {
          delete invalid.minutes;
          invalid.hours = t('operation.errors.duration');
        }
        if (Object.keys(invalid).length) return setErrors(invalid);
        try {
          await add.mutateAsync(body);
          setErrors({});
          setHours('');
          setMinutes('');
          setNote('');
          onSaved(t('operation.timeSaved'));
        } catch (err) {
          const server = opFieldMessages(err, t);
          if (server.minutes) server.hours = server.minutes;
          delete server.minutes;
          setErrors(Object.keys(server).length ? server : { _: opErrorMessage(err, t, i18n.language) });
        }
      }}
    >
      <h3>{t('operation.addTime')}</h3>
      <ErrorSummary errors={errors} message={errors._} />
      <div className="filters">
        <SelectField
          name="userId"
          label={t('operation.member')}
          value={chosen}
          onChange={setUserId}
          options={o.team.map((m) => ({ value: m.userId, label: `${m.name} (${m.payGroup})` }))}
        />
        <TextField
          name="workedOn"
          type="date"
          label={t('operation.workedOn')}
          value={workedOn}
          onChange={setWorkedOn}
        />
      </div>
      <fieldset className="op-duration" aria-describedby="op-duration-hint">
        <legend>
          {t('operation.durationLabel')} <span className="required">({t('form.required')})</span>
        </legend>
        <p className="hint" id="op-duration-hint">
          {t('operation.durationHint')}
        </p>
        <div className="filters">
          <TextField name="hours" label={t('operation.hours')} inputMode="numeric" value={hours} onChange={setHours} />
          <TextField
            name="minutes"
            label={t('operation.minutes')}
            inputMode="numeric"
            value={minutes}
            onChange={setMinutes}
          />
        </div>
      </fieldset>
      <TextField name="note" label={t('operation.note')} value={note} onChange={setNote} />
      <Button type="submit" isDisabled={add.isPending}>
        {t('operation.addTime')}
      </Button>
    </form>
  );
}

function MaterialForm({ o, onSaved }: { o: WorkOrderDetail; onSaved: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const add = useAddEntry(o.studyId, o.id);
  const [label, setLabel] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [price, setPrice] = useState('');
  const [workedOn, setWorkedOn] = useState(localToday());
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const q = parseGermanNumber(quantity);
        const cents = inputToCents(price);
        const body = {
          kind: 'material' as const,
          label,
          quantity: q ?? Number.NaN,
          unitCents: cents ?? Number.NaN,
          workedOn,
        };
        const invalid = opValidate(workEntryCreate, body, t);
        // the price is typed in euros: its field is "unitPrice"
        if (invalid.unitCents) invalid.unitPrice = invalid.unitCents;
        delete invalid.unitCents;
        if (q === null || Number.isNaN(q)) invalid.quantity = t('errors.number_invalid');
        if (cents === null || Number.isNaN(cents)) invalid.unitPrice = t('errors.number_invalid');
        if (Object.keys(invalid).length) return setErrors(invalid);
        try {
          await add.mutateAsync(body);
          setErrors({});
          setLabel('');
          setQuantity('1');
          setPrice('');
          onSaved(t('operation.materialSaved'));
        } catch (err) {
          const server = opFieldMessages(err, t);
          if (server.unitCents) server.unitPrice = server.unitCents;
          delete server.unitCents;
          setErrors(Object.keys(server).length ? server : { _: opErrorMessage(err, t, i18n.language) });
        }
      }}
    >
      <h3>{t('operation.addMaterial')}</h3>
      <ErrorSummary errors={errors} message={errors._} />
      <div className="filters">
        <TextField name="label" label={t('operation.materialLabel')} value={label} onChange={setLabel} required />
        <TextField
          name="quantity"
          label={t('operation.quantity')}
          inputMode="decimal"
          value={quantity}
          onChange={setQuantity}
          required
        />
        <TextField
          name="unitPrice"
          label={t('operation.unitPrice')}
          hint={t('operation.unitPriceHint')}
          inputMode="decimal"
          value={price}
          onChange={setPrice}
          required
        />
        <TextField name="workedOn" type="date" label={t('operation.usedOn')} value={workedOn} onChange={setWorkedOn} />
      </div>
      <Button type="submit" isDisabled={add.isPending}>
        {t('operation.addMaterial')}
      </Button>
    </form>
  );
}

/** Time and material booked on the order, their totals, and for the team the forms to book more. */
export function EntriesPanel({ o }: { o: WorkOrderDetail }) {
  const { t, i18n } = useTranslation();
  const del = useDeleteEntry(o.studyId, o.id);
  const [message, setMessage] = useState('');
  // the deleted row's button is gone: focus moves to the result instead of the page's start
  const status = useRef<HTMLDivElement>(null);
  const what = (e: Entry) => (e.kind === 'time' ? (e.person ?? '') : (e.label ?? ''));
  const duration = (m: number) => t('operation.duration', { hours: Math.floor(m / 60), minutes: m % 60 });
  const columns: Column<Entry>[] = [
    { header: t('operation.date'), cell: (e) => fmtDate(e.workedOn) },
    {
      header: t('operation.personOrMaterial'),
      rowHeader: true,
      cell: (e) => (
        <>
          {e.kind === 'time' ? `${e.person ?? ''}${e.payGroup ? ` (${e.payGroup})` : ''}` : e.label}
          {e.note && <div className="hint">{e.note}</div>}
          {e.correctionOf && (
            <div>
              <span className="badge">{t('operation.correctionOf', { month: fmtMonth(e.correctionOf) })}</span>
            </div>
          )}
        </>
      ),
    },
    {
      header: t('operation.durationOrQuantity'),
      cell: (e) =>
        e.kind === 'time'
          ? duration(e.minutes ?? 0)
          : t('operation.quantityTimes', {
              quantity: fmtDecimal(e.quantity ?? 0, 3),
              price: fmtEuro(e.quantity ? Math.round(e.cents / e.quantity) : 0),
            }),
    },
    { header: t('operation.amount'), cell: (e) => fmtEuro(e.cents), numeric: true },
    ...(o.can.work
      ? [
          {
            header: t('common.actions'),
            cell: (e: Entry) => (
              <ConfirmDeleteButton
                label={t('operation.deleteEntry')}
                ariaLabel={t('operation.deleteEntryLabel', { what: what(e), date: fmtDate(e.workedOn) })}
                title={t('operation.deleteEntryTitle')}
                body={t('operation.deleteEntryBody', { what: what(e), date: fmtDate(e.workedOn) })}
                onConfirm={async () => {
                  setMessage('');
                  try {
                    await del.mutateAsync(e.id);
                    setMessage(t('operation.entryDeleted'));
                  } catch {
                    /* the mutation's error is shown below */
                  }
                  requestAnimationFrame(() => status.current?.focus());
                }}
              />
            ),
          },
        ]
      : []),
  ];
  const saved = (m: string) => {
    del.reset();
    setMessage(m);
  };
  return (
    <Panel title={t('operation.entries')}>
      <DataTable
        label={t('operation.entries')}
        columns={columns}
        rows={o.entries}
        rowKey={(e) => e.id}
        empty={t('operation.noEntries')}
      />
      <h3>{t('operation.totals')}</h3>
      <dl className="op-details">
        <dt>{t('operation.totalTime')}</dt>
        <dd>{duration(o.totals.minutes)}</dd>
        <dt>{t('operation.totalTimeCents')}</dt>
        <dd>{fmtEuro(o.totals.timeCents)}</dd>
        <dt>{t('operation.totalMaterial')}</dt>
        <dd>{fmtEuro(o.totals.materialCents)}</dd>
      </dl>
      <div aria-live="polite" tabIndex={-1} ref={status}>
        {del.error && <Alert kind="error">{opErrorMessage(del.error, t, i18n.language)}</Alert>}
        {message && <Alert kind="success">{message}</Alert>}
      </div>
      {o.can.work && o.status !== 'rejected' && (
        <>
          <TimeForm o={o} onSaved={saved} />
          <MaterialForm o={o} onSaved={saved} />
        </>
      )}
    </Panel>
  );
}
