/**
 * `npm run bench:latency`: API latency in `npm start`'s shape (API and worker in one process) while long
 * articles are extracted. A client in another process asks `GET /v1/claims?limit=20` back to back and the
 * script prints one JSON line per phase: idle; during extraction in the worker-thread pool (today); and
 * during the same extraction on the main thread, as the in-process worker did before the pool. Articles:
 * BENCH_LONG_ARTICLES (3) of BENCH_LONG_CHARS (300000) characters of PolNeAR train text.
 */
import { spawn } from 'node:child_process';
import { createApiKey } from '../src/auth/keys';
import { loadConfig } from '../src/config';
import { extractClaims } from '../src/extraction';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server/runtime';
import { dropDatabase, trainTexts } from './bench-import-parts';

const ARTICLES = Number(process.env.BENCH_LONG_ARTICLES ?? 3);
const CHARS = Number(process.env.BENCH_LONG_CHARS ?? 300_000);

async function main(): Promise<void> {
  const texts = trainTexts();
  const bodies = Array.from({ length: ARTICLES }, (_, a) => {
    let body = '';
    for (let i = a * 97; body.length < CHARS; i++) body += `${texts[i % texts.length]}\n\n`;
    return body;
  });
  const run = Date.now().toString(36);
  const base = loadConfig();
  const dbUrl = new URL(base.DATABASE_URL);
  dbUrl.pathname = `/claimtrack_bench_latency_${run}`;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    QUEUE_PREFIX: `{ct-bench-latency-${run}}`,
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const api = await startServer({ worker: true, config, log: createLogger('warn') });
  try {
    const editor = (await createApiKey(api.deps.db, 'editor', 'bench')).key;
    const url = `http://127.0.0.1:${api.port}`;
    const print = (mode: string, r: Latencies, extractionS: number) =>
      process.stdout.write(`${JSON.stringify({ mode, ...r, extraction_s: Math.round(extractionS * 10) / 10 })}\n`);

    print('idle', await measure(url, editor, () => sleep(5000)), 0);

    let started = Date.now();
    const pooled = await measure(url, editor, async () => {
      started = Date.now();
      const ids: string[] = [];
      for (const body of bodies) {
        const r = await fetch(`${url}/v1/articles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${editor}`, 'content-type': 'application/json' },
          body: JSON.stringify({ body }),
        });
        ids.push(((await r.json()) as { id: string }).id);
      }
      while ((await api.deps.db.query(`select 1 from article where status <> 'extracted'`)).rowCount) await sleep(100);
    });
    print('extraction in the thread pool', pooled, (Date.now() - started) / 1000);

    const onMainThread = await measure(url, editor, async () => {
      started = Date.now();
      for (const body of bodies) {
        extractClaims(body);
        await new Promise((r) => setImmediate(r));
      }
    });
    print('extraction on the main thread (before the pool)', onMainThread, (Date.now() - started) / 1000);
  } finally {
    await api.stop();
    await dropDatabase(base.DATABASE_URL, dbUrl.pathname.slice(1));
  }
}

interface Latencies {
  requests: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

/** Runs the client process while `work` runs; returns the latencies it saw. */
async function measure(url: string, key: string, work: () => Promise<void>): Promise<Latencies> {
  const client = spawn(process.execPath, [__filename, '--client', url, key], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  client.stdout.on('data', (d) => {
    out += d;
  });
  await new Promise((r) => client.stdout.once('data', r));
  await work();
  client.stdin.end();
  await new Promise((r) => client.once('exit', r));
  const ms = out
    .trim()
    .split('\n')
    .slice(1)
    .map(Number)
    .sort((a, b) => a - b);
  const at = (q: number) => Math.round((ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0) * 10) / 10;
  return { requests: ms.length, p50_ms: at(0.5), p99_ms: at(0.99), max_ms: at(1) };
}

/** Client mode: requests back to back until stdin closes, printing each latency in ms. */
async function client(url: string, key: string): Promise<void> {
  let running = true;
  process.stdin.on('end', () => {
    running = false;
  });
  process.stdin.resume();
  process.stdout.write('ready\n');
  const lines: string[] = [];
  while (running) {
    const t = performance.now();
    const r = await fetch(`${url}/v1/claims?limit=20`, { headers: { authorization: `Bearer ${key}` } });
    await r.arrayBuffer();
    lines.push((performance.now() - t).toFixed(2));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

(process.argv[2] === '--client' ? client(process.argv[3]!, process.argv[4]!) : main()).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
