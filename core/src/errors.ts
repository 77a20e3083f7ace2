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
  'bpmn_invalid',
  'bpmn_too_large',
  'bpmn_doctype',
  'bpmn_too_deep',
  'password_login_disabled',
  'invitation_other_account',
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

/** The HTTP status of each code: a code always answers with the same status. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  csrf_failed: 403,
  invalid_credentials: 401,
  account_locked: 423,
  rate_limited: 429,
  token_invalid: 404,
  duplicate: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  import_failed: 422,
  survey_closed: 409,
  survey_locked: 409,
  survey_final: 409,
  already_submitted: 409,
  no_votes_left: 409,
  workshop_closed: 409,
  too_many_streams: 429,
  bpmn_invalid: 400,
  bpmn_too_large: 413,
  bpmn_doctype: 400,
  bpmn_too_deep: 400,
  password_login_disabled: 403,
  invitation_other_account: 409,
  internal_error: 500,
};

/** The problem detail of an error thrown without its own message: German like every message of the API. */
export const ERROR_DETAIL: Record<ErrorCode, string> = {
  validation_failed: 'Einige Angaben sind ungültig.',
  unauthenticated: 'Bitte melden Sie sich an.',
  forbidden: 'Dazu fehlt Ihnen die Berechtigung.',
  not_found: 'Nicht gefunden.',
  conflict: 'Das geht im aktuellen Zustand nicht.',
  version_conflict: 'Der Datensatz wurde inzwischen geändert. Bitte laden Sie ihn neu.',
  csrf_failed: 'Das Sicherheitsmerkmal der Anfrage fehlt oder ist falsch. Bitte laden Sie die Seite neu.',
  invalid_credentials: 'E-Mail-Adresse oder Passwort sind falsch.',
  account_locked: 'Das Konto ist vorübergehend gesperrt.',
  rate_limited: 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
  token_invalid: 'Der Link ist ungültig oder abgelaufen.',
  duplicate: 'Das gibt es bereits.',
  payload_too_large: 'Die Anfrage ist zu groß.',
  unsupported_media_type: 'Dieses Format wird nicht unterstützt.',
  import_failed: 'Der Import ist fehlgeschlagen.',
  survey_closed: 'Die Umfrage ist geschlossen.',
  survey_locked: 'Die Umfrage kann nicht mehr geändert werden.',
  survey_final: 'Die Antworten sind abgeschickt und können nicht mehr geändert werden.',
  already_submitted: 'Sie haben bereits geantwortet.',
  no_votes_left: 'Sie haben keine Stimmen mehr.',
  workshop_closed: 'Der Workshop ist beendet.',
  too_many_streams: 'Zu viele gleichzeitige Verbindungen.',
  bpmn_invalid: 'Die Datei ist kein lesbares BPMN-2.0-Prozessmodell.',
  bpmn_too_large: 'Das BPMN-Modell ist größer als 5 MB.',
  bpmn_doctype:
    'BPMN-Dateien mit DOCTYPE- oder ENTITY-Deklaration werden aus Sicherheitsgründen nicht angenommen. Bitte exportieren Sie das Modell ohne DOCTYPE.',
  bpmn_too_deep: 'Das BPMN-Modell ist zu tief verschachtelt (mehr als 100 Ebenen).',
  password_login_disabled:
    'Die Anmeldung mit Passwort ist abgeschaltet. Bitte melden Sie sich über den Anmeldedienst Ihrer Verwaltung an.',
  invitation_other_account:
    'Sie sind mit einem anderen Konto angemeldet, als die Einladung nennt. Bitte melden Sie sich zuerst ab und öffnen Sie den Einladungslink dann erneut.',
  internal_error: 'Ein interner Fehler ist aufgetreten.',
};

/** Application error carrying a stable code (its HTTP status follows from it) and optional field errors. */
export class AppError extends Error {
  public readonly status: number;
  constructor(
    public readonly code: ErrorCode,
    message?: string,
    public readonly errors: FieldError[] = [],
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message ?? ERROR_DETAIL[code]);
    this.status = ERROR_STATUS[code];
  }
}

/** A 400 naming one field (path as the server reports it, e.g. `body.title`). */
export function fieldError(path: string, code: string, message: string): AppError {
  return new AppError('validation_failed', message, [{ path, code, message }]);
}

/** The parts of a Zod issue that name the broken limit (never the input itself). */
const LIMIT_PARAMS = ['origin', 'minimum', 'maximum', 'inclusive', 'exact', 'format', 'expected'] as const;

/** The limit named by a validation issue, as plain values (numbers, strings, booleans) only. */
export function limitParams(params: unknown): FieldError['params'] {
  if (!params || typeof params !== 'object') return undefined;
  const out: NonNullable<FieldError['params']> = {};
  for (const k of LIMIT_PARAMS) {
    const v = (params as Record<string, unknown>)[k];
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A validation issue as Zod reports it (code, path and the limit it broke). */
export interface ValidationIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Zod issues as field errors in the shape the server answers with (`body.title`, code, limit params) — the web
 * app checks a form with the same contract and shows the same messages before anything is sent.
 */
export function issuesToFieldErrors(issues: readonly ValidationIssue[], where = 'body'): FieldError[] {
  return issues.map((issue) => {
    const params = limitParams(issue);
    return {
      path: [where, ...issue.path.map(String)].join('.'),
      code: issue.code,
      message: issue.message,
      ...(params ? { params } : {}),
    };
  });
}
