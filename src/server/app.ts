import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import { authenticate } from '../auth/keys';
import type { Deps } from '../deps';
import { notFoundRoute, problemMiddleware } from '../http/problem';
import { mountRoutes } from '../http/route';
import { allRoutes } from './routes';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the express app; no listening, so tests can serve it on port 0. */
export function createApp(deps: Deps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((req, res, next) => {
    const given = req.headers['x-request-id'];
    req.id = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    next();
  });
  app.use(express.json({ limit: deps.config.BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'] }));
  app.use(authenticate(deps.db));
  const router = express.Router();
  mountRoutes(router, allRoutes(deps));
  app.use(router);
  app.use(notFoundRoute);
  app.use(problemMiddleware(deps.log));
  return app;
}
