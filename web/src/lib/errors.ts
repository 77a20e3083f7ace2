import type { FieldError } from '@dz/core';
import type { TFunction } from 'i18next';
import { ApiError, fieldKey } from './api';
import { fmtNumber } from './format';

const NUMERIC = new Set(['number', 'int', 'bigint']);
const LISTS = new Set(['array', 'set']);
const FORMATS = new Set(['date', 'email', 'url', 'uuid']);

/**
 * One field error from the server in words — naming the broken limit ("höchstens 200 Zeichen") from the
 * error's params, so it reads like the app's own checks. Unknown codes fall back to a general sentence.
 */
export function fieldErrorText(e: FieldError, t: TFunction): string {
  const p = e.params ?? {};
  const origin = String(p.origin ?? '');
  const max = typeof p.maximum === 'number' ? p.maximum : undefined;
  const min = typeof p.minimum === 'number' ? p.minimum : undefined;
  if (e.code === 'too_big' && max !== undefined) {
    if (origin === 'string') return t('errors.limits.maxLength', { count: max });
    if (LISTS.has(origin)) return t('errors.limits.maxItems', { count: max });
    if (NUMERIC.has(origin))
      return t(p.inclusive === false ? 'errors.limits.below' : 'errors.limits.max', { max: fmtNumber(max) });
  }
  if (e.code === 'too_small' && min !== undefined) {
    if (origin === 'string') return min <= 1 ? t('errors.invalid_type') : t('errors.limits.minLength', { count: min });
    if (LISTS.has(origin)) return t('errors.limits.minItems', { count: min });
    if (NUMERIC.has(origin))
      return t(p.inclusive === false ? 'errors.limits.above' : 'errors.limits.min', { min: fmtNumber(min) });
  }
  if (e.code === 'invalid_format' && FORMATS.has(String(p.format))) return t(`errors.formats.${String(p.format)}`);
  // a custom check's message is a code the app knows, or a sentence for developers: then a general request
  if (e.code === 'custom') return t(`errors.${e.message}`, { defaultValue: t('errors.custom') });
  return t(`errors.${e.code}`, { defaultValue: t('errors.invalid') });
}

/** Field errors of a failed request as German (or English) messages, keyed by field name (the first per field). */
export function fieldMessages(err: unknown, t: TFunction): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of err.errors) out[fieldKey(e.path)] ??= fieldErrorText(e, t);
  return out;
}

/** One sentence for a failed request: the first field error (with its limit), else the problem code. */
export function errorMessage(err: unknown, t: TFunction, preferField = false): string {
  if (!(err instanceof ApiError)) return t('errors.internal_error');
  const first = preferField ? err.errors[0] : undefined;
  if (first) return fieldErrorText(first, t);
  return t(`errors.${err.code}`, { defaultValue: t('errors.internal_error') });
}
