import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { AuthContext } from './types';

/** While revocations arrive over pub/sub a cached key stays valid this long... */
const SUBSCRIBED_TTL_MS = 5 * 60_000;
/** ...and while they cannot (Redis down), only this long: a revoked key bites within seconds anyway. */
const UNSUBSCRIBED_TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

export const revocationChannel = (queuePrefix: string) => `${queuePrefix}:api-key-revoked`;

/**
 * This process's cache of authenticated keys (by key hash), so a request costs no Postgres lookup.
 * A revocation is published on Redis and drops the key from every process's cache at once; whenever the
 * subscription is not live (Redis down, reconnecting) entries expire after two seconds instead, and the
 * cache is emptied on reconnect since messages may have been missed meanwhile.
 */
export class KeyCache {
  private readonly entries = new Map<string, { auth: AuthContext; until: number }>();
  private subscriber: Redis | undefined;
  private live = false;

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
    private readonly log: Logger,
    private readonly onClose: (fn: () => void) => void,
  ) {}

  /** Subscribes on first use, so processes that never authenticate (workers) open no connection. */
  private subscribe(): void {
    if (this.subscriber) return;
    const sub = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber = sub;
    sub.on('error', () => {});
    sub.on('close', () => {
      this.live = false;
      this.entries.clear();
    });
    sub.on('message', (_channel, keyId: string) => this.forget(keyId));
    const listen = () =>
      sub.subscribe(this.channel).then(
        () => {
          this.entries.clear();
          this.live = true;
        },
        (err) => this.log.debug({ err: (err as Error).message }, 'key revocation subscription failed'),
      );
    // ioredis re-subscribes by itself after a reconnect; 'ready' tells us when to trust the cache again.
    sub.on('ready', () => {
      if (!this.live) void listen();
    });
    // The producer's connection closes at shutdown; this one goes with it.
    this.onClose(() => sub.disconnect());
  }

  get(hash: string): AuthContext | undefined {
    this.subscribe();
    const hit = this.entries.get(hash);
    if (!hit) return undefined;
    const now = Date.now();
    if (hit.until > now && (this.live || hit.until - SUBSCRIBED_TTL_MS + UNSUBSCRIBED_TTL_MS > now)) return hit.auth;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, auth: AuthContext): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(hash, { auth, until: Date.now() + SUBSCRIBED_TTL_MS });
  }

  forget(keyId: string): void {
    for (const [hash, entry] of this.entries) if (entry.auth.keyId === keyId) this.entries.delete(hash);
  }
}

/** Tells every API process a key is revoked; if Redis is down they notice within UNSUBSCRIBED_TTL_MS. */
export async function announceRevocation(redis: Redis, queuePrefix: string, keyId: string, log: Logger) {
  try {
    await redis.publish(revocationChannel(queuePrefix), keyId);
  } catch (err) {
    log.warn({ err: (err as Error).message, keyId }, 'could not announce key revocation; caches expire it shortly');
  }
}
