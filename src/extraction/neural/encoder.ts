/**
 * The BiLSTM forward pass (synchronous, so extraction stays a pure function that runs the same in the API, the
 * CLI, the tests and worker threads). PyTorch's gate order: input, forget, cell, output.
 * The input projection is linear, so W_ih·[word vector; suffix; shape] is the sum of three projected tables,
 * each row computed once when first seen; the sum per distinct token text is cached too. Only the layout flags
 * and the recurrence (recurrence.ts, WebAssembly SIMD) are per token.
 */
import type { Token } from '../detect/tokenize';
import { FLAGS, flagsOf, SHAPES, shapeOf, SUFFIX_BUCKETS, suffixBucket, vectorKey } from './inputs';
import type { NeuralWeights } from './model-file';
import { instantiateRecurrence, layout, type Recurrence } from './recurrence';

const CACHE_LIMIT = 20_000;

/** Rows of W_ih·table, both directions side by side (4H forward then 4H backward), filled when first used. */
class ProjectedTable {
  private readonly rows: Float32Array;
  private readonly done: Uint8Array;
  private readonly x: Float64Array;
  constructor(
    rowCount: number,
    /** Writes row i of the table (the token feature's own values) into x. */
    private readonly input: (i: number, x: Float64Array) => void,
    private readonly w: NeuralWeights,
    private readonly column: number,
    private readonly inputDim: number,
    dim: number,
  ) {
    this.rows = new Float32Array(rowCount * 8 * w.hidden);
    this.done = new Uint8Array(rowCount);
    this.x = new Float64Array(dim);
  }

  row(i: number): Float32Array {
    const G = 4 * this.w.hidden;
    const out = this.rows.subarray(i * 2 * G, (i + 1) * 2 * G);
    if (this.done[i]) return out;
    const { x, column, inputDim } = this;
    const dim = x.length;
    this.input(i, x);
    for (const [wIh, at] of [
      [this.w.wIhF, 0],
      [this.w.wIhB, G],
    ] as const) {
      for (let g = 0; g < G; g++) {
        let sum = 0;
        const r = g * inputDim + column;
        for (let k = 0; k < dim; k++) sum += wIh[r + k]! * x[k]!;
        out[at + g] = sum;
      }
    }
    this.done[i] = 1;
    return out;
  }
}

export class Encoder {
  readonly hidden: number;
  private readonly words: ProjectedTable;
  private readonly suffixes: ProjectedTable;
  private readonly shapes: ProjectedTable;
  /** Token text → both directions' projections (4H forward then 4H backward), biases included. */
  private readonly cache = new Map<string, Float32Array>();
  private readonly memory: Recurrence['memory'];
  private readonly runWasm: Recurrence['run'];
  private readonly at = layout(0);

  constructor(private readonly w: NeuralWeights) {
    if (w.hidden % 4) throw new Error('neural tagger: hidden size must be a multiple of 4');
    const H = w.hidden;
    const G = 4 * H;
    this.hidden = H;
    const suffixDim = w.suffix.length / SUFFIX_BUCKETS;
    const shapeDim = w.shape.length / SHAPES;
    const inputDim = w.dims + suffixDim + shapeDim + FLAGS;
    const D = w.dims;
    const rows = (table: Float32Array, dim: number) => (i: number, x: Float64Array) => {
      for (let k = 0; k < dim; k++) x[k] = table[i * dim + k]!;
    };
    const wordRow = (i: number, x: Float64Array) => {
      // Rounded to float32 as the int8 vectors were dequantised for training.
      for (let k = 0; k < D; k++) x[k] = Math.fround(w.vectors[i * D + k]! * w.vecScale[i]!);
    };
    this.words = new ProjectedTable(w.vecScale.length, wordRow, w, 0, inputDim, D);
    this.suffixes = new ProjectedTable(SUFFIX_BUCKETS, rows(w.suffix, suffixDim), w, D, inputDim, suffixDim);
    this.shapes = new ProjectedTable(SHAPES, rows(w.shape, shapeDim), w, D + suffixDim, inputDim, shapeDim);
    const recurrence = instantiateRecurrence(H);
    this.memory = recurrence.memory;
    this.runWasm = recurrence.run;
    this.at = layout(H);
    const mem = new Float32Array(this.memory.buffer);
    const flagCol = inputDim - FLAGS;
    [w.wHhF, w.wHhB].forEach((wHh, d) => {
      for (let g = 0; g < G; g++) for (let k = 0; k < H; k++) mem[d * G * H + k * G + g] = wHh[g * H + k]!;
    });
    // The layout flags' input weights summed per flag combination (3 bits: 8 rows of 4H per direction).
    for (let f = 0; f < 1 << FLAGS; f++)
      [w.wIhF, w.wIhB].forEach((wIh, d) => {
        for (let g = 0; g < G; g++) {
          let add = 0;
          for (let b = 0; b < FLAGS; b++) if (f & (1 << b)) add += wIh[g * inputDim + flagCol + b]!;
          mem[this.at.flagTable / 4 + f * 2 * G + d * G + g] = add;
        }
      });
  }

  /** Both directions' hidden states, token t at [t * 2H, t * 2H + 2H): forward half then backward half. */
  encode(tokens: Token[]): Float32Array {
    const H = this.hidden;
    const G = 4 * H;
    const n = tokens.length;
    const flags = this.at.data;
    const pre = flags + 16 * Math.ceil(n / 16);
    const out = pre + n * 8 * G;
    const need = out + n * 8 * H;
    if (need > this.memory.buffer.byteLength)
      this.memory.grow(Math.ceil((need - this.memory.buffer.byteLength) / 65536));
    const bytes = new Uint8Array(this.memory.buffer);
    const mem = new Float32Array(this.memory.buffer);
    for (let t = 0; t < n; t++) {
      bytes[flags + t] = flagsOf(tokens, t);
      mem.set(this.project(tokens[t]!.text), pre / 4 + t * 2 * G);
    }
    this.runWasm(n, 0, 0, pre, out, flags, this.at.flagTable);
    this.runWasm(n, 1, 4 * G * H, pre + 4 * G, out + 4 * H, flags, this.at.flagTable + 4 * G);
    return mem.slice(out / 4, out / 4 + n * 2 * H);
  }

  private project(text: string): Float32Array {
    let p = this.cache.get(text);
    if (p) return p;
    const w = this.w;
    const word = this.words.row(w.vocab.get(vectorKey(text)) ?? 0);
    const suffix = this.suffixes.row(suffixBucket(text));
    const shape = this.shapes.row(shapeOf(text));
    const G = 4 * this.hidden;
    p = new Float32Array(2 * G);
    for (let g = 0; g < G; g++) {
      p[g] = w.bF[g]! + word[g]! + suffix[g]! + shape[g]!;
      p[G + g] = w.bB[g]! + word[G + g]! + suffix[G + g]! + shape[G + g]!;
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(text, p);
    return p;
  }
}
