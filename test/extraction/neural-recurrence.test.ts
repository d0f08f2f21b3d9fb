import { tokenize } from '../../src/extraction/detect/tokenize';
import { Encoder } from '../../src/extraction/neural/encoder';
import {
  FLAGS,
  flagsOf,
  SHAPES,
  shapeOf,
  SUFFIX_BUCKETS,
  suffixBucket,
  vectorKey,
} from '../../src/extraction/neural/inputs';
import { loadNeural, type NeuralWeights } from '../../src/extraction/neural/model-file';

/** The BiLSTM as the model card describes it, in double precision and the plainest loops: the yardstick. */
function referenceStates(w: NeuralWeights, text: string): Float64Array {
  const tokens = tokenize(text);
  const H = w.hidden;
  const G = 4 * H;
  const suffixDim = w.suffix.length / SUFFIX_BUCKETS;
  const shapeDim = w.shape.length / SHAPES;
  const inputs = tokens.map((tok, t) => {
    const row = w.vocab.get(vectorKey(tok.text)) ?? 0;
    const x: number[] = [];
    for (let k = 0; k < w.dims; k++) x.push(Math.fround(w.vectors[row * w.dims + k]! * w.vecScale[row]!));
    const suffix = suffixBucket(tok.text);
    for (let k = 0; k < suffixDim; k++) x.push(w.suffix[suffix * suffixDim + k]!);
    const shape = shapeOf(tok.text);
    for (let k = 0; k < shapeDim; k++) x.push(w.shape[shape * shapeDim + k]!);
    const f = flagsOf(tokens, t);
    for (let b = 0; b < FLAGS; b++) x.push(f & (1 << b) ? 1 : 0);
    return x;
  });
  const n = tokens.length;
  const out = new Float64Array(n * 2 * H);
  const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
  for (const [wIh, wHh, bias, backward] of [
    [w.wIhF, w.wHhF, w.bF, false],
    [w.wIhB, w.wHhB, w.bB, true],
  ] as const) {
    const h = new Array<number>(H).fill(0);
    const c = new Array<number>(H).fill(0);
    for (let s = 0; s < n; s++) {
      const t = backward ? n - 1 - s : s;
      const x = inputs[t]!;
      const gates = Array.from({ length: G }, (_, g) => {
        let sum = bias[g]!;
        for (let k = 0; k < x.length; k++) sum += wIh[g * x.length + k]! * x[k]!;
        for (let k = 0; k < H; k++) sum += wHh[g * H + k]! * h[k]!;
        return sum;
      });
      for (let k = 0; k < H; k++) {
        c[k] = sigmoid(gates[H + k]!) * c[k]! + sigmoid(gates[k]!) * Math.tanh(gates[2 * H + k]!);
        h[k] = sigmoid(gates[3 * H + k]!) * Math.tanh(c[k]!);
        out[t * 2 * H + (backward ? H : 0) + k] = h[k]!;
      }
    }
  }
  return out;
}

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe('when the accurate model encodes a text with its WebAssembly recurrence', () => {
  const w = loadNeural()!;
  const text =
    'Health Minister Ana Ruiz said on Tuesday that waiting lists had fallen by a third since March. ' +
    '“We have turned the corner,” she told reporters in Zyxqwerty.\nThe opposition disagreed, a statement said.';

  it('then every hidden state matches a plain double-precision forward pass to float32 rounding', () => {
    const { states } = new Encoder(w).encode(tokenize(text));
    const reference = referenceStates(w, text);
    expect(states.length).toBe(reference.length);
    expect(maxDifference(states, reference)).toBeLessThan(1e-5);
  });

  it('then a text long enough to grow its memory, and a short one after it, still match', () => {
    const encoder = new Encoder(w);
    const long = Array.from({ length: 30 }, (_, i) => `Paragraph ${i}: ${text}`).join('\n');
    const longStates = encoder.encode(tokenize(long)).states;
    const shortStates = encoder.encode(tokenize(text)).states;
    expect(maxDifference(shortStates, referenceStates(w, text))).toBeLessThan(1e-5);
    const reference = referenceStates(w, long);
    expect(maxDifference(longStates.subarray(0, 2000), reference.subarray(0, 2000))).toBeLessThan(1e-5);
    expect(maxDifference(longStates.subarray(-2000), reference.subarray(-2000))).toBeLessThan(1e-5);
  });

  it('then an empty text gives no states', () => {
    expect(new Encoder(w).encode([]).states.length).toBe(0);
  });
});
