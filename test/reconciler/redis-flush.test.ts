import { Redis } from 'ioredis';
import { startWorkers } from '../../src/queue/worker-host';
import { startReconciler } from '../../src/reconciler/reconcile';
import { jobHandlers } from '../../workers/handlers';
import {
  ensureImportSchema,
  ndjson,
  postImport,
  waitFinished,
  warmExtractor,
  buildLongArticle,
} from '../imports/support';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { type OwnRedis, startRedis } from '../support/redis-server';

jest.setTimeout(90_000);

let redis: OwnRedis;
let app: TestApp;
let admin: Redis;
const stops: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  redis = await startRedis();
  // The shipped stall interval, lease and reconcile period: recovery must take seconds with them.
  app = await startTestApp({ REDIS_URL: redis.url });
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
    });
    const reconciler = startReconciler(deps, { timer: true });
    stops.push(
      () => workers.close(),
      () => reconciler.stop(),
    );

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
