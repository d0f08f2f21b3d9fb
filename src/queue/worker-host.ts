import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { JOB_NAMES, JOBS, type JobName, type JobPayload } from '../jobs';
import { jobDuration } from '../observability/metrics';
import { createRedis } from './connection';
import { isDependencyDown } from './outage';

export interface JobContext {
  job: Job;
  log: Logger;
  /** True on the last attempt BullMQ will make, so a handler can record a final failure. */
  finalAttempt: boolean;
}

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, ctx: JobContext) => Promise<unknown>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

export interface WorkerHostOptions {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  log: Logger;
  /** How often stalled jobs (of a crashed worker) are looked for; default 5 s. */
  stalledIntervalMs?: number;
  /** Only run these jobs (default: all of the registry). */
  only?: JobName[];
}

/** Starts one BullMQ worker per registered job; every handler re-validates its payload first. */
export function startWorkers(
  handlers: JobHandlers,
  options: WorkerHostOptions,
): { workers: Worker[]; close: () => Promise<void> } {
  const names = options.only ?? JOB_NAMES;
  for (const name of JOB_NAMES) {
    if (typeof handlers[name] !== 'function') throw new Error(`job ${name} has no handler`);
  }
  const connections: Redis[] = [];
  const workers = names.map((name) => {
    const connection = createRedis(options.redisUrl, 'worker');
    connections.push(connection);
    const worker = new Worker(
      JOBS[name].queue,
      (job, token) => runJob(name, handlers[name] as JobHandler<JobName>, job, token, options.log),
      {
        connection,
        prefix: options.prefix,
        concurrency: options.concurrency,
        // A crashed worker's jobs come back after this long and are retried (handlers are idempotent).
        stalledInterval: options.stalledIntervalMs ?? 5000,
        lockDuration: (options.stalledIntervalMs ?? 5000) * 2,
        maxStalledCount: 3,
      },
    );
    worker.on('error', (err) => options.log.warn({ err: err.message, queue: JOBS[name].queue }, 'queue worker error'));
    return worker;
  });
  return {
    workers,
    // close() waits for active jobs to finish, so SIGTERM never abandons half a job.
    close: async () => {
      await Promise.all(workers.map((w) => w.close().catch(() => {})));
      // BullMQ leaves connections it was given open; they are ours to close.
      for (const c of connections) c.disconnect();
    },
  };
}

async function runJob(
  name: JobName,
  handler: JobHandler<JobName>,
  job: Job,
  token: string | undefined,
  baseLog: Logger,
): Promise<unknown> {
  const parsed = JOBS[name].payload.safeParse(job.data);
  if (!parsed.success) {
    baseLog.error({ job: name, jobId: job.id, issues: parsed.error.issues }, 'job payload has the wrong shape');
    throw new UnrecoverableError(`invalid ${name} payload: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const payload = parsed.data as JobPayload<JobName> & { requestId?: string };
  const log = baseLog.child({ job: name, jobId: job.id, attempt: job.attemptsMade + 1, reqId: payload.requestId });
  const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const started = process.hrtime.bigint();
  try {
    const result = await handler(payload, { job, log, finalAttempt });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    jobDuration.observe({ job: name, outcome: 'done' }, ms / 1000);
    log.info({ ms }, 'job done');
    return result;
  } catch (err) {
    jobDuration.observe({ job: name, outcome: 'failed' }, Number(process.hrtime.bigint() - started) / 1e9);
    if (isDependencyDown(err) && token) await deferDuringOutage(job, token, log, err);
    log.warn({ err: err instanceof Error ? err.message : String(err), finalAttempt }, 'job failed');
    throw err;
  }
}

// Short, so the backlog moves within seconds of Postgres or Redis coming back.
const OUTAGE_RETRY_MS = [500, 1000, 2000, 5000];

/**
 * A job that failed because Postgres or Redis is unreachable is delayed and run again without spending
 * an attempt: an outage, however long, never parks articles in the failed set. If Redis itself is down
 * the move fails too, and the job's expired lock brings it back as a stalled job instead.
 */
async function deferDuringOutage(job: Job, token: string, log: Logger, err: unknown): Promise<void> {
  const outages = Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
  const delay = OUTAGE_RETRY_MS[Math.min(outages, OUTAGE_RETRY_MS.length - 1)]!;
  try {
    await job.moveToDelayed(Date.now() + delay, token);
  } catch {
    return;
  }
  log.warn({ err: err instanceof Error ? err.message : String(err), retryInMs: delay }, 'dependency down; job delayed');
  throw new DelayedError();
}
