/**
 * The BiLSTM forward pass in plain TypeScript (synchronous, so extraction stays a pure function that runs
 * the same in the API, the CLI, the tests and worker threads). PyTorch's gate order: input, forget, cell, output.
 * Each word's input projection (word vector, suffix, shape) is the same wherever it occurs, so it is computed
 * once per distinct token text and cached; only the layout flags and the recurrence are per token.
 */
import type { Token } from '../detect/tokenize';
import { FLAGS, flagsOf, SHAPES, shapeOf, SUFFIX_BUCKETS, suffixBucket, vectorKey } from './inputs';
import type { NeuralWeights } from './model-file';

const CACHE_LIMIT = 20_000;

export class Encoder {
  readonly hidden: number;
  private readonly inputDim: number;
  private readonly suffixDim: number;
  private readonly shapeDim: number;
  /** Token text → both directions' projections (4H forward then 4H backward), biases included. */
  private readonly cache = new Map<string, Float32Array>();
  private readonly x: Float32Array;

  constructor(private readonly w: NeuralWeights) {
    if (w.hidden % 4) throw new Error('neural tagger: hidden size must be a multiple of 4');
    this.hidden = w.hidden;
    this.suffixDim = w.suffix.length / SUFFIX_BUCKETS;
    this.shapeDim = w.shape.length / SHAPES;
    this.inputDim = w.dims + this.suffixDim + this.shapeDim + FLAGS;
    this.x = new Float32Array(this.inputDim);
  }

  /** Both directions' hidden states, token t at [t * 2H, t * 2H + 2H): forward half then backward half. */
  encode(tokens: Token[]): Float32Array {
    const H = this.hidden;
    const n = tokens.length;
    const proj: Float32Array[] = new Array(n);
    const flags = new Uint8Array(n);
    for (let t = 0; t < n; t++) {
      proj[t] = this.project(tokens[t]!.text);
      flags[t] = flagsOf(tokens, t);
    }
    const out = new Float32Array(n * 2 * H);
    this.run(proj, flags, out, false);
    this.run(proj, flags, out, true);
    return out;
  }

  private project(text: string): Float32Array {
    let p = this.cache.get(text);
    if (p) return p;
    const { w, x } = this;
    const D = w.dims;
    const row = w.vocab.get(vectorKey(text)) ?? 0;
    const s = w.vecScale[row]!;
    for (let k = 0; k < D; k++) x[k] = w.vectors[row * D + k]! * s;
    const suf = suffixBucket(text) * this.suffixDim;
    for (let k = 0; k < this.suffixDim; k++) x[D + k] = w.suffix[suf + k]!;
    const sh = shapeOf(text) * this.shapeDim;
    for (let k = 0; k < this.shapeDim; k++) x[D + this.suffixDim + k] = w.shape[sh + k]!;
    const G = 4 * this.hidden;
    const used = this.inputDim - FLAGS;
    p = new Float32Array(2 * G);
    for (const [wIh, b, at] of [
      [w.wIhF, w.bF, 0],
      [w.wIhB, w.bB, G],
    ] as const) {
      for (let g = 0; g < G; g++) {
        let sum = b[g]!;
        const r = g * this.inputDim;
        for (let k = 0; k < used; k++) sum += wIh[r + k]! * x[k]!;
        p[at + g] = sum;
      }
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(text, p);
    return p;
  }

  private run(proj: Float32Array[], flags: Uint8Array, out: Float32Array, backward: boolean): void {
    const H = this.hidden;
    const G = 4 * H;
    const wIh = backward ? this.w.wIhB : this.w.wIhF;
    const wHh = backward ? this.w.wHhB : this.w.wHhF;
    const at = backward ? G : 0;
    const flagCol = this.inputDim - FLAGS;
    // The layout flags' input weights summed per flag combination (3 bits: 8 rows of 4H).
    const flagAdd = Array.from({ length: 1 << FLAGS }, (_, f) => {
      const add = new Float32Array(G);
      for (let g = 0; g < G; g++)
        for (let b = 0; b < FLAGS; b++) if (f & (1 << b)) add[g]! += wIh[g * this.inputDim + flagCol + b]!;
      return add;
    });
    const h = new Float32Array(H);
    const c = new Float32Array(H);
    const gates = new Float32Array(G);
    const n = proj.length;
    for (let s = 0; s < n; s++) {
      const t = backward ? n - 1 - s : s;
      const p = proj[t]!;
      const f = flags[t]!;
      const fa = flagAdd[f]!;
      for (let g = 0; g < G; g++) {
        // Four accumulators: V8 does not vectorise, but independent sums pipeline better than one chain.
        const r = g * H;
        let s0 = p[at + g]! + fa[g]!;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let k = 0; k < H; k += 4) {
          s0 += wHh[r + k]! * h[k]!;
          s1 += wHh[r + k + 1]! * h[k + 1]!;
          s2 += wHh[r + k + 2]! * h[k + 2]!;
          s3 += wHh[r + k + 3]! * h[k + 3]!;
        }
        gates[g] = s0 + s1 + s2 + s3;
      }
      const o = t * 2 * H + (backward ? H : 0);
      for (let k = 0; k < H; k++) {
        const i = sigmoid(gates[k]!);
        const fg = sigmoid(gates[H + k]!);
        const cell = Math.tanh(gates[2 * H + k]!);
        const og = sigmoid(gates[3 * H + k]!);
        c[k] = fg * c[k]! + i * cell;
        h[k] = og * Math.tanh(c[k]!);
        out[o + k] = h[k]!;
      }
    }
  }
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
