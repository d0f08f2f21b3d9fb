import type { Server } from 'node:http';
import { jobHandlers } from '../../workers/handlers';
import { type Config, loadConfig } from '../config';
import { runMigrations } from '../db/migrate';
import { createPool } from '../db/pool';
import type { Deps } from '../deps';
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
}

export function buildDeps(config: Config, log: Logger): Deps {
  const db = createPool(config.DATABASE_URL, { max: 10 });
  const producer = new JobProducer({
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    attempts: config.EXTRACT_ATTEMPTS,
  });
  return { config, db, producer, log };
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
    await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), workers?.close()]);
    server.closeAllConnections?.();
    // Uploads cut by the shutdown show as stopped (failed/partial) at once, not after their heartbeat lapses.
    await stopUploadsInProgress(deps.db).catch(() => {});
    await deps.producer.close();
    await deps.db.end();
    log.info('stopped');
  };
  return { deps, server, port, stop };
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

/** SIGTERM/SIGINT drain once; a second signal or a stuck drain exits hard. */
export function stopOnSignals(running: Running, log: Logger, graceMs = 30_000): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'signal received');
    setTimeout(() => process.exit(1), graceMs).unref();
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
