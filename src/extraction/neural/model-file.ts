import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The neural tagger's weights (src/extraction/model/neural.bin, written by scripts/train/neural.py):
 *   "CTNN" · u32 header length · header JSON {hidden, dims, vocab, tensors: {name: {offset, shape, type}}} · data,
 * float32 little-endian tensors, then the word vectors as int8 rows (one float32 scale per row).
 */
export interface NeuralWeights {
  hidden: number;
  dims: number;
  /** Word → row of `vectors`; row 0 is the unknown word. */
  vocab: Map<string, number>;
  vectors: Int8Array;
  vecScale: Float32Array;
  suffix: Float32Array;
  shape: Float32Array;
  wIhF: Float32Array;
  wHhF: Float32Array;
  bF: Float32Array;
  wIhB: Float32Array;
  wHhB: Float32Array;
  bB: Float32Array;
  cueW: Float32Array;
  cueB: Float32Array;
  relW: Float32Array;
  relB: Float32Array;
}

interface Header {
  hidden: number;
  dims: number;
  vocab: string[];
  tensors: Record<string, { offset: number; shape: number[]; type: 'f32' | 'i8' }>;
}

/** src/extraction/model/ in src/ (jest, ts) and dist/src/ (copied there by scripts/copy-assets.js). */
export const NEURAL_FILE = path.join(__dirname, '..', 'model', 'neural.bin');

export function decodeNeural(buf: Buffer): NeuralWeights {
  if (buf.toString('latin1', 0, 4) !== 'CTNN') throw new Error('not a neural tagger file');
  const len = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + len)) as Header;
  const base = 8 + len;
  const size = (name: string) => header.tensors[name]!.shape.reduce((a, b) => a * b, 1);
  // Copies, so the views are aligned whatever the Buffer's own offset in its pool.
  const f32 = (name: string) => {
    const t = header.tensors[name];
    if (t?.type !== 'f32') throw new Error(`neural tagger file lacks ${name}`);
    const n = size(name);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = buf.readFloatLE(base + t.offset + 4 * i);
    return out;
  };
  const v = header.tensors.vectors!;
  const vectors = new Int8Array(size('vectors'));
  vectors.set(new Int8Array(buf.buffer, buf.byteOffset + base + v.offset, vectors.length));
  return {
    hidden: header.hidden,
    dims: header.dims,
    vocab: new Map(header.vocab.map((w, i) => [w, i])),
    vectors,
    vecScale: f32('vec_scale'),
    suffix: f32('suffix'),
    shape: f32('shape'),
    wIhF: f32('w_ih_f'),
    wHhF: f32('w_hh_f'),
    bF: f32('b_f'),
    wIhB: f32('w_ih_b'),
    wHhB: f32('w_hh_b'),
    bB: f32('b_b'),
    cueW: f32('cue_w'),
    cueB: f32('cue_b'),
    relW: f32('rel_w'),
    relB: f32('rel_b'),
  };
}

let cached: NeuralWeights | null | undefined;

/** Loads the weights once per process (per worker thread); null when none were trained (then `fast` is used). */
export function loadNeural(): NeuralWeights | null {
  if (cached !== undefined) return cached;
  try {
    cached = decodeNeural(fs.readFileSync(NEURAL_FILE));
  } catch {
    cached = null;
  }
  return cached;
}
