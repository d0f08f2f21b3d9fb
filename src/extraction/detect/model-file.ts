import { gunzipSync, gzipSync } from 'node:zlib';
import { type TAGGERS, WIDTH } from './perceptron';

/**
 * The shipped model's binary form (src/extraction/model/tagger.bin), gzipped:
 *   "CTM3" · u32 meta length · meta JSON · u32 feature-list length · features joined by "\n" · rows × WIDTH int16.
 * Training rounds every weight to one decimal in [-100, 100], so weight × 10 fits an int16 exactly and
 * nothing is lost. Loading it needs no JSON parse of a third of a million arrays, which used to cost
 * each worker process hundreds of megabytes at start.
 */
const MAGIC = 'CTM3';
const SCALE = 10;

/** How a tagger's sequence is chosen: label by label, or the best whole sequence (it must match training). */
export type Decoder = 'greedy' | 'viterbi';
export type Decoders = Record<(typeof TAGGERS)[number], Decoder>;

/** What `npm run train` produces: cue lexicon plus feature → WIDTH weights (cue O/B/I, source O/B/I, content O/B/I). */
export interface TrainedModel {
  version: number;
  cueWords: string[];
  /** "word particle" pairs annotated as one cue ("called for"), see particles.ts. */
  cueParticles: string[];
  decoders: Decoders;
  weights: Record<string, number[]>;
}

export interface DecodedModel {
  version: number;
  cueWords: string[];
  cueParticles: string[];
  decoders: Decoders;
  features: string[];
  /** Row r holds feature r's weights × 10 at [r * WIDTH, (r + 1) * WIDTH). */
  rows: Int16Array;
}

export function encodeModel(model: TrainedModel): Buffer {
  const features = Object.keys(model.weights).sort();
  const rows = new Int16Array(features.length * WIDTH);
  features.forEach((f, r) => {
    if (f.includes('\n')) throw new Error(`feature ${JSON.stringify(f)} holds a newline`);
    const w = model.weights[f]!;
    for (let k = 0; k < WIDTH; k++) {
      const v = Math.round((w[k] ?? 0) * SCALE);
      if (v < -32768 || v > 32767) throw new Error(`weight ${w[k]} of ${f} does not fit the model format`);
      rows[r * WIDTH + k] = v;
    }
  });
  const meta = Buffer.from(
    JSON.stringify({
      version: model.version,
      cueWords: model.cueWords,
      cueParticles: model.cueParticles,
      decoders: model.decoders,
      width: WIDTH,
    }),
  );
  const names = Buffer.from(features.join('\n'));
  const body = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
  return gzipSync(Buffer.concat([Buffer.from(MAGIC), u32(meta.length), meta, u32(names.length), names, body]), {
    level: 9,
  });
}

export function decodeModel(file: Buffer): DecodedModel {
  const buf = gunzipSync(file);
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a claimtrack model file (run `npm run train`)');
  let at = 4;
  const metaLength = buf.readUInt32LE(at);
  const meta = JSON.parse(buf.toString('utf8', at + 4, at + 4 + metaLength)) as {
    version: number;
    cueWords: string[];
    cueParticles?: string[];
    decoders?: Decoders;
    width: number;
  };
  if (meta.width !== WIDTH) throw new Error(`model rows have ${meta.width} weights, this extractor expects ${WIDTH}`);
  at += 4 + metaLength;
  const namesLength = buf.readUInt32LE(at);
  const features = namesLength ? buf.toString('utf8', at + 4, at + 4 + namesLength).split('\n') : [];
  at += 4 + namesLength;
  // Copied out so the rows are aligned and the decompressed buffer can be freed.
  const rows = new Int16Array(features.length * WIDTH);
  Buffer.from(rows.buffer).set(buf.subarray(at, at + rows.byteLength));
  const decoders = meta.decoders ?? { cue: 'greedy', source: 'greedy', content: 'greedy' };
  const cueParticles = meta.cueParticles ?? [];
  return { version: meta.version, cueWords: meta.cueWords, cueParticles, decoders, features, rows };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
