/**
 * `npm run bench:api`: loads BENCH_CLAIMS claims (default 1,000,000, 25 per article) into a fresh database
 * with COPY, starts the API (`claimtrack serve --no-worker`, as deployed) and a plain Express hello-world as
 * separate processes, then drives each listing with autocannon (BENCH_CONNECTIONS = 10 connections for
 * BENCH_SECONDS = 10 s each, in BENCH_ROUNDS = 5 slices alternating with hello-world) and prints one JSON line
 * per route: route, rps, ratio (to hello-world in the slice just before), p50 and p99 in ms (medians over the
 * slices), hello_rps. Targets: ratio >= 0.3 and p99 <= 10 ms for every listing. A reference line first: the
 * floor any Postgres-backed listing has on this machine (see FLOOR).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createApiKey } from '../src/auth/keys';
import { loadConfig } from '../src/config';
import { runMigrations } from '../src/db/migrate';
import { createPool } from '../src/db/pool';
import { loadClaims } from './bench-api-data';
import { repoRoot } from './polnear';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** BENCH_ROUTES=claims,review: only the routes whose name contains one of these words (hello-world always runs). */
const ONLY = process.env.BENCH_ROUTES?.split(',').filter(Boolean);

const HELLO = `const express = require('express'); const app = express();
app.get('/', (_req, res) => { res.json({ hello: 'world' }); });
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));`;

/**
 * The floor under any listing on this machine: Express answering each request with one prepared `select 1`
 * round trip to the same Postgres and a constant body, the first page of /v1/claims (given in FLOOR_BODY). No
 * listing can beat it without skipping Postgres, so its ratio says how much of the gap the process can close.
 */
const FLOOR = `const express = require('express'); const pg = require('pg'); const app = express();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
app.get('/', async (_req, res, next) => {
  try { await pool.query({ name: 'floor', text: 'select 1' }); res.type('application/json').send(process.env.FLOOR_BODY); }
  catch (err) { next(err); }
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

async function measure(url: string, seconds: number, key?: string) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad) throw new Error(`${url}: ${bad} of ${result.requests.total} requests failed`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

/** CPU seconds (user + system) used so far by the processes with these ids (Linux /proc), 0 elsewhere. */
function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / 100;
}

/** The Postgres backends serving this database (their process title names it). */
const backendsOf = (database: string) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `);
      } catch {
        return false;
      }
    });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The route and hello-world in alternating slices (BENCH_ROUNDS of each, SECONDS in all per side), so a
 * change in the machine's load (it is shared) hits both alike; each figure is the median over the rounds.
 */
async function sideBySide(
  helloUrl: string,
  url: string,
  key: string,
  pids: { api: number; hello: number },
  database: string,
) {
  const slice = Math.max(1, Math.round(SECONDS / ROUNDS));
  const hello: Awaited<ReturnType<typeof measure>>[] = [];
  const route: typeof hello = [];
  const cpu = { api: 0, pg: 0, hello: 0, cannonHello: 0, cannonRoute: 0 };
  let [requests, helloRequests] = [0, 0];
  const own = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  for (let i = 0; i < ROUNDS; i++) {
    let before = [cpuSeconds([pids.hello]), own()];
    const h = await measure(helloUrl, slice);
    cpu.hello += cpuSeconds([pids.hello]) - before[0]!;
    cpu.cannonHello += own() - before[1]!;
    helloRequests += h.rps * slice;
    hello.push(h);
    const pg = backendsOf(database);
    before = [cpuSeconds([pids.api]), cpuSeconds(pg), own()];
    const r = await measure(url, slice, key);
    cpu.api += cpuSeconds([pids.api]) - before[0]!;
    cpu.pg += cpuSeconds(pg) - before[1]!;
    cpu.cannonRoute += own() - before[2]!;
    requests += r.rps * slice;
    route.push(r);
  }
  const us = (seconds: number, n: number) => Math.round((seconds / n) * 1e6);
  return {
    rps: median(route.map((r) => r.rps)),
    ratio: Number(median(route.map((r, i) => r.rps / hello[i]!.rps)).toFixed(2)),
    p50: median(route.map((r) => r.p50)),
    p99: median(route.map((r) => r.p99)),
    hello_rps: median(hello.map((r) => r.rps)),
    // CPU per request, in µs: the API process, the Postgres backends serving it, autocannon (this process)
    // driving it; and for the hello-world slices, the hello-world process and autocannon.
    api_cpu_us: us(cpu.api, requests),
    pg_cpu_us: us(cpu.pg, requests),
    cannon_cpu_us: us(cpu.cannonRoute, requests),
    hello_cpu_us: us(cpu.hello, helloRequests),
    hello_cannon_cpu_us: us(cpu.cannonHello, helloRequests),
  };
}

async function main(): Promise<void> {
  const run = Date.now().toString(36);
  const base = loadConfig();
  const dbUrl = new URL(base.DATABASE_URL);
  dbUrl.pathname = `/claimtrack_bench_api_${run}`;
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    QUEUE_PREFIX: `{ct-bench-api-${run}}`,
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const children: ChildProcess[] = [];
  try {
    await runMigrations(env.DATABASE_URL);
    const db = createPool(env.DATABASE_URL, { max: 1 });
    const loadStarted = Date.now();
    const articleId = await loadClaims(db, CLAIMS, 25);
    const key = (await createApiKey(db, 'reviewer', 'bench')).key;
    await db.end();
    process.stderr.write(`loaded ${CLAIMS} claims in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s\n`);

    const [apiPort, helloPort] = [await freePort(), await freePort()];
    // BENCH_API_NODE_FLAGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) reach only the API process.
    const apiFlags = process.env.BENCH_API_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
    // BENCH_API_ROOT: serve the API from another built checkout (e.g. /work/main) to compare with it.
    const apiRoot = process.env.BENCH_API_ROOT ?? repoRoot();
    const api = spawn(
      process.execPath,
      [...apiFlags, path.join(apiRoot, 'bin', 'claimtrack.js'), 'serve', '--no-worker'],
      {
        env: { ...env, PORT: String(apiPort), HOST: '127.0.0.1' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const hello = spawn(process.execPath, ['-e', HELLO], {
      env: { ...process.env, PORT: String(helloPort), NODE_PATH: path.join(repoRoot(), 'node_modules') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(api, hello);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await Promise.all([waitFor(`${apiUrl}/healthz`, api), waitFor(`http://127.0.0.1:${helloPort}/`, hello)]);

    // The floor process (see FLOOR) serves the same bytes as the first page of /v1/claims.
    const floorPort = await freePort();
    const page = await (await fetch(`${apiUrl}/v1/claims?limit=20`, { headers: { authorization: `Bearer ${key}` } })).text();
    const floor = spawn(process.execPath, ['-e', FLOOR], {
      env: { ...env, PORT: String(floorPort), FLOOR_BODY: page, NODE_PATH: path.join(repoRoot(), 'node_modules') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(floor);
    const floorUrl = `http://127.0.0.1:${floorPort}`;
    await waitFor(`${floorUrl}/`, floor);

    // [name, url, serving process]: the API's routes, and the floor under them.
    const routes: [string, string, ChildProcess?][] = [
      ['reference: express + 1 Postgres round trip + the claims page', `${floorUrl}/`, floor],
      ['GET /v1/claims?limit=20', '/v1/claims?limit=20'],
      ['GET /v1/claims?status&speaker_type', '/v1/claims?limit=20&status=flagged&speaker_type=official'],
      ['GET /v1/articles/:id/claims', `/v1/articles/${articleId}/claims`],
      ['GET /v1/review-queue', '/v1/review-queue?limit=20'],
      ['GET /v1/search', '/v1/search?q=unemployment&limit=20'],
    ];
    // A short warm-up so JIT and connection pools are settled before anything is timed.
    await autocannon({
      url: `${apiUrl}/v1/claims?limit=20`,
      connections: CONNECTIONS,
      duration: 2,
      headers: { authorization: `Bearer ${key}` },
    });
    const helloUrl = `http://127.0.0.1:${helloPort}/`;
    const helloResult = await measure(helloUrl, SECONDS);
    console.log(JSON.stringify({ route: 'hello-world', ...helloResult, ratio: 1 }));
    for (const [route, target, server = api] of routes) {
      if (ONLY && !ONLY.some((word) => route.includes(word))) continue;
      const url = target.startsWith('/') ? apiUrl + target : target;
      const probe = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
      if (probe.status === 404 && route.includes('search')) {
        console.log(JSON.stringify({ route, skipped: 'no such route on this branch' }));
        continue;
      }
      console.log(
        JSON.stringify({
          route,
          ...(await sideBySide(
            helloUrl,
            url,
            key,
            { api: server.pid!, hello: hello.pid! },
            dbUrl.pathname.slice(1),
          )),
        }),
      );
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    const admin = new pg.Client({ connectionString: new URL('/postgres', base.DATABASE_URL).toString() });
    await admin.connect();
    await admin.query(`drop database if exists ${dbUrl.pathname.slice(1)} with (force)`);
    await admin.end();
    // The API's queues and counters under this run's prefix go too.
    const redis = new Redis(base.REDIS_URL, { maxRetriesPerRequest: 1 });
    for await (const keys of redis.scanStream({ match: `${env.QUEUE_PREFIX}*`, count: 500 }))
      if ((keys as string[]).length) await redis.del(...(keys as string[]));
    redis.disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
