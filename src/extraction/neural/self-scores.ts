/**
 * The heads' per-token share in WebAssembly SIMD: each token's BiLSTM state times the cue head's rows and the
 * relation head's "this token" rows (SELF_ROWS scores per token), straight from the states the recurrence left in
 * memory. The rest of the heads (the nearest cues' shares, the one-hot context, softmax, decoding) stays in
 * heads.ts, where it is cheap.
 */
import { type Code, I32, op, V128, type WasmFunction } from './wasm-asm';

/** Cue head rows (3), then the relation head's source and content rows (6). */
export const SELF_ROWS = 9;

// Parameters (token count, states, out), then locals.
const [N, STATES, OUT, T, PH, PO] = [0, 1, 2, 3, 4, 5];
const ACC = 6; // SELF_ROWS accumulators
const HV = ACC + SELF_ROWS;

/** selfScores(n, states, out): out[t·SELF_ROWS + r] = row r of the table at `table` · state t (width 2H). */
export function selfScoresFunction(hidden: number, table: number): WasmFunction {
  const width = 2 * hidden;
  const body: Code = [...op.i32(0), ...op.set(T), ...op.block, ...op.loop];
  body.push(...op.get(T), ...op.get(N), ...op.i32GeS, ...op.brIf(1));
  body.push(...op.get(STATES), ...op.get(T), ...op.i32(4 * width), ...op.i32Mul, ...op.i32Add, ...op.set(PH));
  body.push(...op.get(OUT), ...op.get(T), ...op.i32(4 * SELF_ROWS), ...op.i32Mul, ...op.i32Add, ...op.set(PO));
  for (let r = 0; r < SELF_ROWS; r++) body.push(...op.f32x4(0), ...op.set(ACC + r));
  for (let c = 0; c < width / 4; c++) {
    body.push(...op.get(PH), ...op.v128Load(16 * c), ...op.set(HV));
    for (let r = 0; r < SELF_ROWS; r++) {
      body.push(...op.get(ACC + r), ...op.get(HV), ...op.i32(0), ...op.v128Load(table + 4 * width * r + 16 * c));
      body.push(...op.f32x4Mul, ...op.f32x4Add, ...op.set(ACC + r));
    }
  }
  for (let r = 0; r < SELF_ROWS; r++) {
    body.push(...op.get(PO), ...op.get(ACC + r), ...op.f32x4ExtractLane(0));
    for (let lane = 1; lane < 4; lane++) body.push(...op.get(ACC + r), ...op.f32x4ExtractLane(lane), ...op.f32Add);
    body.push(...op.f32Store(4 * r));
  }
  body.push(...op.get(T), ...op.i32(1), ...op.i32Add, ...op.set(T), ...op.br(0), ...op.end, ...op.end);
  const locals = [I32, I32, I32, ...new Array(SELF_ROWS + 1).fill(V128)];
  return { name: 'selfScores', params: [I32, I32, I32], locals, body };
}
