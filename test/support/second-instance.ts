import type { AddressInfo } from 'node:net';
import type { Config } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';
import { createApp } from '../../src/server/app';
import { buildDeps } from '../../src/server/runtime';
import type { TestApp } from './app';

export interface Instance {
  url: string;
  request: (path: string, key: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
}

/**
 * Another API process on the same database and queue prefix as `app` (its own pools, caches and
 * connections), as a second replica behind a load balancer would be.
 */
export async function startSecondInstance(app: TestApp, env: Partial<Config> = {}, log?: Logger): Promise<Instance> {
  const deps = buildDeps({ ...app.deps.config, ...env }, log ?? createLogger('silent'));
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    request: (path, key, init = {}) =>
      fetch(url + path, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) } }),
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await deps.producer.close();
      await deps.db.end();
    },
  };
}
