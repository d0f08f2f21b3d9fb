import { Redis } from 'ioredis';

/**
 * Deletes every Redis key under a scratch run's queue prefix: the queues' keys (their `meta` stays even when no
 * job ran) and the API's rate-limit counters. Scripts that start the service give it a prefix of their own and
 * call this at the end, so a developer's Redis keeps nothing of an evaluation or benchmark.
 */
export async function removeKeysUnder(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 }))
      if ((keys as string[]).length) await redis.del(...(keys as string[]));
  } finally {
    redis.disconnect();
  }
}
