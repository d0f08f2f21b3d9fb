import http from 'node:http';
import { buildLongArticle, ensureImportSchema } from '../imports/support';
import { startTestApp, type TestApp } from '../support/app';
import { killAll, listeningPort, type Spawned, spawnClaimtrack } from '../support/processes';
import { startRedis } from '../support/redis-server';
import { startTcpProxy } from '../support/tcp-proxy';

jest.setTimeout(120_000);
// The shipped default; the process may take a moment more to be reaped after it decides to exit.
const DEADLINE_MS = 10_000;
const SLACK_MS = 2_000;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await ensureImportSchema(app);
});
afterEach(async () => {
  await killAll();
});
afterAll(async () => {
  await app.close();
});

const env = (over: Record<string, string> = {}) => ({
  DATABASE_URL: app.deps.config.DATABASE_URL,
  REDIS_URL: app.deps.config.REDIS_URL,
  QUEUE_PREFIX: app.deps.config.QUEUE_PREFIX,
  PORT: '0',
  HOST: '127.0.0.1',
  ...over,
});

/** SIGTERM now; resolves with how long the process took to exit. */
async function sigtermTook(p: Spawned): Promise<number> {
  const sent = Date.now();
  p.child.kill('SIGTERM');
  const { at } = await p.exited;
  return at - sent;
}

describe('when the API gets SIGTERM during a large upload that never ends', () => {
  it('then the process exits within the shutdown deadline', async () => {
    const serve = await spawnClaimtrack(['serve'], env(), /API listening/);
    const req = http.request({
      host: '127.0.0.1',
      port: listeningPort(serve.output()),
      method: 'POST',
      path: '/v1/imports',
      headers: { authorization: `Bearer ${app.keys.importer}`, 'content-type': 'application/x-ndjson' },
    });
    req.on('error', () => {});
    const line = `${JSON.stringify(buildLongArticle())}\n`;
    for (let i = 0; i < 600; i++) req.write(line);
    const trickle = setInterval(() => req.write(line), 50);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    try {
      expect(await sigtermTook(serve)).toBeLessThan(DEADLINE_MS + SLACK_MS);
    } finally {
      clearInterval(trickle);
      req.destroy();
    }
  });
});

describe('when Redis goes away and then an API process without a worker gets SIGTERM', () => {
  it('then the process exits within the shutdown deadline', async () => {
    const redis = await startRedis();
    const serve = await spawnClaimtrack(['serve', '--no-worker'], env({ REDIS_URL: redis.url }), /API listening/);
    await redis.stop();
    expect(await sigtermTook(serve)).toBeLessThan(DEADLINE_MS + SLACK_MS);
  });
});

describe('when Postgres becomes unreachable and then a worker and an API get SIGTERM', () => {
  it('then both exit within the shutdown deadline', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
    try {
      const viaProxy = new URL(app.deps.config.DATABASE_URL);
      viaProxy.port = String(proxy.port);
      const worker = await spawnClaimtrack(['worker'], env({ DATABASE_URL: viaProxy.toString() }), /worker started/);
      const serve = await spawnClaimtrack(['serve'], env({ DATABASE_URL: viaProxy.toString() }), /API listening/);
      await proxy.down();
      const took = await Promise.all([sigtermTook(worker), sigtermTook(serve)]);
      for (const ms of took) expect(ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    } finally {
      await proxy.close();
    }
  });
});
