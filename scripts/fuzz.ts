/**
 * `npm run fuzz`: thousands of hostile requests over every route (the same generator as the jest fuzz
 * test, test/fuzz/every-route.test.ts) against an API on a fresh database; prints the counts by status,
 * one example of each 5xx or missing answer by route, and anything left half-written.
 * FUZZ_REQUESTS (default 5000), FUZZ_SEED (default: random, printed), DATABASE_URL / REDIS_URL as usual.
 */
import fc from 'fast-check';
import pg from 'pg';
import { createApiKey } from '../src/auth/keys';
import type { Role } from '../src/auth/types';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server/runtime';
import { allRoutes } from '../src/server/routes';
import { halfWritten, send } from './fuzz/drive';
import { hostileRequest } from './fuzz/hostile-requests';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CONCURRENCY = 8;

async function main(): Promise<void> {
  const run = Date.now().toString(36);
  const base = loadConfig();
  const dbUrl = new URL(base.DATABASE_URL);
  dbUrl.pathname = `/claimtrack_fuzz_${run}`;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    QUEUE_PREFIX: `{ct-fuzz-${run}}`,
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const api = await startServer({ worker: false, config, log: createLogger('fatal') });
  try {
    const keys: string[] = [];
    for (const role of ['admin', 'editor', 'reviewer', 'importer'] as Role[])
      keys.push((await createApiKey(api.deps.db, role, `fuzz ${role}`)).key);
    const baseUrl = `http://127.0.0.1:${api.port}`;
    const ids = await seedRows(baseUrl, keys[0]!);
    const requests = fc.sample(hostileRequest({ routes: allRoutes(api.deps), ids, keys }), {
      numRuns: REQUESTS,
      seed: SEED,
    });
    const byStatus = new Map<number, number>();
    const failures = new Map<string, string>();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const r = requests[next++]!;
          const a = await send(baseUrl, r);
          byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
          if (a.status >= 500 || a.status === 0)
            failures.set(`${a.status} ${r.route}`, `${r.method} ${r.path} ${a.error ?? ''}`);
        }
      }),
    );
    const statuses = Object.fromEntries([...byStatus].sort(([a], [b]) => a - b));
    console.log(
      JSON.stringify({ requests: REQUESTS, seed: SEED, statuses, half_written: await halfWritten(api.deps.db) }),
    );
    for (const [what, example] of failures) console.log(`${what}: e.g. ${example}`);
    if (failures.size) process.exitCode = 1;
  } finally {
    // Its queues go with its database: nothing of the run is left in Redis or Postgres.
    await Promise.all(api.deps.producer.allQueues().map((q) => q.obliterate({ force: true }).catch(() => {})));
    await api.stop();
    const adminUrl = new URL(base.DATABASE_URL);
    adminUrl.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`drop database if exists claimtrack_fuzz_${run} with (force)`);
    await admin.end();
  }
}

/** An article with claims, an import: real ids for the requests to reach. */
async function seedRows(baseUrl: string, adminKey: string): Promise<string[]> {
  const headers = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) =>
    (await (await fetch(baseUrl + path, { method: 'POST', headers, body: JSON.stringify(body) })).json()) as {
      id: string;
    };
  const article = await post('/v1/articles', { body: '“We will build 40 new schools,” the mayor said.' });
  const imported = await post('/v1/imports', [{ body: 'The minister said taxes would fall next year.' }]);
  return [article.id, imported.id];
}

main().catch((err) => {
  console.error(`fuzz: ${err instanceof Error ? err.stack : err}`);
  process.exit(1);
});
