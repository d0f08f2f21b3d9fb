import { Redis } from 'ioredis';
import { HitRanges } from '../../src/server/hit-ranges';
import { newQueuePrefix, REDIS_URL } from '../support/env';

describe('when a busy key has used half of the hits its process reserved', () => {
  const prefix = `${newQueuePrefix()}:rate:`;
  const redis = new Redis(REDIS_URL);
  let evals = 0;
  const evalInRedis = redis.eval.bind(redis);
  redis.eval = ((...args: Parameters<Redis['eval']>) => {
    evals++;
    return evalInRedis(...args);
  }) as Redis['eval'];
  afterAll(async () => {
    await redis.del(`${prefix}key:busy`);
    redis.disconnect();
  });

  it('then the request that uses up the range finds the next one reserved, without a round trip of its own', async () => {
    const ranges = new HitRanges(redis, prefix, 60_000, 1_000_000);
    const hits: number[] = [];
    // A limit this large reserves 100 hits at a time.
    for (let i = 0; i < 100; i++) hits.push((await ranges.increment('key:busy')).totalHits);
    const before = evals;
    hits.push((await ranges.increment('key:busy')).totalHits);
    expect(evals).toBe(before);
    for (let i = 0; i < 99; i++) hits.push((await ranges.increment('key:busy')).totalHits);
    // Still one shared sequence, every number handed out once and in order.
    expect(hits).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(Number(await redis.get(`${prefix}key:busy`))).toBeLessThanOrEqual(300);
  });
});
