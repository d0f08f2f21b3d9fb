import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { RequestHandler, Router } from 'express';
import { findKey } from '../auth/keys';
import type { Deps } from '../deps';
import { AppError } from '../errors';

const COOKIE = 'claimtrack_admin';

function cookieKey(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * Admin-only pages. API clients send the Bearer key; a browser opens `/admin/queues?key=<admin key>`
 * once, which moves the key into an HttpOnly, SameSite=Strict cookie scoped to /admin and redirects
 * to the bare URL, so the key does not linger in the address bar or in history.
 */
export function requireAdmin(deps: Deps, options: { allowCookie: boolean }): RequestHandler {
  return async (req, res, next) => {
    let auth = req.auth;
    const fromQuery = options.allowCookie && typeof req.query.key === 'string' ? req.query.key : undefined;
    const fromCookie = options.allowCookie ? cookieKey(req.headers.cookie) : undefined;
    if (!auth && (fromQuery ?? fromCookie)) auth = await findKey(deps.db, (fromQuery ?? fromCookie)!);
    if (!auth)
      throw new AppError('unauthorized', 401, 'An admin key is required.', {}, { 'WWW-Authenticate': 'Bearer' });
    if (auth.role !== 'admin')
      throw new AppError('forbidden', 403, 'Only admin keys may open this page.', { role: auth.role });
    if (fromQuery) {
      res.setHeader(
        'Set-Cookie',
        `${COOKIE}=${encodeURIComponent(fromQuery)}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=28800`,
      );
      return res.redirect(303, req.baseUrl || '/admin/queues');
    }
    next();
  };
}

/** Bull Board over every queue of the job registry. */
export function queueDashboard(deps: Deps, basePath: string): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: deps.producer.allQueues().map((q) => new BullMQAdapter(q, { readOnlyMode: false })),
    // @bull-board/express pins its own copy of @bull-board/api; the adapter types differ only by that copy.
    serverAdapter: serverAdapter as never,
  });
  return serverAdapter.getRouter() as Router;
}
