import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors';

export const PROBLEM_TYPE_BASE = 'https://claimtrack.dev/problems/';

/** Errors from pg or the network that mean "the database is not there right now", not a bug. */
const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (e.code && DB_DOWN_CODES.has(e.code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/i.test(e.message ?? '');
}

/** Maps anything thrown to an AppError; unknown errors become a 500 that reveals nothing internal. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; limit?: number; expose?: boolean; code?: string; offset?: number };
  // The router could not decode a path parameter (`/v1/articles/%ZZ`).
  if (err instanceof URIError) return new AppError('invalid_path', 400, 'The path holds a malformed percent-encoding.');
  // zlib's codes: a body sent as gzip/deflate/br that is not, or is cut short.
  if (typeof e?.code === 'string' && e.code.startsWith('Z_'))
    return new AppError(
      'invalid_content_encoding',
      400,
      'The body does not decode with its Content-Encoding (not compressed that way, or cut short).',
    );
  switch (e?.type) {
    case 'entity.parse.failed':
      return new AppError('malformed_json', 400, 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AppError('payload_too_large', 413, `The request body exceeds the limit of ${e.limit} bytes.`, {
        limit: e.limit,
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_encoding', 415, 'The request body encoding is not supported; send UTF-8.');
    case 'encoding.invalid_utf8':
      return new AppError('invalid_utf8', 400, `The body is not valid UTF-8 (first bad byte at offset ${e.offset}).`, {
        offset: e.offset,
      });
    case 'request.aborted':
      return new AppError('request_aborted', 400, 'The client closed the connection before the body was read.');
  }
  // Any other client error the body parser or router names (http-errors, `expose`): still the client's.
  if (e?.expose && typeof e.status === 'number' && e.status >= 400 && e.status < 500)
    return new AppError('bad_request', e.status, 'The request could not be read.');
  if (isDatabaseUnavailable(err)) {
    return new AppError(
      'database_unavailable',
      503,
      'The database is unreachable; nothing was written. Try again shortly.',
      {},
      { 'Retry-After': '5' },
    );
  }
  return new AppError('internal_error', 500, 'An unexpected error occurred. It has been logged.');
}

export function sendProblem(
  res: Parameters<RequestHandler>[1],
  req: Parameters<RequestHandler>[0],
  err: AppError,
): void {
  for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
  // An answer before the body was read to its end (a feed over its limit): the rest will never be read, so the
  // connection ends with the answer (RFC 9112, 9.6) rather than idling half-read until its keep-alive runs out.
  if (!req.complete) res.setHeader('connection', 'close');
  res
    .status(err.status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: PROBLEM_TYPE_BASE + err.code,
        title: STATUS_CODES[err.status] ?? 'Error',
        status: err.status,
        detail: err.detail,
        instance: req.originalUrl,
        code: err.code,
        request_id: req.id,
        ...err.extra,
      }),
    );
}

/** The one error middleware: every failure leaves as RFC 9457 application/problem+json. */
export function problemMiddleware(log: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const problem = toAppError(err);
    if (problem.status >= 500) log.error({ err, reqId: req.id, code: problem.code }, 'request failed');
    sendProblem(res, req, problem);
  };
}

export const notFoundRoute: RequestHandler = (req, res) => {
  sendProblem(res, req, new AppError('route_not_found', 404, `No route for ${req.method} ${req.path}.`));
};
