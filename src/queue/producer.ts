import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOB_NAMES, JOBS, type JobName, type JobPayload } from '../jobs';
import { createRedis } from './connection';

export interface QueueSettings {
  redisUrl: string;
  prefix: string;
  attempts: number;
}

export interface EnqueueItem<N extends JobName> {
  payload: JobPayload<N>;
  jobId: string;
}

/** Adds jobs to the queues of the registry. Callers enqueue only after their transaction commits. */
export class JobProducer {
  readonly redis: Redis;
  private readonly queues = new Map<JobName, Queue>();
  private readonly closers: (() => void)[] = [];

  constructor(private readonly settings: QueueSettings) {
    this.redis = createRedis(settings.redisUrl, 'producer');
  }

  queue(name: JobName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(JOBS[name].queue, {
        connection: this.redis,
        prefix: this.settings.prefix,
        defaultJobOptions: defaultJobOptions(this.settings.attempts),
      });
      queue.on('error', () => {});
      this.queues.set(name, queue);
    }
    return queue;
  }

  allQueues(): Queue[] {
    return JOB_NAMES.map((name) => this.queue(name));
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    jobId: string,
    opts: JobsOptions = {},
  ): Promise<void> {
    await this.queue(name).add(name, JOBS[name].payload.parse(payload), { ...opts, jobId });
  }

  async enqueueBulk<N extends JobName>(name: N, items: EnqueueItem<N>[], opts: JobsOptions = {}): Promise<void> {
    if (!items.length) return;
    const schema = JOBS[name].payload;
    await this.queue(name).addBulk(
      items.map((item) => ({ name, data: schema.parse(item.payload), opts: { ...opts, jobId: item.jobId } })),
    );
  }

  /** Connections derived from this one (e.g. a subscriber) close with it. */
  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  async close(): Promise<void> {
    for (const fn of this.closers.splice(0)) fn();
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => {})));
    this.redis.disconnect();
  }
}

export function defaultJobOptions(attempts: number): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: 1000 },
    // Completed jobs go at once so the same deterministic id can be enqueued again later (re-extraction);
    // Postgres, not Redis, remembers what was done.
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  };
}
