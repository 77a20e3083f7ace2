import { type FieldError, issuesToFieldErrors } from '@dz/core';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { fieldKey } from './api';
import { fieldErrorText } from './errors';

/** Field errors of a form checked against its contract, in the server's shape (empty when the form is valid). */
export function contractErrors(schema: z.ZodType, value: unknown): FieldError[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : issuesToFieldErrors(parsed.error.issues);
}

/**
 * Checks a form with the same Zod contract the server validates the request with and returns the messages
 * keyed by field name (the first per field) — exactly what `fieldMessages` makes of the server's answer, so
 * the web cannot accept what the server refuses or word a limit differently. Empty when the form is valid.
 */
export function validate(schema: z.ZodType, value: unknown, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of contractErrors(schema, value)) out[fieldKey(e.path)] ??= fieldErrorText(e, t);
  return out;
}
