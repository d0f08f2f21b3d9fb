import type { RequestHandler } from 'express';
import { batchedLog, type Logger } from '../logger';

const PROBES = new Set(['/healthz', '/readyz']);

/**
 * One log line per request when it ends, as pino-http wrote it (`req: {method, url}`, `res: {status}`,
 * `responseTime`, `reqId`; "request completed", "request aborted" or "request errored"), without the two
 * child loggers pino-http made for every request. Method and path only: no headers (keys), no query, no
 * bodies (articles) reach the logs. Probes are not logged.
 */
export function requestLog(parent: Logger): RequestHandler {
  // Routine lines, batched; a request that errored is written at once.
  const log = batchedLog(parent);
  return (req, res, next) => {
    if (PROBES.has(req.path)) return next();
    const started = Date.now();
    const url = req.originalUrl.split('?')[0];
    const done = (err?: Error) => {
      res.off('finish', done);
      res.off('close', done);
      res.off('error', done);
      const line = {
        reqId: req.id,
        req: { method: req.method, url },
        res: { status: res.statusCode },
        responseTime: Date.now() - started,
      };
      if (err || res.statusCode >= 500)
        parent.info({ ...line, err: err ?? new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
      else log.info(line, !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted');
    };
    res.on('finish', done);
    res.on('close', done);
    res.on('error', done);
    next();
  };
}
