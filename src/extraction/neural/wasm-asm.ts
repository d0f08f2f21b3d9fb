/**
 * Just enough of a WebAssembly assembler to write the BiLSTM recurrence (recurrence.ts) with 128-bit SIMD, in
 * TypeScript, with no build step and no dependency: the module is assembled in memory when the tagger loads.
 * Opcodes are those of the WebAssembly 2.0 core specification (§5.4, binary format); `Code` is a byte list that
 * functions append to, so a helper like `exp4` is inlined wherever it is called.
 */

export type Code = number[];

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
}

const f32Bytes = (x: number) => [...new Uint8Array(Float32Array.of(x).buffer)];
const simd = (op: number) => [0xfd, ...uleb(op)];
/** Memory immediates: alignment exponent, then a constant byte offset added to the address operand. */
const memarg = (align: number, offset: number) => [...uleb(align), ...uleb(offset)];

export const op = {
  get: (l: number) => [0x20, ...uleb(l)],
  set: (l: number) => [0x21, ...uleb(l)],
  tee: (l: number) => [0x22, ...uleb(l)],
  i32: (n: number) => [0x41, ...sleb(n)],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32LtS: [0x48],
  i32GeS: [0x4e],
  i32Load: (offset = 0) => [0x28, ...memarg(2, offset)],
  select: [0x1b],
  /** A block or loop without results; `br 0` inside a loop jumps back to its start. */
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  f32Store: (offset = 0) => [0x38, ...memarg(2, offset)],
  f32Add: [0x92],
  f32x4ExtractLane: (lane: number) => [...simd(0x1f), lane],
  v128Load: (offset = 0) => [...simd(0x00), ...memarg(4, offset)],
  v128Store: (offset = 0) => [...simd(0x0b), ...memarg(4, offset)],
  /** Loads one f32 and copies it into the four lanes. */
  load32Splat: (offset = 0) => [...simd(0x09), ...memarg(2, offset)],
  f32x4: (x: number) => [...simd(0x0c), ...f32Bytes(x), ...f32Bytes(x), ...f32Bytes(x), ...f32Bytes(x)],
  i32x4: (n: number) => [
    ...simd(0x0c),
    ...new Array(4).fill(0).flatMap(() => [...new Uint8Array(Int32Array.of(n).buffer)]),
  ],
  f32x4Add: simd(0xe4),
  f32x4Sub: simd(0xe5),
  f32x4Mul: simd(0xe6),
  f32x4Div: simd(0xe7),
  f32x4Min: simd(0xe8),
  f32x4Max: simd(0xe9),
  f32x4Nearest: simd(0x6a),
  i32x4TruncSatF32x4: simd(0xf8),
  i32x4Add: simd(0xae),
  i32x4Shl: simd(0xab),
};

export const I32 = 0x7f;
export const V128 = 0x7b;

export interface WasmFunction {
  name: string;
  params: number[];
  /** Extra locals after the parameters, by type. */
  locals: number[];
  body: Code;
}

const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, content: number[]) => [id, ...uleb(content.length), ...content];
const name = (s: string) => vec([...Buffer.from(s, 'utf8')].map((b) => [b]));

/** A module with one memory (exported as `memory`, `pages` of 64 KiB to start) and the given exported functions. */
export function assemble(functions: WasmFunction[], pages: number): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((p) => [p])), 0]);
  const bodies = functions.map((f) => {
    const locals = vec(f.locals.map((t) => [1, t]));
    const content = [...locals, ...f.body, ...op.end];
    return [...uleb(content.length), ...content];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(5, vec([[0x00, ...uleb(pages)]])),
    ...section(7, vec([[...name('memory'), 0x02, 0], ...functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)])])),
    ...section(10, vec(bodies)),
  ]);
}
