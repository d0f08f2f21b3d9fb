/**
 * `npm run bench:extract`: full extractClaims over every PolNeAR train article in one process.
 * Prints throughput (median of several runs) and memory before/after, to show it stays flat.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../src/extraction';
import { SHARED } from './polnear';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function memory(): string {
  const m = process.memoryUsage();
  return `heap ${(m.heapUsed / 1e6).toFixed(1)} MB, rss ${(m.rss / 1e6).toFixed(1)} MB`;
}

function main(): void {
  const dir = path.join(SHARED, 'polnear', 'train', 'text');
  if (!fs.existsSync(dir)) {
    console.error(`PolNeAR train texts not found at ${dir}; the benchmark needs the shared corpus next to the repo.`);
    process.exit(1);
  }
  const texts = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  console.log(`${texts.length} articles, ${(bytes / 1024).toFixed(0)} KB`);
  // Warm-up: loads the model and lets the JIT settle, so the runs measure steady state.
  let claims = 0;
  for (const t of texts) claims += extractClaims(t).length;
  global.gc?.();
  console.log(`after warm-up (${claims} claims): ${memory()}`);
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    for (const t of texts) extractClaims(t);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    times.push(s);
    console.log(`run ${r + 1}/${RUNS}: ${s.toFixed(2)} s, ${(bytes / 1024 / s).toFixed(0)} KB/s`);
  }
  global.gc?.();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`median: ${(bytes / 1024 / median).toFixed(0)} KB/s, ${(texts.length / median).toFixed(1)} articles/s`);
  console.log(`after ${RUNS} runs: ${memory()}`);
}

main();
