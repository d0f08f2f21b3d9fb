import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createApp } from '../../src/server/app';
import { buildDeps } from '../../src/server/runtime';
import { buildArticle } from '../support/factories';
import { newQueuePrefix, REDIS_URL } from '../support/env';

// The service pointed at a closed port: Postgres is "down" for its whole life.
const config = loadConfig({
  DATABASE_URL: 'postgres://postgres@127.0.0.1:1/claimtrack',
  REDIS_URL,
  QUEUE_PREFIX: newQueuePrefix(),
  LOG_LEVEL: 'silent',
});
const deps = buildDeps(config, createLogger('silent'));
const server = createApp(deps).listen(0, '127.0.0.1');
beforeAll(
  () => new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve()))),
);
const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await deps.producer.close();
  await deps.db.end();
});

describe('when Postgres is unreachable', () => {
  it('then a write answers 503 with Retry-After within two seconds', async () => {
    const started = Date.now();
    const r = await fetch(`${url()}/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ct_${'k'.repeat(43)}`, 'content-type': 'application/json' },
      body: JSON.stringify(buildArticle()),
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('5');
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await r.json()).toMatchObject({ code: 'database_unavailable' });
  });

  it('then readyz answers 503 and reports each dependency', async () => {
    const r = await fetch(`${url()}/readyz`);
    expect(r.status).toBe(503);
    expect(await r.json()).toEqual({ postgres: 'down', redis: 'ok' });
  });
});
