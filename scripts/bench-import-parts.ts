/** Pieces of `npm run bench:import`: the feed, the extractor-alone baseline and BullMQ's own no-op rate. */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { extractClaims } from '../src/extraction';
import { SHARED } from './polnear';

export function trainTexts(): string[] {
  const dir = path.join(SHARED, 'polnear', 'train', 'text');
  if (!fs.existsSync(dir)) {
    console.error(`PolNeAR train texts not found at ${dir}; the benchmark needs the shared corpus next to the repo.`);
    process.exit(1);
  }
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Article i: the train texts cycled, with a unique URL and a unique last line (so content hashes differ). */
export function benchArticle(texts: string[], run: string, i: number) {
  return {
    url: `https://bench.example/${run}/${i}`,
    title: `Bench ${i}`,
    body: `${texts[i % texts.length]}\n\n[bench ${run}-${i}]`,
  };
}

export async function* feed(texts: string[], run: string, n: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < n; i += 200) {
    let chunk = '';
    for (let j = i; j < Math.min(n, i + 200); j++) chunk += `${JSON.stringify(benchArticle(texts, run, j))}\n`;
    yield Buffer.from(chunk);
  }
}

/**
 * Child mode: extracts its share (every w-th article) and prints the seconds it took. The model is the
 * workers' own: `EXTRACTOR_MODEL` from the environment both inherit, validated as the service validates it.
 */
export function extractShare(run: string, n: number, w: number, shard: number): void {
  const texts = trainTexts();
  const model = loadConfig().EXTRACTOR_MODEL;
  const started = process.hrtime.bigint();
  let claims = 0;
  for (let i = shard; i < n; i += w) claims += extractClaims(benchArticle(texts, run, i).body, { model }).length;
  process.stdout.write(`${JSON.stringify({ seconds: Number(process.hrtime.bigint() - started) / 1e9, claims })}\n`);
}

/** The same articles through the bare extractor in W plain processes: no queue, no database, no HTTP. */
export async function extractorAlone(script: string, run: string, n: number, w: number): Promise<number> {
  const started = Date.now();
  const results = await Promise.all(
    Array.from({ length: w }, (_, shard) => {
      const child: ChildProcess = spawn(
        process.execPath,
        [script, '--extract-share', run, String(n), String(w), String(shard)],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let out = '';
      child.stdout?.on('data', (d) => {
        out += d;
      });
      return new Promise<{ seconds: number }>((resolve, reject) =>
        child.once('exit', (code) =>
          code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`extractor child exited ${code}`)),
        ),
      );
    }),
  );
  // Wall time including process start and model load, as the workers pay them too.
  void results;
  return n / ((Date.now() - started) / 1000);
}

/** BullMQ's throughput for jobs that do nothing, on the same Redis: the ceiling the queue itself sets. */
export async function bullmqNoop(redisUrl: string, prefix: string, jobs = 20_000): Promise<number> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('noop', { connection, prefix });
  let done = 0;
  let finish: () => void = () => {};
  const allDone = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const workerConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const worker = new Worker('noop', async () => undefined, {
    connection: workerConnection,
    prefix,
    concurrency: 50,
  });
  worker.on('completed', () => {
    if (++done === jobs) finish();
  });
  const started = Date.now();
  for (let i = 0; i < jobs; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, jobs - i) }, (_, j) => ({
        name: 'noop',
        data: { i: i + j },
        opts: { removeOnComplete: true },
      })),
    );
  }
  await allDone;
  const rate = jobs / ((Date.now() - started) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  workerConnection.disconnect();
  return rate;
}

/** Drops a benchmark's database (connected through the `postgres` database of the same server). */
export async function dropDatabase(anyUrl: string, name: string): Promise<void> {
  const url = new URL(anyUrl);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
