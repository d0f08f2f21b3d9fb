import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { ZodType, z } from 'zod';
import type { AuthContext, Role } from '../auth/types';
import { AppError } from '../errors';
import { findBadText } from './text';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  schema?: ZodType;
  contentType?: string;
}

/**
 * One route, described once: express mounts it with validation and auth, and the OpenAPI document is
 * generated from the same definition, so the docs cannot drift from what is enforced.
 */
export interface RouteDef<P extends ZodType = ZodType, Q extends ZodType = ZodType, B extends ZodType = ZodType> {
  method: Method;
  /** Express-style path, e.g. `/v1/articles/:id`. */
  path: string;
  summary: string;
  tags: string[];
  /** Roles allowed; 'any' means every authenticated role; 'public' needs no key. Admin may do everything. */
  auth: Role[] | 'any' | 'public';
  params?: P;
  query?: Q;
  body?: B;
  /** Request content types accepted when the body is not plain JSON (streams). */
  bodyContentTypes?: string[];
  headers?: Record<string, { description: string; required?: boolean }>;
  responses: Record<number, ResponseSpec>;
  /** Problem statuses this route can answer with, beyond the common ones. */
  problems?: number[];
  handler: (ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<void> | void;
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  auth: AuthContext | undefined;
  req: Request;
  res: Response;
}

export function defineRoute<P extends ZodType, Q extends ZodType, B extends ZodType>(def: RouteDef<P, Q, B>): RouteDef {
  return def as unknown as RouteDef;
}

function issuesOf(error: z.ZodError, where: string) {
  return error.issues.map((i) => ({ in: where, path: i.path.join('.'), message: i.message }));
}

/** NUL, lone surrogates and U+FFFD are refused wherever they come, before any schema (see ./text.ts). */
function refuseBadText(def: RouteDef, req: Request): void {
  const sources: [string, unknown][] = [
    ['path', req.params],
    ['query', req.query],
  ];
  if (def.body) sources.push(['body', req.body]);
  for (const [where, value] of sources) {
    const bad = findBadText(value);
    if (!bad) continue;
    throw new AppError('invalid_text', 400, `The ${where} ${bad.path ? `field ${bad.path} ` : ''}${bad.message}.`, {
      errors: [{ in: where, path: bad.path, offset: bad.offset, message: bad.message }],
    });
  }
}

function validate(def: RouteDef, req: Request) {
  refuseBadText(def, req);
  const params = def.params ? def.params.safeParse(req.params) : { success: true as const, data: req.params };
  if (!params.success) {
    throw new AppError('invalid_path_parameter', 400, 'A path parameter is malformed (ids are UUIDs).', {
      errors: issuesOf(params.error, 'path'),
    });
  }
  const query = def.query ? def.query.safeParse(req.query) : { success: true as const, data: req.query };
  if (!query.success) {
    throw new AppError('invalid_query', 400, 'The query string is invalid.', {
      errors: issuesOf(query.error, 'query'),
    });
  }
  let body: unknown;
  if (def.body) {
    const length = req.headers['content-length'];
    const hasBody = length !== undefined ? length !== '0' : req.headers['transfer-encoding'] !== undefined;
    if (!hasBody || (req.body === undefined && req.is('application/json'))) {
      throw new AppError('missing_body', 400, 'This endpoint needs a JSON body (Content-Type: application/json).');
    }
    if (!req.is('application/json')) {
      throw new AppError('unsupported_media_type', 415, 'Send the body as application/json.');
    }
    const parsed = def.body.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError('validation_failed', 400, 'The request body is invalid.', {
        errors: issuesOf(parsed.error, 'body'),
      });
    }
    body = parsed.data;
  }
  return { params: params.data, query: query.data, body };
}

function authorize(def: RouteDef, auth: AuthContext | undefined): void {
  if (def.auth === 'public') return;
  if (!auth)
    throw new AppError(
      'unauthorized',
      401,
      'Send a valid API key as `Authorization: Bearer <key>`.',
      {},
      { 'WWW-Authenticate': 'Bearer' },
    );
  if (def.auth === 'any' || auth.role === 'admin' || def.auth.includes(auth.role)) return;
  throw new AppError(
    'forbidden',
    403,
    `The ${auth.role} role may not do this; allowed: ${['admin', ...def.auth].join(', ')}.`,
    {
      role: auth.role,
      allowed_roles: ['admin', ...def.auth],
    },
  );
}

/** '/v1/claims/:id' → '/v1/claims': the first two segments, which no route path makes a parameter. */
const groupOf = (path: string) => `/${path.toLowerCase().split('/').filter(Boolean).slice(0, 2).join('/')}`;

/**
 * Mounts the routes grouped by their first two path segments, so a request is matched against the few
 * routes of its group instead of walking every route's pattern (express tries them one by one).
 * Case-insensitive like express's own matching; within a group, routes keep their order.
 */
export function mountRoutes(router: Router, defs: RouteDef[], before: RequestHandler[] = []): void {
  const groups = new Map<string, Router>();
  for (const def of defs) {
    const group = groupOf(def.path);
    if (group.includes(':')) throw new Error(`${def.path}: a parameter in the first two segments cannot be grouped`);
    if (!groups.has(group)) groups.set(group, express.Router());
    groups.get(group)![def.method](def.path, ...before, async (req, res) => {
      authorize(def, req.auth);
      const { params, query, body } = validate(def, req);
      await def.handler({ params, query, body, auth: req.auth, req, res });
    });
  }
  router.use((req, res, next) => {
    const group = groups.get(groupOf(req.path));
    if (group) group(req, res, next);
    else next();
  });
}
