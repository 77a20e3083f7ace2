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

export interface FieldError {
  path: string;
  code: string;
  message: string;
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
