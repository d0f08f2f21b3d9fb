import type { Server } from 'node:http';
import { jobHandlers } from '../../workers/handlers';
import { type Config, loadConfig } from '../config';
import { runMigrations } from '../db/migrate';
import { createPool } from '../db/pool';
import type { Deps } from '../deps';
import { ExtractionPool } from '../extraction-pool/pool';
import { stopUploadsInProgress } from '../imports/lifecycle';
import { createLogger, type Logger } from '../logger';
import { JobProducer } from '../queue/producer';
import { startWorkers } from '../queue/worker-host';
import { startReconciler } from '../reconciler/reconcile';
import { createApp } from './app';
import { checkPostgres, checkRedis, DependencyDown } from './preflight';

export interface Running {
  deps: Deps;
  server?: Server;
  port?: number;
  /** Drains: stop accepting, let active jobs finish, close connections. */
  stop: () => Promise<void>;
  /** Ends requests still running (a long upload), so their handlers see the abort before the process exits. */
  abortRequests?: () => void;
}

export function buildDeps(config: Config, log: Logger): Deps {
  const db = createPool(config.DATABASE_URL, { max: config.PG_POOL_MAX, keepConnections: true });
  const producer = new JobProducer({
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    attempts: config.EXTRACT_ATTEMPTS,
  });
  const extractor = new ExtractionPool({
    threads: config.EXTRACT_THREADS,
    threadMaxMb: config.EXTRACT_THREAD_MAX_MB,
    timeoutSeconds: config.EXTRACT_TIMEOUT_SECONDS,
    model: config.EXTRACTOR_MODEL,
  });
  return { config, db, producer, log, extractor };
}

/** Postgres is required; without Redis the API still takes articles (they wait in Postgres). */
async function prepare(config: Config, log: Logger, needRedis: boolean): Promise<void> {
  await checkPostgres(config);
  try {
    await checkRedis(config);
  } catch (err) {
    if (needRedis || !(err instanceof DependencyDown)) throw err;
    log.warn(`${err.message}\nServing anyway: articles are stored and will be extracted once Redis is reachable.`);
  }
  await runMigrations(config.DATABASE_URL, (msg) => log.info(msg));
}

export async function startServer(options: { worker: boolean; config?: Config; log?: Logger }): Promise<Running> {
  const config = options.config ?? loadConfig();
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  await prepare(config, log, false);
  const deps = buildDeps(config, log);
  const app = createApp(deps);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ port, worker: options.worker }, `claimtrack API listening on http://localhost:${port}`);
  const workers = options.worker ? startWorkers(jobHandlers(deps), workerOptions(config, log)) : undefined;
  // Articles stored while Redis was away are enqueued now; with a worker, also on a timer.
  const reconciler = startReconciler(deps, { timer: options.worker });
  const stop = async () => {
    log.info('draining: no new requests, finishing active jobs');
    reconciler.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections with no request would otherwise hold server.close() open.
    server.closeIdleConnections();
    await Promise.all([closed, workers?.close()]);
    // Uploads cut by the shutdown show as stopped (failed/partial) at once, not after their heartbeat lapses.
    await stopUploadsInProgress(deps.db).catch(() => {});
    await deps.producer.close();
    await deps.extractor.close();
    await deps.db.end();
    log.info('stopped');
  };
  return { deps, server, port, stop, abortRequests: () => server.closeAllConnections() };
}

export async function startWorkerProcess(options: { config?: Config; log?: Logger } = {}): Promise<Running> {
  const config = options.config ?? loadConfig();
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  await prepare(config, log, true);
  const deps = buildDeps(config, log);
  const workers = startWorkers(jobHandlers(deps), workerOptions(config, log));
  const reconciler = startReconciler(deps, { timer: true });
  log.info({ concurrency: config.WORKER_CONCURRENCY, prefix: config.QUEUE_PREFIX }, 'claimtrack worker started');
  return {
    deps,
    stop: async () => {
      log.info('draining: finishing active jobs');
      reconciler.stop();
      await workers.close();
      await deps.producer.close();
      await deps.extractor.close();
      await deps.db.end();
      log.info('stopped');
    },
  };
}

function workerOptions(config: Config, log: Logger) {
  return {
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    stalledIntervalMs: config.STALLED_INTERVAL_MS,
    log,
  };
}

/**
 * SIGTERM/SIGINT drain once, within SHUTDOWN_DEADLINE_SECONDS whatever is down: requests still running at
 * four fifths of it are cut (so an upload's handler can record where it stopped), and at the deadline the
 * process exits even if Redis or Postgres never answers. A second signal exits at once.
 */
export function stopOnSignals(running: Running, log: Logger): void {
  const deadlineMs = running.deps.config.SHUTDOWN_DEADLINE_SECONDS * 1000;
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal, deadlineMs }, 'signal received');
    if (running.abortRequests) setTimeout(running.abortRequests, deadlineMs * 0.8).unref();
    setTimeout(() => {
      log.warn({ deadlineMs }, 'drain deadline passed; exiting');
      process.exit(1);
    }, deadlineMs).unref();
    running.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}
