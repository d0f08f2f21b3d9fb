import type { AddressInfo } from 'node:net';
import { createApiKey } from '../../src/auth/keys';
import type { Role } from '../../src/auth/types';
import { type Config, loadConfig } from '../../src/config';
import type { Deps } from '../../src/deps';
import { createLogger, type Logger } from '../../src/logger';
import { startWorkers } from '../../src/queue/worker-host';
import { createApp } from '../../src/server/app';
import { buildDeps } from '../../src/server/runtime';
import { jobHandlers } from '../../workers/handlers';
import { createTestDatabase } from './database';
import { newQueuePrefix, REDIS_URL } from './env';

export interface TestApp {
  url: string;
  deps: Deps;
  keys: Record<Role, string>;
  /** Starts an in-process worker on this file's queue prefix. */
  startWorker: (concurrency?: number) => { close: () => Promise<void> };
  request: (
    method: string,
    path: string,
    init?: { key?: string | null; body?: unknown; headers?: Record<string, string> },
  ) => Promise<TestResponse>;
  close: () => Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
  body: any;
  text: string;
}

/** The real app on port 0, with its own database and queue prefix, and one key per role. */
export async function startTestApp(env: Record<string, string> = {}, options: { log?: Logger } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL,
    QUEUE_PREFIX: newQueuePrefix(),
    LOG_LEVEL: 'silent',
    EXTRACT_ATTEMPTS: '2',
    ...env,
  });
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const deps = buildDeps(config, log);
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keys = {} as Record<Role, string>;
  for (const role of ['admin', 'editor', 'reviewer', 'importer'] as Role[]) {
    keys[role] = (await createApiKey(deps.db, role, `test ${role}`)).key;
  }
  const workers: { close: () => Promise<void> }[] = [];
  const request: TestApp['request'] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    const key = init.key === undefined ? keys.admin : init.key;
    if (key) headers.authorization = `Bearer ${key}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (init.body !== undefined) {
      // A Buffer goes out byte for byte (invalid UTF-8, gzip): what a string cannot carry.
      body =
        typeof init.body === 'string'
          ? init.body
          : Buffer.isBuffer(init.body)
            ? new Uint8Array(init.body)
            : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {}
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return {
    url,
    deps,
    keys,
    request,
    startWorker: (concurrency = 2) => {
      const w = startWorkers(jobHandlers(deps), {
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        concurrency,
        log,
      });
      workers.push(w);
      return w;
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await Promise.all(deps.producer.allQueues().map((q) => q.obliterate({ force: true }).catch(() => {})));
      await deps.producer.close();
      await deps.extractor.close();
      await deps.db.end();
      await database.drop();
    },
  };
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  everyMs = 50,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
}
