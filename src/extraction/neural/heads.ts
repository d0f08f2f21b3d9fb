/**
 * Output layers: per-token label scores for the cue, then source and content scores that also see the nearest
 * predicted cue on each side (its BiLSTM state, how far it is, whether it shares the sentence or paragraph),
 * and a constrained B/I/O decoding. Mirrors `cue_context` and `Tagger.forward` in scripts/train/neural.py.
 */
import type { Token } from '../detect/tokenize';

/** Distance buckets per side, the last meaning "no cue on this side". */
export const BUCKETS = 10;
export const CONTEXT_EXTRA = 2 * (BUCKETS + 2) + 1;
const TOPS = [0, 1, 2, 4, 8, 16, 32, 64];

export function bucket(d: number): number {
  if (d < 0) return BUCKETS - 1;
  for (let b = 0; b < TOPS.length; b++) if (d <= TOPS[b]!) return b;
  return TOPS.length;
}

/** Per token the first token of the nearest cue run starting at or before it, and after it (-1: none). */
export function nearestCues(cue: Uint8Array): { left: Int32Array; right: Int32Array } {
  const n = cue.length;
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (cue[i] === 1 || (cue[i] === 2 && (i === 0 || cue[i - 1] === 0))) last = i;
    left[i] = last;
  }
  let next = -1;
  for (let i = n - 1; i >= 0; i--) {
    right[i] = next;
    if (cue[i] === 1 || (cue[i] === 2 && (i === 0 || cue[i - 1] === 0))) next = i;
  }
  return { left, right };
}

/** Row-major (rows × cols) weights times the concatenation of `parts`, plus bias, into `out`. */
function affine(w: Float32Array, b: Float32Array, parts: [Float32Array, number, number][], out: Float64Array): void {
  const rows = b.length;
  const cols = w.length / rows;
  for (let r = 0; r < rows; r++) {
    let sum = b[r]!;
    let col = r * cols;
    for (const [v, from, len] of parts) {
      for (let k = 0; k < len; k++) sum += w[col + k]! * v[from + k]!;
      col += len;
    }
    out[r] = sum;
  }
}

export function cueScores(h: Float32Array, n: number, w: Float32Array, b: Float32Array): Float64Array {
  const width = h.length / Math.max(1, n);
  const scores = new Float64Array(n * 3);
  const out = new Float64Array(3);
  for (let t = 0; t < n; t++) {
    affine(w, b, [[h, t * width, width]], out);
    scores.set(logSoftmax(out), t * 3);
  }
  return scores;
}

/** Source (labels 0..2) and content (3..5) log-probabilities per token, given the predicted cue tags. */
export function relationScores(
  h: Float32Array,
  tokens: Token[],
  cue: Uint8Array,
  w: Float32Array,
  b: Float32Array,
): { source: Float64Array; content: Float64Array } {
  const n = tokens.length;
  const width = h.length / Math.max(1, n);
  const zero = new Float32Array(width);
  const { left, right } = nearestCues(cue);
  const source = new Float64Array(n * 3);
  const content = new Float64Array(n * 3);
  const extra = new Float32Array(CONTEXT_EXTRA);
  const out = new Float64Array(6);
  for (let t = 0; t < n; t++) {
    const l = left[t]!;
    const r = right[t]!;
    extra.fill(0);
    extra[bucket(l >= 0 ? t - l : -1)] = 1;
    extra[BUCKETS + bucket(r >= 0 ? r - t : -1)] = 1;
    const tok = tokens[t]!;
    if (l >= 0) {
      extra[2 * BUCKETS] = tokens[l]!.sent === tok.sent ? 1 : 0;
      extra[2 * BUCKETS + 1] = tokens[l]!.para === tok.para ? 1 : 0;
    }
    if (r >= 0) {
      extra[2 * BUCKETS + 2] = tokens[r]!.sent === tok.sent ? 1 : 0;
      extra[2 * BUCKETS + 3] = tokens[r]!.para === tok.para ? 1 : 0;
    }
    extra[2 * BUCKETS + 4] = cue[t] !== 0 ? 1 : 0;
    affine(
      w,
      b,
      [
        [h, t * width, width],
        l >= 0 ? [h, l * width, width] : [zero, 0, width],
        r >= 0 ? [h, r * width, width] : [zero, 0, width],
        [extra, 0, CONTEXT_EXTRA],
      ],
      out,
    );
    source.set(logSoftmax(out.subarray(0, 3)), t * 3);
    content.set(logSoftmax(out.subarray(3, 6)), t * 3);
  }
  return { source, content };
}

function logSoftmax(s: Float64Array): number[] {
  const m = Math.max(s[0]!, s[1]!, s[2]!);
  const z = Math.log(Math.exp(s[0]! - m) + Math.exp(s[1]! - m) + Math.exp(s[2]! - m)) + m;
  return [s[0]! - z, s[1]! - z, s[2]! - z];
}

/** Best B/I/O sequence (0 = O, 1 = B, 2 = I) where I never follows O nor opens the text. */
export function decodeBio(logp: Float64Array, n: number): Uint8Array {
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const back = new Uint8Array(n * 3);
  let prev = [logp[0]!, logp[1]!, -Infinity];
  for (let t = 1; t < n; t++) {
    const bestAny = prev[0]! >= prev[1]! && prev[0]! >= prev[2]! ? 0 : prev[1]! >= prev[2]! ? 1 : 2;
    const bestIn = prev[1]! >= prev[2]! ? 1 : 2;
    back[t * 3] = bestAny;
    back[t * 3 + 1] = bestAny;
    back[t * 3 + 2] = bestIn;
    prev = [prev[bestAny]! + logp[t * 3]!, prev[bestAny]! + logp[t * 3 + 1]!, prev[bestIn]! + logp[t * 3 + 2]!];
  }
  let y = prev[0]! >= prev[1]! && prev[0]! >= prev[2]! ? 0 : prev[1]! >= prev[2]! ? 1 : 2;
  for (let t = n - 1; t >= 0; t--) {
    tags[t] = y;
    if (t > 0) y = back[t * 3 + y]!;
  }
  return tags;
}
