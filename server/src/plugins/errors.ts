import { AppError, ERROR_DETAIL, type FieldError, limitParams } from '@dz/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** A request Fastify could not read (malformed JSON, an empty body with a JSON content type, …). */
const UNREADABLE = 'Die Anfrage lässt sich nicht lesen. Bitte prüfen Sie die gesendeten Daten.';

/** Sends an RFC 9457 problem document. */
export function problem(
  status: number,
  code: string,
  detail?: string,
  errors: FieldError[] = [],
  extra: Record<string, unknown> = {},
) {
  return {
    type: `https://digitalzirkel.de/probleme/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    errors,
    ...extra,
  };
}

/**
 * Database errors caused by input that passed validation (e.g. a NUL byte PostgreSQL cannot store, a
 * unique key hit by a concurrent request) are the client's problem, not a 5xx.
 * SQLSTATE classes: 22 data exception, 23 integrity constraint violation.
 */
function databaseProblem(err: unknown) {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  if (code === '23505')
    return problem(409, 'conflict', 'Der Datensatz existiert bereits oder wurde gleichzeitig geändert.');
  if (code.startsWith('22') || code.startsWith('23')) {
    return problem(400, 'validation_failed', 'Einige Angaben lassen sich nicht speichern.', [
      { path: 'body', code: 'invalid_value', message: 'Dieser Wert ist ungültig.' },
    ]);
  }
  return null;
}

/** One error handler for the whole API: 4xx with field errors for bad input, 5xx logged but not shown. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    let status = 500;
    let body: ReturnType<typeof problem>;
    if (err instanceof AppError) {
      status = err.status;
      if (typeof err.extra.retryAfterSeconds === 'number')
        reply.header('retry-after', String(err.extra.retryAfterSeconds));
      body = problem(err.status, err.code, err.message, err.errors, err.extra);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      const where = (err as FastifyError).validationContext ?? 'body';
      const errors = err.validation.map((v): FieldError => {
        const params = limitParams(v.params);
        return {
          path: [
            where,
            ...String(v.instancePath ?? '')
              .split('/')
              .filter(Boolean),
          ].join('.'),
          code: String(v.keyword ?? 'invalid'),
          message: v.message ?? 'invalid',
          ...(params ? { params } : {}),
        };
      });
      body = problem(400, 'validation_failed', 'Einige Angaben sind ungültig.', errors);
    } else if (databaseProblem(err)) {
      body = databaseProblem(err)!;
      status = body.status;
      request.log.warn({ code: (err as { code?: string }).code }, 'database rejected input');
    } else if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause?.issues }, 'response serialization failed');
      body = problem(500, 'internal_error');
    } else {
      const fe = err as FastifyError;
      const sc = fe.statusCode ?? 500;
      if (sc >= 400 && sc < 500) {
        status = sc;
        const code =
          sc === 413
            ? 'payload_too_large'
            : sc === 415
              ? 'unsupported_media_type'
              : sc === 429
                ? 'rate_limited'
                : sc === 404
                  ? 'not_found'
                  : 'validation_failed';
        // Fastify's and its plugins' messages are English: the API answers in German, the code stays
        const detail = code === 'validation_failed' ? UNREADABLE : ERROR_DETAIL[code];
        body = problem(
          sc,
          code,
          detail,
          sc === 400 ? [{ path: 'body', code: fe.code ?? 'invalid', message: detail }] : [],
        );
      } else {
        request.log.error({ err }, 'unhandled error');
        body = problem(500, 'internal_error');
      }
    }
    if (status === 500) body = problem(500, 'internal_error');
    reply.code(status).type('application/problem+json').send(body);
  });
}

/**
 * 404 for unknown routes as a problem document; with the SPA served, unknown non-API (and non-OParl) GET paths
 * without a file extension get index.html (client-side routing).
 */
export function registerNotFound(app: FastifyInstance, spa: boolean) {
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (
      spa &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !url.startsWith('/api/') &&
      !url.startsWith('/oparl/') &&
      !/\.[a-z0-9]+$/i.test(url)
    ) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply
      .code(404)
      .type('application/problem+json')
      .send(problem(404, 'not_found', `Diese Adresse gibt es nicht: ${request.method} ${url}`));
  });
}
