import type { FieldError } from '@dz/core';
import { SLA_HOURS, type WorkOrderPriority, type WorkOrderStatus } from '@dz/core/domain';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError, fieldKey } from '../../lib/api';
import { errorMessage, fieldErrorText } from '../../lib/errors';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { contractErrors } from '../../lib/validate';
import './operation.css';

/** 'YYYY-MM' as "11/2026" (the German month of a statement). */
export const fmtMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** The current calendar month, 'YYYY-MM' (local time: the month the person sees on their calendar). */
export function currentMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Today as an ISO date in local time (a date field's default). */
export function localToday(): string {
  const d = new Date();
  return `${currentMonth()}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The service level of a priority in words ("24 Stunden", "10 Tage"). */
export function slaText(t: TFunction, p: WorkOrderPriority): string {
  const h = SLA_HOURS[p];
  return h < 48 ? t('operation.slaHours', { count: h }) : t('operation.slaDays', { count: h / 24 });
}

/** Status as a word in a badge (never by colour alone). */
export function StatusBadge({ status, t }: { status: WorkOrderStatus; t: TFunction }) {
  return <span className={`badge op-status op-${status}`}>{t(`operation.statuses.${status}`)}</span>;
}

export function PriorityText({ priority, t }: { priority: WorkOrderPriority; t: TFunction }) {
  const label = t(`operation.priorities.${priority}`);
  return priority === 'urgent' || priority === 'high' ? <strong>{label}</strong> : label;
}

/** "überfällig" as a word with a warning sign, so it never depends on colour. */
export function OverdueBadge({ t }: { t: TFunction }) {
  return (
    <span className="badge op-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('operation.overdue')}
    </span>
  );
}

/** One field error in words: the operation's own codes first, else the app's general wording. */
function opFieldText(e: FieldError, t: TFunction): string {
  const code = e.code === 'custom' ? e.message : e.code;
  const own = `operation.errors.${code}`;
  const text = t(own, { defaultValue: '' });
  return text && text !== own ? text : fieldErrorText(e, t);
}

function byField(list: FieldError[], t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of list) out[fieldKey(e.path)] ??= opFieldText(e, t);
  return out;
}

/** A form checked against its contract, the messages keyed by field (as `validate`, with the operation's codes). */
/** An order's status, priority and due time (with the overdue flag) as description-list entries. */
export function OrderFacts({
  o,
  t,
}: {
  o: { status: WorkOrderStatus; priority: WorkOrderPriority; dueAt: string; dueOn?: string | null; overdue: boolean };
  t: TFunction;
}) {
  return (
    <>
      <dt>{t('operation.status')}</dt>
      <dd>
        <StatusBadge status={o.status} t={t} />
      </dd>
      <dt>{t('operation.priority')}</dt>
      <dd>
        <PriorityText priority={o.priority} t={t} />
      </dd>
      <dt>{t('operation.due')}</dt>
      <dd>
        {o.dueOn ? fmtDate(o.dueOn) : fmtDateTime(o.dueAt)}
        {o.overdue && (
          <>
            {' '}
            <OverdueBadge t={t} />
          </>
        )}
      </dd>
    </>
  );
}

export const opValidate = (schema: z.ZodType, value: unknown, t: TFunction) =>
  byField(contractErrors(schema, value), t);

/**
 * The server's field errors of a failed request, keyed by field. An error of the whole request (path "body") has
 * no field to sit at: it is left out here and shown by the form's general message (`opErrorMessage`).
 */
export function opFieldMessages(err: unknown, t: TFunction): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const fields = byField(err.errors, t);
  delete fields._;
  return fields;
}

/**
 * A failed request in one sentence. A 409 of the operation names its reason (e.g. "Der Monat dieser Buchung ist
 * abgeschlossen …"): the server words it for the person, so it is shown as it is under a German interface.
 */
export function opErrorMessage(err: unknown, t: TFunction, language: string): string {
  if (
    err instanceof ApiError &&
    err.code === 'conflict' &&
    typeof err.body.detail === 'string' &&
    language.startsWith('de')
  )
    return err.body.detail;
  if (err instanceof ApiError && err.errors[0]) return opFieldText(err.errors[0], t);
  return errorMessage(err, t);
}
