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
  start: number;
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
 *
 * While batches are larger than one hit, the next range is reserved in the background once half of the
 * current one is handed out, so a busy key's requests do not wait for Redis at all: before, the requests
 * that found the range used up (one in a hundred, with whichever arrived during the round trip) each
 * waited for it, a tail by construction.
 */
export class HitRanges {
  private readonly ranges = new Map<string, Range>();
  /** A range reserved ahead for a key, used once its current one runs out. */
  private readonly spares = new Map<string, Range>();
  private readonly reserving = new Map<string, Promise<void>>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly windowMs: number,
    private readonly limit: number,
  ) {}

  async increment(key: string): Promise<IncrementResponse> {
    for (;;) {
      const range = this.current(key);
      if (range) {
        const hit = range.next++;
        if (2 * (range.end - hit) < range.end - range.start + 1) this.reserveAhead(key, range);
        return { totalHits: hit, resetTime: new Date(range.resetAt) };
      }
      // Concurrent requests of one key wait for one reservation instead of each making their own.
      const pending = this.reserving.get(key);
      if (pending) {
        await pending;
        continue;
      }
      await this.startReserving(key, this.ranges.get(key));
    }
  }

  /** The key's range with hits left in this window: the current one, or else the spare reserved ahead. */
  private current(key: string): Range | undefined {
    const now = Date.now();
    const usable = (r: Range | undefined) => r !== undefined && r.next <= r.end && r.resetAt > now;
    const range = this.ranges.get(key);
    if (usable(range)) return range;
    const spare = this.spares.get(key);
    if (!spare) return undefined;
    this.spares.delete(key);
    if (!usable(spare)) return undefined;
    this.ranges.set(key, spare);
    return spare;
  }

  /** In the background; a failure (Redis away) is met again, and reported, by the next reservation in line. */
  private reserveAhead(key: string, range: Range): void {
    if (this.spares.has(key) || this.reserving.has(key) || range.end - range.start < 1) return;
    this.startReserving(key, range).catch(() => {});
  }

  private startReserving(key: string, previous: Range | undefined): Promise<void> {
    const reservation = this.reserve(key, previous).finally(() => this.reserving.delete(key));
    this.reserving.set(key, reservation);
    return reservation;
  }

  private async reserve(key: string, previous: Range | undefined): Promise<void> {
    const known = previous && previous.resetAt > Date.now() ? previous.end : 0;
    const batch = Math.min(MAX_BATCH, Math.max(1, Math.floor((this.limit - known) / SHARE_OF_REMAINING)));
    const [total, ttl] = (await this.redis.eval(RESERVE, 1, this.prefix + key, batch, this.windowMs)) as [
      number,
      number,
    ];
    if (this.ranges.size >= MAX_KEYS) this.forgetExpired();
    const range = { start: total - batch + 1, next: total - batch + 1, end: total, resetAt: Date.now() + ttl };
    // Reserved ahead while the current range still has hits: it waits its turn.
    if (this.current(key)) this.spares.set(key, range);
    else this.ranges.set(key, range);
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [key, range] of this.ranges) if (range.resetAt <= now) this.ranges.delete(key);
    for (const [key, range] of this.spares) if (range.resetAt <= now) this.spares.delete(key);
    if (this.ranges.size >= MAX_KEYS) {
      this.ranges.clear();
      this.spares.clear();
    }
  }

  /** A reset key starts over in Redis; ranges reserved before would number hits from the old count. */
  forget(key: string): void {
    this.ranges.delete(key);
    this.spares.delete(key);
  }
}
