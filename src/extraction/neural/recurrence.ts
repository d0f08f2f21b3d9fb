/**
 * The BiLSTM recurrence in WebAssembly SIMD: per token and direction a 4H × H matrix-vector product plus the
 * gate nonlinearities, which is most of the tagger's work. Scalar JavaScript did about a third of the issue's
 * speed target; four float32 lanes at a time, in float32 as PyTorch trained it, do the same sums.
 * The module is assembled in memory (wasm-asm.ts) and compiled synchronously, so extraction stays a pure,
 * synchronous function in the API, the CLI, the tests and worker threads.
 *
 * Memory (bytes): both directions' recurrent weights, transposed (row k = the 4H weights of h[k]); h; c; gates;
 * then three tables of input pre-activations, 4H forward then 4H backward per row, that sum to W_ih·x + b: per
 * word shape and layout flags (biases included), per suffix bucket, per vocabulary word (filled by the encoder as
 * rows are first needed; untouched pages of the memory stay unmapped); then per call each token's three row
 * numbers and the output states (H forward then H backward per token).
 */
import { SELF_ROWS, selfScoresFunction } from './self-scores';
import { assemble, type Code, I32, op, V128 } from './wasm-asm';

const LOG2E = Math.LOG2E;
// ln 2 split in two so that n·ln2 is exact enough over the whole float32 range (Cephes expf).
const LN2_HI = 0.693359375;
const LN2_LO = -2.1219444e-4;
const EXP_POLY = [1.98756915e-4, 1.39819995e-3, 8.33345191e-3, 4.16657959e-2, 1.66666655e-1, 5.00000012e-1];

/** Locals of `run`; parameters first (n, backward, weights, rows, out, direction's byte offset in a row). */
const [N, BACK, W, ROWS, OUT, DIR, S, T, PW, PS, PF, PO, B, J, WB] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
const ACC = 15; // 8 accumulators
const [X, CC, EX, EN, ER] = [23, 24, 25, 26, 27];

/** e^x per lane, to float32 precision (Cephes expf); x is clamped to the range where e^x is a normal float32. */
function exp4(x: Code): Code {
  const c: Code = [...x, ...op.f32x4(-87.3), ...op.f32x4Max, ...op.f32x4(88.3), ...op.f32x4Min, ...op.set(EX)];
  c.push(...op.get(EX), ...op.f32x4(LOG2E), ...op.f32x4Mul, ...op.f32x4Nearest, ...op.set(EN));
  c.push(...op.get(EX), ...op.get(EN), ...op.f32x4(LN2_HI), ...op.f32x4Mul, ...op.f32x4Sub);
  c.push(...op.get(EN), ...op.f32x4(LN2_LO), ...op.f32x4Mul, ...op.f32x4Sub, ...op.set(ER));
  c.push(...op.f32x4(EXP_POLY[0]!));
  for (const k of EXP_POLY.slice(1)) c.push(...op.get(ER), ...op.f32x4Mul, ...op.f32x4(k), ...op.f32x4Add);
  // p·r² + r + 1, times 2^n built in the exponent bits.
  c.push(...op.get(ER), ...op.f32x4Mul, ...op.get(ER), ...op.f32x4Mul, ...op.get(ER), ...op.f32x4Add);
  c.push(...op.f32x4(1), ...op.f32x4Add);
  c.push(...op.get(EN), ...op.i32x4TruncSatF32x4, ...op.i32x4(127), ...op.i32x4Add, ...op.i32(23), ...op.i32x4Shl);
  return [...c, ...op.f32x4Mul];
}

/** 1 / (1 + e^(−scale·x)). */
const sigmoid4 = (x: Code, scale = 1): Code => [
  ...op.f32x4(1),
  ...op.f32x4(1),
  ...exp4([...x, ...op.f32x4(-scale), ...op.f32x4Mul]),
  ...op.f32x4Add,
  ...op.f32x4Div,
];

/** tanh x = 2·σ(2x) − 1: absolute error of a float32 ulp of 1, all the downstream sums care about. */
const tanh4 = (x: Code): Code => [...op.f32x4(2), ...sigmoid4(x, 2), ...op.f32x4Mul, ...op.f32x4(1), ...op.f32x4Sub];

/** Byte offsets in the module's memory. */
export interface Layout {
  h: number;
  c: number;
  gates: number;
  shapeRows: number;
  suffixRows: number;
  wordRows: number;
  /** The heads' rows for selfScores (self-scores.ts). */
  heads: number;
  /** Per call: the tokens' row numbers (3 × i32 each), then the output states. */
  data: number;
}

export function layout(hidden: number, shapeRows: number, suffixRows: number, wordRows: number): Layout {
  const G = 4 * hidden;
  const h = 2 * 4 * G * hidden;
  const shape = h + 4 * (2 * hidden + G);
  const suffix = shape + shapeRows * 8 * G;
  const word = suffix + suffixRows * 8 * G;
  const heads = word + wordRows * 8 * G;
  const data = heads + SELF_ROWS * 2 * hidden * 4;
  return {
    h,
    c: h + 4 * hidden,
    gates: h + 8 * hidden,
    shapeRows: shape,
    suffixRows: suffix,
    wordRows: word,
    heads,
    data,
  };
}

/** run(n, backward, weights, rows, out, dir): one direction over n tokens. */
function recurrenceModule(hidden: number, L: Layout): Uint8Array {
  const H = hidden;
  const G = 4 * H;
  const vecs = G % 32 === 0 ? 8 : 4; // accumulators per pass over h
  const body: Code = [];
  for (let k = 0; k < (2 * H) / 4; k++) body.push(...op.i32(L.h + 16 * k), ...op.f32x4(0), ...op.v128Store());
  body.push(...op.i32(0), ...op.set(S), ...op.block, ...op.loop);
  body.push(...op.get(S), ...op.get(N), ...op.i32GeS, ...op.brIf(1));
  body.push(...op.get(N), ...op.i32(1), ...op.i32Sub, ...op.get(S), ...op.i32Sub, ...op.get(S), ...op.get(BACK));
  body.push(...op.select, ...op.set(T));
  body.push(...op.get(OUT), ...op.get(T), ...op.i32(8 * H), ...op.i32Mul, ...op.i32Add, ...op.set(PO));
  // The token's rows in the shape/flags, suffix and word tables, at this direction's half.
  [PF, PS, PW].forEach((local, i) => {
    const table = [L.shapeRows, L.suffixRows, L.wordRows][i]!;
    body.push(...op.get(ROWS), ...op.get(T), ...op.i32(12), ...op.i32Mul, ...op.i32Add, ...op.i32Load(4 * i));
    body.push(...op.i32(8 * G), ...op.i32Mul, ...op.i32(table), ...op.i32Add, ...op.get(DIR), ...op.i32Add);
    body.push(...op.set(local));
  });
  // Gates = the three rows + W_hh·h, `vecs` × 4 gates per pass; h[k] is splat, W_hh read by rows.
  body.push(...op.i32(0), ...op.set(B), ...op.loop);
  for (let v = 0; v < vecs; v++) {
    for (const [i, local] of [PF, PS, PW].entries()) {
      body.push(...op.get(local), ...op.get(B), ...op.i32Add, ...op.v128Load(16 * v));
      if (i) body.push(...op.f32x4Add);
    }
    body.push(...op.set(ACC + v));
  }
  body.push(...op.get(W), ...op.get(B), ...op.i32Add, ...op.set(WB));
  for (let k = 0; k < H; k++) {
    body.push(...op.i32(0), ...op.load32Splat(L.h + 4 * k), ...op.set(X));
    for (let v = 0; v < vecs; v++) {
      body.push(...op.get(ACC + v), ...op.get(X), ...op.get(WB), ...op.v128Load(4 * G * k + 16 * v));
      body.push(...op.f32x4Mul, ...op.f32x4Add, ...op.set(ACC + v));
    }
  }
  for (let v = 0; v < vecs; v++) body.push(...op.get(B), ...op.get(ACC + v), ...op.v128Store(L.gates + 16 * v));
  body.push(...op.get(B), ...op.i32(16 * vecs), ...op.i32Add, ...op.tee(B), ...op.i32(4 * G), ...op.i32LtS);
  body.push(...op.brIf(0), ...op.end);
  // PyTorch's gate order: input, forget, cell, output; four units per pass.
  const gate = (g: number) => [...op.get(J), ...op.v128Load(L.gates + 4 * H * g)];
  body.push(...op.i32(0), ...op.set(J), ...op.loop);
  body.push(...sigmoid4(gate(1)), ...op.get(J), ...op.v128Load(L.c), ...op.f32x4Mul);
  body.push(...sigmoid4(gate(0)), ...tanh4(gate(2)), ...op.f32x4Mul, ...op.f32x4Add, ...op.set(CC));
  body.push(...op.get(J), ...op.get(CC), ...op.v128Store(L.c));
  body.push(...sigmoid4(gate(3)), ...tanh4(op.get(CC)), ...op.f32x4Mul, ...op.set(X));
  body.push(...op.get(J), ...op.get(X), ...op.v128Store(L.h), ...op.get(PO), ...op.get(J), ...op.i32Add);
  body.push(...op.get(X), ...op.v128Store());
  body.push(...op.get(J), ...op.i32(16), ...op.i32Add, ...op.tee(J), ...op.i32(4 * H), ...op.i32LtS);
  body.push(...op.brIf(0), ...op.end);
  body.push(...op.get(S), ...op.i32(1), ...op.i32Add, ...op.set(S), ...op.br(0), ...op.end, ...op.end);
  const locals = [...new Array(ACC - S).fill(I32), ...new Array(ER - ACC + 1).fill(V128)];
  const params = new Array(S).fill(I32);
  const pages = Math.ceil(L.data / 65536) + 1;
  return assemble([{ name: 'run', params, locals, body }, selfScoresFunction(hidden, L.heads)], pages);
}

/** What we use of the WebAssembly API (the project's TypeScript libraries do not declare it). */
export interface Recurrence {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  run: (n: number, backward: number, w: number, rows: number, out: number, dir: number) => void;
  selfScores: (n: number, states: number, out: number) => void;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

/** Synchronous compile (a few KB), once per encoder: one per process or worker thread. */
export function instantiateRecurrence(hidden: number, L: Layout): Recurrence {
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const { exports } = new wasm.Instance(new wasm.Module(recurrenceModule(hidden, L)));
  return {
    memory: exports.memory as Recurrence['memory'],
    run: exports.run as Recurrence['run'],
    selfScores: exports.selfScores as Recurrence['selfScores'],
  };
}
