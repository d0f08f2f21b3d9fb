import type { IncrementResponse } from 'express-rate-limit';
import type { Redis } from 'ioredis';

// The same counter rate-limit-redis keeps (one integer per key, expiring with the window), moved by n at once.
const RESERVE = `local total = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) ttl = tonumber(ARGV[2]) end
return {total, ttl}`;

/** At most this many hits are reserved at once, and at most this fraction of what the window has left. */
const MAX_BATCH = 100;
const SHARE_OF_REMAINING = 32;
const MAX_KEYS = 10_000;

interface Range {
  next: number;
  end: number;
  resetAt: number;
}

/**
 * Counts hits against the shared Redis counter without a round trip per request: a process reserves a
 * small range of hit numbers at once (INCRBY) and hands them out locally. Every hit still has its own
 * number in the one shared sequence, so the limit holds across processes; what a process reserved but
 * did not use only counts against the key early (never lets more through), and the batch shrinks as the
 * window fills — near the limit (and for small limits) it is one hit per round trip, exactly as before.
 */
export class HitRanges {
  private readonly ranges = new Map<string, Range>();
  private readonly reserving = new Map<string, Promise<void>>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly windowMs: number,
    private readonly limit: number,
  ) {}

  async increment(key: string): Promise<IncrementResponse> {
    for (;;) {
      const range = this.ranges.get(key);
      if (range && range.next <= range.end && range.resetAt > Date.now())
        return { totalHits: range.next++, resetTime: new Date(range.resetAt) };
      // Concurrent requests of one key wait for one reservation instead of each making their own.
      const pending = this.reserving.get(key);
      if (pending) {
        await pending;
        continue;
      }
      const reservation = this.reserve(key, range).finally(() => this.reserving.delete(key));
      this.reserving.set(key, reservation);
      await reservation;
    }
  }

  private async reserve(key: string, previous: Range | undefined): Promise<void> {
    const known = previous && previous.resetAt > Date.now() ? previous.end : 0;
    const batch = Math.min(MAX_BATCH, Math.max(1, Math.floor((this.limit - known) / SHARE_OF_REMAINING)));
    const [total, ttl] = (await this.redis.eval(RESERVE, 1, this.prefix + key, batch, this.windowMs)) as [
      number,
      number,
    ];
    if (this.ranges.size >= MAX_KEYS) this.forgetExpired();
    this.ranges.set(key, { next: total - batch + 1, end: total, resetAt: Date.now() + ttl });
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [key, range] of this.ranges) if (range.resetAt <= now) this.ranges.delete(key);
    if (this.ranges.size >= MAX_KEYS) this.ranges.clear();
  }

  /** A reset key starts over in Redis; ranges reserved before would number hits from the old count. */
  forget(key: string): void {
    this.ranges.delete(key);
  }
}
