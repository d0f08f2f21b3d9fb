import fs from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Word vectors shipped with the matcher (src/matching/model/vectors.bin), gzipped:
 *   "CTV1" · u32 words · u32 dims · u32 word-list length · words joined by "\n" · words × dims int8.
 * Each vector is scaled to unit length before it is rounded to int8, so a dot product of two rows / 127²
 * is their cosine. Words are in the embedding's frequency order: a word's row number doubles as a
 * measure of how common it is (common words say less about which claim is meant).
 */
const MAGIC = 'CTV1';

export interface WordVectors {
  dims: number;
  index: Map<string, number>;
  rows: Int8Array;
}

export function encodeVectors(words: string[], vectors: number[][]): Buffer {
  const dims = vectors[0]?.length ?? 0;
  const rows = new Int8Array(words.length * dims);
  vectors.forEach((v, r) => {
    const norm = Math.hypot(...v) || 1;
    for (let k = 0; k < dims; k++) rows[r * dims + k] = Math.round((v[k]! / norm) * 127);
  });
  const names = Buffer.from(words.join('\n'));
  const head = Buffer.alloc(16);
  head.write(MAGIC, 0, 'ascii');
  head.writeUInt32LE(words.length, 4);
  head.writeUInt32LE(dims, 8);
  head.writeUInt32LE(names.length, 12);
  return gzipSync(Buffer.concat([head, names, Buffer.from(rows.buffer)]), { level: 9 });
}

export function decodeVectors(file: Buffer): WordVectors {
  const raw = gunzipSync(file);
  if (raw.toString('ascii', 0, 4) !== MAGIC) throw new Error('not a claimtrack word-vector file');
  const count = raw.readUInt32LE(4);
  const dims = raw.readUInt32LE(8);
  const namesLength = raw.readUInt32LE(12);
  const words = raw.toString('utf8', 16, 16 + namesLength).split('\n');
  if (words.length !== count) throw new Error(`vector file lists ${words.length} words, header says ${count}`);
  const start = 16 + namesLength;
  const rows = new Int8Array(raw.buffer.slice(raw.byteOffset + start, raw.byteOffset + start + count * dims));
  return { dims, index: new Map(words.map((w, i) => [w, i])), rows };
}

export function loadVectors(path: string): WordVectors {
  return decodeVectors(fs.readFileSync(path));
}

/**
 * How much a word tells: 0 for the most common words, rising with the log of its frequency rank; words
 * beyond the vocabulary count as the rarest.
 */
export function rarity(vectors: WordVectors, word: string): number {
  const rank = vectors.index.get(word);
  // Every word of every text matched is weighed (several times): each rank's figure is computed once.
  let known = rarities.get(vectors);
  if (!known) {
    known = new Float64Array(vectors.index.size).fill(-1);
    rarities.set(vectors, known);
  }
  if (rank === undefined) return rarityOfRank(vectors, vectors.index.size);
  if (known[rank]! < 0) known[rank] = rarityOfRank(vectors, rank);
  return known[rank]!;
}

const rarities = new WeakMap<WordVectors, Float64Array>();
const rarityOfRank = (vectors: WordVectors, rank: number) => Math.log(2 + rank) / Math.log(2 + vectors.index.size);

/** The rarity-weighted mean of the words' unit vectors (unnormalised); empty when no word is known. */
export function meanVector(vectors: WordVectors, words: string[]): Float32Array {
  const out = new Float32Array(vectors.dims);
  for (const w of words) {
    const r = vectors.index.get(w);
    if (r === undefined) continue;
    addRow(out, vectors, r, rarity(vectors, w));
  }
  return out;
}

/** Adds `weight` times the vector of row `row` to `out` (meanVector's step, also taken by features' analysis). */
export function addRow(out: Float32Array, vectors: WordVectors, row: number, weight: number): void {
  const { dims, rows } = vectors;
  const base = row * dims;
  for (let k = 0; k < dims; k++) out[k]! += weight * rows[base + k]!;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k++) {
    dot += a[k]! * b[k]!;
    na += a[k]! * a[k]!;
    nb += b[k]! * b[k]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
