import cors from 'cors';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Config } from '../config';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { sendProblem } from '../http/problem';
import { SharedCounter } from './shared-counter';

// helmet's default CSP carries `upgrade-insecure-requests`: served over plain HTTP on a LAN address the
// browser would then fetch our own scripts and styles over https and fail. Behind a TLS proxy everything
// is https already, so dropping it costs nothing there.
const NO_UPGRADE = { 'upgrade-insecure-requests': null };

/** Security headers; the API and the review page load nothing from elsewhere. */
export const securityHeaders = (): RequestHandler => helmet({ contentSecurityPolicy: { directives: NO_UPGRADE } });

// Swagger UI and Bull Board ship inline styles and scripts we do not control; Bull Board's page also
// loads its IBM Plex web font from Google Fonts.
export const relaxedSecurityHeaders = (): RequestHandler =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
        'font-src': ["'self'", 'data:', 'https://fonts.gstatic.com'],
        'img-src': ["'self'", 'data:'],
        ...NO_UPGRADE,
      },
    },
  });

/** CORS_ORIGIN: empty = same-origin only, `*` = any origin, else a comma-separated list. */
export function corsPolicy(config: Config): RequestHandler {
  const origins = config.CORS_ORIGIN.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const policy = cors({
    origin: origins.includes('*') ? true : origins,
    exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Request-Id'],
  });
  // A request without Origin is not a CORS request (servers, curl, same-origin GETs): the cors package would
  // only add Vary: Origin and an Expose-Headers list no browser reads, at a few microseconds a request.
  return (req, res, next) => {
    if (req.headers.origin !== undefined) return policy(req, res, next);
    res.vary('Origin');
    next();
  };
}

/**
 * Per-key rate limit (per IP when no key), with the standard RateLimit headers. The counters live in
 * Redis, so the limit holds across API processes (in each process's memory while Redis is down).
 */
export function rateLimitPerKey({ config, producer, log }: Deps): RequestHandler {
  return rateLimit({
    store: new SharedCounter(producer.redis, `${config.QUEUE_PREFIX}:rate:`, log, config.RATE_LIMIT_PER_MINUTE),
    windowMs: 60_000,
    limit: config.RATE_LIMIT_PER_MINUTE,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => (req.auth ? `key:${req.auth.keyId}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`),
    skip: (req) => req.path === '/healthz' || req.path === '/readyz',
    handler: (req, res, _next, options) => {
      const retryAfter = Math.ceil(options.windowMs / 1000);
      sendProblem(
        res,
        req,
        new AppError(
          'rate_limited',
          429,
          `More than ${options.limit} requests a minute with this key; slow down.`,
          {},
          { 'Retry-After': String(retryAfter) },
        ),
      );
    },
  });
}
