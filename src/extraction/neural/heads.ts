/**
 * Output layers: per-token label scores for the cue, then source and content scores that also see the nearest
 * predicted cue on each side (its BiLSTM state, how far it is, whether it shares the sentence or paragraph),
 * and a constrained B/I/O decoding. Mirrors `cue_context` and `Tagger.forward` in scripts/train/neural.py.
 */
import type { Token } from '../detect/tokenize';
import { SELF_ROWS } from './self-scores';

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

/** Row r of the (rows × cols) weights, columns [from, from + len), times v[at, at + len). */
function dot(w: Float32Array, r: number, cols: number, from: number, v: Float32Array, at: number, len: number): number {
  const o = r * cols + from;
  let s0 = 0;
  let s1 = 0;
  let k = 0;
  for (; k + 1 < len; k += 2) {
    s0 += w[o + k]! * v[at + k]!;
    s1 += w[o + k + 1]! * v[at + k + 1]!;
  }
  if (k < len) s0 += w[o + k]! * v[at + k]!;
  return s0 + s1;
}

/** Writes the log-softmax of scores[at, at + 3) into out[to, to + 3). */
function logSoftmax3(s: Float64Array, at: number, out: Float64Array, to: number): void {
  const a = s[at]!;
  const b = s[at + 1]!;
  const c = s[at + 2]!;
  const m = Math.max(a, b, c);
  const z = Math.log(Math.exp(a - m) + Math.exp(b - m) + Math.exp(c - m)) + m;
  out[to] = a - z;
  out[to + 1] = b - z;
  out[to + 2] = c - z;
}

/** Cue label log-probabilities per token from the encoder's self scores (SELF_ROWS per token, cue rows first). */
export function cueScores(self: Float32Array, n: number, b: Float32Array): Float64Array {
  const scores = new Float64Array(n * 3);
  const out = new Float64Array(3);
  for (let t = 0; t < n; t++) {
    for (let r = 0; r < 3; r++) out[r] = b[r]! + self[t * SELF_ROWS + r]!;
    logSoftmax3(out, 0, scores, t * 3);
  }
  return scores;
}

/**
 * Source (labels 0..2) and content (3..5) log-probabilities per token, given the predicted cue tags. The layer
 * is linear in [token state; left cue's state; right cue's state; context one-hots]: the token's share comes from
 * the encoder (self scores), each cue's share is computed once for all the tokens that see it, and a one-hot adds
 * its weight column.
 */
export function relationScores(
  h: Float32Array,
  self: Float32Array,
  tokens: Token[],
  cue: Uint8Array,
  w: Float32Array,
  b: Float32Array,
): { source: Float64Array; content: Float64Array } {
  const n = tokens.length;
  const width = h.length / Math.max(1, n);
  const cols = 3 * width + CONTEXT_EXTRA;
  const ex = 3 * width;
  const { left, right } = nearestCues(cue);
  // Per cue start: its state through the "left cue" weights (rows 0..5) and the "right cue" ones (6..11).
  const viaCue = new Float64Array(n * 12);
  for (let i = 0; i < n; i++)
    if (cue[i] === 1 || (cue[i] === 2 && (i === 0 || cue[i - 1] === 0)))
      for (let r = 0; r < 6; r++) {
        viaCue[i * 12 + r] = dot(w, r, cols, width, h, i * width, width);
        viaCue[i * 12 + 6 + r] = dot(w, r, cols, 2 * width, h, i * width, width);
      }
  const source = new Float64Array(n * 3);
  const content = new Float64Array(n * 3);
  const out = new Float64Array(6);
  for (let t = 0; t < n; t++) {
    const l = left[t]!;
    const rt = right[t]!;
    const tok = tokens[t]!;
    const lb = ex + bucket(l >= 0 ? t - l : -1);
    const rb = ex + BUCKETS + bucket(rt >= 0 ? rt - t : -1);
    for (let r = 0; r < 6; r++) {
      const row = r * cols;
      let sum = b[r]! + self[t * SELF_ROWS + 3 + r]! + w[row + lb]! + w[row + rb]!;
      if (l >= 0) {
        sum += viaCue[l * 12 + r]!;
        if (tokens[l]!.sent === tok.sent) sum += w[row + ex + 2 * BUCKETS]!;
        if (tokens[l]!.para === tok.para) sum += w[row + ex + 2 * BUCKETS + 1]!;
      }
      if (rt >= 0) {
        sum += viaCue[rt * 12 + 6 + r]!;
        if (tokens[rt]!.sent === tok.sent) sum += w[row + ex + 2 * BUCKETS + 2]!;
        if (tokens[rt]!.para === tok.para) sum += w[row + ex + 2 * BUCKETS + 3]!;
      }
      if (cue[t] !== 0) sum += w[row + ex + 2 * BUCKETS + 4]!;
      out[r] = sum;
    }
    logSoftmax3(out, 0, source, t * 3);
    logSoftmax3(out, 3, content, t * 3);
  }
  return { source, content };
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
