import type { FieldError } from '@dz/core';

/** A problem document from the API (RFC 9457). */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly errors: FieldError[] = [],
    public readonly body: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

let csrfToken = '';
/** The session's CSRF token, sent on every state-changing request. */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

async function parse(res: Response) {
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const b = (typeof body === 'object' && body) || {};
    throw new ApiError(res.status, String(b.code ?? 'internal_error'), (b.errors as FieldError[]) ?? [], b);
  }
  return body;
}

/** fetch wrapper for the JSON API under /api/v1. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch {
    // no answer at all (offline, server down): a stable code the pages translate and offer to retry
    throw new ApiError(0, 'network');
  }
  return parse(res) as Promise<T>;
}

/** The answer of a request started elsewhere (the boot script's session request), read like `api`'s. */
export async function apiResponse<T>(response: Promise<Response>): Promise<T> {
  let res: Response;
  try {
    res = await response;
  } catch {
    throw new ApiError(0, 'network');
  }
  return parse(res) as Promise<T>;
}

/** Uploads a file with progress (XHR, since fetch has no upload progress). */
export function upload<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else
        reject(
          new ApiError(xhr.status, String(body.code ?? 'internal_error'), (body.errors as FieldError[]) ?? [], body),
        );
    };
    xhr.onerror = () => reject(new ApiError(0, 'network'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** The form field a field error belongs to: the first path segment after body/querystring/params. */
export function fieldKey(path: string): string {
  const parts = path.split('.');
  // only the leading request part goes: a field may itself be called "body" (a news post's text)
  if (parts[0] === 'body' || parts[0] === 'querystring' || parts[0] === 'params') parts.shift();
  return parts[0] || '_';
}

/** Field errors of an ApiError keyed by the field name (the code; a custom check's message). */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of err.errors) out[fieldKey(e.path)] ??= e.code === 'custom' ? e.message : e.code;
  return out;
}
