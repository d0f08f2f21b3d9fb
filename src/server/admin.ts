import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type RequestHandler, type Router } from 'express';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { endSession, loginPage, sessionAuth, startSession } from './admin-session';

const forbidden = (role: string) => new AppError('forbidden', 403, 'Only admin keys may open this page.', { role });

/** /metrics: an admin Bearer key, nothing else (scrapers have no cookies). */
export function requireAdmin(): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth)
      throw new AppError('unauthorized', 401, 'An admin key is required.', {}, { 'WWW-Authenticate': 'Bearer' });
    if (req.auth.role !== 'admin') throw forbidden(req.auth.role);
    next();
  };
}

/**
 * The queue dashboard for browsers: a Bearer admin key, or a session cookie from the sign-in form (or from
 * `?key=`, which is moved into a session at once and dropped from the address). Without either, a sign-in
 * page, not a JSON problem.
 */
export function dashboardAuth(deps: Deps, basePath: string): Router {
  const router = express.Router();
  router.post('/login', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const key = typeof req.body?.key === 'string' ? req.body.key.trim() : '';
    const auth = key ? await startSession(deps, req, res, key) : undefined;
    if (auth?.role === 'admin') return res.redirect(303, basePath);
    res
      .status(auth ? 403 : 401)
      .type('html')
      .send(loginPage(`${basePath}/login`, auth ? 'This key is not an admin key.' : 'This key is unknown or revoked.'));
  });
  router.post('/logout', async (req, res) => {
    await endSession(deps, req, res);
    res.redirect(303, basePath);
  });
  router.use(async (req, res, next) => {
    if (req.auth) return req.auth.role === 'admin' ? next() : next(forbidden(req.auth.role));
    if (typeof req.query.key === 'string') {
      const auth = await startSession(deps, req, res, req.query.key);
      if (auth?.role === 'admin') return res.redirect(303, basePath);
      if (auth) return next(forbidden(auth.role));
    } else {
      const auth = await sessionAuth(deps, req);
      if (auth) {
        req.auth = auth;
        return next();
      }
    }
    res
      .status(401)
      .type('html')
      .send(loginPage(`${basePath}/login`));
  });
  return router;
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
