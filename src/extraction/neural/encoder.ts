/**
 * The BiLSTM forward pass (synchronous, so extraction stays a pure function that runs the same in the API, the
 * CLI, the tests and worker threads). PyTorch's gate order: input, forget, cell, output.
 * The input projection is linear, so W_ih·[word vector; suffix; shape; flags] + b is the sum of three rows of
 * projected tables (word; suffix; shape with flags and biases), each row computed once when first needed. Per
 * token only the three row numbers and the recurrence (recurrence.ts, WebAssembly SIMD) remain.
 */
import type { Token } from '../detect/tokenize';
import { FLAGS, flagsOf, SHAPES, shapeOf, SUFFIX_BUCKETS, suffixBucket, vectorKey } from './inputs';
import type { NeuralWeights } from './model-file';
import { instantiateRecurrence, type Layout, layout, type Recurrence } from './recurrence';
import { SELF_ROWS } from './self-scores';

/** Per token its BiLSTM state (forward then backward half) and the heads' share of it (self-scores.ts). */
export interface Encoded {
  states: Float32Array;
  self: Float32Array;
}

/** Token texts whose rows are remembered (a number each); cleared when full. */
const CACHE_LIMIT = 100_000;

export class Encoder {
  readonly hidden: number;
  private readonly inputDim: number;
  private readonly suffixDim: number;
  /** Token text → word row × 2^15 + suffix bucket × 2^4 + shape (the vocabulary has fewer than 2^15 rows). */
  private readonly rowsOf = new Map<string, number>();
  private readonly filled: { suffix: Uint8Array; word: Uint8Array };
  private readonly wasm: Recurrence;
  private readonly at: Layout;
  private readonly x: Float64Array;

  constructor(private readonly w: NeuralWeights) {
    if (w.hidden % 4) throw new Error('neural tagger: hidden size must be a multiple of 4');
    const H = w.hidden;
    const G = 4 * H;
    const words = w.vecScale.length;
    if (words > 1 << 15) throw new Error('neural tagger: vocabulary over 32,768 words');
    this.hidden = H;
    this.suffixDim = w.suffix.length / SUFFIX_BUCKETS;
    const shapeDim = w.shape.length / SHAPES;
    this.inputDim = w.dims + this.suffixDim + shapeDim + FLAGS;
    this.x = new Float64Array(Math.max(w.dims, this.suffixDim, shapeDim + FLAGS));
    this.at = layout(H, SHAPES << FLAGS, SUFFIX_BUCKETS, words);
    this.wasm = instantiateRecurrence(H, this.at);
    this.filled = { suffix: new Uint8Array(SUFFIX_BUCKETS), word: new Uint8Array(words) };
    const mem = new Float32Array(this.wasm.memory.buffer);
    [w.wHhF, w.wHhB].forEach((wHh, d) => {
      for (let g = 0; g < G; g++) for (let k = 0; k < H; k++) mem[d * G * H + k * G + g] = wHh[g * H + k]!;
    });
    const width = 2 * H;
    const relCols = w.relW.length / (SELF_ROWS - 3);
    for (let k = 0; k < width; k++) {
      for (let r = 0; r < 3; r++) mem[this.at.heads / 4 + r * width + k] = w.cueW[r * width + k]!;
      for (let r = 3; r < SELF_ROWS; r++) mem[this.at.heads / 4 + r * width + k] = w.relW[(r - 3) * relCols + k]!;
    }
    // Shape and layout flags (3 bits) together, biases included: 16 × 8 rows.
    const col = w.dims + this.suffixDim;
    for (let sh = 0; sh < SHAPES; sh++)
      for (let f = 0; f < 1 << FLAGS; f++) {
        for (let k = 0; k < shapeDim; k++) this.x[k] = w.shape[sh * shapeDim + k]!;
        for (let b = 0; b < FLAGS; b++) this.x[shapeDim + b] = f & (1 << b) ? 1 : 0;
        this.project(this.at.shapeRows + ((sh << FLAGS) | f) * 8 * G, col, shapeDim + FLAGS, true);
      }
  }

  /** Both directions' hidden states, token t at [t * 2H, t * 2H + 2H): forward half then backward half. */
  encode(tokens: Token[]): Encoded {
    const H = this.hidden;
    const n = tokens.length;
    const rows = this.at.data;
    const out = rows + 16 * Math.ceil((12 * n) / 16);
    const self = out + n * 8 * H;
    const need = self + n * 4 * SELF_ROWS;
    const have = this.wasm.memory.buffer.byteLength;
    if (need > have) this.wasm.memory.grow(Math.ceil((need - have) / 65536));
    const ix = new Int32Array(this.wasm.memory.buffer, rows, 3 * n);
    for (let t = 0; t < n; t++) {
      const r = this.rowsOfText(tokens[t]!.text);
      ix[3 * t] = ((r & 15) << FLAGS) | flagsOf(tokens, t);
      ix[3 * t + 1] = (r >>> 4) & 2047;
      ix[3 * t + 2] = r >>> 15;
    }
    const G = 4 * H;
    this.wasm.run(n, 0, 0, rows, out, 0);
    this.wasm.run(n, 1, 4 * G * H, rows, out + 4 * H, 4 * G);
    this.wasm.selfScores(n, out, self);
    return {
      states: new Float32Array(this.wasm.memory.buffer, out, n * 2 * H).slice(),
      self: new Float32Array(this.wasm.memory.buffer, self, n * SELF_ROWS).slice(),
    };
  }

  private rowsOfText(text: string): number {
    const known = this.rowsOf.get(text);
    if (known !== undefined) return known;
    const w = this.w;
    const G = 4 * this.hidden;
    const word = w.vocab.get(vectorKey(text)) ?? 0;
    const suffix = suffixBucket(text);
    if (!this.filled.word[word]) {
      // Rounded to float32 as the int8 vectors were dequantised for training.
      for (let k = 0; k < w.dims; k++) this.x[k] = Math.fround(w.vectors[word * w.dims + k]! * w.vecScale[word]!);
      this.project(this.at.wordRows + word * 8 * G, 0, w.dims, false);
      this.filled.word[word] = 1;
    }
    if (!this.filled.suffix[suffix]) {
      for (let k = 0; k < this.suffixDim; k++) this.x[k] = w.suffix[suffix * this.suffixDim + k]!;
      this.project(this.at.suffixRows + suffix * 8 * G, w.dims, this.suffixDim, false);
      this.filled.suffix[suffix] = 1;
    }
    const r = word * 32768 + suffix * 16 + shapeOf(text);
    if (this.rowsOf.size >= CACHE_LIMIT) this.rowsOf.clear();
    this.rowsOf.set(text, r);
    return r;
  }

  /** W_ih columns [column, column + dim) times this.x (plus the biases), both directions, into memory at `at`. */
  private project(at: number, column: number, dim: number, bias: boolean): void {
    const G = 4 * this.hidden;
    const out = new Float32Array(this.wasm.memory.buffer, at, 2 * G);
    for (const [wIh, b, d] of [
      [this.w.wIhF, this.w.bF, 0],
      [this.w.wIhB, this.w.bB, G],
    ] as const) {
      for (let g = 0; g < G; g++) {
        let sum = bias ? b[g]! : 0;
        const r = g * this.inputDim + column;
        for (let k = 0; k < dim; k++) sum += wIh[r + k]! * this.x[k]!;
        out[d + g] = sum;
      }
    }
  }
}
