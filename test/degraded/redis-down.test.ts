import { reconcileOnce } from '../../src/reconciler/reconcile';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';
import { type OwnRedis, startRedis } from '../support/redis-server';

jest.setTimeout(60_000);

let redis: OwnRedis;
let app: TestApp;
beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp({ REDIS_URL: redis.url });
});
afterAll(async () => {
  await app.close();
  await redis.stop();
});

describe('when Redis is unreachable', () => {
  it('then articles are still accepted, reads work, readyz reports redis down, and extraction happens once Redis is back', async () => {
    await redis.stop();
    const started = Date.now();
    const posted = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: buildArticle() });
    expect(posted.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(2000);
    const stored = await app.request('GET', `/v1/articles/${posted.body.id}`);
    expect(stored.body.status).toBe('queued');
    const ready = await app.request('GET', '/readyz', { key: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ postgres: 'ok', redis: 'down' });

    // Redis comes back empty on the same address; nobody re-sends the article.
    redis = await startRedis(redis.port);
    app.startWorker();
    await eventually(async () => (await app.request('GET', '/readyz', { key: null })).body.redis === 'ok', 15_000);
    await app.deps.db.query("update article set updated_at = now() - interval '1 minute' where id = $1", [
      posted.body.id,
    ]);
    const done = await eventually(async () => {
      const r = await app.request('GET', `/v1/articles/${posted.body.id}`);
      if (r.body.status !== 'extracted') await reconcileOnce(app.deps);
      return r.body.status === 'extracted' && r.body;
    }, 20_000);
    expect(done.claim_count).toBeGreaterThan(0);
  });
});
