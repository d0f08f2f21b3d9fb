/**
 * `npm run bench:import`: N articles (PolNeAR train texts, unique URLs) imported through the API into a
 * fresh database and extracted by W worker processes, end to end; then the bare extractor over the same
 * articles in W processes, and BullMQ with no-op jobs, on the same machine. Prints one JSON line.
 * N and W: BENCH_ARTICLES (10000) and BENCH_WORKERS (2); Postgres and Redis from DATABASE_URL / REDIS_URL;
 * workers get NODE_OPTIONS from BENCH_WORKER_NODE_OPTIONS (default: docker-compose.yml's heap cap). The model is
 * the service's: `EXTRACTOR_MODEL=fast npm run bench:import` runs the workers and the bare extractor with `fast`.
 * BENCH_MATCHING=off (or =on) runs one of the two imports only; BENCH_KEEP_DB=1 keeps their databases (named on
 * stderr) for EXPLAIN and pg_stat_user_tables afterwards: drop them yourself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { createApiKey } from '../src/auth/keys';
import type pg from 'pg';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server/runtime';
import { bullmqNoop, dropDatabase, extractorAlone, extractShare, feed, trainTexts } from './bench-import-parts';
import { libraryRecords, SHARED as SHARED_CHECKTHAT } from './checkthat';
import { repoRoot } from './polnear';

const N = Number(process.env.BENCH_ARTICLES ?? 10_000);
const W = Number(process.env.BENCH_WORKERS ?? 2);
// Workers run as docker-compose.yml runs them: with V8's old space capped (see the comment there).
const WORKER_NODE_OPTIONS = process.env.BENCH_WORKER_NODE_OPTIONS ?? '--max-old-space-size=192 --max-semi-space-size=4';
// Flags NODE_OPTIONS refuses, such as `--cpu-prof --cpu-prof-dir=DIR` to profile the workers.
const WORKER_NODE_ARGS = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);

async function main(): Promise<void> {
  const texts = trainTexts();
  const stamp = Date.now().toString(36);
  // The same import twice, into fresh databases: without matching, then with it (and the fact-check library).
  // BENCH_MATCHING=off runs only the first (the extraction path's own cost), =on only the second.
  const runs = process.env.BENCH_MATCHING ?? 'off,on';
  const off = runs.includes('off') ? await importOnce(texts, `${stamp}off`, 'off') : undefined;
  const on = runs.includes('on') ? await importOnce(texts, `${stamp}on`, 'on') : undefined;
  // BENCH_IMPORT_ONLY=1 skips the two reference runs (bare extractor, no-op jobs) when only off/on matter.
  const only = process.env.BENCH_IMPORT_ONLY === '1';
  const alone = only ? Number.NaN : await extractorAlone(__filename, stamp, N, W);
  const noop = only ? Number.NaN : await bullmqNoop(loadConfig().REDIS_URL, `{ct-bench-noop-${stamp}}`);
  for (const r of [off, on]) {
    if (!r) continue;
    r.extractor_alone_articles_per_s = round(alone);
    r.ratio_to_extractor = Math.round((r.articles_per_s / alone) * 100) / 100;
    r.bullmq_noop_jobs_per_s = Math.round(noop);
    process.stdout.write(`${JSON.stringify(r)}\n`);
  }
  if (!off || !on) return;
  process.stdout.write(
    `${JSON.stringify({
      matching_rate_ratio: Math.round((on.articles_per_s / off.articles_per_s) * 100) / 100,
      // The same ratio from the CPU each run cost (workers, API, its Postgres backends): on a shared
      // machine the rates follow whatever else runs, the CPU a run needs much less so.
      matching_cpu_ratio: Math.round((off.cpu_s.ours / on.cpu_s.ours) * 100) / 100,
    })}\n`,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: one JSON line of figures
async function importOnce(texts: string[], run: string, matching: 'on' | 'off'): Promise<Record<string, any>> {
  const base = loadConfig();
  const dbUrl = new URL(base.DATABASE_URL);
  dbUrl.pathname = `/claimtrack_bench_${run}`;
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    QUEUE_PREFIX: `{ct-bench-${run}}`,
    LOG_LEVEL: 'warn',
    MATCHING: matching,
  };
  const config = loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1' });
  const log = createLogger('warn');
  const api = await startServer({ worker: false, config, log });
  const workers: ChildProcess[] = [];
  try {
    const key = (await createApiKey(api.deps.db, 'importer', 'bench')).key;
    const library = await loadLibrary(api.port!, (await createApiKey(api.deps.db, 'editor', 'bench')).key);
    for (let i = 0; i < W; i++) {
      const workerEnv = { ...env, NODE_OPTIONS: WORKER_NODE_OPTIONS };
      workers.push(
        spawn(process.execPath, [...WORKER_NODE_ARGS, path.join(repoRoot(), 'bin', 'claimtrack.js'), 'worker'], {
          env: workerEnv,
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
    }
    const queue = api.deps.producer.queue('ArticleExtract');
    while ((await queue.getWorkersCount()) < W) {
      // A worker that dies at start (bad NODE_OPTIONS, no database) would otherwise leave this waiting forever.
      const dead = workers.find((w) => w.exitCode !== null || w.signalCode !== null);
      if (dead) throw new Error(`a worker exited before it was ready (${dead.exitCode ?? dead.signalCode})`);
      await sleep(100);
    }

    const started = Date.now();
    const postgres = backendCpu(dbUrl.pathname.slice(1));
    const machineBefore = machineCpuSeconds();
    const apiBefore = process.cpuUsage();
    const posted = await fetch(`http://127.0.0.1:${api.port}/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(Readable.from(feed(texts, run, N))) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const { id } = (await posted.json()) as { id: string };
    if (posted.status !== 202) throw new Error(`import answered ${posted.status}`);
    for (;;) {
      const r = (await (
        await fetch(`http://127.0.0.1:${api.port}/v1/imports/${id}`, { headers: { authorization: `Bearer ${key}` } })
      ).json()) as {
        status: string;
      };
      if (r.status === 'finished' && (matching === 'off' || (await unmatched(api.deps.db, id)) === 0)) break;
      // The end time comes from the rows (last extracted_at), so polling slowly costs no precision, only CPU.
      await sleep(1000);
    }
    const peakRss = workers.map(peakRssMb);
    // Where the CPU went during the import: workers, the API process, and the rest (Postgres, Redis, other).
    const workerCpu = workers.reduce((sum, w) => sum + cpuSeconds(w.pid), 0);
    const apiUsage = process.cpuUsage(apiBefore);
    const apiCpu = (apiUsage.user + apiUsage.system) / 1e6;
    const machineCpu = machineCpuSeconds() - machineBefore;
    const postgresCpu = postgres.stop();
    const { rows } = await api.deps.db.query(
      `select count(*) filter (where status = 'extracted')::int as extracted, coalesce(sum(claim_count), 0)::int as claims,
              extract(epoch from max(${matching === 'on' ? 'matched_at' : 'extracted_at'})) * 1000 as last_ms,
              percentile_cont(0.5) within group (order by extract(epoch from extracted_at - created_at) * 1000) as p50,
              percentile_cont(0.99) within group (order by extract(epoch from extracted_at - created_at) * 1000) as p99
         from article where import_id = $1`,
      [id],
    );
    const m = rows[0];
    const seconds = (Number(m.last_ms) - started) / 1000;
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));

    const articlesPerS = m.extracted / seconds;
    const { rows: links } = await api.deps.db.query(
      'select state, count(*)::int as n from claim_match group by state order by state',
    );
    return {
      matching,
      model: config.EXTRACTOR_MODEL,
      factchecks: library,
      links: Object.fromEntries(links.map((l) => [l.state, l.n])),
      articles: N,
      workers: W,
      extracted: m.extracted,
      claims: m.claims,
      articles_per_s: round(articlesPerS),
      claims_per_s: round(m.claims / seconds),
      p50_ms: Math.round(m.p50),
      p99_ms: Math.round(m.p99),
      peak_rss_mb: Math.max(...peakRss),
      peak_rss_mb_each: peakRss,
      cpu_s: {
        workers: round(workerCpu),
        api: round(apiCpu),
        postgres: round(postgresCpu),
        rest: round(machineCpu - workerCpu - apiCpu - postgresCpu),
        // What this run cost the machine, unlike `wall` independent of what else runs on it.
        ours: round(workerCpu + apiCpu + postgresCpu),
        wall: round(seconds),
      },
    };
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await Promise.all(api.deps.producer.allQueues().map((q) => q.obliterate({ force: true }).catch(() => {})));
    await api.stop();
    if (process.env.BENCH_KEEP_DB === '1') process.stderr.write(`kept database ${dbUrl.pathname.slice(1)}\n`);
    else await dropDatabase(base.DATABASE_URL, dbUrl.pathname.slice(1));
  }
}

/** Extracted articles of the import whose claims the matcher has not gone through yet. */
async function unmatched(db: pg.Pool, importId: string): Promise<number> {
  const { rows } = await db.query(
    "select count(*)::int as n from article where import_id = $1 and status = 'extracted' and matched_at is null",
    [importId],
  );
  return rows[0].n;
}

/** The CheckThat! 2020 library (10k fact-checks) when ../shared has it, through POST /v1/factchecks. */
async function loadLibrary(port: number, key: string): Promise<number> {
  if (!fs.existsSync(SHARED_CHECKTHAT)) return 0;
  const res = await fetch(`http://127.0.0.1:${port}/v1/factchecks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
    body: libraryRecords()
      .map((r) => JSON.stringify(r))
      .join('\n'),
  });
  return ((await res.json()) as { stored: number }).stored;
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number | undefined): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds the Postgres backends serving one database use from now until stop(): sampled twice a
 * second from /proc (a backend's title names its database), so a shared machine's other databases do not
 * count. A backend that exits between two samples loses at most half a second.
 */
function backendCpu(database: string): { stop: () => number } {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let initial = true;
  const sample = () => {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (!title.startsWith('postgres: ') || !title.includes(` ${database} `)) continue;
        const pid = Number(entry);
        const cpu = cpuSeconds(pid);
        // Backends there at the start count from then; later ones from their own start.
        if (!first.has(pid)) first.set(pid, initial ? cpu : 0);
        last.set(pid, cpu);
      } catch {
        // The process exited while it was read.
      }
    }
  };
  sample();
  initial = false;
  const timer = setInterval(sample, 500);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      let sum = 0;
      for (const [pid, cpu] of last) sum += cpu - (first.get(pid) ?? 0);
      return sum;
    },
  };
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineCpuSeconds(): number {
  const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return (ticks.reduce((a, b) => a + b, 0) - idle) / 100;
}

/** VmHWM: the peak resident set of the process since it started, as the kernel counted it. */
function peakRssMb(child: ChildProcess): number {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n * 10) / 10;

if (process.argv[2] === '--extract-share') {
  const [run, n, w, shard] = process.argv.slice(3);
  extractShare(run ?? '', Number(n), Number(w), Number(shard));
} else {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
