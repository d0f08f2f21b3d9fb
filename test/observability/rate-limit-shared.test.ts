import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { startTestApp, type TestApp } from '../support/app';
import { type OwnRedis, startRedis } from '../support/redis-server';
import { type Instance, startSecondInstance } from '../support/second-instance';

describe('when two API processes serve the same key', () => {
  let app: TestApp;
  let other: Instance;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '6' });
    other = await startSecondInstance(app);
  });
  afterAll(async () => {
    await other.close();
    await app.close();
  });

  it('then the limit counts the requests to both together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await app.request('GET', '/v1/claims', { key: app.keys.reviewer })).status);
      statuses.push((await other.request('/v1/claims', app.keys.reviewer)).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    expect(statuses.slice(6)).toEqual([429, 429, 429, 429]);
  });
});

describe('when two API processes serve a key with a limit large enough to count in batches', () => {
  let app: TestApp;
  let other: Instance;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '200' });
    other = await startSecondInstance(app);
  });
  afterAll(async () => {
    await other.close();
    await app.close();
  });

  it('then together they let exactly the limit through, and the remaining count goes down by one each time', async () => {
    const statuses: number[] = [];
    const remaining: number[] = [];
    for (let i = 0; i < 110; i++) {
      const mine = await app.request('GET', '/v1/claims?limit=1', { key: app.keys.reviewer });
      const theirs = await other.request('/v1/claims?limit=1', app.keys.reviewer);
      statuses.push(mine.status, theirs.status);
      for (const r of [mine.headers, theirs.headers])
        remaining.push(Number(/remaining=(\d+)/.exec(r.get('ratelimit') ?? '')?.[1]));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(200);
    expect(statuses.slice(200).every((s) => s === 429)).toBe(true);
    // Each process hands out its own numbers; across both, every count from 199 down to 0 is seen once.
    expect(new Set(remaining.slice(0, 200)).size).toBe(200);
  });
});

describe('when Redis is unreachable', () => {
  let app: TestApp;
  let redis: OwnRedis;
  const logged: string[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged.push(String(chunk));
        done();
      },
    });
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3', REDIS_URL: redis.url }, { log: createLogger('warn', sink) });
    await redis.stop();
  });
  afterAll(async () => {
    redis = await startRedis(redis.port);
    await app.close();
    await redis.stop();
  });

  it('then each process still limits on its own, and says so in the log', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await app.request('GET', '/v1/claims', { key: app.keys.editor })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(logged.join('\n')).toMatch(/rate limits: Redis unreachable, counting in this process only/);
  });
});
