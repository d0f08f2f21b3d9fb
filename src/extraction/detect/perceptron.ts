/**
 * Greedy left-to-right averaged-perceptron taggers over B/I/O labels (0 = O, 1 = B, 2 = I).
 * The three role taggers share one weight table (feature → 3 taggers × 3 labels), so a feature string
 * is hashed and looked up once per token for all of them. Inference only; see train-perceptron.ts.
 */
import { type CodeFamily, codeFeatures, PAIR_LEFT, PAIR_RIGHT, type TypeKind, typeFeatures, typeKey } from './features';
import type { Token } from './tokenize';

export const LABELS = 3;
export const TAGGERS = ['cue', 'source', 'content'] as const;
export const WIDTH = TAGGERS.length * LABELS;

/** Serialised form of one tagger: feature string → its three label weights. */
export type TaggerWeights = Record<string, number[]>;

/** Features that depend on the previously chosen tags; the trainer builds the same strings. */
export function historyFeatures(prev: number, prev2: number, inQuote: boolean, word: string): string[] {
  return ['p=' + prev, 'p2=' + prev2 + prev, 'pq=' + prev + (inQuote ? 1 : 0), 'pw=' + prev + '|' + word];
}

/** Best label; I cannot follow O (constrained here rather than repaired afterwards, so training sees it too). */
export function argmax(s: ArrayLike<number>, prev: number): number {
  let best = 0;
  const top = prev === 0 ? 2 : LABELS;
  for (let y = 1; y < top; y++) if (s[y]! > s[best]!) best = y;
  return best;
}

const TYPE_CACHE_LIMIT = 100_000;
export type TypeEntry = Map<TypeKind, Float64Array | null>;

export class WeightTable {
  private readonly weights = new Map<string, Float64Array>();
  /** Summed weights of each word type's features, per kind; bounded so odd input cannot grow it forever. */
  private readonly entries = new Map<string, TypeEntry>();
  private readonly codes: Record<CodeFamily, Map<number, Float64Array | null>> = { layout: new Map(), cue: new Map() };
  /** Bigram key → weights for the token on its right ('w-1w=') and on its left ('ww+1='). */
  private readonly pairs = new Map<string, { right: Float64Array | null; left: Float64Array | null }>();
  /** 'pw=' weights of a word for each previous label (3 × WIDTH), cached per word. */
  private readonly wordHistory = new Map<string, Float64Array | null>();
  /** Summed 'p=', 'p2=', 'pq=' weights per (prev2, prev, inQuote): only 18 combinations. */
  private readonly labelHistory: Float64Array[] = [];

  /** `rows` maps a feature to WIDTH weights (tagger-major). */
  constructor(rows: Record<string, number[]>) {
    for (const [k, v] of Object.entries(rows)) {
      const w = Float64Array.from(v);
      const side = k.startsWith(PAIR_RIGHT) ? 'right' : k.startsWith(PAIR_LEFT) ? 'left' : null;
      if (!side) {
        this.weights.set(k, w);
        continue;
      }
      const key = k.slice(PAIR_RIGHT.length);
      const pair = this.pairs.get(key) ?? { right: null, left: null };
      pair[side] = w;
      this.pairs.set(key, pair);
    }
    for (let prev2 = 0; prev2 < LABELS; prev2++)
      for (let prev = 0; prev < LABELS; prev++)
        for (const q of [false, true]) {
          const sum = new Float64Array(WIDTH);
          for (const f of historyFeatures(prev, prev2, q, '').slice(0, 3)) {
            const w = this.weights.get(f);
            if (w) for (let k = 0; k < WIDTH; k++) sum[k]! += w[k]!;
          }
          this.labelHistory.push(sum);
        }
  }

  /** Per token, the cached 'pw=' weights of its word (see `historyFeatures`). */
  wordHistories(words: string[]): (Float64Array | null)[] {
    return words.map((word) => {
      let h = this.wordHistory.get(word);
      if (h === undefined) {
        h = null;
        for (let prev = 0; prev < LABELS; prev++) {
          const w = this.weights.get(historyFeatures(prev, 0, false, word)[3]!);
          if (!w) continue;
          h ??= new Float64Array(LABELS * WIDTH);
          h.set(w, prev * WIDTH);
        }
        if (this.wordHistory.size >= TYPE_CACHE_LIMIT) this.wordHistory.clear();
        this.wordHistory.set(word, h);
      }
      return h;
    });
  }

  /** Adds the feature's weights for all taggers to `scores` at token `i`. */
  add(scores: Float64Array, i: number, feature: string): void {
    const w = this.weights.get(feature);
    if (w) this.addAt(scores, i, w);
  }

  /** Summed weights of the given features, or null when none is known. */
  private sum(features: string[]): Float64Array | null {
    let sum: Float64Array | null = null;
    for (const f of features) {
      const w = this.weights.get(f);
      if (!w) continue;
      sum ??= new Float64Array(WIDTH);
      for (let k = 0; k < WIDTH; k++) sum[k]! += w[k]!;
    }
    return sum;
  }

  /** The cached entry of a word type (exact token text): its summed feature weights per kind, filled lazily. */
  entry(text: string): TypeEntry {
    let e = this.entries.get(text);
    if (!e) {
      e = new Map();
      if (this.entries.size >= TYPE_CACHE_LIMIT) this.entries.clear();
      this.entries.set(text, e);
    }
    return e;
  }

  /** Adds the summed weights of a word type's features (see `typeFeatures`) at token `i`. */
  addType(scores: Float64Array, i: number, e: TypeEntry, kind: TypeKind, tokens: Token[], from: number): void {
    let sum = e.get(kind);
    if (sum === undefined) {
      sum = this.sum(typeFeatures(kind, typeKey(tokens, kind, from)));
      e.set(kind, sum);
    }
    if (sum) this.addAt(scores, i, sum);
  }

  /** Adds the summed weights of a closed-set feature code (see `codeFeatures`) at token `i`. */
  addCode(scores: Float64Array, i: number, family: CodeFamily, code: number): void {
    const cache = this.codes[family];
    let sum = cache.get(code);
    if (sum === undefined) {
      sum = this.sum(codeFeatures(family, code));
      cache.set(code, sum);
    }
    if (sum) this.addAt(scores, i, sum);
  }

  /** Adds a bigram's weights to the tokens on both its sides (see `EmitPair`). */
  addPair(scores: Float64Array, key: string, left: number, right: number): void {
    const pair = this.pairs.get(key);
    if (!pair) return;
    if (right >= 0 && pair.right) this.addAt(scores, right, pair.right);
    if (left >= 0 && pair.left) this.addAt(scores, left, pair.left);
  }

  private addAt(scores: Float64Array, i: number, w: Float64Array): void {
    const o = i * WIDTH;
    for (let k = 0; k < WIDTH; k++) scores[o + k]! += w[k]!;
  }

  /**
   * Tags one sequence with tagger `slot`, given per-token scores from static (and cue-relative) features;
   * history features are added as the tags are chosen.
   */
  tag(slot: number, scores: Float64Array, history: (Float64Array | null)[], inQuote: boolean[]): Uint8Array {
    const n = history.length;
    const tags = new Uint8Array(n);
    const s = new Float64Array(LABELS);
    const base = slot * LABELS;
    let prev = 0;
    let prev2 = 0;
    for (let i = 0; i < n; i++) {
      const lh = this.labelHistory[(prev2 * LABELS + prev) * 2 + (inQuote[i] ? 1 : 0)]!;
      const wh = history[i];
      for (let y = 0; y < LABELS; y++)
        s[y] = scores[i * WIDTH + base + y]! + lh[base + y]! + (wh ? wh[prev * WIDTH + base + y]! : 0);
      const best = argmax(s, prev);
      tags[i] = best;
      prev2 = prev;
      prev = best;
    }
    return tags;
  }
}
