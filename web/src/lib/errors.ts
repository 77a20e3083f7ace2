import type { TFunction } from 'i18next';
import { ApiError, fieldErrors } from './api';

/** Field errors of a failed request as German (or English) messages, keyed by field name. */
export function fieldMessages(err: unknown, t: TFunction): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors(err)).map(([k, v]) => [k, t(`errors.${v}`, { defaultValue: t('errors.invalid') })]),
  );
}

/** One sentence for a failed request: the first field error's code, else the problem code. */
export function errorMessage(err: unknown, t: TFunction, preferField = false): string {
  const code =
    err instanceof ApiError ? ((preferField ? err.errors[0]?.code : undefined) ?? err.code) : 'internal_error';
  return t(`errors.${code}`, { defaultValue: t('errors.internal_error') });
}
