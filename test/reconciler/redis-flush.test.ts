import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { Redis } from 'ioredis';
import { startWorkers } from '../../src/queue/worker-host';
import { startReconciler } from '../../src/reconciler/reconcile';
import { jobHandlers } from '../../workers/handlers';
import { ensureImportSchema, ndjson, postImport, waitFinished, warmExtractor, buildLongArticle } from '../imports/support';
import { eventually, startTestApp, type TestApp } from '../support/app';

jest.setTimeout(90_000);

/** A Redis of our own on a free port, so FLUSHALL cannot touch other test files. */
async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await eventually(async () => {
    const r = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    r.on('error', () => {});
    try {
      await r.connect();
      return (await r.ping()) === 'PONG';
    } finally {
      r.disconnect();
    }
  }, 10_000);
  return { url, child };
}

let redis: { url: string; child: ChildProcess };
let app: TestApp;
let admin: Redis;
const stops: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp({ REDIS_URL: redis.url, RECONCILE_EVERY_SECONDS: '1', EXTRACT_LEASE_SECONDS: '5' });
  await ensureImportSchema(app);
  warmExtractor();
  admin = new Redis(redis.url);
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  admin.disconnect();
  await app.close();
  redis.child.kill('SIGKILL');
});

describe('when Redis loses all its data in the middle of an import', () => {
  it('then the reconciler rebuilds the queue from Postgres and the import still completes', async () => {
    const deps = app.deps;
    const workers = startWorkers(jobHandlers(deps), {
      redisUrl: redis.url,
      prefix: deps.config.QUEUE_PREFIX,
      concurrency: 2,
      log: deps.log,
      stalledIntervalMs: 1000,
    });
    const reconciler = startReconciler(deps, { timer: true });
    stops.push(() => workers.close(), () => reconciler.stop());

    const posted = await postImport(app, ndjson(Array.from({ length: 300 }, () => buildLongArticle())));
    expect(posted.status).toBe(202);
    const id = posted.body.id as string;
    await eventually(async () => (await app.request('GET', `/v1/imports/${id}`)).body.totals.extracted >= 10, 30_000);
    await admin.flushall();
    expect((await app.request('GET', `/v1/imports/${id}`)).body.totals.pending).toBeGreaterThan(0);

    const done = await waitFinished(app, id, 60_000);
    expect(done.totals).toMatchObject({ queued: 300, extracted: 300, failed: 0, pending: 0 });
  });
});
