import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import type { RouteDef } from '../http/route';
import { Problem } from '../http/schemas';

const PROBLEM_TITLES: Record<number, string> = {
  400: 'Bad request: malformed JSON, invalid fields, path parameters or query',
  401: 'No valid API key (send `Authorization: Bearer <key>`)',
  403: 'The key’s role may not do this',
  404: 'Unknown id or route',
  409: 'Conflict with the current state (e.g. a transition that is not allowed)',
  412: 'If-Match is stale: the body holds the current state',
  413: 'Request body too large',
  415: 'Unsupported content type',
  422: 'The Idempotency-Key was used with a different request body',
  428: 'If-Match is required',
  429: 'Rate limit exceeded (see RateLimit-* and Retry-After)',
  500: 'Unexpected error',
  503: 'The database is unreachable (Retry-After says when to try again)',
};

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function problemStatuses(route: RouteDef): number[] {
  const statuses = new Set<number>([500, 503, ...(route.problems ?? [])]);
  if (route.params || route.query || route.body) statuses.add(400);
  if (route.body) statuses.add(415).add(413);
  if (route.auth !== 'public') statuses.add(401).add(429);
  if (Array.isArray(route.auth)) statuses.add(403);
  return [...statuses].sort();
}

function operation(route: RouteDef): ZodOpenApiOperationObject {
  const roles =
    route.auth === 'public'
      ? 'No key needed.'
      : route.auth === 'any'
        ? 'Any role.'
        : `Roles: admin, ${route.auth.join(', ')}.`;
  // biome-ignore lint/suspicious/noExplicitAny: status codes index the responses object
  const responses: Record<string, any> = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    responses[status] = spec.schema
      ? {
          description: spec.description,
          content: { [spec.contentType ?? 'application/json']: { schema: spec.schema } },
        }
      : {
          description: spec.description,
          ...(spec.contentType ? { content: { [spec.contentType]: { schema: z.string() } } } : {}),
        };
  }
  for (const status of problemStatuses(route)) {
    responses[String(status)] ??= {
      description: PROBLEM_TITLES[status] ?? 'Problem',
      content: { 'application/problem+json': { schema: Problem } },
    };
  }
  const headerShape: Record<string, z.ZodType> = {};
  for (const [name, h] of Object.entries(route.headers ?? {})) {
    headerShape[name] = h.required
      ? z.string().meta({ description: h.description })
      : z.string().optional().meta({ description: h.description });
  }
  const requestBody = route.body
    ? { required: true, content: { 'application/json': { schema: route.body } } }
    : route.bodyContentTypes
      ? {
          required: true,
          content: Object.fromEntries(
            route.bodyContentTypes.map((t) => [t, { schema: z.string().meta({ description: 'streamed body' }) }]),
          ),
        }
      : undefined;
  return {
    summary: route.summary,
    description: roles,
    tags: route.tags,
    operationId: `${route.method}${route.path.replace(/[:/{}-]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    security: route.auth === 'public' ? [] : [{ bearer: [] }],
    requestParams: {
      ...(route.params ? { path: route.params as z.ZodObject } : {}),
      ...(route.query ? { query: route.query as z.ZodObject } : {}),
      ...(Object.keys(headerShape).length ? { header: z.object(headerShape) } : {}),
    },
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document, generated from the very route definitions (and zod schemas) the API enforces. */
export function buildOpenApiDocument(routes: RouteDef[], info: { version: string; serverUrl?: string }) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'claimtrack API',
      version: info.version,
      description:
        'Articles in, attributable claims out, with a verification workflow. Errors are RFC 9457 problem+json with a stable `code`.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key from `claimtrack keys create`' },
      },
    },
    security: [{ bearer: [] }],
    paths,
  });
}
