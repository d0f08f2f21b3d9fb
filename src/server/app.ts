import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import swaggerUi from 'swagger-ui-express';
import { authenticate } from '../auth/authenticate';
import type { Deps } from '../deps';
import { EXTRACTOR } from '../extraction';
import { chain } from '../http/chain';
import { notFoundRoute, problemMiddleware } from '../http/problem';
import { mountRoutes } from '../http/route';
import { refuseInvalidUtf8 } from '../http/text';
import { measureHttp, metricsEndpoint, registerScrapeGauges } from '../observability/metrics';
import { buildOpenApiDocument } from '../openapi/document';
import { bornAsExpress } from './born-express';
import { fixedHeaders } from './fixed-headers';
import { dashboardAuth, queueDashboard, requireAdmin } from './admin';
import { corsPolicy, rateLimitPerKey, relaxedSecurityHeaders, securityHeaders } from './middleware';
import { workspace } from '../web/serve';
import { requestLog } from './request-log';
import { allRoutes } from './routes';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
// Swagger UI and the queue dashboard need the relaxed policy (see ./middleware.ts); everything else the strict one.
const RELAXED = /^\/(?:docs|admin)(?:\/|$)/i;

/** TRUST_PROXY as express wants it: a boolean, a hop count, or the proxies' addresses. */
const trustProxy = (setting: string): boolean | number | string =>
  setting === 'true' ? true : setting === 'false' ? false : /^\d+$/.test(setting) ? Number(setting) : setting;

/** Builds the express app; no listening, so tests can serve it on port 0. */
export function createApp(deps: Deps): Express {
  const app = express();
  bornAsExpress(app);
  const routes = allRoutes(deps);
  app.disable('x-powered-by');
  // No SHA-1 of every response body for a weak ETag nobody revalidates with: claims carry their own
  // version ETag (set by the routes), and the workspace's static files get theirs from serve-static.
  app.set('etag', false);
  app.set('trust proxy', trustProxy(deps.config.TRUST_PROXY));
  const requestId: RequestHandler = (req, res, next) => {
    const given = req.headers['x-request-id'];
    req.id = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    next();
  };
  const [strict, relaxed] = [fixedHeaders(securityHeaders()), fixedHeaders(relaxedSecurityHeaders())];
  const headers: RequestHandler = (req, res, next) => (RELAXED.test(req.path) ? relaxed : strict)(req, res, next);
  app.use(chain(requestId, requestLog(deps.log), measureHttp, headers, corsPolicy(deps.config)));

  const document = buildOpenApiDocument(routes, { version: EXTRACTOR.version, serverUrl: deps.config.PUBLIC_URL });
  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use(
    '/docs',
    swaggerUi.serve,
    swaggerUi.setup(undefined, { swaggerOptions: { url: '/openapi.json' }, customSiteTitle: 'claimtrack API' }),
  );
  // The workspace's static files would cost a filesystem lookup on every API request.
  const web = workspace();
  app.use((req, res, next) => (req.path.startsWith('/v1/') ? next() : web(req, res, next)));

  const json = express.json({
    limit: deps.config.BODY_LIMIT,
    strict: true,
    type: ['application/json', 'application/*+json'],
    // The parser would decode invalid UTF-8 to U+FFFD without a word; refuse it, naming the byte.
    verify: refuseInvalidUtf8,
  });
  // No route reads a body on GET or HEAD; skipping the parser there skips its content-type checks too.
  const body: RequestHandler = (req, res, next) =>
    req.method === 'GET' || req.method === 'HEAD' ? next() : json(req, res, next);
  app.use(chain(body, authenticate(deps), rateLimitPerKey(deps)));
  registerScrapeGauges(deps);
  app.get('/metrics', requireAdmin(), metricsEndpoint);
  app.use('/admin/queues', dashboardAuth(deps, '/admin/queues'), queueDashboard(deps, '/admin/queues'));
  const router = express.Router();
  mountRoutes(router, routes);
  app.use(router);
  app.use(notFoundRoute);
  app.use(problemMiddleware(deps.log));
  return app;
}
