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
import { removeKeysUnder } from './redis-keys';
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

/** A process and its children (a clustered API's workers), by the parent id in /proc/<pid>/stat. */
const withChildren = (pid: number) => [
  pid,
  ...readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((child) => {
      try {
        return Number(readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    }),
];

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

/** The CPU each slice costs, in seconds: the serving process, its Postgres backends, autocannon (this process). */
interface SliceCpu {
  server: number;
  pg: number;
  cannon: number;
}

/**
 * The route and hello-world in alternating slices (BENCH_ROUNDS of each, SECONDS in all per side), so a
 * change in the machine's load (it is shared) hits both alike; each figure is the median over the rounds.
 * With several servers (BENCH_BASE_ROOT) each round runs hello-world, then every server in turn, so the
 * base and the new code are compared in the same conditions too.
 */
async function sideBySide(
  helloUrl: string,
  servers: { url: string; pid: number }[],
  key: string,
  helloPid: number,
  database: string,
) {
  const slice = Math.max(1, Math.round(SECONDS / ROUNDS));
  const hello: Awaited<ReturnType<typeof measure>>[] = [];
  const helloCpu: SliceCpu = { server: 0, pg: 0, cannon: 0 };
  const runs = servers.map(() => ({ slices: [] as typeof hello, cpu: { server: 0, pg: 0, cannon: 0 } as SliceCpu }));
  let helloRequests = 0;
  const own = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const timed = async (url: string, pid: number, cpu: SliceCpu, withKey?: string) => {
    const pg = withKey ? backendsOf(database) : [];
    const server = withChildren(pid);
    const before = [cpuSeconds(server), cpuSeconds(pg), own()];
    const r = await measure(url, slice, withKey);
    cpu.server += cpuSeconds(server) - before[0]!;
    cpu.pg += cpuSeconds(pg) - before[1]!;
    cpu.cannon += own() - before[2]!;
    return r;
  };
  for (let i = 0; i < ROUNDS; i++) {
    const h = await timed(helloUrl, helloPid, helloCpu);
    helloRequests += h.rps * slice;
    hello.push(h);
    for (const [s, server] of servers.entries())
      runs[s]!.slices.push(await timed(server.url, server.pid, runs[s]!.cpu, key));
  }
  const us = (seconds: number, n: number) => Math.round((seconds / n) * 1e6);
  return runs.map(({ slices, cpu }) => {
    const requests = slices.reduce((sum, r) => sum + r.rps * slice, 0);
    return {
      rps: median(slices.map((r) => r.rps)),
      ratio: Number(median(slices.map((r, i) => r.rps / hello[i]!.rps)).toFixed(2)),
      p50: median(slices.map((r) => r.p50)),
      p99: median(slices.map((r) => r.p99)),
      hello_rps: median(hello.map((r) => r.rps)),
      // CPU per request, in µs: the API process, the Postgres backends serving it, autocannon (this process)
      // driving it; and for the hello-world slices, the hello-world process and autocannon.
      api_cpu_us: us(cpu.server, requests),
      pg_cpu_us: us(cpu.pg, requests),
      cannon_cpu_us: us(cpu.cannon, requests),
      hello_cpu_us: us(helloCpu.server, helloRequests),
      hello_cannon_cpu_us: us(helloCpu.cannon, helloRequests),
    };
  });
}

/**
 * BENCH_DATABASE=name keeps the loaded database under that name and reuses it on the next run when it holds
 * BENCH_CLAIMS claims (a million take 35-65 s to load); without it each run loads a fresh one and drops it.
 */
async function prepareDatabase(
  url: string,
  reuse: boolean,
): Promise<{ articleId: string; key: string; loaded: boolean }> {
  await runMigrations(url);
  const db = createPool(url, { max: 1 });
  try {
    const { rows } = await db.query<{ n: number; article_id: string | null }>(
      `select count(*)::int as n, (select id from article where title = $1) as article_id from claim`,
      [`Story ${Math.floor(Math.ceil(CLAIMS / 25) / 2)}`],
    );
    let articleId = rows[0]!.article_id;
    const loaded = reuse && rows[0]!.n === CLAIMS && articleId !== null;
    if (!loaded) {
      if (rows[0]!.n) await db.query('truncate article, claim cascade');
      const started = Date.now();
      articleId = await loadClaims(db, CLAIMS, 25);
      process.stderr.write(`loaded ${CLAIMS} claims in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    } else process.stderr.write(`reusing the ${CLAIMS} claims in ${new URL(url).pathname.slice(1)}\n`);
    const key = (await createApiKey(db, 'reviewer', 'bench')).key;
    return { articleId: articleId!, key, loaded };
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const run = Date.now().toString(36);
  const base = loadConfig();
  const dbUrl = new URL(base.DATABASE_URL);
  const keep = process.env.BENCH_DATABASE;
  if (keep !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(keep)) throw new Error('BENCH_DATABASE: a lower-case name');
  dbUrl.pathname = `/${keep ?? `claimtrack_bench_api_${run}`}`;
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    QUEUE_PREFIX: `{ct-bench-api-${run}}`,
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const children: ChildProcess[] = [];
  try {
    const { articleId, key } = await prepareDatabase(env.DATABASE_URL, keep !== undefined);

    // BENCH_API_NODE_FLAGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) reach only the API processes.
    // BENCH_BASE_NODE_FLAGS, the base's (BENCH_BASE_ROOT): the same build with other flags can be its own base.
    const flags = (setting: string | undefined) => setting?.split(' ').filter(Boolean) ?? [];
    const serve = async (root: string, nodeFlags: string[]) => {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [...nodeFlags, path.join(root, 'bin', 'claimtrack.js'), 'serve', '--no-worker'],
        {
          env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`${url}/healthz`, child);
      return { url, child };
    };
    // BENCH_API_ROOT: serve the API from another built checkout (e.g. /work/main) to compare with it.
    const api = await serve(process.env.BENCH_API_ROOT ?? repoRoot(), flags(process.env.BENCH_API_NODE_FLAGS));
    // BENCH_BASE_ROOT: also serve another built checkout's API, measured in the same rounds, as "<route> [base]".
    const baseApi = process.env.BENCH_BASE_ROOT
      ? await serve(process.env.BENCH_BASE_ROOT, flags(process.env.BENCH_BASE_NODE_FLAGS))
      : undefined;
    const helloPort = await freePort();
    const hello = spawn(process.execPath, ['-e', HELLO], {
      env: { ...process.env, PORT: String(helloPort), NODE_PATH: path.join(repoRoot(), 'node_modules') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(hello);
    await waitFor(`http://127.0.0.1:${helloPort}/`, hello);

    // The floor process (see FLOOR) serves the same bytes as the first page of /v1/claims.
    const floorPort = await freePort();
    const page = await (
      await fetch(`${api.url}/v1/claims?limit=20`, { headers: { authorization: `Bearer ${key}` } })
    ).text();
    const floor = spawn(process.execPath, ['-e', FLOOR], {
      env: { ...env, PORT: String(floorPort), FLOOR_BODY: page, NODE_PATH: path.join(repoRoot(), 'node_modules') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(floor);
    const floorUrl = `http://127.0.0.1:${floorPort}`;
    await waitFor(`${floorUrl}/`, floor);

    // [name, path or url, serving process]: the API's routes, and the floor under them.
    const routes: [string, string, ChildProcess?][] = [
      ['reference: express + 1 Postgres round trip + the claims page', `${floorUrl}/`, floor],
      ['GET /v1/claims?limit=20', '/v1/claims?limit=20'],
      ['GET /v1/claims?status&speaker_type', '/v1/claims?limit=20&status=flagged&speaker_type=official'],
      ['GET /v1/articles/:id/claims', `/v1/articles/${articleId}/claims`],
      ['GET /v1/review-queue', '/v1/review-queue?limit=20'],
      ['GET /v1/search', '/v1/search?q=unemployment&limit=20'],
    ];
    // A short warm-up so JIT and connection pools are settled before anything is timed.
    for (const server of [api, baseApi]) {
      if (!server) continue;
      await autocannon({
        url: `${server.url}/v1/claims?limit=20`,
        connections: CONNECTIONS,
        duration: 2,
        headers: { authorization: `Bearer ${key}` },
      });
    }
    const helloUrl = `http://127.0.0.1:${helloPort}/`;
    const helloResult = await measure(helloUrl, SECONDS);
    console.log(JSON.stringify({ route: 'hello-world', ...helloResult, ratio: 1 }));
    for (const [route, target, server] of routes) {
      if (ONLY && !ONLY.some((word) => route.includes(word))) continue;
      const servers = server
        ? [{ name: route, url: target, pid: server.pid! }]
        : [api, baseApi].flatMap((s, i) =>
            s ? [{ name: i ? `${route} [base]` : route, url: s.url + target, pid: s.child.pid! }] : [],
          );
      const probe = await fetch(servers[0]!.url, { headers: { authorization: `Bearer ${key}` } });
      if (probe.status === 404 && route.includes('search')) {
        console.log(JSON.stringify({ route, skipped: 'no such route on this branch' }));
        continue;
      }
      const results = await sideBySide(helloUrl, servers, key, hello.pid!, dbUrl.pathname.slice(1));
      for (const [i, result] of results.entries()) console.log(JSON.stringify({ route: servers[i]!.name, ...result }));
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (keep === undefined) {
      const admin = new pg.Client({ connectionString: new URL('/postgres', base.DATABASE_URL).toString() });
      await admin.connect();
      await admin.query(`drop database if exists ${dbUrl.pathname.slice(1)} with (force)`);
      await admin.end();
    }
    // The API's queues and counters under this run's prefix go too.
    await removeKeysUnder(base.REDIS_URL, env.QUEUE_PREFIX);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
