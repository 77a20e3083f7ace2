import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import { SESSION_COOKIE } from './session.js';

/** Media types of the file downloads, named once for routes and the OpenAPI document. */
export const MEDIA = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ics: 'text/calendar',
  markdown: 'text/markdown',
  atom: 'application/atom+xml',
  html: 'text/html',
  svg: 'image/svg+xml',
  /** BPMN 2.0 files (the type Camunda Modeler, Signavio and ADONIS read) */
  bpmn: 'application/xml',
  json: 'application/json',
  /** Server-Sent Events (a stream, not a file) */
  events: 'text/event-stream',
  /** an uploaded file, served back with its stored (allow-listed) type */
  upload: 'application/octet-stream',
} as const;
export type Media = (typeof MEDIA)[keyof typeof MEDIA];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the file a route answers with instead of JSON (documents the 200 response's media types) */
    produces?: readonly Media[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const PROBLEM = {
  description: 'Problem document (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/** `GET /api/v1/surveys/:surveyId/results.csv` → `getSurveysSurveyIdResultsCsv` (stable, unique per route). */
function operationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

type RouteSchema = Record<string, unknown> & { description?: string; summary?: string; hide?: boolean };

/**
 * OpenAPI 3.1 at `/api/docs`, built from the Zod contracts. Per operation, from the route's own
 * declarations (one place): the security requirement from its access level (public routes none, the
 * session cookie for the others, plus the CSRF header on writes), the media types of file downloads
 * (`config.produces`), problem documents for 4XX, a summary and an operationId.
 */
export async function registerOpenApi(app: FastifyInstance, config: Config) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Digitalzirkel API',
        description:
          'REST API of Digitalzirkel. Sign in sets the session cookie; every state-changing request also sends ' +
          'the CSRF token of the session (from `/api/v1/auth/session`) in the `X-CSRF-Token` header. ' +
          'Errors are RFC 9457 problem documents (application/problem+json).',
        version: '1.0.0',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      servers: [{ url: config.publicUrl.replace(/\/+$/, ''), description: 'this installation' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'Session cookie set by sign-in (HttpOnly, SameSite=Lax).',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: 'CSRF token of the session; required on POST, PUT, PATCH and DELETE.',
          },
        },
        schemas: {
          Problem: {
            type: 'object',
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
              code: { type: 'string', description: 'stable error code' },
              detail: { type: 'string' },
              errors: {
                type: 'array',
                description: 'invalid fields',
                items: {
                  type: 'object',
                  properties: {
                    path: { type: 'string', description: 'e.g. body.title' },
                    code: { type: 'string', description: 'e.g. too_big' },
                    message: { type: 'string' },
                    params: {
                      type: 'object',
                      description: 'the broken limit, e.g. {"origin":"string","maximum":200}',
                      additionalProperties: { type: ['string', 'number', 'boolean'] },
                    },
                  },
                  required: ['path', 'code', 'message'],
                },
              },
            },
            required: ['title', 'status', 'code'],
          },
        },
      },
    },
    transform: (args) => {
      const out = jsonSchemaTransform(args) as { schema: RouteSchema; url: string };
      if (out.schema.hide) return out;
      const { route } = args;
      const method = (Array.isArray(route.method) ? route.method[0] : route.method) as string;
      const access = route.config?.access;
      const schema: RouteSchema = { ...out.schema };
      schema.security = access === 'public' ? [] : UNSAFE.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
      schema.operationId ??= operationId(method, route.url);
      schema.summary ??=
        schema.description?.split(/(?<=\.)\s/)[0] ?? `${method} ${route.url.replace(/^\/api\/v1/, '')}`;
      const responses = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
      const produces = route.config?.produces;
      if (produces)
        responses['200'] = {
          description: 'The file',
          content: Object.fromEntries(produces.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
        };
      responses['4XX'] ??= PROBLEM;
      schema.response = responses;
      return { ...out, schema };
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
}
