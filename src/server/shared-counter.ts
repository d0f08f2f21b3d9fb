import {
  type ClientRateLimitInfo,
  type IncrementResponse,
  MemoryStore,
  type Options,
  type Store,
} from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore } from 'rate-limit-redis';
import type { Logger } from '../logger';
import { HitRanges } from './hit-ranges';

type Reply = boolean | number | string | (boolean | number | string)[];

/**
 * Rate-limit counters kept in Redis, so every API process counts against the same limit; while Redis is
 * unreachable each process counts in its own memory (a warning says so once), and goes back to Redis when
 * it answers again. With `limit` given, hits are reserved from Redis a few at a time (see HitRanges) instead
 * of one round trip per request.
 */
export class SharedCounter implements Store {
  private readonly shared: RedisStore;
  private readonly memory = new MemoryStore();
  private fallingBack = false;
  private retryAt = 0;
  private scriptsLoaded = false;
  private ranges: HitRanges | undefined;

  constructor(
    private readonly redis: Redis,
    readonly prefix: string,
    private readonly log: Logger,
    private readonly limit?: number,
  ) {
    this.shared = new RedisStore({
      prefix,
      sendCommand: (command, ...args) => redis.call(command, ...args) as Promise<Reply>,
    });
  }

  init(options: Options): void {
    this.memory.init(options);
    // RedisStore.init would load its scripts now, maybe before Redis is connected; they load on first use.
    this.shared.windowMs = options.windowMs;
    if (this.limit) this.ranges = new HitRanges(this.redis, this.prefix, options.windowMs, this.limit);
  }

  /** Redis while it is connected and answering; after a failure, memory for a second before trying again. */
  private useShared(): boolean {
    if (this.redis.status !== 'ready') {
      if (!this.fallingBack) this.fallBack(new Error(`Redis connection ${this.redis.status}`));
      return false;
    }
    if (this.fallingBack && Date.now() < this.retryAt) return false;
    if (!this.scriptsLoaded) {
      this.shared.incrementScriptSha = this.shared.loadIncrementScript();
      this.shared.getScriptSha = this.shared.loadGetScript();
      this.shared.incrementScriptSha.catch(() => {});
      this.shared.getScriptSha.catch(() => {});
      this.scriptsLoaded = true;
    }
    return true;
  }

  private fallBack(err: unknown): void {
    // A failed SCRIPT LOAD leaves rejected promises behind: load afresh when Redis answers again.
    this.scriptsLoaded = false;
    this.retryAt = Date.now() + 1000;
    if (!this.fallingBack)
      this.log.warn(
        { err: (err as Error).message },
        'rate limits: Redis unreachable, counting in this process only until it is back',
      );
    this.fallingBack = true;
  }

  private recovered(): void {
    if (!this.fallingBack) return;
    this.fallingBack = false;
    this.log.info('rate limits: Redis reachable again, counting across processes');
  }

  /** Asks Redis when it can, this process's memory otherwise. */
  private async counted<T>(shared: () => Promise<T>, memory: () => Promise<T>): Promise<T> {
    if (this.useShared()) {
      try {
        const answer = await shared();
        this.recovered();
        return answer;
      } catch (err) {
        this.fallBack(err);
      }
    }
    return memory();
  }

  increment(key: string): Promise<IncrementResponse> {
    const ranges = this.ranges;
    return this.counted(
      () => (ranges ? ranges.increment(key) : this.shared.increment(key)),
      () => this.memory.increment(key),
    );
  }

  get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.counted(
      () => this.shared.get(key),
      () => this.memory.get(key),
    );
  }

  async decrement(key: string): Promise<void> {
    await (this.useShared() ? this.shared.decrement(key) : this.memory.decrement(key)).catch(() => {});
  }

  async resetKey(key: string): Promise<void> {
    this.ranges?.forget(key);
    await Promise.all([this.shared.resetKey(key).catch(() => {}), this.memory.resetKey(key)]);
  }

  shutdown(): void {
    this.memory.shutdown();
  }
}
