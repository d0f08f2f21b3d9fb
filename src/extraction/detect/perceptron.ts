/**
 * Greedy left-to-right averaged-perceptron taggers over B/I/O labels (0 = O, 1 = B, 2 = I).
 * The three role taggers share one weight table (feature → 3 taggers × 3 labels), so a feature string
 * is hashed and looked up once per token for all of them. Inference only; see train-perceptron.ts.
 */
import {
  BIGRAM_FAMILIES,
  type BigramFamily,
  type CodeFamily,
  codeFeatures,
  PAIR_LEFT,
  PAIR_RIGHT,
  SENT_START,
  type TypeKind,
  type WordRef,
  typeFeatures,
  typeKey,
} from './features';
import type { Token } from './tokenize';
import { PairTable } from './pair-table';
import { viterbi } from './viterbi';

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

// Caches of summed weights, bounded so odd input cannot grow them forever; these sizes cover the word types
// of a typical news feed while keeping a worker process small (see bench:import's peak_rss_mb).
const TYPE_CACHE_LIMIT = 20_000;
const CODE_CACHE_LIMIT = 20_000;
const KIND_SLOTS: Record<TypeKind, number> = {
  w: 0,
  '-1': 1,
  '+1': 2,
  '-2': 3,
  '+2': 4,
  cLwS: 5,
  cLwX: 6,
  cRwS: 7,
  cRwX: 8,
};
/**
 * Every split of 'a|b' into two non-empty words: a word may itself hold '|', and the string feature 'x|y'
 * matched every pair that spells it, so registering each split keeps exactly the same matches.
 */
function* splits(key: string): Generator<[string, string]> {
  for (let j = key.indexOf('|'); j >= 0; j = key.indexOf('|', j + 1)) {
    if (j > 0 && j < key.length - 1) yield [key.slice(0, j), key.slice(j + 1)];
  }
}

/** Per word type, its summed feature weights per kind (slot from KIND_SLOTS): undefined until computed. */
export type TypeEntry = (Int32Array | null | undefined)[];
type Sum = Int32Array | null;

/**
 * The weights of all features, in one Int16Array of rows (weight × 10, see model-file.ts) addressed
 * through a feature → row map. Scores are sums of these integers; only their order matters.
 */
export class WeightTable {
  private readonly rowOf = new Map<string, number>();
  /**
   * Word-pair features ('w-1w=a|b', 'ww+1=a|b', 'sk=a|b', 'clw=a|b') are looked up by the pair of word ids,
   * so no feature string is built per token: one PairTable per prefix, (id(a), id(b)) → row.
   */
  private readonly vocabulary = new Map<string, number>();
  private readonly pairRight: PairTable;
  private readonly pairLeft: PairTable;
  private readonly skipPairs: PairTable;
  private readonly cuePairs: PairTable;
  private readonly startId: number;
  private readonly endId: number;
  private readonly entries = new Map<string, TypeEntry>();
  private readonly codes: Record<CodeFamily, Map<number, Sum>> = { layout: new Map(), cue: new Map() };
  /** 'pw=' weights of a word for each previous label (3 × WIDTH), cached per word. */
  private readonly wordHistory = new Map<string, Int32Array | null>();
  /** Summed 'p=', 'p2=', 'pq=' weights per (prev2, prev, inQuote): only 18 combinations. */
  private readonly labelHistory: Int32Array[] = [];

  constructor(
    features: string[],
    private readonly rows: Int16Array,
  ) {
    const prefixes = [PAIR_RIGHT, PAIR_LEFT, ...BIGRAM_FAMILIES.map((f) => f + '=')];
    const pairs: [number, number, number][][] = prefixes.map(() => []);
    features.forEach((f, r) => {
      const p = prefixes.findIndex((prefix) => f.startsWith(prefix));
      if (p < 0) this.rowOf.set(f, r);
      else
        for (const [a, b] of splits(f.slice(prefixes[p]!.length))) pairs[p]!.push([this.wordId(a), this.wordId(b), r]);
    });
    [this.pairRight, this.pairLeft, this.skipPairs, this.cuePairs] = pairs.map((entries) => new PairTable(entries)) as [
      PairTable,
      PairTable,
      PairTable,
      PairTable,
    ];
    this.startId = this.vocabulary.get('<s>') ?? -1;
    this.endId = this.vocabulary.get('</s>') ?? -1;
    for (let prev2 = 0; prev2 < LABELS; prev2++)
      for (let prev = 0; prev < LABELS; prev++)
        for (const q of [false, true])
          this.labelHistory.push(this.sum(historyFeatures(prev, prev2, q, '').slice(0, 3)) ?? new Int32Array(WIDTH));
  }

  /** Per token, the cached 'pw=' weights of its word (see `historyFeatures`). */
  wordHistories(words: string[]): (Int32Array | null)[] {
    return words.map((word) => {
      let h = this.wordHistory.get(word);
      if (h === undefined) {
        h = null;
        for (let prev = 0; prev < LABELS; prev++) {
          const r = this.rowOf.get(historyFeatures(prev, 0, false, word)[3]!);
          if (r === undefined) continue;
          h ??= new Int32Array(LABELS * WIDTH);
          for (let k = 0; k < WIDTH; k++) h[prev * WIDTH + k] = this.rows[r * WIDTH + k]!;
        }
        if (this.wordHistory.size >= TYPE_CACHE_LIMIT) this.wordHistory.clear();
        this.wordHistory.set(word, h);
      }
      return h;
    });
  }

  /** Summed weights of the given features, or null when none is known. */
  private sum(features: string[]): Sum {
    let sum: Sum = null;
    for (const f of features) {
      const r = this.rowOf.get(f);
      if (r === undefined) continue;
      sum ??= new Int32Array(WIDTH);
      for (let k = 0; k < WIDTH; k++) sum[k]! += this.rows[r * WIDTH + k]!;
    }
    return sum;
  }

  /** The cached entry of a word type (exact token text): its summed feature weights per kind, filled lazily. */
  entry(text: string): TypeEntry {
    let e = this.entries.get(text);
    if (!e) {
      e = [];
      if (this.entries.size >= TYPE_CACHE_LIMIT) this.entries.clear();
      this.entries.set(text, e);
    }
    return e;
  }

  /** Adds the summed weights of a word type's features (see `typeFeatures`) at token `i`. */
  addType(scores: Float64Array, i: number, e: TypeEntry, kind: TypeKind, tokens: Token[], from: number): void {
    const slot = KIND_SLOTS[kind];
    let sum = e[slot];
    if (sum === undefined) {
      sum = this.sum(typeFeatures(kind, typeKey(tokens, kind, from)));
      e[slot] = sum;
    }
    if (sum) this.addSum(scores, i, sum);
  }

  /** Adds the summed weights of a closed-set feature code (see `codeFeatures`) at token `i`. */
  addCode(scores: Float64Array, i: number, family: CodeFamily, code: number): void {
    const cache = this.codes[family];
    let sum = cache.get(code);
    if (sum === undefined) {
      sum = this.sum(codeFeatures(family, code));
      if (cache.size >= CODE_CACHE_LIMIT) cache.clear();
      cache.set(code, sum);
    }
    if (sum) this.addSum(scores, i, sum);
  }

  private wordId(word: string): number {
    let id = this.vocabulary.get(word);
    if (id === undefined) {
      id = this.vocabulary.size;
      this.vocabulary.set(word, id);
    }
    return id;
  }

  /** Each word's id in the pair vocabulary, -1 when no pair feature holds it. */
  wordIds(words: string[]): Int32Array {
    const ids = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) ids[i] = this.vocabulary.get(words[i]!) ?? -1;
    return ids;
  }

  private pairRow(table: PairTable, ids: Int32Array, a: WordRef, b: WordRef): number {
    const ia = a >= 0 ? ids[a]! : a === SENT_START ? this.startId : this.endId;
    const ib = b >= 0 ? ids[b]! : b === SENT_START ? this.startId : this.endId;
    return ia < 0 || ib < 0 ? -1 : table.get(ia, ib);
  }

  /** Adds a bigram's weights to the tokens on both its sides (see `EmitPair`). */
  addPair(scores: Float64Array, ids: Int32Array, a: WordRef, b: WordRef, left: number, right: number): void {
    if (right >= 0) {
      const r = this.pairRow(this.pairRight, ids, a, b);
      if (r >= 0) this.addRow(scores, right, r);
    }
    if (left >= 0) {
      const r = this.pairRow(this.pairLeft, ids, a, b);
      if (r >= 0) this.addRow(scores, left, r);
    }
  }

  /** Adds a token's word-pair feature (see `EmitBigram`). */
  addBigram(scores: Float64Array, ids: Int32Array, i: number, family: BigramFamily, a: WordRef, b: WordRef): void {
    const r = this.pairRow(family === 'sk' ? this.skipPairs : this.cuePairs, ids, a, b);
    if (r >= 0) this.addRow(scores, i, r);
  }

  private addRow(scores: Float64Array, i: number, r: number): void {
    const o = i * WIDTH;
    const from = r * WIDTH;
    for (let k = 0; k < WIDTH; k++) scores[o + k]! += this.rows[from + k]!;
  }

  private addSum(scores: Float64Array, i: number, w: Int32Array): void {
    const o = i * WIDTH;
    for (let k = 0; k < WIDTH; k++) scores[o + k]! += w[k]!;
  }

  /**
   * Tags one sequence with tagger `slot`, given per-token scores from static (and cue-relative) features;
   * history features are added as the tags are chosen.
   */
  tag(slot: number, scores: Float64Array, history: (Int32Array | null)[], inQuote: boolean[]): Uint8Array {
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

  /** The best whole sequence for tagger `slot` under the same score as `tag` (see viterbi.ts). */
  tagViterbi(slot: number, scores: Float64Array, history: (Int32Array | null)[], inQuote: boolean[]): Uint8Array {
    const base = slot * LABELS;
    return viterbi(history.length, (i, p2, p, y) => {
      const wh = history[i];
      const lh = this.labelHistory[(p2 * LABELS + p) * 2 + (inQuote[i] ? 1 : 0)]!;
      return scores[i * WIDTH + base + y]! + lh[base + y]! + (wh ? wh[p * WIDTH + base + y]! : 0);
    });
  }
}
