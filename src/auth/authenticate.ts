import type { Request, RequestHandler } from 'express';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { SharedCounter } from '../server/shared-counter';
import { KeyCache, revocationChannel } from './key-cache';
import { hashKey, KEY_SHAPE } from './keys';
import { findActiveKeyByHash, touchKey } from './repository';
import type { AuthContext } from './types';

const WINDOW_MS = 60_000;
const TOUCH_EVERY_MS = 60_000;
// Probes must answer whatever a load balancer sends along.
const PROBES = new Set(['/healthz', '/readyz']);

const unauthorized = (detail: string) =>
  new AppError('unauthorized', 401, detail, {}, { 'WWW-Authenticate': 'Bearer' });

/**
 * Reads `Authorization: Bearer <key>` and sets req.auth. Routes decide what they need; a malformed or
 * unknown key is rejected here so it never reads as anonymous. Known keys come from a per-process cache
 * (see KeyCache). Failed attempts are counted per client address across processes: past
 * AUTH_FAILURES_PER_MINUTE an address gets 429 and its unknown keys are no longer looked up.
 * A key that is not of our shape is refused without a lookup at all.
 */
export function authenticate(deps: Deps): RequestHandler {
  const { config, db, producer, log } = deps;
  const cache = new KeyCache(producer.redis, revocationChannel(config.QUEUE_PREFIX), log, (fn) => producer.onClose(fn));
  const failures = new SharedCounter(producer.redis, `${config.QUEUE_PREFIX}:auth-fail:`, log);
  failures.init({ windowMs: WINDOW_MS } as never);
  const touched = new Map<string, number>();

  const tooMany = (retryAfterMs: number) =>
    new AppError(
      'too_many_failed_authentications',
      429,
      `More than ${config.AUTH_FAILURES_PER_MINUTE} failed authentications a minute from this address; wait.`,
      {},
      { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
    );
  const refuse = async (req: Request, detail: string): Promise<never> => {
    const { totalHits, resetTime } = await failures.increment(req.ip ?? 'unknown');
    if (totalHits > config.AUTH_FAILURES_PER_MINUTE) throw tooMany((resetTime?.getTime() ?? 0) - Date.now());
    throw unauthorized(detail);
  };
  // last_used_at at most once a minute per key and process, never on the request's critical path.
  const recordUse = (auth: AuthContext) => {
    const now = Date.now();
    if ((touched.get(auth.keyId) ?? 0) > now - TOUCH_EVERY_MS) return;
    if (touched.size > 10_000) touched.clear();
    touched.set(auth.keyId, now);
    touchKey(db, auth.keyId).catch((err) => log.debug({ err: (err as Error).message }, 'last_used_at not recorded'));
  };

  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (!header || PROBES.has(req.path)) return next();
    const key = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (!key) return refuse(req, 'The Authorization header must be `Bearer <key>`.');
    if (!KEY_SHAPE.test(key)) return refuse(req, 'The API key is unknown or revoked.');
    const hash = hashKey(key);
    let auth = cache.get(hash);
    if (!auth) {
      const seen = await failures.get(req.ip ?? 'unknown');
      if (seen && seen.totalHits > config.AUTH_FAILURES_PER_MINUTE)
        throw tooMany((seen.resetTime?.getTime() ?? 0) - Date.now());
      const row = await findActiveKeyByHash(db, hash);
      if (!row) return refuse(req, 'The API key is unknown or revoked.');
      auth = { keyId: row.id, name: row.name, role: row.role };
      cache.set(hash, auth);
    }
    recordUse(auth);
    req.auth = auth;
    next();
  };
}
