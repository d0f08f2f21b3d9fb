import type { RequestHandler } from 'express';
import client from 'prom-client';
import type { Deps } from '../deps';
import { JOB_NAMES, JOBS } from '../jobs';

/** One registry per process; metric objects are module singletons so every part of the app shares them. */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'claimtrack_' });

export const httpDuration = new client.Histogram({
  name: 'claimtrack_http_request_duration_seconds',
  help: 'HTTP request duration by route, method and status',
  labelNames: ['route', 'method', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});
export const jobDuration = new client.Histogram({
  name: 'claimtrack_job_duration_seconds',
  help: 'Queue job duration by job and outcome',
  labelNames: ['job', 'outcome'],
  buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
  registers: [registry],
});
export const extractionDuration = new client.Histogram({
  name: 'claimtrack_extraction_duration_seconds',
  help: 'Time the pure extractor takes per article',
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
  registers: [registry],
});
export const claimsExtracted = new client.Counter({
  name: 'claimtrack_claims_extracted_total',
  help: 'Claims written by extraction, by speaker type',
  labelNames: ['speaker_type'],
  registers: [registry],
});

/** Gauges read on scrape: queue depths from Redis (bounded wait), articles and pool from Postgres. */
export function registerScrapeGauges(deps: Deps): void {
  for (const name of ['claimtrack_queue_jobs', 'claimtrack_articles', 'claimtrack_pg_pool_connections'])
    registry.removeSingleMetric(name);
  new client.Gauge({
    name: 'claimtrack_queue_jobs',
    help: 'Jobs per queue and state (waiting, active, delayed, failed, completed)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const name of JOB_NAMES) {
        const counts = await withTimeout(
          deps.producer.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
          1000,
        );
        for (const [state, n] of Object.entries(counts ?? {})) this.set({ queue: JOBS[name].queue, state }, n);
      }
    },
  });
  new client.Gauge({
    name: 'claimtrack_articles',
    help: 'Articles by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const result = await withTimeout(
        deps.db.query<{ status: string; n: number }>('select status, count(*)::int as n from article group by status'),
        1500,
      );
      for (const s of ['queued', 'processing', 'extracted', 'failed'])
        this.set({ status: s }, result?.rows.find((r) => r.status === s)?.n ?? 0);
    },
  });
  new client.Gauge({
    name: 'claimtrack_pg_pool_connections',
    help: 'Postgres pool connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, deps.db.totalCount);
      this.set({ state: 'idle' }, deps.db.idleCount);
      this.set({ state: 'waiting' }, deps.db.waitingCount);
    },
  });
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([p.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Times every request under its route pattern (not the raw URL, which would explode the label set). */
export const measureHttp: RequestHandler = (req, res, next) => {
  const end = httpDuration.startTimer();
  res.on('finish', () => {
    const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
    end({ route, method: req.method, status: String(res.statusCode) });
  });
  next();
};

export const metricsEndpoint: RequestHandler = async (_req, res) => {
  res.type(registry.contentType).send(await registry.metrics());
};
