/** Stable error codes shared by server and web (the web turns them into German text). */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'version_conflict',
  'csrf_failed',
  'invalid_credentials',
  'account_locked',
  'rate_limited',
  'token_invalid',
  'duplicate',
  'payload_too_large',
  'unsupported_media_type',
  'import_failed',
  'survey_closed',
  'survey_locked',
  'survey_final',
  'already_submitted',
  'no_votes_left',
  'workshop_closed',
  'too_many_streams',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One invalid field of a request. `params` names the limit that was broken (e.g. `too_big` with
 * `{ origin: 'string', maximum: 200 }`), so the web app can say "höchstens 200 Zeichen" as it does for its own checks.
 */
export interface FieldError {
  path: string;
  code: string;
  message: string;
  params?: Record<string, string | number | boolean>;
}

/** Application error carrying a stable code, an HTTP status and optional field errors. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly status: number,
    message?: string,
    public readonly errors: FieldError[] = [],
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message ?? code);
  }
}
