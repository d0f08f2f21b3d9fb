/**
 * `npm run bench:extract`: full extractClaims over every PolNeAR train article in one process, both models side
 * by side (runs alternate, so the machine's changing load hits both alike). Prints throughput (median of several
 * runs) and memory. BENCH_MODELS=accurate (or fast) benches one model only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXTRACTOR_MODELS, type ExtractorModel, extractClaims } from '../src/extraction';
import { SHARED } from './polnear';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MODELS = (process.env.BENCH_MODELS ?? EXTRACTOR_MODELS.join(','))
  .split(',')
  .filter((m): m is ExtractorModel => (EXTRACTOR_MODELS as readonly string[]).includes(m));

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
  // Warm-up: loads the models and lets the JIT settle, so the runs measure steady state.
  for (const model of MODELS) {
    let claims = 0;
    for (const t of texts) claims += extractClaims(t, { model }).length;
    global.gc?.();
    console.log(`${model}: after warm-up (${claims} claims): ${memory()}`);
  }
  const times = new Map<ExtractorModel, number[]>(MODELS.map((m) => [m, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const model of MODELS) {
      const t0 = process.hrtime.bigint();
      for (const t of texts) extractClaims(t, { model });
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      times.get(model)!.push(s);
      console.log(`${model} run ${r + 1}/${RUNS}: ${s.toFixed(2)} s, ${(bytes / 1024 / s).toFixed(0)} KB/s`);
    }
  }
  global.gc?.();
  for (const model of MODELS) {
    const sorted = [...times.get(model)!].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `${model} median: ${(bytes / 1024 / median).toFixed(0)} KB/s, ${(texts.length / median).toFixed(1)} articles/s`,
    );
  }
  console.log(`after ${RUNS} runs of each: ${memory()}`);
}

main();
