/**
 * `npm run bench:recovery`: how long the cluster takes to get over a fault in the middle of an import, with
 * the shipped settings. For each fault (a worker SIGKILLed, Redis flushed, both at once) it imports N
 * PolNeAR train texts (BENCH_ARTICLES, default 2000) through the API into a fresh database with W worker
 * processes (BENCH_WORKERS, default 2) on a Redis of its own (FLUSHALL never touches the machine's), strikes
 * once a quarter of the articles are extracted, and prints one JSON line: seconds from the fault until the
 * articles it caught mid-extraction are extracted, and until the last article is, and the claims against a
 * clean extraction of the same texts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { Redis } from 'ioredis';
import { createApiKey } from '../src/auth/keys';
import { loadConfig } from '../src/config';
import { extractClaims } from '../src/extraction';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server/runtime';
import { benchArticle, dropDatabase, feed, trainTexts } from './bench-import-parts';
import { repoRoot } from './polnear';

const N = Number(process.env.BENCH_ARTICLES ?? 2000);
const W = Number(process.env.BENCH_WORKERS ?? 2);
const FAULTS = ['sigkill', 'flushall', 'sigkill+flushall'] as const;

async function main(): Promise<void> {
  const texts = trainTexts();
  const cleanClaims = Array.from({ length: N }, (_, i) => extractClaims(benchArticle(texts, 'x', i).body).length);
  for (const fault of (process.env.BENCH_FAULTS?.split(',') as (typeof FAULTS)[number][]) ?? FAULTS) {
    const result = await runOnce(texts, fault);
    process.stdout.write(`${JSON.stringify({ ...result, clean_claims: cleanClaims.reduce((a, b) => a + b, 0) })}\n`);
  }
}

async function runOnce(texts: string[], fault: (typeof FAULTS)[number]) {
  const run = `${Date.now().toString(36)}`;
  const redisPort = await freePort();
  const redisServer = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', ''], {
    stdio: 'ignore',
  });
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const admin = new Redis(redisUrl, { retryStrategy: (n) => Math.min(n * 100, 1000) });
  admin.on('error', () => {});
  await admin.ping();
  const base = loadConfig();
  const dbUrl = new URL(base.DATABASE_URL);
  dbUrl.pathname = `/claimtrack_bench_recovery_${run}`;
  const env = { ...process.env, DATABASE_URL: dbUrl.toString(), REDIS_URL: redisUrl, LOG_LEVEL: 'warn' };
  const api = await startServer({
    worker: false,
    config: loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1' }),
    log: createLogger('warn'),
  });
  const workers: ChildProcess[] = [];
  const spawnWorker = () => {
    const w = spawn(process.execPath, [path.join(repoRoot(), 'bin', 'claimtrack.js'), 'worker'], {
      env: { ...env, NODE_OPTIONS: '--max-old-space-size=192 --max-semi-space-size=4' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    workers.push(w);
  };
  try {
    const key = (await createApiKey(api.deps.db, 'importer', 'bench')).key;
    for (let i = 0; i < W; i++) spawnWorker();
    while ((await api.deps.producer.queue('ArticleExtractBatch').getWorkersCount()) < W) await sleep(100);
    const posted = await fetch(`http://127.0.0.1:${api.port}/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(Readable.from(feed(texts, 'x', N))) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const { id } = (await posted.json()) as { id: string };
    const counts = async () =>
      (
        await api.deps.db.query(
          `select count(*) filter (where status = 'extracted')::int as extracted,
                  count(*) filter (where status = 'processing')::int as processing,
                  coalesce(sum(claim_count), 0)::int as claims, extract(epoch from max(extracted_at)) * 1000 as last_ms,
                  (select count(*)::int from claim c join article a on a.id = c.article_id where a.import_id = $1) as claim_rows
             from article where import_id = $1`,
          [id],
        )
      ).rows[0];
    while ((await counts()).extracted < N / 4) await sleep(20);
    const atFault = await counts();
    // The articles the fault caught mid-extraction: how long they wait is the recovery itself.
    const inFlight = (
      await api.deps.db.query(`select id from article where import_id = $1 and status = 'processing'`, [id])
    ).rows.map((r) => r.id as string);
    const faultAt = Date.now();
    if (fault.includes('sigkill')) workers[0]!.kill('SIGKILL');
    if (fault.includes('flushall')) await admin.flushall();
    // A killed worker is restarted, as an orchestrator would, so the cluster's capacity stays the same.
    if (fault.includes('sigkill')) spawnWorker();
    const deadline = faultAt + 300_000;
    let now = await counts();
    while (now.extracted < N && Date.now() < deadline) {
      await sleep(200);
      now = await counts();
    }
    const caught = await api.deps.db.query(
      `select extract(epoch from max(extracted_at)) * 1000 as last_ms, count(*) filter (where status = 'extracted')::int as n
         from article where id = any($1::uuid[])`,
      [inFlight],
    );
    return {
      fault,
      articles: N,
      workers: W,
      extracted_at_fault: atFault.extracted,
      processing_at_fault: atFault.processing,
      fault_to_all_extracted_s: now.extracted === N ? round((Number(now.last_ms) - faultAt) / 1000) : null,
      fault_to_in_flight_extracted_s:
        caught.rows[0].n === inFlight.length ? round((Number(caught.rows[0].last_ms) - faultAt) / 1000) : null,
      extracted: now.extracted,
      claims: now.claims,
      claim_rows: now.claim_rows,
    };
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await api.stop();
    admin.disconnect();
    redisServer.kill('SIGKILL');
    await dropDatabase(base.DATABASE_URL, dbUrl.pathname.slice(1));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n * 10) / 10;

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
